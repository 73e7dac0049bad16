# The Debian package: binaries, default content, systemd units, the udev rule, the lockdown files
# and an example configuration in /etc/kiosk (a conffile, so upgrades keep local edits).
include(GNUInstallDirs)
set(deploy ${PROJECT_SOURCE_DIR}/deploy)

install(PROGRAMS ${deploy}/libexec/usb-import ${deploy}/libexec/lockdown
        DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/kiosk)
install(FILES ${deploy}/systemd/kiosk.service ${deploy}/systemd/kiosk-import@.service
              ${deploy}/systemd/kiosk-lockdown.service
        DESTINATION lib/systemd/system)
install(FILES ${deploy}/udev/99-kiosk-usb.rules DESTINATION lib/udev/rules.d)
install(FILES ${deploy}/lockdown/logind-kiosk.conf DESTINATION lib/systemd/logind.conf.d RENAME kiosk.conf)
install(FILES ${deploy}/lockdown/watchdog.conf DESTINATION lib/systemd/system.conf.d RENAME kiosk-watchdog.conf)
install(FILES ${deploy}/lockdown/sysctl-kiosk.conf DESTINATION lib/sysctl.d RENAME 90-kiosk.conf)
install(FILES ${deploy}/config/kiosk.json DESTINATION /etc/kiosk)
# Hall sync's two chrony configurations: examples the operator copies into /etc/chrony/conf.d.
install(FILES ${deploy}/chrony/kiosk-hall-server.conf ${deploy}/chrony/kiosk-hall-follower.conf
        DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/chrony)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${deploy}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME INSTALL-PI.md)
install(FILES ${deploy}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Debian wants the changelog compressed with maximum compression and no timestamp.
set(changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${changelog_gz}
    COMMAND gzip -9 -n -c ${deploy}/packaging/changelog > ${changelog_gz}
    DEPENDS ${deploy}/packaging/changelog)
add_custom_target(kiosk_changelog ALL DEPENDS ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The manual pages, compressed the same way.
foreach(page kiosk.1 kiosk-import.1)
    set(page_gz ${CMAKE_CURRENT_BINARY_DIR}/${page}.gz)
    add_custom_command(OUTPUT ${page_gz}
        COMMAND gzip -9 -n -c ${deploy}/man/${page} > ${page_gz}
        DEPENDS ${deploy}/man/${page})
    list(APPEND man_pages ${page_gz})
    install(FILES ${page_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
add_custom_target(kiosk_man_pages ALL DEPENDS ${man_pages})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "Kiosk developers <kiosk@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "event kiosk: slides on a Raspberry Pi console, updated by USB stick")
set(CPACK_PACKAGE_DESCRIPTION "Shows a deck of slides fullscreen (SDL2 on KMS/DRM, no desktop),
looping, browsable by touch. Organisers update it with a USB stick carrying
a bundle signed with minisign; the importer checks it and the kiosk switches
to it without a restart.")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
    execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1, libsdl2-2.0-0 (>= 2.26), libsdl2-ttf-2.0-0 (>= 2.20), libsdl2-image-2.0-0 (>= 2.6), libqrencode4, libsodium23, libsystemd0, libsqlite3-0, libdrm2 (>= 2.4.104), libhyphen0, hyphen-nl, fonts-inter, adduser, kbd, systemd, udev, init-system-helpers (>= 1.54)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "minisign, exfatprogs")
# Hall sync keeps screens in step through the system clock: chrony keeps it (README).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chrony")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${deploy}/packaging/postinst ${deploy}/packaging/prerm
    ${deploy}/packaging/postrm ${deploy}/packaging/conffiles)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
