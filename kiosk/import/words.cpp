#include "import/words.h"

#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "import/importer.h"

#include <algorithm>
#include <iterator>

namespace kiosk {

// The reasons name these limits in words (words.h): a changed limit must change them too.
static_assert(max_manifest_text_bytes == 256 * 1024);
static_assert(max_signature_file_bytes == 16 * 1024);

const RefusalWords* words_for(ImportCode code) {
    const auto it = std::find_if(std::begin(refusal_words), std::end(refusal_words),
                                 [code](const RefusalWords& w) { return w.code == code; });
    return it == std::end(refusal_words) ? nullptr : &*it;
}

const char* file_kind_text(FileProblem problem) {
    for (const auto& w : file_kind_words)
        if (w.problem == problem) return w.kind;
    return nullptr;
}

std::string refusal_text(ImportCode code) {
    const RefusalWords* words = words_for(code);
    return words ? words->reason : receipt_words.unknown_reason;
}

std::string refusal_text(std::string_view code) {
    const auto known = import_code_named(code);
    return known ? refusal_text(*known) : receipt_words.unknown_reason;
}

} // namespace kiosk
