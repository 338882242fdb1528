#include "extract/detail.hpp"

#include <set>

#include "core/error.hpp"

namespace claimmap {

using namespace extract_detail;
namespace fs = std::filesystem;

std::string Person::participant() const { return name + " (" + country + ", " + role + ")"; }

std::vector<Person> read_people(const fs::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    const toml::array& arr = tables(top, "person", true);
    top.reject_unknown_keys();
    std::vector<Person> out;
    std::set<std::string> names;
    for (size_t i = 0; i < arr.size(); ++i) {
        StrictTable s(*arr[i].as_table(), path, "person[" + std::to_string(i) + "]");
        Person p;
        p.name = line_string(s, "name");
        p.aliases = s.strings("aliases", false);
        p.role = line_string(s, "role");
        p.country = line_string(s, "country");
        s.reject_unknown_keys();
        if (!names.insert(p.name).second) s.fail_at("name", "repeats '" + p.name + "'");
        out.push_back(std::move(p));
    }
    return out;
}

namespace extract_detail {

std::string surname(const std::string& name) {
    size_t sp = name.rfind(' ');
    return sp == std::string::npos ? name : name.substr(sp + 1);
}

bool role_head(const std::string& role) {
    return role == "president" || role == "prime minister";
}
bool role_minister(const std::string& role) {
    return role.find("minister") != std::string::npos && role.find("deputy") == std::string::npos &&
           role.find("vice") == std::string::npos && role.find("prime") == std::string::npos;
}
bool role_working(const std::string& role) {
    for (const char* w : {"deputy", "vice", "ambassador", "director", "representative"})
        if (role.find(w) != std::string::npos) return true;
    return false;
}

}  // namespace extract_detail

}  // namespace claimmap
