// Calendar months on dates (YYYY-MM-DD days of core/date.hpp): moving a day by whole months.
// Pure; thread-safe.
#pragma once
#include "core/date.hpp"

namespace aims {

/// `d` moved by `months` calendar months (negative: back), on the month's last day when it is shorter.
Date add_months(Date d, int months);

}  // namespace aims
