#include "core/date.hpp"
#include "core/date_months.hpp"

#include <cstdio>

namespace aims {

std::optional<Date> parse_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  int y = std::stoi(s.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string format_date(Date d) {
  std::chrono::year_month_day ymd{d};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

Date date_of(std::chrono::system_clock::time_point t) { return std::chrono::floor<std::chrono::days>(t); }

Date add_months(Date d, int months) {
  using namespace std::chrono;
  year_month_day ymd{d};
  year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return sys_days{year_month_day{ym.year(), ym.month(), ymd.day() > last ? last : ymd.day()}};
}

}  // namespace aims
