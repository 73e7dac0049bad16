#pragma once

namespace kiosk {

// Makes the C library hand freed texture memory back to the system at once (see allocator.cpp).
void tune_allocator_for_long_runs();

} // namespace kiosk
