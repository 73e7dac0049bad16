#pragma once
// The receipt kiosk-import leaves on the stick.
#include "import/importer.h"

#include <ctime>
#include <filesystem>
#include <string>

namespace kiosk {

// What the organiser reads on the stick afterwards (kiosk-receipt.txt), in Dutch: what happened
// and what to do next. The English details stay in `message`, for the log and the status file.
std::string receipt_text(const ImportResult& result, std::time_t when);
// Best effort: a read-only or full stick only loses the receipt, never the import. The receipt
// is always a new file renamed over the name, so a hard link or device node of that name is
// never written through; an existing name that is not a plain file (one link) is left alone.
bool write_receipt(const std::filesystem::path& mount, const std::string& text, std::string& error);

} // namespace kiosk
