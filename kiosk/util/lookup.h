#pragma once
// Small constant tables in place of a switch per mapping (an enum to its name, to a member, to a
// move): the pairs read as data, and one loop looks any of them up. The tables are a handful of
// entries, so a linear search is as fast as anything cleverer.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace kiosk {

template <typename Key, typename Value, std::size_t N>
using Table = std::array<std::pair<Key, Value>, N>;

// The value paired with key, or fallback for a key the table leaves out.
template <typename Key, typename Value, std::size_t N>
constexpr Value lookup(const Table<Key, Value, N>& table, Key key,
                       std::type_identity_t<Value> fallback) {
    for (const auto& [k, value] : table)
        if (k == key) return value;
    return fallback;
}

} // namespace kiosk
