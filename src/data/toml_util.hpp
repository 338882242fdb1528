#pragma once
// Strict reading of TOML tables: every error names the file, the line and the key, and a key the
// reader does not know is an error (a typo must not be silently ignored).
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace claimmap {

toml::table parse_toml_file(const std::filesystem::path& path);

class StrictTable {
public:
    StrictTable(const toml::table& table, std::filesystem::path file, std::string where);

    std::string string(const std::string& key) const;
    std::optional<std::string> opt_string(const std::string& key) const;
    double number(const std::string& key) const;
    std::optional<double> opt_number(const std::string& key) const;
    std::optional<bool> opt_bool(const std::string& key) const;
    std::optional<LonLat> opt_lonlat(const std::string& key) const;
    std::vector<double> numbers(const std::string& key, size_t count) const;
    // An array of non-blank, single-line strings (each checked as checked_text); empty when the
    // key is absent and not `required`.
    std::vector<std::string> strings(const std::string& key, bool required) const;
    const toml::table* opt_table(const std::string& key) const;
    const toml::array* opt_array(const std::string& key) const;
    // The node itself (marks the key as known), for keys that take more than one type.
    const toml::node* raw(const std::string& key) const { return get(key); }

    // Fails naming `key` when `value` (a string read from it) is not clean text: invalid UTF-8,
    // control characters, line breaks, bidirectional overrides (see core/text_check.hpp).
    const std::string& checked_text(const std::string& key, const std::string& value) const;

    // Throws on the first key that was never asked for.
    void reject_unknown_keys() const;
    [[noreturn]] void fail_at(const std::string& key, const std::string& what) const;
    const std::filesystem::path& file() const { return file_; }

private:
    const toml::node* get(const std::string& key) const;
    const toml::table& table_;
    std::filesystem::path file_;
    std::string where_;
    mutable std::set<std::string> seen_;
};

}  // namespace claimmap
