#pragma once

namespace kiosk {

// Makes the C library hand freed texture memory back to the system at once (see allocator.cpp).
void tune_allocator_for_long_runs();

// Hands pages freed inside the heap back to the system: after reading a deck, whose parse leaves
// a megabyte or so of small freed blocks behind that the heap's top cannot give back alone.
void release_free_memory();

} // namespace kiosk
