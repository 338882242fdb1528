#pragma once
// One exception type for everything a user can get wrong. Its message is the one line the CLI
// prints: "<file>: <what is wrong>" (the file is omitted only when no file is involved).
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace claimmap {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(const std::filesystem::path& file, std::string_view what) {
    throw Error(file.string() + ": " + std::string(what));
}

}  // namespace claimmap
