#include "report/incident_pdf.hpp"

#include "core/json_members.hpp"
#include "report/cells.hpp"
#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;

/// The Art. 3(49) point of a harm category, in our words.
std::string harm_point(const std::string& category) {
  return word_for(category, {
      {"a", "Art. 3(49)(a): death of a person or serious harm to a person's health"},
      {"b", "Art. 3(49)(b): serious and irreversible disruption of critical infrastructure"},
      {"c", "Art. 3(49)(c): infringement of Union-law obligations protecting fundamental rights"},
      {"d", "Art. 3(49)(d): serious harm to property or the environment"},
      {"none", "None of Art. 3(49)"},
  });
}

std::string incident_words(const std::string& value) {
  return word_for(value, {
      {"running", "Running"},
      {"met", "Met"},
      {"overdue", "OVERDUE"},
      {"not_applicable", "Not applicable"},
      {"initial", "Initial"},
      {"follow_up", "Follow-up"},
      {"final", "Final"},
      {"established", "Established"},
      {"reasonably_likely", "Reasonably likely"},
      {"none", "None"},
  });
}

/// An instant for people: in UTC as every report prints it ("7 Dec 2026, 15:40 UTC"); one given
/// with another offset as it was entered, so that its offset stays visible; "—" when absent.
std::string moment(const json::object& o, std::string_view key) {
  auto v = string_at(o, key);
  if (v.empty()) return "—";
  return v.back() == 'Z' ? people_date_time(v) : v;
}

bool flag_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_bool() && p->as_bool();
}

/// What a clock's state means for the reader: the deadline or the report that met it.
std::string clock_detail(const json::object& c) {
  auto status = string_at(c, "status");
  if (status == "not_applicable") return text_of(c, "reason");
  if (status == "met")
    return "Met by " + text_of(c, "met_by_report") + " at " + moment(c, "met_at") +
           (flag_of(c, "on_time") ? " (on time)" : " (late)");
  auto left = c.if_contains("time_left_seconds");
  if (!left || !left->is_int64()) return "Due immediately.";
  auto s = left->as_int64();
  auto hours = (s < 0 ? -s : s) / 3600;
  return s < 0 ? "Overdue by " + std::to_string(hours) + " h" : std::to_string(hours) + " h left";
}

}  // namespace

result<std::string> incident_pdf(const json::object& exported, const std::string& organization) {
  const auto& inc = object_at(exported, "incident");
  const auto& q = object_at(inc, "qualification");
  const auto& system = object_at(exported, "system");
  auto id = text_of(inc, "id");
  PdfDocument::Info info{false, "AI incident report " + id, organization, "AI incident " + id + " " + text_of(inc, "title"),
                         organization + " — AI incident " + id + ", exported " + moment(exported, "exported_at")};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.heading("AI incident " + id + ": " + text_of(inc, "title"), 1);
    std::string states = text_of(inc, "member_states");
    doc.table({{"Fact", 1}, {"Value", 3}},
              {{"Organization", organization},
               {"AI system", string_at(system, "name").empty() ? text_of(inc, "system_id")
                                                               : string_at(system, "name") + " (" + text_of(inc, "system_id") + ")"},
               {"Occurred at", moment(inc, "occurred_at")},
               {"Became aware at", moment(inc, "became_aware_at")},
               {"Causal link at", moment(inc, "causal_link_at")},
               {"Severity", text_of(inc, "severity")},
               {"Status", text_of(inc, "status")},
               {"Persons affected", text_of(inc, "affected_count")},
               {"Affected persons", text_of(inc, "affected_persons")},
               {"Member States", states},
               {"Harm category", inc.contains("harm_category") && inc.at("harm_category").is_string()
                                     ? harm_point(string_at(inc, "harm_category")) : std::string("not qualified yet")},
               {"Next deadline", moment(inc, "next_deadline")},
               {"Exported at", moment(exported, "exported_at")}});
    doc.heading("What happened", 2);
    doc.paragraph(text_of(inc, "description"), Style{9.5}, 6);
    if (auto actions = text_of(inc, "actions"); actions != "—") {
      doc.heading("Actions", 2);
      doc.paragraph(actions, Style{9.5}, 6);
    }

    doc.heading("Qualification", 2);
    if (q.empty()) {
      doc.paragraph("Not qualified yet: whether it is a serious incident has not been decided.", Style{9.5, false, kMuted}, 6);
    } else {
      doc.paragraph(flag_of(q, "serious") ? "A serious incident (EU AI Act Art. 3(49))." : "Not a serious incident.",
                    Style{10.5, true, flag_of(q, "serious") ? kWarn : 0x1d2430u}, 4);
      doc.table({{"Question", 1}, {"Answer", 3}},
                {{"Outcome", text_of(q, "outcome")},
                 {"High-risk AI system", std::string(flag_of(q, "high_risk") ? "Yes" : "No") + " (EU AI Act class " + text_of(q, "eu_class") +
                                             ", classification version " + text_of(q, "classification_version") + ")"},
                 {"Our roles", text_of(q, "roles")},
                 {"Harm", harm_point(string_at(q, "harm_category"))},
                 {"A person died", flag_of(q, "death") ? "Yes" : "No"},
                 {"Widespread infringement", flag_of(q, "widespread_infringement") ? "Yes" : "No"},
                 {"Causal link", incident_words(string_at(q, "causal_link"))},
                 {"Rationale", text_of(q, "rationale")},
                 {"Qualified by", text_of(q, "qualified_by") + " at " + moment(q, "qualified_at")}});
    }

    doc.heading("Reporting clocks", 2);
    std::vector<std::vector<std::string>> clocks;
    for (const auto& v : array_at(exported, "clocks")) {
      if (!v.is_object()) continue;
      const auto& c = v.as_object();
      auto days = c.if_contains("days");
      std::string deadline = moment(c, "deadline");
      if (deadline == "—" && string_at(c, "status") != "not_applicable") deadline = "immediately";
      clocks.push_back({text_of(c, "citation") + "\n" + text_of(c, "regime"), text_of(c, "title"), text_of(c, "recipient"),
                        days && days->is_int64() ? std::to_string(days->as_int64()) + " days" : std::string("immediately"), deadline,
                        incident_words(string_at(c, "status")), clock_detail(c)});
    }
    if (clocks.empty()) doc.paragraph("No reporting clock in the data.", Style{9.5, false, kMuted}, 6);
    else doc.table({{"Legal basis", 1.6}, {"Duty", 2.1}, {"To", 1}, {"Within", 1.1}, {"Deadline", 1.5}, {"State", 1.1}, {"Detail", 2.2}},
                   clocks, 7.5);

    doc.heading("Report chain", 2);
    std::vector<std::vector<std::string>> reports;
    for (const auto& v : array_at(exported, "reports")) {
      if (!v.is_object()) continue;
      const auto& r = v.as_object();
      reports.push_back({text_of(r, "id"), incident_words(string_at(r, "type")), text_of(r, "recipient") + " (" + text_of(r, "recipient_kind") + ")",
                         moment(r, "sent_at"), text_of(r, "reference"), text_of(r, "sha256")});
    }
    if (reports.empty()) doc.paragraph("No report sent yet.", Style{9.5, false, kMuted}, 6);
    else doc.table({{"Report", 0.8}, {"Type", 0.9}, {"Recipient", 2.2}, {"Sent at", 1.6}, {"Reference", 1.2}, {"Content SHA-256", 3}},
                   reports, 7.5);
  });
}

}  // namespace aims::report
