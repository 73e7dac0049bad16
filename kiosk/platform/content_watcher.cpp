#include "platform/content_watcher.h"

#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk {

ContentWatcher::ContentWatcher(const std::vector<std::filesystem::path>& folders,
                               Uint32 event_type) {
    inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (inotify_ < 0 || pipe(stop_pipe_) != 0) {
        SDL_Log("content: cannot watch for changes: %s", strerror(errno));
        return;
    }
    // Renames matter most: imports switch `current` and write status files by rename(2).
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM;
    for (const auto& folder : folders)
        if (inotify_add_watch(inotify_, folder.c_str(), mask) < 0)
            SDL_Log("content: cannot watch %s: %s", folder.c_str(), strerror(errno));
    thread_ = std::thread([this, event_type] { run(event_type); });
}

void ContentWatcher::run(Uint32 event_type) {
    alignas(inotify_event) char buffer[4096];
    for (;;) {
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents) return;
        bool any = false;
        while (read(inotify_, buffer, sizeof buffer) > 0)
            any = true;
        if (!any) continue;
        SDL_Event e{};
        e.type = event_type;
        SDL_PushEvent(&e);
    }
}

ContentWatcher::~ContentWatcher() {
    if (thread_.joinable()) {
        const char stop = 1;
        (void)!write(stop_pipe_[1], &stop, 1);
        thread_.join();
    }
    for (int fd : {inotify_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) close(fd);
}

} // namespace kiosk
