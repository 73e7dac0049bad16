# CMake toolchain file: build the kiosk for 64-bit Raspberry Pi OS (Debian 12 bookworm, arm64) on a
# Debian 12 amd64 machine, with Debian's cross compilers (crossbuild-essential-arm64) and the
# multiarch ":arm64" -dev packages installed beside the host's own (deploy/cross-build.sh installs
# them). There is no separate sysroot: Debian multiarch puts arm64 libraries in
# /usr/lib/aarch64-linux-gnu and arm64-specific headers in /usr/include/aarch64-linux-gnu, under the
# host's own root.
#
#   cmake -S . -B build-arm64 --toolchain deploy/cross/aarch64-linux-gnu.cmake
#
# CMake reads this file several times (once per try_compile as well), so it only sets things.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(_kiosk_triplet aarch64-linux-gnu)

# Debian's cross compilers. They already search /usr/include/aarch64-linux-gnu before
# /usr/include and link from /usr/lib/aarch64-linux-gnu, so no --sysroot is needed (and one would
# hide the multiarch directories). The binutils (ar, ranlib, strip, objcopy) are found by CMake from
# the compiler's prefix.
set(CMAKE_C_COMPILER ${_kiosk_triplet}-gcc)
set(CMAKE_CXX_COMPILER ${_kiosk_triplet}-g++)

# The multiarch directory: find_library() and find_package() look in /usr/lib/aarch64-linux-gnu
# (and /usr/lib/aarch64-linux-gnu/cmake), never in the host's /usr/lib/x86_64-linux-gnu.
set(CMAKE_LIBRARY_ARCHITECTURE ${_kiosk_triplet})

# Search roots: the cross toolchain's own tree, and "/" because multiarch arm64 files live in the
# host's root (/usr/lib/aarch64-linux-gnu) and the header-only, architecture-independent packages
# keep their CMake configs there too (nlohmann_json in /usr/share/cmake, Catch2 2 in
# /usr/lib/cmake). Libraries, headers and packages are looked up only below these roots; programs
# (pkg-config, minisign, the shell) are host programs and are looked up normally.
set(CMAKE_FIND_ROOT_PATH /usr/${_kiosk_triplet} /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config (the host's pkgconf) must read only the arm64 .pc files plus the
# architecture-independent ones: PKG_CONFIG_LIBDIR replaces the default search path (which is the
# host's /usr/lib/x86_64-linux-gnu/pkgconfig), and an inherited PKG_CONFIG_PATH would put host
# paths back in front of it, so it is cleared. CMake's FindPkgConfig runs pkg-config at configure
# time, when this environment is in effect. No PKG_CONFIG_SYSROOT_DIR: the .pc files' paths are
# already right for the multiarch root "/". sdl2.pc's "-I/usr/include/SDL2" is fine: Debian's
# /usr/include/SDL2/SDL_config.h only includes <SDL2/_real_SDL_config.h>, which the cross compiler
# finds in /usr/include/aarch64-linux-gnu/SDL2 (searched before /usr/include).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/${_kiosk_triplet}/pkgconfig:/usr/share/pkgconfig)
unset(ENV{PKG_CONFIG_PATH})
unset(ENV{PKG_CONFIG_SYSROOT_DIR})
# CMAKE_PREFIX_PATH-derived additions to the pkg-config path would only repeat the above.
set(PKG_CONFIG_USE_CMAKE_PREFIX_PATH OFF CACHE BOOL "")

# CTest (and add_custom_command/add_test with a target as COMMAND) runs arm64 executables through
# qemu-user. "-L /": the arm64 dynamic loader and libc both come from libc6:arm64 (multiarch, pulled
# in by the :arm64 -dev packages), so they are one glibc build. Pointing -L at the cross
# toolchain's /usr/aarch64-linux-gnu mixes its loader (libc6-arm64-cross) with the multiarch libc
# of another Debian revision: the loader's private interface to libc differs, and pthread_create
# and fork then spin for ever (seen with 2.36-8cross1 against 2.36-9+deb12u14). The kiosk's own
# libraries are found by the loader in /usr/lib/aarch64-linux-gnu.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64;-L;/)

# CPack's DEB generator would otherwise ask dpkg for the host's architecture (amd64). A cache
# default, so the project (include(CPack)) picks it up unless it sets its own value.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64 CACHE STRING "Debian architecture of the .deb")
