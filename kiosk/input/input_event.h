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

    static constexpr InputEvent pointer_event(Type type, float x, float y, long long pointer,
                                              double t) {
        InputEvent e;
        e.type = type;
        e.pointer = pointer;
        e.x = x;
        e.y = y;
        e.t = t;
        return e;
    }
    static constexpr InputEvent pointer_down(float x, float y, long long pointer, double t) {
        return pointer_event(Type::PointerDown, x, y, pointer, t);
    }
    static constexpr InputEvent pointer_move(float x, float y, long long pointer, double t) {
        return pointer_event(Type::PointerMove, x, y, pointer, t);
    }
    static constexpr InputEvent pointer_up(float x, float y, long long pointer, double t) {
        return pointer_event(Type::PointerUp, x, y, pointer, t);
    }
    static constexpr InputEvent key_press(Key key) {
        InputEvent e;
        e.type = Type::KeyPress;
        e.key = key;
        return e;
    }
};

inline constexpr long long mouse_pointer = -1;

} // namespace kiosk
