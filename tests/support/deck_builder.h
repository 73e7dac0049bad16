#pragma once
#include "content/loader.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kiosk::test {

// The smallest valid deck, as JSON to be modified by a test before loading.
inline nlohmann::json minimal_deck_json() {
    return nlohmann::json::parse(R"({
      "schema": 1, "id": "test", "title": "Test", "version": "1", "language": "nl",
      "findings": [{"id": "f1", "number": 1, "short_title": "Een", "title": "Eerste",
                    "details": ["Meer tekst."]}],
      "slides": [
        {"kind": "title", "title": "Hallo"},
        {"kind": "points", "title": "Punten", "points": ["a **b**", "c"], "finding": "f1"}
      ]})");
}

inline LoadResult load_json(const nlohmann::json& j) {
    return load_deck_text(j.dump(), "deck.json");
}

// The first diagnostic's text, or "" when there is none.
inline std::string first_message(const LoadResult& r) {
    return r.diagnostics.items.empty() ? std::string() : to_string(r.diagnostics.items.front());
}

} // namespace kiosk::test
