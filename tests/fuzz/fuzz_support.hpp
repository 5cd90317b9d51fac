#pragma once
// What every fuzz target shares: a property that must hold (a broken one aborts, which libFuzzer and
// the corpus regression test both report with the input), and the rule that only ics's documented
// error types may escape a reader.
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

namespace ics::fuzz {

[[noreturn]] inline void broken(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property broken: %s\n", file, line, what);
  std::abort();
}

// An error's message shows the input escaped: no control, bidirectional control or invalid UTF-8
// reaches a terminal through it.
inline void expect_printable(const ics::InvalidInput& e) {
  if (auto at = ics::util::first_unprintable(e.what())) {
    std::fprintf(stderr, "an error message holds an unprintable character at byte %zu: %s\n", at->offset,
                 ics::util::escape_text(e.what()).c_str());
    std::abort();
  }
}

// Runs `body`; ics::InvalidInput (a bad input, said clearly, expect_printable) is the one way out
// besides returning.
template <typename Body>
void only_invalid_input(Body&& body) {
  try {
    body();
  } catch (const ics::InvalidInput& e) {
    expect_printable(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "an exception other than ics::InvalidInput escaped: %s\n", e.what());
    std::abort();
  }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace ics::fuzz

#define FUZZ_EXPECT(condition) ((condition) ? (void)0 : ::ics::fuzz::broken(#condition, __FILE__, __LINE__))
