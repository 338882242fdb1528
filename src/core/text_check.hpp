#pragma once
// Checks on text that comes from users' files and options before it reaches an SVG, a PDF, a
// gallery page, a file name or an error message.
#include <optional>
#include <string>
#include <string_view>

namespace claimmap {

// What is wrong with `text`, or nothing: invalid UTF-8, a NUL or another C0/C1 control character
// (tab and newline are allowed unless `single_line`), or a bidirectional override or isolate
// (U+202A–U+202E, U+2066–U+2069), which can make text read differently from what it is.
std::optional<std::string> text_problem(std::string_view text, bool single_line = false);

// What keeps `name` from being a map's base file name, or nothing: a name is one plain path
// component, safe in a URL and a shell — letters (any script), digits and - _ . + , = @ ~ and
// inner spaces, not starting with '.' or '-', at most 200 bytes.
std::optional<std::string> file_name_problem(std::string_view name);

// `text` with every control character shown as an escape (\n, \t, \x00 ...), for error messages,
// which must stay one line.
std::string one_line(std::string_view text);

}  // namespace claimmap
