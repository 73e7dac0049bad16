#pragma once
// Tells the main loop when content may have changed: inotify on the content folder (and its
// subfolders) or on the content root, read by a thread that pushes an SDL event. The main loop
// keeps waiting for events until something happens: no polling of the disk.
#include <SDL.h>

#include <filesystem>
#include <thread>
#include <vector>

namespace kiosk {

class ContentWatcher {
  public:
    // Watches each folder (not recursively); failures are logged and leave the kiosk without
    // live reloading, never without slides.
    ContentWatcher(const std::vector<std::filesystem::path>& folders, Uint32 event_type);
    ~ContentWatcher();
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

  private:
    void run(Uint32 event_type);
    int inotify_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::thread thread_;
};

} // namespace kiosk
