#include "app/state_trace.h"

#include "util/lookup.h"

#include <chrono>
#include <cstdio>
#include <sstream>

namespace kiosk {
namespace {

constexpr Table<View, const char*, 3> view_names{{
    {View::Slides, "slides"},
    {View::Overview, "overview"},
    {View::Reading, "reading"},
}};

constexpr Table<Action, const char*, 8> action_names{{
    {Action::None, "none"},
    {Action::Previous, "previous"},
    {Action::Next, "next"},
    {Action::Overview, "overview"},
    {Action::ReadMore, "read_more"},
    {Action::Close, "close"},
    {Action::OpenFinding, "finding"},
    {Action::ReadFinding, "read_finding"},
}};

const char* view_name(View v) {
    return lookup(view_names, v, "?");
}

const char* action_name(Action a) {
    return lookup(action_names, a, "none");
}

std::string describe(const Browser& browser, const KineticScroller& scroller, Overlaid shown) {
    std::ostringstream line;
    line << "slide " << browser.slides().current() + 1 << "/" << browser.slides().count() << " "
         << (browser.mode() == Mode::Attract ? "attract" : "browsing")
         << " view=" << view_name(browser.view());
    if (browser.view() == View::Reading) {
        line << " finding=" << browser.reading_finding() + 1;
        if (!scroller.moving() && !scroller.dragging())
            line << " scroll=" << static_cast<int>(scroller.offset());
    }
    if (shown.menu) line << " menu";
    if (shown.status) line << " status";
    if (shown.countdown >= 0) line << " countdown=" << shown.countdown;
    return line.str();
}

} // namespace

void StateTrace::state(double now, const Browser& browser, const KineticScroller& scroller,
                       Overlaid overlaid,
                       const std::function<const std::vector<Button>&()>& buttons) {
    if (!out_) return;
    std::string line = describe(browser, scroller, overlaid);
    if (line == last_) return;
    last_ = std::move(line);
    stamp(now);
    *out_ << last_;
    for (const auto& b : buttons())
        *out_ << " " << action_name(b.action) << (b.index >= 0 ? std::to_string(b.index + 1) : "")
              << "@" << b.rect.x + b.rect.w / 2 << "," << b.rect.y + b.rect.h / 2;
    *out_ << std::endl;
}

void StateTrace::event(double now, const std::string& text) {
    if (!out_) return;
    stamp(now);
    *out_ << text << std::endl;
}

void StateTrace::stamp(double now) {
    *out_ << "t=" << now << " ";
    if (!with_wall_) return;
    const auto wall = std::chrono::system_clock::now().time_since_epoch();
    char text[32];
    std::snprintf(text, sizeof text, "wall=%.4f ", std::chrono::duration<double>(wall).count());
    *out_ << text;
}

} // namespace kiosk
