#include "report_dates.hpp"

#include "args.hpp"

#include <ics/report/runner.hpp>
#include <ics/util/error.hpp>

namespace icsctl {

ics::store::Params report_dates(const Session& s, const std::string& as_of, const std::string& known_at) {
  auto known = optional_date(s, known_at, ics::report::k_known_at);
  if (known && *known > s.today())
    throw ics::InvalidInput(ics::report::k_known_at, known_at,
                            "is after today: what will be entered by then is not known yet");
  auto day = optional_date(s, as_of, "as_of");
  ics::store::Params params{{"as_of", (day ? *day : known ? *known : s.today()).iso()}};
  if (known) params[ics::report::k_known_at] = known->iso();
  return params;
}

}  // namespace icsctl
