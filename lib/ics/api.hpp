#pragma once
// The public API line. A header between ICS_API_BEGIN and ICS_API_END is installed and its
// declarations are exported from libics; every other header and symbol is private to lib/.
// Each public header opens the markers after its own includes.
#define ICS_API_BEGIN _Pragma("GCC visibility push(default)")
#define ICS_API_END _Pragma("GCC visibility pop")
