// The EU AI Act as data (catalog/eu-ai-act/*.json): the prohibited practices of Art. 5, the
// points of Annex III, the classification rules of Art. 6, 50 and 51–55, and the obligations that
// follow, with their application dates as amended. Loaded once from the files compiled into the
// binary; immutable after construction, so thread-safe for concurrent reads.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aims::euact {

/// One prohibited practice of Art. 5(1), with its yes/no screening question.
struct Practice {
  std::string id, article, title, summary, question;
  std::optional<std::string> exceptions;  // when the practice is not banned after all
  std::string applies_from;               // YYYY-MM-DD
  std::optional<std::string> amendment, note;
  /// A second question: the practice is a reasonably foreseeable outcome of a system placed on
  /// the market without adequate safeguards (Art. 5(1a)(a)(ii)); a yes to either is a hit.
  std::optional<std::string> foreseeable_question;
  std::optional<std::string> source;  // the provisions cited
};

/// One point of Annex III (a high-risk use).
struct AnnexPoint {
  std::string id;
  int area = 0;
  std::string area_title, point, title, summary, question;
  std::optional<std::string> exceptions;
  std::string applies_from;
  std::optional<std::string> amendment, note, source;
};

/// One classification rule: an Art. 2 exclusion, Art. 6(1), 6(2), a derogation of Art. 6(3),
/// profiling, an Art. 25(1) trigger, Art. 50, GPAI, Art. 111(2).
struct Rule {
  std::string id, article, kind, title, summary, question;
  std::string outcome;  // "" when a yes changes duties rather than the class
  std::vector<std::string> roles;
  std::string applies_from;
  std::optional<std::string> grace_until, grace_applies_to, exceptions, amendment, note, source;
};

/// One obligation that follows from a class, for some roles, with its dates per class variant.
struct Obligation {
  std::string id, article, title, summary;
  std::vector<std::string> roles, classes;
  std::map<std::string, std::string> applies_from;  // variant (e.g. high_risk_annex_iii) -> date
  std::optional<std::string> grace_until, grace_applies_to, condition, source_rule, amendment, note;
  std::vector<std::string> iso42001_controls, evidence;
  std::optional<std::string> source;
};

class Data {
 public:
  /// Loads and checks the four embedded files. Throws std::runtime_error naming the file and item
  /// at fault (a build defect, caught at start-up).
  static Data load_embedded();

  const std::vector<Practice>& practices() const { return practices_; }
  const std::vector<AnnexPoint>& points() const { return points_; }
  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<Obligation>& obligations() const { return obligations_; }

  const Practice* practice(std::string_view id) const;
  const AnnexPoint* point(std::string_view id) const;
  const Rule* rule(std::string_view id) const;
  const Obligation* obligation(std::string_view id) const;
  /// The rules of one kind (e.g. "scope_exclusion"), in file order.
  std::vector<const Rule*> rules_of_kind(std::string_view kind) const;
  /// The title of an Annex III area (1..8), "" if unknown.
  std::string area_title(int area) const;

  const std::string& source() const { return source_; }
  const std::string& licence() const { return licence_; }
  /// The data version: the files' versions joined, e.g. "2" when all say 2.
  const std::string& version() const { return version_; }
  const std::vector<std::string>& amending_acts() const { return amending_acts_; }
  /// The files' notes on uncertain points, each once, in file order.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  std::vector<Practice> practices_;
  std::vector<AnnexPoint> points_;
  std::vector<Rule> rules_;
  std::vector<Obligation> obligations_;
  std::string source_, licence_, version_;
  std::vector<std::string> amending_acts_, notes_;
};

/// "2 December 2027" for "2027-12-02" (the text as is if it is not a date).
std::string long_date(const std::string& iso);

/// How an obligation is named wherever it is listed (action tracker, management review pack): its
/// article and title from the embedded data ("Art. 4 AI literacy"), or `id` itself when unknown.
std::string obligation_title(std::string_view id);
/// An AI system's obligation record as lists name it: "Art. 4 AI literacy (sys_…)". The record names
/// its obligation in `obligation_id`, or by its own id when that is empty.
std::string obligation_label(std::string_view obligation_id, std::string_view record_id, std::string_view system_id);

/// An AI system as an obligation's label names it to people (named_systems in obligation_view.hpp
/// reads them for a page's rows in one query): `found` false when the organization has no such
/// system (deleted, or an id never seen).
struct NamedSystem {
  std::string id, name;
  bool found = false, archived = false;
};
/// The system's words in a label: its name (its id when its document has none); "sys_… — archived
/// system" when archived; "sys_… — system no longer exists" when gone.
std::string system_words(const NamedSystem& system);
/// The label of an AI system's obligation record with its system named: "Art. 4 AI literacy
/// (Ranker)", or "Art. 4 AI literacy (sys_… — archived system)" (system_words, in one place).
std::string obligation_label(std::string_view obligation_id, std::string_view record_id, const NamedSystem& system);
/// A label obligation_label(…, system_id) made and a list stored (the action tracker's index) with
/// its system named: the trailing "(<system id>)" replaced as the function above writes it; a label
/// that does not end so is returned as is.
std::string with_system_named(std::string_view label, const NamedSystem& system);

}  // namespace aims::euact
