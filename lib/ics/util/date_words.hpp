#pragma once
// The dates people type into a date option (`icsctl help dates`): an ISO date, a word for a day
// near today (today, eom, ...) or an offset from today (+7d, -6m, +10wd). Files read in bulk keep to
// ISO dates: these forms are for the command line only.
#include <ics/api.hpp>
#include <ics/util/calendar.hpp>
#include <ics/util/date.hpp>

#include <functional>
#include <string_view>

ICS_API_BEGIN
namespace ics::util {

// Gives the working-day calendar; called only for the working-day offsets (+10wd), the one form
// that needs it, so that a command given any other date loads no calendar.
using WorkingDayCalendar = std::function<Calendar()>;

// The accepted forms in a few words, for messages: "YYYY-MM-DD, today, yesterday, ...".
std::string_view date_forms();

// The date `text` denotes on `today`. Accepted, ignoring ASCII case and surrounding spaces and tabs
// (none inside):
//   YYYY-MM-DD                  that date
//   today, yesterday, tomorrow
//   sow, eow                    Monday and Sunday of today's ISO week (Monday to Sunday)
//   som, eom, soy, eoy          first and last day of today's month and year
//   +Nd -Nd +Nw -Nw             N days or weeks (7 days) after or before today
//   +Nm -Nm +Ny -Ny             N calendar months or years (12 months); a day past the end of the
//                               month reached becomes its last day (2026-01-31 +1m: 2026-02-28)
//   +Nwd -Nwd                   the N-th working day of `calendar` after or before today (today not
//                               counted, so from a Saturday +1wd is the Monday); +0wd is today
// N is 0 to 99999; the sign is required. A date outside years 1-9999, or a working-day offset that
// starts or ends outside the years the calendar knows, is refused. Anything else throws
// ics::InvalidInput naming `field` and `text`, with the accepted forms.
Date resolve_date(std::string_view text, std::string_view field, Date today,
                  const WorkingDayCalendar& calendar);

}  // namespace ics::util
ICS_API_END
