#include "platform/renderer_choice.h"

#include <algorithm>
#include <cctype>

namespace kiosk {
namespace {

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

std::vector<std::string> renderer_order(std::string_view video_driver,
                                        const std::vector<std::string>& available,
                                        std::string_view requested) {
    std::vector<std::string> wanted;
    if (!requested.empty()) wanted.emplace_back(requested);
    if (same_text(video_driver, "KMSDRM"))
        wanted.insert(wanted.end(), {"opengles2", "opengles", "opengl"});
    if (same_text(video_driver, "x11")) wanted.emplace_back("software");
    if (!same_text(video_driver, "KMSDRM"))
        wanted.insert(wanted.end(), available.begin(), available.end());
    wanted.emplace_back("software");

    std::vector<std::string> order;
    for (const auto& name : wanted) {
        const bool offered = std::any_of(available.begin(), available.end(),
                                         [&](const std::string& a) { return same_text(a, name); });
        const bool listed = std::any_of(order.begin(), order.end(),
                                        [&](const std::string& o) { return same_text(o, name); });
        if (offered && !listed) order.push_back(name);
    }
    return order;
}

bool window_keeps_pixels(std::string_view video_driver, std::string_view renderer) {
    return same_text(video_driver, "x11") && same_text(renderer, "software");
}

bool drives_screen_itself(bool windowed, std::string_view video_driver_env, bool on_desktop) {
    return !windowed && !on_desktop && video_driver_env.empty();
}

int input_poll_interval_ms(std::string_view video_driver) {
    for (const std::string_view sleeps : {"x11", "wayland", "windows", "cocoa"})
        if (same_text(video_driver, sleeps)) return 0;
    return 10;
}

std::optional<std::string>
choose_renderer(const std::vector<std::string>& order,
                const std::function<RendererTry(const std::string&)>& attempt,
                std::vector<std::string>& log) {
    for (const auto& name : order) {
        switch (attempt(name)) {
        case RendererTry::Works:
            return name;
        case RendererTry::CannotCreate:
            log.push_back(name + " renderer: cannot be created; trying the next");
            break;
        case RendererTry::DoesNotPresent:
            log.push_back(name + " renderer: frames never reach the screen; trying the next");
            break;
        }
    }
    log.push_back("no renderer works (tried " + std::to_string(order.size()) + ")");
    return std::nullopt;
}

} // namespace kiosk
