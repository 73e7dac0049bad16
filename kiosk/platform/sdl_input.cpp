#include "platform/sdl_input.h"

#include <algorithm>

namespace kiosk {
namespace {

Key map_key(SDL_Keycode k) {
    switch (k) {
    case SDLK_RIGHT:
    case SDLK_DOWN:
    case SDLK_PAGEDOWN:
    case SDLK_SPACE:
    case SDLK_RETURN:
        return Key::Next;
    case SDLK_LEFT:
    case SDLK_UP:
    case SDLK_PAGEUP:
    case SDLK_BACKSPACE:
        return Key::Previous;
    case SDLK_HOME:
        return Key::First;
    case SDLK_END:
        return Key::Last;
    case SDLK_ESCAPE:
        return Key::Escape;
    default:
        return Key::Other;
    }
}

std::optional<InputEvent> map_finger(const SDL_Event& e, Size w, double now) {
    using T = InputEvent::Type;
    const T type = e.type == SDL_FINGERDOWN ? T::PointerDown
                   : e.type == SDL_FINGERUP ? T::PointerUp
                                            : T::PointerMove;
    return InputEvent::pointer_event(type, e.tfinger.x * w.w, e.tfinger.y * w.h,
                                     static_cast<long long>(e.tfinger.fingerId), now);
}

// Mouse coordinates are in window units; scale to drawable pixels for high-DPI windows. Kept on
// the screen: SDL keeps a pointer inside the window that has the mouse's focus, but on its evdev
// driver (the kiosk driving the console's screen itself) no window ever gets that focus.
std::optional<InputEvent> map_mouse(const SDL_Event& e, Size w, double now) {
    using T = InputEvent::Type;
    SDL_Window* window = SDL_GetWindowFromID(e.button.windowID);
    int ww = w.w, wh = w.h;
    if (window) SDL_GetWindowSize(window, &ww, &wh);
    const float sx = ww > 0 ? static_cast<float>(w.w) / ww : 1.f;
    const float sy = wh > 0 ? static_cast<float>(w.h) / wh : 1.f;
    const auto on_screen = [](float v, int size) {
        return std::clamp(v, 0.f, static_cast<float>(std::max(size - 1, 0)));
    };
    if (e.type == SDL_MOUSEMOTION) {
        if (!(e.motion.state & SDL_BUTTON_LMASK)) return std::nullopt;
        return InputEvent::pointer_move(on_screen(e.motion.x * sx, w.w),
                                        on_screen(e.motion.y * sy, w.h), mouse_pointer, now);
    }
    if (e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
    const T type = e.type == SDL_MOUSEBUTTONDOWN ? T::PointerDown : T::PointerUp;
    return InputEvent::pointer_event(type, on_screen(e.button.x * sx, w.w),
                                     on_screen(e.button.y * sy, w.h), mouse_pointer, now);
}

// Input only: fingers, the mouse, keys, focus.
std::optional<InputEvent> map_input(const SDL_Event& e, Size window, double now) {
    InputEvent out;
    out.t = now;
    switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        return map_finger(e, window, now);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
        // SDL also reports each touch as a mouse event; the finger event already counted.
        if (e.button.which == SDL_TOUCH_MOUSEID) return std::nullopt;
        return map_mouse(e, window, now);
    case SDL_KEYDOWN:
        if (e.key.repeat) return std::nullopt; // a held key is one press, not a slide show
        out.type = InputEvent::Type::KeyPress;
        out.key = map_key(e.key.keysym.sym);
        return out;
    case SDL_WINDOWEVENT:
        if (e.window.event != SDL_WINDOWEVENT_FOCUS_LOST) return std::nullopt;
        out.type = InputEvent::Type::CancelAll; // its fingers' up events will not come to us
        return out;
    default:
        return std::nullopt;
    }
}

LoopEvent loop_event(LoopEvent::Kind kind) {
    LoopEvent e;
    e.kind = kind;
    return e;
}

LoopEvent quit(double now) {
    LoopEvent e;
    e.input.type = InputEvent::Type::Quit;
    e.input.t = now;
    return e;
}

} // namespace

std::optional<LoopEvent> map_sdl_event(const SDL_Event& e, Size window, double now,
                                       const OwnEvents& own) {
    using K = LoopEvent::Kind;
    // Registered types are checked first: SDL numbers them from SDL_USEREVENT, never 0.
    if (own.content_changed && e.type == own.content_changed) return loop_event(K::ContentChanged);
    if (own.content_loaded && e.type == own.content_loaded) return loop_event(K::ContentLoaded);
    if (own.quit_signal && e.type == own.quit_signal) return quit(now);
    if (e.type == SDL_QUIT) return own.window_close_quits ? std::optional(quit(now)) : std::nullopt;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
        return loop_event(K::Resized);
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED)
        return loop_event(K::Exposed);
    const auto input = map_input(e, window, now);
    if (!input) return std::nullopt;
    LoopEvent out;
    out.input = *input;
    return out;
}

} // namespace kiosk
