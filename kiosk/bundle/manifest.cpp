#include "bundle/manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace kiosk {
namespace {

bool safe_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

std::optional<std::string> component_problem(std::string_view c) {
    if (c.empty()) return "has an empty folder name (\"//\" or a trailing \"/\")";
    if (c == "." || c == "..") return "may not contain \".\" or \"..\"";
    if (c.front() == '.') return "may not name hidden files (starting with \".\")";
    if (c.size() > 64) return "has a name longer than 64 characters";
    if (!std::all_of(c.begin(), c.end(), safe_char))
        return "may only use letters, digits, '.', '_' and '-'";
    return std::nullopt;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

bool hex64(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::optional<ManifestEntry> read_entry(const nlohmann::json& j, std::size_t i, std::string& error) {
    const std::string where = "files[" + std::to_string(i) + "]";
    if (!j.is_object() || j.size() != 3 || !j.contains("path") || !j.contains("size") || !j.contains("sha256"))
        return error = where + ": needs exactly \"path\", \"size\" and \"sha256\"", std::nullopt;
    if (!j["path"].is_string()) return error = where + ": path must be a string", std::nullopt;
    ManifestEntry e{j["path"].get<std::string>(), 0, ""};
    if (auto why = bundle_path_problem(e.path)) return error = "\"" + e.path + "\" " + *why, std::nullopt;
    if (!j["size"].is_number_unsigned()) return error = e.path + ": size must be a whole number", std::nullopt;
    e.size = j["size"].get<std::uint64_t>();
    if (e.size > max_bundle_file_bytes)
        return error = e.path + ": " + std::to_string(e.size) + " bytes; the limit is " + std::to_string(max_bundle_file_bytes), std::nullopt;
    if (!j["sha256"].is_string() || !hex64(j["sha256"].get<std::string>()))
        return error = e.path + ": sha256 must be 64 lower-case hex digits", std::nullopt;
    e.sha256 = j["sha256"].get<std::string>();
    return e;
}

bool check_set(const Manifest& m, std::string& error) {
    std::map<std::string, std::string> seen; // lower-case name -> as written
    std::uint64_t total = 0;
    for (const auto& f : m.files) {
        if (f.path == "manifest.json" || f.path == "manifest.json.minisig")
            return error = "the manifest may not list " + f.path, false;
        const auto [it, fresh] = seen.emplace(lower(f.path), f.path);
        if (!fresh && it->second == f.path) return error = f.path + ": listed twice", false;
        if (!fresh) return error = "names differing only in case: " + it->second + ", " + f.path, false;
        total += f.size;
    }
    if (total > max_bundle_bytes)
        return error = "the files add up to " + std::to_string(total) + " bytes; the limit is " + std::to_string(max_bundle_bytes), false;
    if (!seen.count("deck.json") || seen["deck.json"] != "deck.json") return error = "the manifest lists no deck.json", false;
    return true;
}

} // namespace

std::optional<std::string> bundle_path_problem(std::string_view path) {
    if (path.empty()) return "is empty";
    if (path.size() > 200) return "is longer than 200 bytes";
    if (path.front() == '/') return "must be relative";
    int components = 0;
    for (std::size_t start = 0;; ++components) {
        const auto slash = path.find('/', start);
        if (auto why = component_problem(path.substr(start, slash - start))) return why;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    if (components + 1 > 4) return "is more than 4 folders deep";
    return std::nullopt;
}

std::optional<Manifest> parse_manifest(std::string_view json, std::string& error) {
    if (json.size() > max_manifest_text_bytes) return error = "manifest.json is larger than 256 KiB", std::nullopt;
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return error = "manifest.json is not valid JSON", std::nullopt;
    if (doc.size() != 2 || doc.value("format", "") != "kiosk-bundle-1" || !doc.contains("files"))
        return error = "manifest.json must hold exactly \"format\": \"kiosk-bundle-1\" and \"files\"", std::nullopt;
    const auto& files = doc["files"];
    if (!files.is_array()) return error = "\"files\" must be an array", std::nullopt;
    if (files.size() > max_bundle_files)
        return error = std::to_string(files.size()) + " files; the limit is " + std::to_string(max_bundle_files), std::nullopt;
    Manifest m;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto e = read_entry(files[i], i, error);
        if (!e) return std::nullopt;
        m.files.push_back(std::move(*e));
    }
    if (!check_set(m, error)) return std::nullopt;
    return m;
}

std::string manifest_to_json(const Manifest& m) {
    auto files = m.files;
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    nlohmann::ordered_json doc;
    doc["format"] = "kiosk-bundle-1";
    doc["files"] = nlohmann::ordered_json::array();
    for (const auto& f : files)
        doc["files"].push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
    return doc.dump(2) + "\n";
}

std::optional<std::uint64_t> sequence_from_comment(std::string_view comment) {
    std::optional<std::uint64_t> found;
    for (std::size_t pos = comment.find("seq="); pos != std::string_view::npos; pos = comment.find("seq=", pos + 4)) {
        if (pos > 0 && comment[pos - 1] != ' ') continue;
        if (found) return std::nullopt; // two numbers: which one?
        std::uint64_t n = 0;
        const char* begin = comment.data() + pos + 4;
        const char* end = comment.data() + comment.size();
        const auto r = std::from_chars(begin, end, n);
        if (r.ec != std::errc{} || r.ptr == begin || (r.ptr != end && *r.ptr != ' ')) return std::nullopt;
        if (n == 0 || n >= (1ull << 53)) return std::nullopt;
        found = n;
    }
    return found;
}

} // namespace kiosk
