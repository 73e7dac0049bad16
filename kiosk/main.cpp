// The kiosk: parse options, then hand over to the command that was asked for.
#include "app/settings.h"
#include "commands/bundle_command.h"
#include "commands/check.h"
#include "commands/export.h"
#include "commands/publish_command.h"
#include "commands/run.h"
#include "commands/stats_command.h"

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    using namespace kiosk;
    if (argc > 1 && std::string(argv[1]) == "publish") return run_publish({argv + 2, argv + argc});
    auto parsed = parse_args({argv + 1, argv + argc});
    if (!parsed.error.empty()) {
        std::cerr << "kiosk: " << parsed.error << '\n';
        if (parsed.usage_helps) std::cerr << '\n' << usage();
        return 2;
    }
    Settings settings = parsed.settings;
    if (settings.content.content_dir.empty()) {
        std::error_code ec;
        settings.content.content_dir =
            default_content_dir(std::filesystem::read_symlink("/proc/self/exe", ec));
    }
    switch (settings.command) {
    case Command::Help:
        std::cout << usage();
        return 0;
    case Command::Version:
        std::cout << "kiosk " KIOSK_VERSION "\n";
        return 0;
    case Command::Check:
        return run_check(settings);
    case Command::Export:
        return run_export(settings);
    case Command::Bundle:
        return run_bundle(settings);
    case Command::Stats:
        return run_stats(settings);
    case Command::StatsExport:
        return run_stats_export(settings);
    case Command::Run:
        break;
    }
    return run_kiosk(settings);
}
