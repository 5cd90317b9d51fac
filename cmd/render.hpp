#pragma once
// What people see: the styled message prefix and the `table` output.
#include <ics/util/rows.hpp>

#include <memory>
#include <ostream>
#include <string>

namespace icsctl {

// "icsctl: error: " or "icsctl: warning: ", bold red/yellow when coloured.
std::string styled_prefix(const std::string& level, bool color);
// Aligned columns with a header (none when `header` is false: --no-headers); null shows as "-".
// Buffers the rows to size the columns. With a `max_width` (0: none), the widest columns shrink until
// a line fits, their cells cut with "…".
std::unique_ptr<ics::util::RowSink> make_table_writer(std::ostream& out, bool color, size_t max_width,
                                                      bool header = true);

}  // namespace icsctl
