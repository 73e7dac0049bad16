# Read by cpack before it packs (CPACK_PROJECT_CONFIG_FILE). dpkg-shlibdeps resolves libraries
# for the architecture dpkg itself runs on unless DEB_HOST_ARCH says otherwise: the cross build's
# packages (arm64, made on amd64) must be resolved in the arm64 multiarch directories and against
# the symbols files of the :arm64 library packages. For a native build it changes nothing.
if(CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
    set(ENV{DEB_HOST_ARCH} ${CPACK_DEBIAN_PACKAGE_ARCHITECTURE})
endif()
