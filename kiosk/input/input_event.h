#pragma once
// The kiosk's own input events. platform/sdl_input.cpp is the one place that turns SDL events into
// these; everything behind it is tested by feeding them directly.

namespace kiosk {

enum class Key { Next, Previous, First, Last, Escape, Other };

struct InputEvent {
    // CancelAll: every finger is gone (the window lost focus, the touch device went away).
    enum class Type {
        PointerDown,
        PointerMove,
        PointerUp,
        PointerCancel,
        CancelAll,
        KeyPress,
        Quit
    };
    Type type = Type::Quit;
    long long pointer = 0; // finger id, or mouse_pointer
    float x = 0, y = 0;    // window pixels
    double t = 0;          // seconds, from the kiosk's clock
    Key key = Key::Other;
};

inline constexpr long long mouse_pointer = -1;

} // namespace kiosk
