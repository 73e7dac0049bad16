// The receipt left on the stick: what the organiser reads after an import, in Dutch, with what
// to do next. It is written as a new file renamed over the old one, because the stick is hostile:
// a name opened for writing there could be a hard link to another file or a device node.
#include "content/deck.h"
#include "import/fd.h"
#include "import/receipt.h"
#include "import/release_store.h"
#include "import/words.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

constexpr const char* receipt_name = "kiosk-receipt.txt";

// The organiser's next step for a refusal. Signing advice ends with the command to sign with the
// next free number, on a line of its own so that it can be copied as it is.
std::string next_step(const ImportResult& r) {
    const RefusalWords* words = words_for(r.code);
    if (!words) return receipt_words.unknown_step;
    std::string step = fill_template(words->step, {{"last", std::to_string(r.last_sequence)}});
    if (words->then_sign)
        step += ":\n  " + fill_template(receipt_words.sign_command,
                                        {{"seq", std::to_string(r.last_sequence + 1)}});
    return step;
}

std::string refused_receipt(const ImportResult& r) {
    std::string out =
        fill_template(receipt_words.refused, {{"reason", refusal_text(r.code)}}) + "\n";
    for (const auto& line : r.details)
        out += "  " + line + "\n";
    out += std::string(receipt_words.slides_stay) + "\n";
    const std::string step = next_step(r);
    return out + fill_template(receipt_words.next_step, {{"step", step}}) +
           (step.find('\n') == std::string::npos ? ".\n" : "\n");
}

const char* type_name(mode_t mode) {
    return S_ISLNK(mode)                    ? "a symbolic link"
           : S_ISDIR(mode)                  ? "a folder"
           : S_ISFIFO(mode)                 ? "a FIFO"
           : S_ISCHR(mode) || S_ISBLK(mode) ? "a device node"
                                            : "not a regular file";
}

// An existing receipt is replaced only if it is a plain file with one link: anything else on
// the stick under that name was not written by us, and is left alone.
bool receipt_replaceable(int dir, std::string& error) {
    struct stat st {};
    if (::fstatat(dir, receipt_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) return true;
        return error = std::string(receipt_name) + ": " + std::strerror(errno), false;
    }
    if (S_ISREG(st.st_mode) && st.st_nlink == 1) return true;
    const std::string what = S_ISREG(st.st_mode)
                                 ? "a file with " + std::to_string(st.st_nlink) + " hard links"
                                 : type_name(st.st_mode);
    error = std::string(receipt_name) + " on the stick is " + what +
            ": left untouched, no receipt written";
    return false;
}

} // namespace

std::string receipt_text(const ImportResult& r, std::time_t when) {
    const ReceiptWords& w = receipt_words;
    char time_text[64];
    std::strftime(time_text, sizeof time_text, "%Y-%m-%d %H:%M:%S", std::localtime(&when));
    std::string out = fill_template(w.heading, {{"time", time_text}}) + "\n";
    switch (r.outcome) {
    case ImportOutcome::Accepted:
        out += fill_template(w.accepted, {{"n", std::to_string(r.slides)}}) + "\n";
        break;
    case ImportOutcome::Refused:
        out += refused_receipt(r);
        break;
    case ImportOutcome::NoBundle:
        out += fill_template(
                   w.nothing_new,
                   {{"why", r.code == ImportCode::empty_bundle ? w.empty_folder : w.no_folder}}) +
               "\n";
        break;
    }
    if (r.sequence) out += fill_template(w.sequence, {{"n", std::to_string(r.sequence)}}) + "\n";
    if (!r.manifest_sha256.empty())
        out += fill_template(w.manifest_hash, {{"hash", r.manifest_sha256}}) + "\n";
    return out;
}

bool write_receipt(const fs::path& mount, const std::string& text, std::string& error) {
    UniqueFd dir(::open(mount.c_str(), O_DIRECTORY | O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.valid()) return error = mount.string() + ": " + std::strerror(errno), false;
    if (!receipt_replaceable(dir.get(), error)) return false;
    // A new file renamed over the name: what stands there now is never opened for writing.
    return write_file_atomically(mount / receipt_name, text, error);
}

} // namespace kiosk
