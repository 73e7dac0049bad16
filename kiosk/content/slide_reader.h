#pragma once
// The slides of a deck, read from its JSON: each slide's kind and the fields that kind takes,
// checked against the deck read so far (its findings), every problem named by its place.
#include "content/deck.h"
#include "content/diagnostics.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kiosk {

// array: the deck's "slides" (nullptr when missing or wrong, already reported); where: its
// JSON pointer.
void read_slides(const nlohmann::json* array, const std::string& where, Deck& deck, Diagnostics& d);

} // namespace kiosk
