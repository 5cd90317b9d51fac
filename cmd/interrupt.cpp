#include "interrupt.hpp"

#include <ics/util/error.hpp>

#include <atomic>
#include <csignal>

namespace icsctl {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_signal(int) {
  g_interrupted.store(true);
}

}  // namespace

void catch_interrupts() {
  g_interrupted.store(false);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM}) {
    struct sigaction previous {};
    sigaction(signal, &action, &previous);  // no SA_RESTART: a blocked read returns
    if (previous.sa_handler == SIG_IGN) sigaction(signal, &previous, nullptr);
  }
}

bool interrupt_requested() {
  return g_interrupted.load();
}

void throw_if_interrupted() {
  if (interrupt_requested()) throw ics::Interrupted();
}

}  // namespace icsctl
