// Text of JSON values as report cells, shared by the XLSX, HTML and PDF renderers. Pure functions;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aims::report {

/// A value as cell text: strings as they are, booleans Yes/No, integers, lists joined by "; ".
std::string cell_text(const boost::json::value& v);
/// A member of an object as text ("" when absent or not a string/integer).
std::string field_text(const boost::json::object& o, std::string_view key);
/// An identifier as a label: "legal_requirement" -> "Legal requirement".
std::string label(std::string s);
/// The notes cell of a report item: its notes, after the justification when not applicable.
std::string item_notes(const boost::json::object& item);
/// A date ("2026-12-06") or the day of an RFC 3339 date-time, as every report prints dates for
/// people: "6 Dec 2026". Text that is not a date comes back as it is; "" as "".
std::string people_date(std::string_view iso);
/// An RFC 3339 date-time for people, in UTC: "6 Dec 2026, 14:05 UTC" (a date alone as people_date).
std::string people_date_time(std::string_view iso);
/// The XLSX number formats of the same styles, for cells written as real dates.
inline constexpr const char* kXlsxDate = "d mmm yyyy";
inline constexpr const char* kXlsxDateTime = "d mmm yyyy hh:mm";  // its cell is labelled UTC
/// One SoA entry as the 12 cells of the SoA table (the columns of the XLSX and the PDF).
std::vector<std::string> soa_row(const boost::json::object& entry);

/// A report's words for stored values: each value and how the report prints it.
using Words = std::initializer_list<std::pair<std::string_view, std::string_view>>;
/// How `words` prints `value`; the value itself when the table has no entry for it.
std::string word_for(std::string_view value, Words words);

}  // namespace aims::report
