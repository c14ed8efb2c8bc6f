// The input pack of a management review (ISO/IEC 42001 9.3.2; docs/management-review.md): one
// small "review input" function per section, each in its own file (inputs_<section>.cpp), each
// computed from the organization's records with links to them (ids and web paths). Kinds are read
// by their store NAME, so a kind that is not built into this server, or has no records, gives a
// section that says "no records" instead of failing. Records are read page by page (keyset, 500
// rows a page), never all documents of the organization at once; a section lists at most
// kMaxItems links and says how many there are. Pure functions of the caller's read transaction;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace aims::review {

/// What every section is computed from.
struct PackInput {
  store::ReadTx& tx;
  std::string org_id;
  std::string review_id;           // the review the pack is compiled for
  std::string today;               // YYYY-MM-DD (UTC)
  std::string now;                 // RFC 3339 UTC
  std::optional<std::string> since;  // when the previous review was held (its start, RFC 3339), if any
  /// The organization's objectives summary (ObjectiveService::summary): by_status, by_derived_status,
  /// overdue; null when not available.
  boost::json::value objectives = nullptr;
};

/// Links a section lists at most (its counts cover every record).
inline constexpr std::size_t kMaxItems = 50;
/// Rows read from the store per page.
inline constexpr int kPageRows = 500;

/// A section under construction: {key, clause, title, empty, summary, figures {}, items [], items_total}.
class Section {
 public:
  Section(std::string key, std::string clause, std::string title);
  /// Adds 1 (or n) to the figure `path` ("by_status.open"; created on first use).
  void count(const std::string& path, std::int64_t n = 1);
  /// Sets a figure to a value.
  void set(const std::string& name, boost::json::value v);
  /// Adds a link to a record (at most kMaxItems are kept; every call is counted in items_total).
  void link(const std::string& kind, const std::string& id, const std::string& title, const std::string& path,
            const std::string& note);
  /// Marks that records of the section were read (a section with none says "no records").
  void saw_records() { any_ = true; }
  /// The section's JSON with its one-line summary.
  boost::json::object done(std::string summary);
  bool any() const { return any_; }
  const boost::json::object& figures() const { return figures_; }

 private:
  boost::json::object out_;
  boost::json::object figures_;
  boost::json::array items_;
  std::int64_t items_total_ = 0;
  bool any_ = false;
};

/// Calls `f` with every top-level record of `kind` in the organization (archived ones too) and its
/// parsed document (an unreadable document is skipped), page by page in the store's order.
void each_record(const PackInput& in, std::string_view kind,
                 const std::function<void(const store::RecordRow&, const boost::json::object&)>& f);

/// Records of `kind` whose facet filters all hold, counted by the store (SQL).
std::int64_t count_records(const PackInput& in, std::string_view kind, std::vector<store::FacetIn> filters);

/// The text member `key` of a document ("" when missing or not text).
std::string text_of(const boost::json::object& doc, std::string_view key);
/// The first non-empty of the text members `keys` (a record's title, name, requirement …), else `fallback`.
std::string title_of(const boost::json::object& doc, std::initializer_list<std::string_view> keys, const std::string& fallback);
/// Whether the document says it is archived.
bool archived(const boost::json::object& doc);
/// The day part (YYYY-MM-DD) of a date or timestamp text.
std::string day_of(const std::string& text);
/// Whether an RFC 3339 / date text is after the previous review (always true without one).
bool after_since(const PackInput& in, const std::string& at);

// The sections, in the order of the pack.
boost::json::object input_previous_actions(const PackInput& in);  // actions of earlier reviews
boost::json::object input_changes(const PackInput& in);           // context, parties, requirements, obligations
boost::json::object input_nonconformities(const PackInput& in);   // NCs and corrective actions
boost::json::object input_monitoring(const PackInput& in);        // objectives and metric breaches
boost::json::object input_audits(const PackInput& in);            // internal and external audits
boost::json::object input_risks(const PackInput& in);             // risks and opportunities
boost::json::object input_incidents(const PackInput& in);         // AI incidents and their reporting clocks
boost::json::object input_improvements(const PackInput& in);      // opportunities for improvement
boost::json::object input_ai_specific(const PackInput& in);       // EU AI Act obligations, impact assessments

/// The whole pack: {format, review_id, compiled_at, today, since, sections: [...]}.
boost::json::object compile_pack(const PackInput& in);

}  // namespace aims::review
