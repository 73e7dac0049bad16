#pragma once
// SIGTERM and SIGINT become an SDL event, so the service manager stops the kiosk cleanly while a
// visitor's keyboard (or a window-close request in fullscreen) cannot. The signals are blocked in
// every thread and taken by one thread with sigwait(); it pushes the event, which is thread-safe,
// and the main loop wakes from SDL_WaitEventTimeout at once: no polling.
#include <SDL.h>

#include <thread>

namespace kiosk {

class SignalWatcher {
public:
    // Call before SDL_Init, so SDL's own threads inherit the blocked mask.
    SignalWatcher();
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    // Start delivering once SDL's event queue exists; returns the event type pushed.
    Uint32 start();

private:
    std::thread thread_;
    Uint32 event_type_ = 0;
};

} // namespace kiosk
