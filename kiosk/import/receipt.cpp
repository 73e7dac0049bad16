// The receipt left on the stick: what the organiser reads after an import, in Dutch, with what
// to do next. It is written as a new file renamed over the old one, because the stick is hostile:
// a name opened for writing there could be a hard link to another file or a device node.
#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "import/fd.h"
#include "import/importer.h"
#include "import/release_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

constexpr const char* receipt_name = "kiosk-receipt.txt";

// What to do next for the refusals whose advice needs no number from the import.
const std::map<std::string, std::string>& fixed_steps() {
    // The one command that checks, signs and copies the bundle again (README: kiosk publish).
    static const std::string republish =
        "zet de inhoud opnieuw op de stick met kiosk publish mijn-map/ STICK (controleert, "
        "ondertekent en kopieert in één keer)";
    static const std::map<std::string, std::string> steps{
        {"no_manifest", republish},
        {"manifest_too_large", republish},
        {"manifest_not_file", republish},
        {"signature_too_large", "onderteken opnieuw met een korter trusted comment "
                                "(-t \"kiosk-bundle seq=N\")"},
        {"signature_not_file", "onderteken opnieuw met minisign en kopieer de map opnieuw naar "
                               "de stick, als gewone bestanden"},
        {"stick_read_error", "kopieer de map opnieuw naar de stick, of gebruik een andere stick"},
        {"interrupted", "steek de stick opnieuw in en trek ze pas uit als het scherm zegt dat de "
                        "import klaar is"},
        {"bad_signature", republish},
        {"unknown_key", "onderteken met de sleutel waarvan de publieke sleutel in de configuratie "
                        "van deze kiosk staat"},
        {"bad_manifest", republish},
        {"unsafe_file", "zet het genoemde bestand als gewoon bestand op de stick (geen link, map "
                        "of apparaat), precies zoals het manifest het noemt"},
        {"file_mismatch", republish},
        {"invalid_deck", "verbeter de fouten en controleer met kiosk --check voor je opnieuw "
                         "ondertekent"},
        {"bundle_link", "zet de map zelf op de stick, niet een link ernaar"},
        {"misnamed_bundle", "hernoem de genoemde map naar kiosk, bovenaan op de stick, en steek "
                            "de stick opnieuw in"},
        {"busy", "wacht tot de andere import klaar is en steek de stick opnieuw in"},
        {"io_error", "dit ligt aan de kiosk, niet aan de stick: waarschuw de beheerder"},
        {"disk_full", "dit ligt aan de kiosk, niet aan de stick: waarschuw de beheerder"},
        {"read_only", "dit ligt aan de kiosk, niet aan de stick: waarschuw de beheerder"},
    };
    return steps;
}

// The organiser's next step for a refusal, in Dutch. Signing advice names the next free number,
// on a line of its own so that it can be copied as it is.
std::string next_step(const ImportResult& r) {
    std::string sign = ":\n  minisign -S -s ~/.minisign/kiosk.key -m mijn-map/manifest.json -t ";
    sign += "\"kiosk-bundle seq=" + std::to_string(r.last_sequence + 1) + "\"";
    if (r.code == "replay")
        return "gebruik een volgnummer hoger dan " + std::to_string(r.last_sequence) +
               "; onderteken opnieuw" + sign;
    if (r.code == "unsigned") return "onderteken met minisign" + sign;
    if (r.code == "no_sequence") return "onderteken opnieuw, met het volgnummer" + sign;
    const auto& steps = fixed_steps();
    const auto it = steps.find(r.code);
    return it == steps.end() ? "los het probleem op en steek de stick opnieuw in" : it->second;
}

std::string refused_receipt(const ImportResult& r) {
    std::string out = "GEWEIGERD: " + refusal_text(r.code) + ".\n";
    for (const auto& line : r.details)
        out += "  " + line + "\n";
    out += "De dia's die al te zien waren, blijven staan.\n";
    const std::string step = next_step(r);
    return out + "Wat nu: " + step + (step.find('\n') == std::string::npos ? ".\n" : "\n");
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

std::string refusal_text(const std::string& code) {
    static const std::map<std::string, std::string> texts{
        {"no_manifest", "er staat geen manifest.json in de map op de stick"},
        {"unsigned", "de inhoud is niet ondertekend"},
        {"bad_signature", "de handtekening klopt niet"},
        {"unknown_key", "ondertekend met een sleutel die deze kiosk niet kent"},
        {"replay", "deze versie is niet nieuwer dan wat de kiosk al toonde"},
        {"bad_manifest", "het manifest is ongeldig"},
        {"unsafe_file", "een bestand op de stick ontbreekt, is te groot of is onveilig"},
        {"file_mismatch", "een bestand is gewijzigd na het ondertekenen"},
        {"invalid_deck", "de dia's bevatten fouten"},
        {"io_error", "lezen of schrijven mislukte"},
        {"disk_full", "de kiosk heeft niet genoeg vrije schijfruimte"},
        {"read_only", "de inhoudsmap van de kiosk is alleen-lezen"},
        {"busy", "een andere import loopt nog; probeer het zo opnieuw"},
        {"manifest_too_large", "manifest.json is te groot (meer dan " +
                                   std::to_string(max_manifest_text_bytes / 1024) + " KiB)"},
        {"manifest_not_file", "manifest.json is geen gewoon bestand (maar een link, FIFO, "
                              "apparaat of map)"},
        {"signature_too_large", "de handtekening (manifest.json.minisig) is te groot (meer dan " +
                                    std::to_string(max_signature_file_bytes / 1024) + " KiB)"},
        {"signature_not_file", "de handtekening (manifest.json.minisig) is geen gewoon bestand"},
        {"no_sequence", "de handtekening heeft geen volgnummer (seq=N in het trusted comment)"},
        {"stick_read_error", "de stick kon niet goed gelezen worden (te vroeg uitgetrokken?)"},
        {"interrupted",
         "de import werd onderbroken voor ze klaar was (stick uitgetrokken, of de kiosk "
         "ging uit)"},
        {"bundle_link", "de map op de stick is een link; die wordt niet gevolgd"},
        {"misnamed_bundle", "de map met de inhoud heet niet kiosk"},
    };
    const auto it = texts.find(code);
    return it == texts.end() ? "onbekende fout" : it->second;
}

std::string receipt_text(const ImportResult& r, std::time_t when) {
    char time_text[64];
    std::strftime(time_text, sizeof time_text, "%Y-%m-%d %H:%M:%S", std::localtime(&when));
    std::string out = "Kiosk-import, " + std::string(time_text) + "\n";
    switch (r.outcome) {
    case ImportOutcome::Accepted:
        out += "AANGENOMEN: " + std::to_string(r.slides) + " dia's worden nu getoond.\n";
        break;
    case ImportOutcome::Refused:
        out += refused_receipt(r);
        break;
    case ImportOutcome::NoBundle:
        out += "Geen nieuwe inhoud op deze stick: " +
               std::string(r.code == "empty_bundle"
                               ? "de map is leeg (alleen de statistieken worden opgehaald)"
                               : "er staat geen map met een bundel op") +
               ".\n";
        break;
    }
    if (r.sequence) out += "Volgnummer: " + std::to_string(r.sequence) + "\n";
    if (!r.manifest_sha256.empty()) out += "Manifest SHA-256: " + r.manifest_sha256 + "\n";
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
