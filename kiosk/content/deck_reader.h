#pragma once
#include "content/deck.h"
#include "content/diagnostics.h"

#include <nlohmann/json_fwd.hpp>

namespace kiosk {

// Turns a parsed document into a Deck, reporting every problem by JSON pointer. The returned deck
// is only meaningful when no error was reported.
Deck read_deck(const nlohmann::json& doc, Diagnostics& diagnostics);

} // namespace kiosk
