#pragma once
// The two dates every report and list is taken at (README "Reports"), as the runner's parameters.
#include "session.hpp"

#include <ics/store/rows.hpp>

#include <string>

namespace icsctl {

// {as_of, known_at} from --as-of and --known-at ("" when not given): --known-at is a date not after
// today (what will be known later is not known yet) and, left out, everything entered so far is
// known; --as-of defaults to the --known-at date (what was known then about then), else to today.
ics::store::Params report_dates(const Session& s, const std::string& as_of, const std::string& known_at);

}  // namespace icsctl
