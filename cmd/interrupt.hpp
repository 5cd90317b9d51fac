#pragma once
// Ctrl-C (SIGINT) and SIGTERM during an import: honoured until the commit. Once caught, either signal
// only sets a flag; the import polls it through its progress callback, and the dispatcher polls it
// once more right before the commit, with nothing but the commit after that poll. A flag found set
// after the commit means the signal came while the commit ran: too late, and only reported.
namespace icsctl {

// Installs the handlers for the rest of the process and clears the flag. A signal ignored by whoever
// started us (nohup, a background job of a script) stays ignored. The handlers are not restored
// after the commit: a signal in the process's last moments would then kill it by its default action,
// and the exit status (130 for SIGINT) would claim an interrupted import that in fact landed.
void catch_interrupts();
// Whether SIGINT or SIGTERM arrived since catch_interrupts().
bool interrupt_requested();
// Throws ics::Interrupted when interrupt_requested().
void throw_if_interrupted();

}  // namespace icsctl
