#pragma once
// Terminal decisions, made once: colour, and the `table` output for people.
#include <ics/util/rows.hpp>

#include <memory>
#include <ostream>
#include <string>

namespace icsctl {

// --color auto|always|never; auto means stderr is a terminal and NO_COLOR is unset.
bool decide_color(const std::string& choice);
// "icsctl: error: " or "icsctl: warning: ", bold red/yellow when coloured.
std::string styled_prefix(const std::string& level, bool color);
// Aligned columns with a header; null shows as "-". Buffers the rows to size the columns.
std::unique_ptr<ics::util::RowSink> make_table_writer(std::ostream& out, bool color);

}  // namespace icsctl
