#pragma once
// --fields a,b,c: only the columns named, in that order, whatever the output format (README
// "Choosing columns and rows"). A name that is not a column of the output is a usage error (exit 2)
// that lists the columns there are, raised before anything is written.
#include <ics/util/rows.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace icsctl {

// The names of `--fields` in order; an empty item or a name given twice is a usage error.
std::vector<std::string> parse_fields(const std::string& text);

// The position of each of `fields` among `columns`; a name that is none of them is a usage error
// listing the valid names: the columns' and then `also` (names a command takes besides the columns,
// like the related lists of `show`), which get no position (npos).
std::vector<std::size_t> field_positions(const std::vector<ics::util::Column>& columns,
                                         const std::vector<std::string>& fields,
                                         const std::vector<std::string>& also = {});

// A sink that passes on to `next` only the columns named in `fields`, in their order. The names are
// checked at begin(), before `next` receives anything.
std::unique_ptr<ics::util::RowSink> project_fields(std::unique_ptr<ics::util::RowSink> next,
                                                   std::vector<std::string> fields);

}  // namespace icsctl
