// Text and picture textures are blocks of 100 KB to a few MB that come and go as slides pass.
// glibc's malloc serves blocks that size from mmap at first, but after the first one is freed it
// raises its mmap threshold and serves later ones from the heap, where freed space is rarely
// returned: over hours the resident size creeps up to the largest mix of textures ever held.
// A fixed threshold keeps every large block in its own mapping, returned to the system when
// freed, and one arena keeps the content loader's thread from growing a second heap.
#include "platform/allocator.h"

#include <cstdlib> // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kiosk {

void tune_allocator_for_long_runs() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 1);
#endif
}

void release_free_memory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace kiosk
