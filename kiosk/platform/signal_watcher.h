#pragma once
// SIGTERM and SIGINT become an SDL event, so the service manager stops the kiosk cleanly while a
// visitor's keyboard (or a window-close request in fullscreen) cannot. The signals are blocked in
// every thread and taken by one thread with sigwait(); it pushes the event, which is thread-safe,
// and the main loop wakes for it at once (on the console within its 10 ms look for input:
// renderer_choice.h): no polling of its own.
#include <SDL.h>

#include <atomic>
#include <thread>

namespace kiosk {

// Blocks the signals for this thread and every thread started after it: construct it before
// SDL_Init so SDL's own threads inherit the mask.
class BlockedSignals {
  public:
    BlockedSignals();
};

// Delivers the blocked signals as an SDL event. Construct it after SDL_Init and destroy it
// before SDL_Quit (declare it after the SdlSession), so it never pushes into a dead queue.
class SignalWatcher {
  public:
    explicit SignalWatcher(const BlockedSignals&);
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    Uint32 event_type() const { return event_type_; }

  private:
    Uint32 event_type_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

} // namespace kiosk
