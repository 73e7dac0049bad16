#pragma once
// What the kiosk chooses by SDL video driver: which of SDL's render drivers it tries, in what
// order, and what it does when one fails; whether it drives the console's screen itself; how
// often it looks for input.
// SDL's own first choice is desktop OpenGL. On KMSDRM with Mesa (virtio-gpu in an emulated Pi; a
// Pi's v3d offers desktop GL too) that renderer showed its first frame and then never flipped a
// page again: a blank kiosk. So on KMSDRM GLES2 comes first, as SDL advises for the Pi, each
// renderer must prove that it presents, and every order ends in the software renderer, which
// needs no GPU at all. On X11 the software renderer comes first: the kiosk redraws only what
// changes and keeps its text as textures, so it needs no GPU there, and SDL's GL renderer
// loaded Mesa and LLVM (46 of its 92 MB, and most of its start-up) to draw the same frames
// (README: Performance). Plain C++, so the choice is tested without a display.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// available: SDL's render drivers in SDL's order; requested: SDL_RENDER_DRIVER if set (tried
// first, so an operator can still choose). Only available drivers are returned, each once.
std::vector<std::string> renderer_order(std::string_view video_driver,
                                        const std::vector<std::string>& available,
                                        std::string_view requested);

// Whether the window keeps a frame's pixels until the next one is drawn over them, so that only
// what changed needs drawing and sending: SDL's software renderer on X11 draws into the window
// surface, which it keeps, and sends to the server through shared memory. GL renderers swap
// buffers whose contents are undefined afterwards, and KMSDRM is left as it was.
bool window_keeps_pixels(std::string_view video_driver, std::string_view renderer);

// Whether the kiosk drives the console's screen itself (platform/drm_screen.h) instead of going
// through SDL's KMSDRM backend: full screen, with no desktop to draw on (neither DISPLAY nor
// WAYLAND_DISPLAY set), and no video driver named in SDL_VIDEODRIVER. An operator who names one
// (kmsdrm) gets SDL's own output, as before. (Not even "evdev", the driver the kiosk then puts
// SDL on: SDL would keep it for the fallback too, and show nothing.)
bool drives_screen_itself(bool windowed, std::string_view video_driver_env, bool on_desktop);

// How often to look for input while waiting, in ms, on an SDL video driver that cannot sleep
// until input comes (SDL 2.26's KMSDRM, evdev and dummy: SDL_WaitEventTimeout would wake every
// millisecond to poll, a thousand wake-ups a second on an idle Pi); 0 where SDL can sleep (X11,
// Wayland). Ten milliseconds is well below what a visitor notices.
int input_poll_interval_ms(std::string_view video_driver);

enum class RendererTry { Works, CannotCreate, DoesNotPresent };

// Tries each driver in order and returns the first that works; says in log what happened to
// each one tried.
std::optional<std::string>
choose_renderer(const std::vector<std::string>& order,
                const std::function<RendererTry(const std::string&)>& attempt,
                std::vector<std::string>& log);

} // namespace kiosk
