#pragma once
// kiosk publish DECK_DIR STICK_DIR [--key SECRET_KEY] [--pub PUBLIC_KEY] [--after N]: from an
// author's content folder to a signed bundle on a stick in one command (publish_command.cpp).
// --after N: numbered above N, the kiosk's last number that its receipt names.
#include <string>
#include <vector>

namespace kiosk {

// args: what follows "publish" on the command line. Returns the exit status.
int run_publish(const std::vector<std::string>& args);

} // namespace kiosk
