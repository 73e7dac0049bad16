#!/bin/sh
# Builds the two packages from this build tree with CPack, checks what each holds and depends on,
# and runs lintian on both with its informational tags shown (the hardening ones are among them):
# an error, a warning or a hardening tag fails. kiosk-tools must hold nothing that acts on the
# system it is installed on (units, udev, lockdown, users: all in kiosk).
# Usage: package_lintian.sh BUILD_DIR
set -eu
build=$1
command -v lintian >/dev/null || { echo "lintian missing (deploy/dev-deps.sh --tests installs it)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 ||
    { cat "$out/cpack.log"; fail "cpack failed"; }
config_value() { sed -n "s/^set($1 \"\\(.*\\)\")\$/\\1/p" "$build/CPackConfig.cmake"; }
version=$(config_value CPACK_PACKAGE_VERSION)
arch=$(config_value CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
# The names the install scripts look for.
tools=$out/kiosk-tools_${version}_${arch}.deb
appliance=$out/kiosk_${version}_${arch}.deb
for deb in "$tools" "$appliance"; do
    [ -f "$deb" ] || fail "no $(basename "$deb"); cpack wrote: $(cd "$out" && echo *.deb)"
    echo "built $(basename "$deb")"
    dpkg-deb -c "$deb" >"$deb.files"
done

holds() { grep -q " \./$2\$" "$1.files"; }
for f in usr/bin/kiosk usr/share/man/man1/kiosk.1.gz usr/share/kiosk/content/deck.json \
         usr/share/doc/kiosk-tools/copyright usr/share/doc/kiosk-tools/changelog.gz; do
    holds "$tools" "$f" || fail "kiosk-tools lacks /$f"
done
for f in usr/bin/kiosk-import usr/share/man/man1/kiosk-import.1.gz \
         usr/lib/systemd/system/kiosk.service usr/lib/systemd/system/kiosk-lockdown.service \
         'usr/lib/systemd/system/kiosk-import@.service' usr/lib/udev/rules.d/99-kiosk-usb.rules \
         usr/lib/systemd/logind.conf.d/kiosk.conf usr/lib/sysctl.d/90-kiosk.conf \
         usr/lib/systemd/system.conf.d/kiosk-watchdog.conf etc/kiosk/kiosk.json \
         usr/libexec/kiosk/usb-import usr/libexec/kiosk/lockdown \
         usr/share/doc/kiosk/copyright usr/share/doc/kiosk/changelog.gz; do
    holds "$appliance" "$f" || fail "kiosk lacks /$f"
done
# Nothing of the appliance in the tools: no file under /etc or /usr/lib, no maintainer script.
if grep -E ' \./(etc|lib|usr/lib|usr/libexec)/' "$tools.files"; then
    fail "kiosk-tools installs the files above"
fi
if dpkg-deb -I "$tools" | grep -E '^ +[0-9]+ bytes.* (preinst|postinst|prerm|postrm|conffiles) '; then
    fail "kiosk-tools has the maintainer scripts above"
fi
holds "$appliance" usr/bin/kiosk && fail "kiosk holds the tools' program too"

# Dependencies: the appliance on its own tools; libraries from dpkg-shlibdeps, with versions.
echo "kiosk-tools Depends: $(dpkg-deb -f "$tools" Depends)"
echo "kiosk Depends: $(dpkg-deb -f "$appliance" Depends)"
dpkg-deb -f "$appliance" Depends | grep -q "kiosk-tools (= $version)" ||
    fail "kiosk does not depend on kiosk-tools (= $version)"
for lib in 'libc6 (>= ' 'libsdl2-2.0-0 (>= ' 'libsodium23 (>= ' fonts-inter hyphen-nl; do
    dpkg-deb -f "$tools" Depends | grep -qF "$lib" || fail "kiosk-tools Depends lacks '$lib'"
done
dpkg-deb -f "$appliance" Depends | grep -qF 'libsodium23 (>= ' ||
    fail "kiosk Depends lacks kiosk-import's libsodium"

report=$(lintian --display-info --tag-display-limit 0 "$tools" "$appliance" 2>&1 |
    grep -v 'root privileges' || true)
echo "$report"
if echo "$report" | grep -E '^(E|W):|hardening-'; then fail "lintian: the tags above"; fi
echo "ok: both packages hold what they should; lintian reports no error, warning or hardening tag"
