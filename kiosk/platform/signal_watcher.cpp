#include "platform/signal_watcher.h"

#include <pthread.h>
#include <signal.h>

namespace kiosk {
namespace {

// SIGUSR2 only tells the watcher thread to end when the kiosk shuts down.
sigset_t watched() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR2);
    return set;
}

} // namespace

SignalWatcher::SignalWatcher() {
    const sigset_t set = watched();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

Uint32 SignalWatcher::start() {
    event_type_ = SDL_RegisterEvents(1);
    const Uint32 type = event_type_;
    thread_ = std::thread([type] {
        const sigset_t set = watched();
        for (;;) {
            int sig = 0;
            if (sigwait(&set, &sig) != 0) continue;
            if (sig == SIGUSR2) return;
            SDL_Log("signal %d: stopping", sig);
            SDL_Event e{};
            e.type = type;
            SDL_PushEvent(&e);
        }
    });
    return event_type_;
}

SignalWatcher::~SignalWatcher() {
    if (thread_.joinable()) {
        pthread_kill(thread_.native_handle(), SIGUSR2);
        thread_.join();
    }
}

} // namespace kiosk
