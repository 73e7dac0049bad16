#include "platform/signal_watcher.h"

#include <pthread.h>
#include <signal.h>

namespace kiosk {
namespace {

// SIGUSR2 wakes the watcher thread at shutdown; any other SIGUSR2 is ignored, so a stray one
// cannot end the thread and leave SIGTERM blocked for good.
sigset_t watched() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR2);
    return set;
}

} // namespace

BlockedSignals::BlockedSignals() {
    const sigset_t set = watched();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWatcher::SignalWatcher(const BlockedSignals&) : event_type_(SDL_RegisterEvents(1)) {
    thread_ = std::thread([this] {
        const sigset_t set = watched();
        for (;;) {
            int sig = 0;
            if (sigwait(&set, &sig) != 0) continue;
            if (sig == SIGUSR2) {
                if (stopping_) return;
                continue;
            }
            SDL_Log("signal %d: stopping", sig);
            SDL_Event e{};
            e.type = event_type_;
            SDL_PushEvent(&e);
        }
    });
}

SignalWatcher::~SignalWatcher() {
    stopping_ = true;
    pthread_kill(thread_.native_handle(), SIGUSR2);
    thread_.join();
}

} // namespace kiosk
