# Two Debian packages from one build, as CPack components:
#   kiosk-tools (component "tools")  what an organiser runs on a laptop: the kiosk program (check,
#       export, windowed preview, publish, statistics reports), its manual page and the default
#       deck. It changes nothing in the system: no unit, no user, no lockdown.
#   kiosk (component "appliance")  the machine in the foyer: the systemd units, the udev rule, the
#       lockdown (logind, sysctl, watchdog), the kiosk user, /etc/kiosk (a conffile, so upgrades
#       keep local edits), the importer and its helpers. It depends on kiosk-tools of its version.
# File names stay <package>_<version>_<architecture>.deb, which the install scripts look for.
include(GNUInstallDirs)
set(deploy ${PROJECT_SOURCE_DIR}/deploy)
set(tools_docdir ${CMAKE_INSTALL_DATAROOTDIR}/doc/kiosk-tools)
set(appliance_docdir ${CMAKE_INSTALL_DATAROOTDIR}/doc/kiosk)

# --- kiosk-tools -------------------------------------------------------------------------------
install(TARGETS kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/content
        COMPONENT tools)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${tools_docdir} COMPONENT tools)

# --- kiosk -------------------------------------------------------------------------------------
install(TARGETS kiosk-import RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT appliance)
install(PROGRAMS ${deploy}/libexec/usb-import ${deploy}/libexec/lockdown
        DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/kiosk COMPONENT appliance)
install(FILES ${deploy}/systemd/kiosk.service ${deploy}/systemd/kiosk-import@.service
              ${deploy}/systemd/kiosk-lockdown.service
        DESTINATION lib/systemd/system COMPONENT appliance)
install(FILES ${deploy}/udev/99-kiosk-usb.rules DESTINATION lib/udev/rules.d COMPONENT appliance)
install(FILES ${deploy}/lockdown/logind-kiosk.conf DESTINATION lib/systemd/logind.conf.d
        RENAME kiosk.conf COMPONENT appliance)
install(FILES ${deploy}/lockdown/watchdog.conf DESTINATION lib/systemd/system.conf.d
        RENAME kiosk-watchdog.conf COMPONENT appliance)
install(FILES ${deploy}/lockdown/sysctl-kiosk.conf DESTINATION lib/sysctl.d
        RENAME 90-kiosk.conf COMPONENT appliance)
install(FILES ${deploy}/config/kiosk.json DESTINATION /etc/kiosk COMPONENT appliance)
# Hall sync's two chrony configurations: examples the operator copies into /etc/chrony/conf.d.
install(FILES ${deploy}/chrony/kiosk-hall-server.conf ${deploy}/chrony/kiosk-hall-follower.conf
        DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/chrony COMPONENT appliance)
install(FILES ${deploy}/README.md DESTINATION ${appliance_docdir} RENAME INSTALL-PI.md
        COMPONENT appliance)

# --- both: copyright, changelog, manual pages ----------------------------------------------------
# Debian wants the changelog and manual pages compressed with maximum compression and no timestamp.
function(kiosk_gzip source output)
    add_custom_command(OUTPUT ${output} COMMAND gzip -9 -n -c ${source} > ${output}
        DEPENDS ${source})
endfunction()
set(changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
kiosk_gzip(${deploy}/packaging/changelog ${changelog_gz})
set(man_pages)
foreach(page kiosk.1 kiosk-import.1)
    kiosk_gzip(${deploy}/man/${page} ${CMAKE_CURRENT_BINARY_DIR}/${page}.gz)
    list(APPEND man_pages ${CMAKE_CURRENT_BINARY_DIR}/${page}.gz)
endforeach()
add_custom_target(kiosk_package_docs ALL DEPENDS ${changelog_gz} ${man_pages})
foreach(component tools appliance)
    install(FILES ${deploy}/packaging/copyright ${changelog_gz} DESTINATION ${${component}_docdir}
            COMPONENT ${component})
endforeach()
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kiosk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT tools)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kiosk-import.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT appliance)

# --- the packages ------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "Kiosk developers <kiosk@example.org>")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tools appliance)
set(CPACK_DEBIAN_PACKAGE_SOURCE kiosk)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
    execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
# The shared libraries each program links, with their versions, come from dpkg-shlibdeps. In the
# cross build it finds the arm64 ones through the multiarch paths that libc6:arm64 adds to
# ld.so.conf.d, and their :arm64 packages' symbols files. Listed by hand is only what no program
# links: data read at run time, and the programs the appliance's scripts call.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put that one line above both descriptions.
# Each description's first line is its package's synopsis.

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME kiosk-tools)
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "event kiosk's tools: check, preview, publish slide decks
The organiser's side of an event kiosk that shows a deck of slides on a
Raspberry Pi console. The kiosk program checks a deck (every problem with its
file, line and column), previews it in a window, exports every slide as PNG,
publishes it signed to a USB stick in one command, and reports the visit
statistics. The default deck is included.
This package changes nothing in the system it is installed on: the appliance
itself (units, console lockdown, USB import) is the kiosk package.")
# Hyphenation patterns are read at run time; the Inter font is drawn with.
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "fonts-inter, hyphen-nl")
# publish signs through minisign.
set(CPACK_DEBIAN_TOOLS_PACKAGE_RECOMMENDS "minisign")
# Before 0.2.0 the one kiosk package held the program.
set(CPACK_DEBIAN_TOOLS_PACKAGE_BREAKS "kiosk (<< 0.2.0)")
set(CPACK_DEBIAN_TOOLS_PACKAGE_REPLACES "kiosk (<< 0.2.0)")

set(CPACK_DEBIAN_APPLIANCE_PACKAGE_NAME kiosk)
set(CPACK_DEBIAN_APPLIANCE_DESCRIPTION "event kiosk appliance: slides on the console, updated by USB stick
Turns a Raspberry Pi (or any Debian machine) into an unattended event kiosk:
the slides fullscreen on the first console (SDL2 on KMS/DRM, no desktop),
looping, browsable by touch. Organisers update it with a USB stick carrying a
bundle signed with minisign; the importer checks it and the kiosk switches to
it without a restart.
Installing it takes the machine over: it adds the kiosk user, enables its
units on the first console, removes login prompts from the other consoles,
disables SysRq and Ctrl-Alt-Del, and arms the hardware watchdog.")
# usb-import calls mount; lockdown calls dumpkeys and loadkeys (kbd); the postinst adds the user
# and enables the units (adduser, init-system-helpers); the rule and units need udev and systemd.
set(CPACK_DEBIAN_APPLIANCE_PACKAGE_DEPENDS
    "kiosk-tools (= ${PROJECT_VERSION}), mount, adduser, kbd, systemd, udev, init-system-helpers (>= 1.54)")
set(CPACK_DEBIAN_APPLIANCE_PACKAGE_RECOMMENDS "exfatprogs")
# Hall sync keeps screens in step through the system clock: chrony keeps it (INSTALL-PI.md).
set(CPACK_DEBIAN_APPLIANCE_PACKAGE_SUGGESTS "chrony")
set(CPACK_DEBIAN_APPLIANCE_PACKAGE_CONTROL_EXTRA ${deploy}/packaging/postinst
    ${deploy}/packaging/prerm ${deploy}/packaging/postrm ${deploy}/packaging/conffiles)

set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
