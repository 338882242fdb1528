#pragma once
// One exception type for everything a user can get wrong. Its message is the one line the CLI
// prints: "<file>: <what is wrong>" (the file is omitted only when no file is involved).
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/text_check.hpp"

namespace claimmap {

class Error : public std::runtime_error {
public:
    // Control characters in the message (a newline or a NUL quoted from bad input) are shown as
    // escapes: the message stays one line, and whole.
    explicit Error(std::string_view what) : std::runtime_error(one_line(what)) {}
    explicit Error(const std::string& what) : Error(std::string_view(what)) {}
    explicit Error(const char* what) : Error(std::string_view(what)) {}
};

[[noreturn]] inline void fail(const std::filesystem::path& file, std::string_view what) {
    throw Error(file.string() + ": " + std::string(what));
}

}  // namespace claimmap
