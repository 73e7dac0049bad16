#pragma once
// The panels drawn over everything else: a notice at the top (an import's progress, a refusal, an
// author's errors), the "still reading?" countdown, and the operator's status overlay. Each is
// laid out when its words or the screen change, not in every frame.
#include "layout/measure.h"
#include "layout/panels.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class Overlays {
  public:
    explicit Overlays(const TextMeasure& measure) : measure_(&measure) {}

    void notify(std::vector<std::string> lines, double until);
    bool notice_shown() const { return !notice_.empty(); }
    double notice_until() const { return notice_until_; }
    // Ends a notice whose time is up; true when one ended.
    bool expire(double now);

    // The panels laid out for this screen; each pointer stays valid until the next call.
    const Layer* notice(Size screen);
    const Layer* countdown(const std::string& question, int seconds, Size screen);
    const Layer* status(const std::vector<std::string>& lines, Size screen);

  private:
    void forget_unless(Size screen);

    const TextMeasure* measure_;
    Size laid_for_{};
    std::vector<std::string> notice_;
    double notice_until_ = 0;
    std::optional<Layer> notice_layer_;
    int countdown_for_ = -1;
    std::string countdown_question_;
    std::optional<Layer> countdown_layer_;
    std::vector<std::string> status_for_;
    std::optional<Layer> status_layer_;
};

} // namespace kiosk
