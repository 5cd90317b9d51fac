#include "terminal.hpp"

#include <doctest/doctest.h>

using icsctl::color_wanted;
using icsctl::ColorEnvironment;

TEST_CASE("colour: --color always and never win over the environment and the terminal") {
  ColorEnvironment no_color{"1", "", "", ""};
  ColorEnvironment forced{"", "1", "", ""};
  CHECK(color_wanted("always", {}, false));
  CHECK(color_wanted("always", no_color, false));
  CHECK_FALSE(color_wanted("never", {}, true));
  CHECK_FALSE(color_wanted("never", forced, true));
}

TEST_CASE("colour: auto follows the terminal") {
  CHECK(color_wanted("auto", {}, true));
  CHECK_FALSE(color_wanted("auto", {}, false));
  CHECK(color_wanted("auto", {"", "", "", "xterm-256color"}, true));
}

TEST_CASE("colour: auto, NO_COLOR set and not empty turns it off, even when forced") {
  CHECK_FALSE(color_wanted("auto", {"1", "", "", ""}, true));
  CHECK_FALSE(color_wanted("auto", {"1", "1", "1", ""}, true));
  CHECK(color_wanted("auto", {"", "", "", ""}, true));  // set but empty counts as unset
}

TEST_CASE("colour: auto, CLICOLOR_FORCE or FORCE_COLOR other than 0 colours a pipe") {
  CHECK(color_wanted("auto", {"", "1", "", ""}, false));
  CHECK(color_wanted("auto", {"", "", "yes", ""}, false));
  CHECK(color_wanted("auto", {"", "1", "", "dumb"}, false));
  CHECK_FALSE(color_wanted("auto", {"", "0", "", ""}, false));
  CHECK_FALSE(color_wanted("auto", {"", "", "0", ""}, false));
}

TEST_CASE("colour: auto, TERM=dumb turns it off on a terminal") {
  CHECK_FALSE(color_wanted("auto", {"", "", "", "dumb"}, true));
}

TEST_CASE("width: the terminal's, else COLUMNS, else 80") {
  CHECK(icsctl::columns(132, "60") == 132);
  CHECK(icsctl::columns(0, "60") == 60);
  CHECK(icsctl::columns(0, "") == 80);
  CHECK(icsctl::columns(0, "0") == 80);
  CHECK(icsctl::columns(0, "wide") == 80);
  CHECK(icsctl::columns(0, "60x") == 80);
}

TEST_CASE("progress text: a percentage when the size is known, cut to the width") {
  CHECK(icsctl::progress_text("import register", 12000, 3 << 20, 6 << 20, 0) ==
        "import register:  50% (12000 rows, 3.0 MiB)");
  CHECK(icsctl::progress_text("import plans", 1000, 1 << 19, 0, 0) ==
        "import plans: 1000 rows, 0.5 MiB read");
  CHECK(icsctl::progress_text("import plans", 1000, 1 << 19, 0, 20) == "import plans: 1000 ");
}
