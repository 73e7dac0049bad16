#include "bundle/manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

namespace kiosk {
namespace {

using nlohmann::json;

constexpr std::string_view format_name = "kiosk-bundle-1";

bool allowed_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

bool control_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

std::optional<std::string> component_problem(std::string_view c) {
    if (c.empty()) return "has an empty component (\"//\", or '/' at the start or end)";
    if (c == "." || c == "..") return "has a '.' or '..' component";
    if (c.front() == '.') return "has a component starting with '.' (a hidden file)";
    if (c.back() == '.') return "has a component ending in '.' (FAT would drop it)";
    if (c.size() > max_path_part_bytes)
        return "has a component longer than " + std::to_string(max_path_part_bytes) + " bytes";
    if (!std::all_of(c.begin(), c.end(), allowed_char))
        return "has a character other than A-Z, a-z, 0-9, '.', '_' and '-'";
    return std::nullopt;
}

// Paths are ASCII once checked, and FAT folds ASCII case only.
std::string fold_case(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// For messages: quoted, shortened, with anything unprintable as \xNN (names come from anyone).
std::string in_quotes(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (char c : s.substr(0, 80)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7F || c == '"' || c == '\\')
            out += {'\\', 'x', hex[u >> 4], hex[u & 15]};
        else
            out += c;
    }
    return out + (s.size() > 80 ? "…\"" : "\"");
}

std::nullopt_t fail(std::string& error, const std::string& at, const std::string& why) {
    error = "manifest.json" + (at.empty() ? std::string() : " " + at) + ": " + why;
    return std::nullopt;
}

// For the checks that return bool.
bool refuse(std::string& error, const std::string& why) {
    fail(error, "", why);
    return false;
}

std::string line_and_column(std::string_view text, std::size_t byte) {
    const auto before = text.substr(0, std::min(byte, text.size()));
    const auto lines = std::count(before.begin(), before.end(), '\n');
    const auto line_start = before.rfind('\n');
    const auto column =
        line_start == std::string_view::npos ? before.size() : before.size() - line_start - 1;
    return "line " + std::to_string(lines + 1) + ", column " + std::to_string(column);
}

// nlohmann keeps the last of two equal keys without a word; a signed manifest must mean one thing.
std::optional<json> parse_json(std::string_view text, std::string& error) {
    std::vector<std::set<std::string>> keys; // one set per open object
    std::string repeated;
    const auto on_event = [&](int, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) keys.emplace_back();
        if (event == json::parse_event_t::object_end) keys.pop_back();
        if (event == json::parse_event_t::key &&
            !keys.back().insert(parsed.get<std::string>()).second)
            repeated = parsed.get<std::string>();
        return true;
    };
    try {
        auto doc = json::parse(text, on_event);
        if (repeated.empty()) return doc;
        return fail(error, "", "the field " + in_quotes(repeated) + " appears twice in one object");
    } catch (const json::parse_error& e) {
        return fail(error, "", "not valid JSON (" + line_and_column(text, e.byte) + ")");
    } catch (const json::exception&) {
        return fail(error, "", "not valid JSON");
    }
}

// Exactly the `expected` fields: a missing one or an unknown one is an error.
std::optional<std::string> fields_problem(const json& j,
                                          std::initializer_list<const char*> expected) {
    if (!j.is_object()) return "must be an object";
    for (const auto& item : j.items())
        if (std::none_of(expected.begin(), expected.end(), [&](auto k) { return item.key() == k; }))
            return "unknown field " + in_quotes(item.key());
    for (const char* key : expected)
        if (!j.contains(key)) return "missing field \"" + std::string(key) + "\"";
    return std::nullopt;
}

bool is_digest(const json& j) {
    if (!j.is_string()) return false;
    const auto& s = j.get_ref<const std::string&>();
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::optional<ManifestEntry> read_entry(const json& j, const std::string& at, std::string& error) {
    if (auto why = fields_problem(j, {"path", "size", "sha256"})) return fail(error, at, *why);
    if (!j["path"].is_string()) return fail(error, at + "/path", "must be a string");
    ManifestEntry e{j["path"].get<std::string>(), 0, {}};
    if (auto why = bundle_path_problem(e.path))
        return fail(error, at + "/path", in_quotes(e.path) + " " + *why);
    if (!j["size"].is_number_unsigned())
        return fail(error, at + "/size", "must be a whole number of bytes, 0 or more");
    e.size = j["size"].get<std::uint64_t>();
    if (e.size > max_bundle_file_bytes)
        return fail(error, at + "/size",
                    in_quotes(e.path) + " has " + std::to_string(e.size) +
                        " bytes; one file may have at most " +
                        std::to_string(max_bundle_file_bytes));
    if (!is_digest(j["sha256"]))
        return fail(error, at + "/sha256", "must be 64 lower-case hex digits");
    e.sha256 = j["sha256"].get<std::string>();
    return e;
}

std::optional<Manifest> read_entries(const json& files, std::string& error) {
    if (!files.is_array()) return fail(error, "/files", "must be an array");
    if (files.size() > max_bundle_files)
        return fail(error, "/files",
                    "lists " + std::to_string(files.size()) + " files; a bundle may have at most " +
                        std::to_string(max_bundle_files));
    Manifest m;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto entry = read_entry(files[i], "/files/" + std::to_string(i), error);
        if (!entry) return std::nullopt;
        m.files.push_back(std::move(*entry));
    }
    return m;
}

// On a FAT stick names differing only in case are one file, so they are refused like repeats.
bool check_unique(const Manifest& m, std::map<std::string, std::string>& folded,
                  std::string& error) {
    for (const auto& f : m.files) {
        const auto key = fold_case(f.path);
        if (key == "manifest.json" || key == "manifest.json.minisig")
            return refuse(error, "lists " + in_quotes(f.path) +
                                     "; it may not list itself or its signature");
        const auto [it, added] = folded.emplace(key, f.path);
        if (added) continue;
        if (it->second == f.path) return refuse(error, in_quotes(f.path) + " is listed twice");
        return refuse(error, "names differing only in case: " + it->second + ", " + f.path);
    }
    return true;
}

// "images" and "images/a.png" cannot both be files.
bool check_folders(const std::map<std::string, std::string>& folded, std::string& error) {
    for (const auto& [key, path] : folded)
        for (auto slash = key.find('/'); slash != std::string::npos;
             slash = key.find('/', slash + 1))
            if (const auto file = folded.find(key.substr(0, slash)); file != folded.end())
                return refuse(error, in_quotes(file->second) + " is a file, but " +
                                         in_quotes(path) + " needs it to be a folder");
    return true;
}

bool check_contents(const Manifest& m, std::string& error) {
    std::uint64_t total = 0; // cannot overflow: at most 500 files of at most 32 MiB
    bool has_deck = false;
    for (const auto& f : m.files) {
        total += f.size;
        has_deck = has_deck || f.path == "deck.json";
    }
    if (total > max_bundle_bytes)
        return refuse(error, "the files add up to " + std::to_string(total) +
                                 " bytes; a bundle may have at most " +
                                 std::to_string(max_bundle_bytes));
    if (!has_deck) return refuse(error, "lists no deck.json");
    return true;
}

// Decimal without sign or leading zeros, 0 < n < 2^53 (exact in a JSON or JavaScript number).
std::optional<std::uint64_t> parse_sequence(std::string_view digits) {
    if (digits.empty() || digits.size() > 16 || digits.front() == '0') return std::nullopt;
    std::uint64_t n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (n >= (1ull << 53)) return std::nullopt;
    return n;
}

} // namespace

