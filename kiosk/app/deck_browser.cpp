#include "app/deck_browser.h"

namespace kiosk {

std::vector<int> finding_slides(const Deck& deck) {
    std::vector<int> out(deck.findings.size(), -1);
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const auto& s = deck.slides[i];
        if (s.finding_index < 0 || out[s.finding_index] >= 0) continue;
        if (s.kind == SlideKind::Finding) out[s.finding_index] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < deck.slides.size(); ++i) { // no headline: its first slide
        const int f = deck.slides[i].finding_index;
        if (f >= 0 && out[f] < 0) out[f] = static_cast<int>(i);
    }
    return out;
}

// A visitor in front of a finding's full text gets its reading time before the kiosk gives up.
Browser browser_for(const Deck& deck, std::optional<double> idle_return_s, double now) {
    std::vector<double> durations;
    for (const auto& s : deck.slides)
        durations.push_back(slide_duration_s(deck, s));
    const NavSettings nav{idle_return_s.value_or(deck.timing.idle_return_s),
                          deck.timing.transition_ms / 1000.0};
    Browser browser(std::move(durations), finding_slides(deck), nav, now);
    std::vector<double> reading_s;
    for (const auto& finding : deck.findings)
        reading_s.push_back(finding_reading_s(deck, finding));
    browser.set_reading_times(std::move(reading_s));
    return browser;
}

Observed observe(const Deck& deck, const Browser& browser, unsigned deck_serial, double now) {
    Observed o;
    o.now = o.wall = now;
    o.mode = browser.mode();
    o.view = browser.view();
    o.slide = browser.slides().current();
    o.deck = deck_serial;
    if (o.slide >= 0 && o.slide < static_cast<int>(deck.slides.size())) {
        const auto& slide = deck.slides[static_cast<std::size_t>(o.slide)];
        if (slide.finding_index >= 0)
            o.finding = deck.findings[static_cast<std::size_t>(slide.finding_index)].number;
        o.qr = slide.kind == SlideKind::Qr;
    }
    const int reading = browser.reading_finding();
    if (o.view == View::Reading && reading >= 0 && reading < static_cast<int>(deck.findings.size()))
        o.reading_finding = deck.findings[static_cast<std::size_t>(reading)].number;
    return o;
}

} // namespace kiosk
