#pragma once
// A least-recently-used cache bounded by a byte budget that never evicts what the frame being
// drawn has already used. With the software renderer the cached textures live in RAM, so the
// budget is what bounds memory; but a budget smaller than one frame's need (two dense slides
// mid-transition, say) must not make the cache re-render the same text twice per frame. So the
// budget is soft: while one frame needs more, the cache holds exactly that frame's entries, and
// shrinks back as soon as later frames insert something new.
#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace kiosk {

template <class Value> class FrameLru {
  public:
    explicit FrameLru(std::size_t budget) : budget_(budget) {}

    // Entries used from here on belong to a new frame; those of earlier frames may be evicted.
    void begin_frame() { ++frame_; }

    // The entry for key, marked as used by this frame; nullptr on a miss.
    Value* find(const std::string& key) {
        auto it = map_.find(key);
        if (it == map_.end()) return nullptr;
        touch(it->second);
        return &it->second.value;
    }

    // Evicts entries of earlier frames until bytes more fit in the budget or only this frame's
    // entries are left: before making a large value, so the old and new are not held at once.
    void make_room(std::size_t bytes) {
        while (!ages_.empty() && bytes_ + bytes > budget_) {
            auto oldest = map_.find(ages_.back());
            if (oldest->second.frame == frame_) return; // everything left is on screen now
            bytes_ -= oldest->second.bytes;
            map_.erase(oldest);
            ages_.pop_back();
        }
    }

    // Stores value under key (which must be absent), after making room for it.
    Value& insert(const std::string& key, Value value, std::size_t bytes) {
        make_room(bytes);
        ages_.push_front(key);
        auto& slot = map_[key];
        slot = Slot{std::move(value), bytes, frame_, ages_.begin()};
        bytes_ += bytes;
        return slot.value;
    }

    void clear() {
        map_.clear();
        ages_.clear();
        bytes_ = 0;
    }
    std::size_t bytes() const { return bytes_; }
    std::size_t entries() const { return map_.size(); }
    std::size_t budget() const { return budget_; }

  private:
    struct Slot {
        Value value;
        std::size_t bytes = 0;
        std::uint64_t frame = 0;
        std::list<std::string>::iterator age;
    };

    void touch(Slot& slot) {
        slot.frame = frame_;
        ages_.splice(ages_.begin(), ages_, slot.age);
    }

    std::size_t budget_;
    std::size_t bytes_ = 0;
    std::uint64_t frame_ = 0;
    std::list<std::string> ages_; // front: most recently used
    std::unordered_map<std::string, Slot> map_;
};

} // namespace kiosk