std::optional<std::string> bundle_path_problem(std::string_view path) {
    if (path.empty()) return "is empty";
    if (path.size() > max_path_bytes)
        return "is longer than " + std::to_string(max_path_bytes) + " bytes";
    if (path.find('\\') != std::string_view::npos) return "has a backslash (use '/')";
    if (std::any_of(path.begin(), path.end(), control_char)) return "has a control character";
    if (path.front() == '/') return "is absolute (starts with '/')";
    std::size_t components = 1;
    for (std::size_t start = 0;; ++components) {
        const auto slash = path.find('/', start);
        if (auto why = component_problem(path.substr(start, slash - start))) return why;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    if (components > max_path_parts)
        return "has more than " + std::to_string(max_path_parts) + " components (folders and name)";
    return std::nullopt;
}

std::optional<Manifest> parse_manifest(std::string_view text, std::string& error) {
    if (text.size() > max_manifest_text_bytes)
        return fail(error, "",
                    "is larger than " + std::to_string(max_manifest_text_bytes / 1024) + " KiB");
    const auto doc = parse_json(text, error);
    if (!doc) return std::nullopt;
    if (auto why = fields_problem(*doc, {"format", "files"})) return fail(error, "", *why);
    const auto& format = (*doc)["format"];
    if (!format.is_string() || format.get<std::string>() != format_name)
        return fail(error, "/format", "must be \"kiosk-bundle-1\" (a bundle for another version?)");
    auto m = read_entries((*doc)["files"], error);
    std::map<std::string, std::string> folded; // case-folded path -> path as listed
    if (!m || !check_unique(*m, folded, error) || !check_folders(folded, error) ||
        !check_contents(*m, error))
        return std::nullopt;
    return m;
}

std::string manifest_to_json(const Manifest& m) {
    auto files = m.files;
    std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return a.path < b.path; });
    nlohmann::ordered_json doc{{"format", format_name}, {"files", nlohmann::ordered_json::array()}};
    for (const auto& f : files)
        doc["files"].push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
    // Replace, not throw, on invalid UTF-8: parse_manifest then refuses the result.
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<std::uint64_t> sequence_from_comment(std::string_view comment) {
    constexpr std::string_view blanks = " \t";
    std::optional<std::uint64_t> found;
    for (auto start = comment.find_first_not_of(blanks); start != std::string_view::npos;
         start = comment.find_first_not_of(blanks, start)) {
        const auto end = std::min(comment.find_first_of(blanks, start), comment.size());
        const auto word = comment.substr(start, end - start);
        start = end;
        if (!word.starts_with("seq=")) continue;
        if (found) return std::nullopt; // two counters: neither can be trusted to be the one meant
        found = parse_sequence(word.substr(4));
        if (!found) return std::nullopt;
    }
    return found;
}

} // namespace kiosk
