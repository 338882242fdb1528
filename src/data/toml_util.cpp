#include "data/toml_util.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text_check.hpp"

namespace claimmap {

toml::table parse_toml_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, std::filesystem::exists(path) ? "cannot be read" : "no such file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        return toml::parse(buffer.str(), path.string());
    } catch (const toml::parse_error& e) {
        fail(path, "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
}

StrictTable::StrictTable(const toml::table& table, std::filesystem::path file, std::string where)
    : table_(table), file_(std::move(file)), where_(std::move(where)) {}

void StrictTable::fail_at(const std::string& key, const std::string& what) const {
    const toml::node* node = table_.get(key);
    const auto& src = node ? node->source() : table_.source();
    std::string loc = src.begin.line ? "line " + std::to_string(src.begin.line) + ": " : "";
    std::string full_key = where_.empty() ? key : where_ + "." + key;
    fail(file_, loc + "'" + full_key + "' " + what);
}

const toml::node* StrictTable::get(const std::string& key) const {
    seen_.insert(key);
    return table_.get(key);
}

std::optional<std::string> StrictTable::opt_string(const std::string& key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (auto v = node->value<std::string>()) return checked_text(key, *v);
    fail_at(key, "must be a string");
}

const std::string& StrictTable::checked_text(const std::string& key, const std::string& value) const {
    if (auto problem = text_problem(value, true)) fail_at(key, *problem);
    return value;
}

std::vector<std::string> StrictTable::strings(const std::string& key, bool required) const {
    std::vector<std::string> out;
    const toml::array* arr = opt_array(key);
    if (!arr) {
        if (required) fail_at(key, "is missing");
        return out;
    }
    for (const toml::node& n : *arr) {
        auto v = n.value<std::string>();
        if (!v || v->find_first_not_of(" \t") == std::string::npos || v->find_first_of("\r\n") != std::string::npos)
            fail_at(key, "must be an array of non-empty single-line strings");
        out.push_back(checked_text(key, *v));
    }
    return out;
}

std::string StrictTable::string(const std::string& key) const {
    if (auto v = opt_string(key)) return *v;
    fail_at(key, "is missing");
}

std::optional<double> StrictTable::opt_number(const std::string& key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (!node->is_number()) fail_at(key, "must be a number");
    double v = *node->value<double>();
    if (!std::isfinite(v)) fail_at(key, "must be a finite number");
    return v;
}

double StrictTable::number(const std::string& key) const {
    if (auto v = opt_number(key)) return *v;
    fail_at(key, "is missing");
}

std::optional<bool> StrictTable::opt_bool(const std::string& key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (auto v = node->value<bool>()) return *v;
    fail_at(key, "must be true or false");
}

std::vector<double> StrictTable::numbers(const std::string& key, size_t count) const {
    const toml::node* node = get(key);
    if (!node) fail_at(key, "is missing");
    const toml::array* arr = node->as_array();
    if (!arr || arr->size() != count) fail_at(key, "must be an array of " + std::to_string(count) + " numbers");
    std::vector<double> out;
    for (const toml::node& item : *arr) {
        if (!item.is_number()) fail_at(key, "must be an array of " + std::to_string(count) + " numbers");
        out.push_back(*item.value<double>());
        if (!std::isfinite(out.back())) fail_at(key, "must hold finite numbers");
    }
    return out;
}

std::optional<LonLat> StrictTable::opt_lonlat(const std::string& key) const {
    if (!table_.contains(key)) {
        seen_.insert(key);
        return std::nullopt;
    }
    auto v = numbers(key, 2);
    if (std::abs(v[0]) > 180 || std::abs(v[1]) > 90) fail_at(key, "must be [longitude, latitude] in degrees");
    return LonLat{v[0], v[1]};
}

const toml::table* StrictTable::opt_table(const std::string& key) const {
    const toml::node* node = get(key);
    if (!node) return nullptr;
    if (auto* t = node->as_table()) return t;
    fail_at(key, "must be a table");
}

const toml::array* StrictTable::opt_array(const std::string& key) const {
    const toml::node* node = get(key);
    if (!node) return nullptr;
    if (auto* a = node->as_array()) return a;
    fail_at(key, "must be an array");
}

void StrictTable::reject_unknown_keys() const {
    for (const auto& [key, node] : table_)
        if (!seen_.count(std::string(key.str()))) fail_at(std::string(key.str()), "is not a known key");
}

}  // namespace claimmap
