#pragma once
// A problem found in content, with its place: file, line and column, and for content also the
// JSON pointer (e.g. /slides/3/duration_s). Bad content is expected, so it is data here.
#include "content/utf8.h"

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace kiosk {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    std::string pointer; // JSON pointer, empty for syntax problems
    int line = 0;        // 0 when unknown
    int column = 0;
    std::string message;
};

// "content/deck.json:4:12: error: slide 4 (/slides/3/title): ...", the slide counted from one as
// an author counts; without a line (a file with no text to point into, such as a configuration
// read elsewhere) "content/deck.json /slides/3/title: warning: ...".
std::string to_string(const Diagnostic& d);

struct Diagnostics {
    std::vector<Diagnostic> items;
    std::string file;
    // Set by the loader once the text has parsed: the place of a JSON pointer's value, so every
    // problem found later (by the deck reader, or --check's layout pass) has a line and column.
    std::function<TextPosition(const std::string& pointer)> locate;

    void error(std::string pointer, std::string message);
    // An error the kiosk can live with at run time (a slide shown without its missing image):
    // --check still fails on it, but the deck loads.
    void recoverable_error(std::string pointer, std::string message);
    int recoverable = 0;
    void warning(std::string pointer, std::string message);
    bool has_errors() const;
    bool has_fatal_errors() const { return count(Severity::Error) > recoverable; }
    int count(Severity s) const;

  private:
    void add(Severity severity, std::string pointer, std::string message);
};

// The first at_most problems of one severity, each as to_string() writes it, in the order found:
// what a status line, a notice on screen or a receipt has room for.
std::vector<std::string> first_lines(const Diagnostics& d, Severity severity,
                                     std::size_t at_most = std::numeric_limits<std::size_t>::max());

} // namespace kiosk
