#pragma once
// The slides of a deck, read from its JSON: each slide's kind and the fields that kind takes,
// checked against the deck read so far (its findings), every problem named by its place.
#include "content/deck.h"
#include "content/diagnostics.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kiosk {

// array: the deck's "slides" (nullptr when missing or wrong, already reported); where: its
// JSON pointer.
void read_slides(const nlohmann::json* array, const std::string& where, Deck& deck, Diagnostics& d);

class JsonFields;

// A picture field ({"src": "images/a.png", "fit": "contain"}): a slide's image, the deck's logo.
// A bad name is a recoverable error: the deck shows without the picture.
std::optional<SlideImage> read_picture(JsonFields& f, const char* field, bool required,
                                       Diagnostics& d);

} // namespace kiosk
