// kiosk-import: takes the bundle from a mounted USB stick into a new release of the kiosk's
// content, or refuses it; writes a receipt back to the stick. Run by the deployment's udev/systemd
// wiring when a stick appears, or by hand on any mounted folder.
#include "app/settings.h"
#include "import/receipt.h"

#include <atomic>
#include <csignal>
#include <ctime>
#include <iostream>

namespace {

std::atomic<bool> stop_requested{false};

// systemd stops the import service when its stick is pulled out (BindsTo), and at shutdown:
// the import then ends as refused between two files, its staging copy removed and the reason
// on screen, instead of dying with "importing" as the last word.
void ask_to_stop(int) {
    stop_requested = true;
}

void stop_on_signals() {
    struct sigaction sa {};
    sa.sa_handler = ask_to_stop;
    sigemptyset(&sa.sa_mask);
    for (const int sig : {SIGTERM, SIGINT, SIGHUP})
        sigaction(sig, &sa, nullptr);
}

const char* usage_text =
    R"(Usage: kiosk-import [--config FILE] [--content-root DIR] [--allow-unsigned] MOUNT
Imports MOUNT/<bundle folder> (default "kiosk") into the content root as a new release, if it is
signed by a trusted key, newer than the last one, and its deck loads cleanly. Writes
MOUNT/kiosk-receipt.txt. Exit status: 0 accepted or no bundle on the stick, 1 refused, 2 usage.
)";

} // namespace

int main(int argc, char** argv) {
    using namespace kiosk;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args.back().rfind("--", 0) == 0) return std::cerr << usage_text, 2;
    const std::string mount = args.back();
    args.pop_back();
    auto parsed = parse_args(args);
    if (!parsed.error.empty())
        return std::cerr << "kiosk-import: " << parsed.error << "\n" << usage_text, 2;
    const Settings& s = parsed.settings;
    if (s.content.content_root.empty())
        return std::cerr << "kiosk-import: no content root (--content-root or the configuration)\n",
               2;
    ImportOptions o{mount,
                    s.content.bundle_folder,
                    s.content.content_root,
                    s.content.trusted_keys,
                    s.content.require_signature,
                    s.content.releases_kept};
    o.stop = &stop_requested;
    stop_on_signals();
    if (o.require_signature && o.trusted_keys.empty())
        std::cerr
            << "kiosk-import: no trusted keys configured: every signed bundle will be refused\n";
    const ImportResult r = import_bundle(o);
    const std::string receipt = receipt_text(r, std::time(nullptr));
    std::cout << receipt; // the deployment copies this, the Dutch receipt, onto the stick
    // The technical detail, in English, for the journal: the receipt only gives the reason.
    if (r.outcome == ImportOutcome::Refused)
        std::cerr << "kiosk-import: refused (" << r.code << "): " << r.message << '\n';
    std::string error;
    if (r.outcome != ImportOutcome::NoBundle && !write_receipt(mount, receipt, error))
        std::cerr << "kiosk-import: " << error << '\n';
    return r.outcome == ImportOutcome::Refused ? 1 : 0;
}
