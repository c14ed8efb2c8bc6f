#include "report/cells.hpp"

#include <cctype>

#include "core/date.hpp"

namespace aims::report {
namespace json = boost::json;

std::string cell_text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "Yes" : "No";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v.as_array()) out += (out.empty() ? "" : "; ") + cell_text(e);
    return out;
  }
  return "";
}

std::string field_text(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  if (!p) return "";
  if (p->is_string()) return std::string(p->get_string());
  if (p->is_int64()) return std::to_string(p->get_int64());
  return "";
}

std::string people_date(std::string_view iso) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (iso.size() < 10 || (iso.size() > 10 && iso[10] != 'T')) return std::string(iso);
  auto d = parse_date(std::string(iso.substr(0, 10)));
  if (!d) return std::string(iso);
  std::chrono::year_month_day ymd{*d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string people_date_time(std::string_view iso) {
  auto day = people_date(iso);
  if (iso.size() < 16 || day == iso || iso.back() != 'Z') return day;  // a date alone, not a date, or not in UTC
  auto hh = iso.substr(11, 2), mm = iso.substr(14, 2);
  bool digits = std::isdigit(static_cast<unsigned char>(hh[0])) && std::isdigit(static_cast<unsigned char>(hh[1])) && iso[13] == ':' &&
                std::isdigit(static_cast<unsigned char>(mm[0])) && std::isdigit(static_cast<unsigned char>(mm[1]));
  return digits ? day + ", " + std::string(hh) + ":" + std::string(mm) + " UTC" : day;
}

std::string label(std::string s) {
  for (auto& c : s)
    if (c == '_') c = ' ';
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string item_notes(const json::object& it) {
  std::string notes = field_text(it, "notes");
  if (field_text(it, "status") == "not_applicable" && !field_text(it, "justification").empty())
    notes = "Not applicable: " + field_text(it, "justification") + (notes.empty() ? "" : " — " + notes);
  return notes;
}

std::vector<std::string> soa_row(const json::object& e) {
  std::string maturity, assessment;
  if (e.at("latest_answer").is_object()) {
    const auto& la = e.at("latest_answer").as_object();
    maturity = la.at("not_applicable").as_bool() ? "n/a" : cell_text(la.at("maturity"));
    assessment = cell_text(la.at("assessment_name")) + " (" + people_date(cell_text(la.at("assessment_date"))) + ")";
  }
  std::string reasons;
  for (const auto& r : e.at("reasons").as_array()) reasons += (reasons.empty() ? "" : "; ") + label(std::string(r.as_string()));
  // Risks whose treatment selects the control: "Treats R-3, R-12".
  if (auto linked = e.if_contains("linked_risks"); linked && linked->is_array() && !linked->as_array().empty()) {
    std::string ids;
    for (const auto& r : linked->as_array()) ids += (ids.empty() ? "" : ", ") + cell_text(r);
    reasons += (reasons.empty() ? "" : "; ") + std::string("Treats ") + ids;
  }
  return {cell_text(e.at("control_id")),    cell_text(e.at("area_id")),
          cell_text(e.at("title")),         cell_text(e.at("applicable")),
          cell_text(e.at("justification")), reasons,
          label(cell_text(e.at("implementation_status"))), cell_text(e.at("owner")),
          cell_text(e.at("evidence_refs")), cell_text(e.at("policy_refs")),
          maturity,                          assessment};
}

std::string word_for(std::string_view value, Words words) {
  for (const auto& [v, w] : words)
    if (v == value) return std::string(w);
  return std::string(value);
}

}  // namespace aims::report
