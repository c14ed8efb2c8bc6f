#include "domain/incidents/incident_kind.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/incidents/clock_rules.hpp"
#include "domain/incidents/clocks.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::incidents {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

constexpr const char* kTimestampHelp = " An ISO 8601 date and time with its zone, e.g. 2026-12-01T09:30+01:00.";

FieldSpec timestamp_field(std::string name, std::string label, std::string help, bool required) {
  FieldSpec f{std::move(name), std::move(label), help + kTimestampHelp, FieldType::text, required};
  f.max_length = 40;
  f.format = "date-time";
  return f;
}

/// Timestamps must be instants with a zone, awareness and the causal link not before the event;
/// Member States are EU 27 codes.
void check(const json::object& doc, std::vector<FieldError>& errors) {
  std::optional<TimePoint> occurred;
  for (const char* key : {"occurred_at", "became_aware_at", "causal_link_at"}) {
    auto v = records::doc_text(&doc, key);
    if (v.empty()) continue;
    auto t = parse_instant(v);
    if (!t) {
      errors.push_back({key, 0, "must be an ISO 8601 date and time with its zone, e.g. 2026-12-01T09:30+01:00 or 2026-12-01T08:30:00Z"});
      continue;
    }
    if (std::string_view(key) == "occurred_at") occurred = t;
    else if (occurred && *t < *occurred) errors.push_back({key, 0, "cannot be before the incident occurred"});
  }
  auto states = records::doc_text(&doc, "member_states");
  for (const auto& code : text::split_list(states, ',')) {
    const auto& all = member_state_codes();
    if (std::find(all.begin(), all.end(), code) == all.end())
      errors.push_back({"member_states", 0, "'" + code + "' is not the ISO 3166 code of an EU Member State (e.g. DE, FR, GR)"});
  }
}

/// The members the incident service writes, served as they are stored (null when missing).
void derive(const json::object& doc, json::object& view) {
  for (const char* key : {"qualification", "harm_category"})
    view[key] = doc.contains(key) ? doc.at(key) : json::value(nullptr);
  auto q = doc.if_contains("qualification");
  auto serious = q && q->is_object() ? q->as_object().if_contains("serious") : nullptr;
  view["serious"] = serious ? *serious : json::value(nullptr);
  view["reports"] = doc.contains("reports") ? doc.at("reports") : json::value(json::array{});
  auto open = open_clocks(ClockRules::embedded().clocks(), facts_of(doc));
  view["next_deadline"] = open.next_deadline ? json::value(format_time(*open.next_deadline)) : json::value(nullptr);
}

records::KindSpec incident_spec() {
  auto k = records::named_kind("incident", "incident", "Incident", "INC-");
  k.plural = "Incidents";
  k.path = "incidents";
  k.cli = "incident";
  k.clause = "10.2";
  k.check = check;
  k.derive = derive;
  FieldSpec title{"title", "Title", "The incident in a few words.", FieldType::text, true};
  title.column = true;
  title.sort = FacetSlot::text4;
  title.search = true;
  FieldSpec system{"system_id", "AI system", "The AI system involved.", FieldType::ref, true};
  system.ref = "system";
  system.column = true;
  system.filter = FacetSlot::text0;
  auto occurred = timestamp_field("occurred_at", "Occurred at", "When the incident happened.", true);
  auto aware = timestamp_field("became_aware_at", "Became aware at", "When the organization became aware of it; the reporting clocks count from here.", true);
  aware.column = true;
  auto causal = timestamp_field("causal_link_at", "Causal link at",
                                "When a causal link with the AI system was established or found reasonably likely.", false);
  FieldSpec what{"description", "What happened", "What happened, to whom, and how the AI system was involved.",
                 FieldType::long_text, true};
  what.max_length = 8000;
  what.search = true;
  FieldSpec count{"affected_count", "Persons affected", "How many persons were affected, as far as known.", FieldType::integer};
  count.min = 0;
  count.max = 1'000'000'000;
  FieldSpec affected{"affected_persons", "Affected persons", "Who was affected and how.", FieldType::long_text};
  affected.max_length = 4000;
  FieldSpec states{"member_states", "Member States", "Where it happened: ISO 3166 codes of EU Member States, separated by commas (e.g. DE, FR).",
                   FieldType::text};
  states.max_length = 120;
  FieldSpec severity{"severity", "Severity", "How bad the incident is for the people and the organization.", FieldType::enumeration, true};
  severity.values = {{"low", "Low"}, {"medium", "Medium"}, {"high", "High"}, {"critical", "Critical"}};
  severity.default_value = "medium";
  severity.column = true;
  severity.filter = FacetSlot::text2;
  severity.sort = FacetSlot::number;
  FieldSpec status{"status", "Status", "Open, being investigated, reported to whom it must be, or closed.", FieldType::enumeration, true};
  status.values = {{"open", "Open"}, {"investigating", "Investigating"}, {"reported", "Reported"}, {"closed", "Closed"}};
  status.default_value = "open";
  status.column = true;
  status.filter = FacetSlot::text1;
  FieldSpec actions{"actions", "Actions", "What was done and is planned: containment, correction, corrective action.", FieldType::long_text};
  actions.max_length = 8000;
  FieldSpec owner{"owner", "Owner", "The member who handles the incident.", FieldType::ref};
  owner.ref = "user";
  owner.filter = FacetSlot::text3;
  FieldSpec links{"links", "Links", "Related records (nonconformities, risk reviews, management reviews), by number.", FieldType::text};
  links.max_length = 500;
  k.fields = {title, system, occurred, aware, causal, what, count, affected, states, severity, status, actions, owner, links};
  auto spec = records::field_kind(std::move(k));
  spec.filters.push_back(records::FilterSpec{"serious", records::Where::sql, false, kSeriousSlot, {"serious", "not_serious", "unqualified"}});
  spec.facets = [base = spec.facets](const store::RecordRow& row, const json::object* doc) {
    auto out = base(row, doc);
    if (!doc) return out;
    auto q = doc->if_contains("qualification");
    bool qualified = q && q->is_object();
    auto serious = qualified ? q->as_object().if_contains("serious") : nullptr;
    out.text[static_cast<std::size_t>(kSeriousSlot)] =
        !qualified ? "unqualified" : (serious && serious->is_bool() && serious->as_bool() ? "serious" : "not_serious");
    auto open = open_clocks(ClockRules::embedded().clocks(), facts_of(*doc));
    out.text[static_cast<std::size_t>(kOpenClockSlot)] = open.open ? "open" : "";
    out.text[static_cast<std::size_t>(kDeadlineSlot)] = open.next_deadline ? format_time(*open.next_deadline) : "";
    return out;
  };
  return spec;
}

}  // namespace

const std::vector<std::string>& member_state_codes() {
  static const std::vector<std::string> codes{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                                              "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};
  return codes;
}

const records::KindSpec& incident_kind() { return records::built_once<incident_spec>(); }

}  // namespace aims::incidents
