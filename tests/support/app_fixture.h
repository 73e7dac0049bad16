#pragma once
// What most app tests start from: the fake font, default settings, the two-slide minimal deck
// and a canvas that records what is drawn.
#include "app/settings.h"
#include "content/deck.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"
#include "support/recording_canvas.h"

namespace kiosk::test {

struct AppFixture {
    FakeMeasure measure;
    Settings settings;
    Deck deck = *load_json(minimal_deck_json()).deck;
    RecordingCanvas canvas;
};

} // namespace kiosk::test
