#pragma once
// Everything kiosk-import says in Dutch, in one place: the receipt it leaves on the stick, the
// details listed under a refusal, and the refusal reasons, which the kiosk's screen shows too
// (the status file carries only the code; see refusal_text()). The deck's UiStrings cannot hold
// these: the importer has no deck, and the receipt must read the same whatever deck is showing.
// "{name}" is a value filled in with fill_template() (content/deck.h). The English messages for
// the log and the status file stay with the code that finds the problem.
#include "import/import_code.h"
#include "import/untrusted_dir.h"

namespace kiosk {

struct ReceiptWords {
    const char* heading = "Kiosk-import, {time}";
    const char* accepted = "AANGENOMEN: {n} dia's worden nu getoond.";
    const char* refused = "GEWEIGERD: {reason}.";
    const char* slides_stay = "De dia's die al te zien waren, blijven staan.";
    const char* next_step = "Wat nu: {step}";
    const char* nothing_new = "Geen nieuwe inhoud op deze stick: {why}.";
    const char* empty_folder = "de map is leeg (alleen de statistieken worden opgehaald)";
    const char* no_folder = "er staat geen map met een bundel op";
    const char* sequence = "Volgnummer: {n}";
    const char* manifest_hash = "Manifest SHA-256: {hash}";

    // Details under a refusal: where on the stick the organiser looks.
    const char* not_plain_file = "{file} is {kind}, geen gewoon bestand";
    const char* named_file = "bestand: {file}";
    const char* more_errors = "… en nog {n} fout(en)";
    const char* folder_is_link = "{folder} is een symbolische link, geen map";
    const char* misnamed_folder = "map \"{found}\" gevonden; hernoem ze naar {folder}";
    // Under a refusal, each further reason the other checks found.
    const char* also_refused = "Ook: {reason}.";

    // On a line of its own after signing advice, so that it can be copied as it is.
    const char* sign_command = "minisign -S -s ~/.minisign/kiosk.key -m mijn-map/manifest.json "
                               "-t \"kiosk-bundle seq={seq}\"";
    const char* unknown_step = "los het probleem op en steek de stick opnieuw in";
    const char* unknown_reason = "onbekende fout";
};
inline constexpr ReceiptWords receipt_words{};

// What a file on the stick is instead of a plain file, for not_plain_file's {kind}.
struct FileKindWords {
    FileProblem problem;
    const char* kind;
};
inline constexpr FileKindWords file_kind_words[] = {
    {FileProblem::link, "een symbolische link"},
    {FileProblem::fifo, "een FIFO (named pipe)"},
    {FileProblem::device, "een apparaatbestand"},
    {FileProblem::folder, "een map"},
    {FileProblem::other_type, "een speciaal bestand"}};

// One refusal as the organiser reads it: the reason, then what to do next.
struct RefusalWords {
    ImportCode code;
    const char* reason;
    const char* step;       // "{last}": the kiosk's last accepted sequence number
    bool then_sign = false; // the step ends with the sign_command, for the next sequence number
};

// The one command that checks, signs and copies the bundle again (README: kiosk publish).
inline constexpr const char* republish =
    "zet de inhoud opnieuw op de stick met kiosk publish mijn-map/ STICK (controleert, "
    "ondertekent en kopieert in één keer)";
inline constexpr const char* kiosk_fault =
    "dit ligt aan de kiosk, niet aan de stick: waarschuw de beheerder";

// The size limits named here are checked against the code's (words.cpp).
inline constexpr RefusalWords refusal_words[] = {
    {ImportCode::no_manifest, "er staat geen manifest.json in de map op de stick", republish},
    {ImportCode::unsigned_bundle, "de inhoud is niet ondertekend", "onderteken met minisign", true},
    {ImportCode::bad_signature, "de handtekening klopt niet", republish},
    {ImportCode::unknown_key, "ondertekend met een sleutel die deze kiosk niet kent",
     "onderteken met de sleutel waarvan de publieke sleutel in de configuratie van deze kiosk "
     "staat"},
    {ImportCode::replay, "deze versie is niet nieuwer dan wat de kiosk al toonde",
     "gebruik een volgnummer hoger dan {last}: kiosk publish mijn-map/ STICK --after {last}, of "
     "onderteken opnieuw", true},
    {ImportCode::bad_manifest, "het manifest is ongeldig", republish},
    {ImportCode::unsafe_file, "een bestand op de stick ontbreekt, is te groot of is onveilig",
     "zet het genoemde bestand als gewoon bestand op de stick (geen link, map of apparaat), "
     "precies zoals het manifest het noemt"},
    {ImportCode::file_mismatch, "een bestand is gewijzigd na het ondertekenen", republish},
    {ImportCode::invalid_deck, "de dia's bevatten fouten",
     "verbeter de fouten en controleer met kiosk --check voor je opnieuw ondertekent"},
    {ImportCode::io_error, "lezen of schrijven mislukte", kiosk_fault},
    {ImportCode::disk_full, "de kiosk heeft niet genoeg vrije schijfruimte", kiosk_fault},
    {ImportCode::read_only, "de inhoudsmap van de kiosk is alleen-lezen", kiosk_fault},
    {ImportCode::busy, "een andere import loopt nog; probeer het zo opnieuw",
     "wacht tot de andere import klaar is en steek de stick opnieuw in"},
    {ImportCode::manifest_too_large, "manifest.json is te groot (meer dan 256 KiB)", republish},
    {ImportCode::manifest_not_file,
     "manifest.json is geen gewoon bestand (maar een link, FIFO, apparaat of map)", republish},
    {ImportCode::signature_too_large,
     "de handtekening (manifest.json.minisig) is te groot (meer dan 16 KiB)",
     "onderteken opnieuw met een korter trusted comment (-t \"kiosk-bundle seq=N\")"},
    {ImportCode::signature_not_file,
     "de handtekening (manifest.json.minisig) is geen gewoon bestand",
     "onderteken opnieuw met minisign en kopieer de map opnieuw naar de stick, als gewone "
     "bestanden"},
    {ImportCode::no_sequence,
     "de handtekening heeft geen volgnummer (seq=N in het trusted comment)",
     "onderteken opnieuw, met het volgnummer", true},
    {ImportCode::stick_read_error, "de stick kon niet goed gelezen worden (te vroeg uitgetrokken?)",
     "kopieer de map opnieuw naar de stick, of gebruik een andere stick"},
    {ImportCode::interrupted,
     "de import werd onderbroken voor ze klaar was (stick uitgetrokken, of de kiosk ging uit)",
     "steek de stick opnieuw in en trek ze pas uit als het scherm zegt dat de import klaar is"},
    {ImportCode::bundle_link, "de map op de stick is een link; die wordt niet gevolgd",
     "zet de map zelf op de stick, niet een link ernaar"},
    {ImportCode::misnamed_bundle, "de map met de inhoud heet niet kiosk",
     "hernoem de genoemde map naar kiosk, bovenaan op de stick, en steek de stick opnieuw in"},
};

// nullptr for a code that is no refusal (none, no_bundle_folder, empty_bundle).
const RefusalWords* words_for(ImportCode code);
// nullptr for a problem that is not a file of the wrong kind.
const char* file_kind_text(FileProblem problem);

} // namespace kiosk
