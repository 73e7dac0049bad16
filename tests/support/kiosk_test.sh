# Shared by the shell tests that sign bundles; sourced after `set -euo pipefail`, with $kiosk set
# to the kiosk binary for seal().

# need TOOL...: stops with a message naming what is missing and what installs it.
need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null ||
            { echo "missing $tool (deploy/dev-deps.sh --tests installs it)"; exit 1; }
    done
}

# organiser_key DIR ROOT [NAME]: a passwordless test key DIR/NAME.key and DIR/NAME.pub (NAME
# defaults to k), and DIR/kiosk.json trusting it, with ROOT as the content root.
organiser_key() {
    local name=${3:-k}
    minisign -G -W -f -p "$1/$name.pub" -s "$1/$name.key" >/dev/null
    printf '{"content_root": "%s", "trusted_keys": ["%s"]}\n' "$2" "$(sed -n 2p "$1/$name.pub")" \
        >"$1/kiosk.json"
}

# seal BUNDLE_DIR SEQ SECRET_KEY: the manifest written, then signed with seq=SEQ.
seal() {
    "$kiosk" --bundle "$1" --seq "$2" >/dev/null
    minisign -S -s "$3" -m "$1/manifest.json" -t "kiosk-bundle seq=$2" >/dev/null
}
