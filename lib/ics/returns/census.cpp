#include <ics/returns/census.hpp>
#include <ics/util/error.hpp>

namespace ics::returns {

CensusPeriod census_period(int year) {
  if (year < 2000 || year > 2100)
    throw InvalidInput("--year", std::to_string(year), "is not a census year from 2000 to 2100");
  return {year, util::Date(year - 1, 4, 1), util::Date(year, 3, 31)};
}

}  // namespace ics::returns
