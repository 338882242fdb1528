#include "extract/detail.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace claimmap {

using namespace extract_detail;
namespace fs = std::filesystem;

const std::string& Person::role_on(const EventDate* date) const {
    if (!date) return role;
    const int key = date->year * 10000 + date->month * 100 + (date->precision == EventDate::Precision::day ? date->day : 15);
    const Tenure* best = nullptr;
    for (const Tenure& t : roles)
        if (t.from <= key && (t.to == 0 || key <= t.to) && (!best || t.from > best->from)) best = &t;
    if (best || roles.empty()) return best ? best->role : role;
    static const std::string no_post;
    const bool role_is_a_listed_post = std::any_of(roles.begin(), roles.end(), [&](const Tenure& t) { return t.role == role; });
    return role_is_a_listed_post ? no_post : role;
}

std::string Person::participant(const EventDate* date) const {
    const std::string& post = role_on(date);
    return name + " (" + country + (post.empty() ? "" : ", " + post) + ")";
}

std::vector<Person> read_people(const fs::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    const toml::array& arr = tables(top, "person", true);
    tables(top, "title", false);  // read by read_titles
    top.reject_unknown_keys();
    std::vector<Person> out;
    std::set<std::string> names;
    for (size_t i = 0; i < arr.size(); ++i) {
        StrictTable s(*arr[i].as_table(), path, "person[" + std::to_string(i) + "]");
        Person p;
        p.name = line_string(s, "name");
        p.aliases = s.strings("aliases", false);
        // `role`, or `roles` with years ([[person.roles]]: role, from, to), or both (then `role`
        // is the post for years the list does not cover).
        const toml::array& tenures = tables(s, "roles", false);
        for (size_t k = 0; k < tenures.size(); ++k) {
            StrictTable t(*tenures[k].as_table(), path, "person[" + std::to_string(i) + "].roles[" + std::to_string(k) + "]");
            Tenure r;
            r.role = line_string(t, "role");
            // A year (2012) or a day (2012-12-26), as YYYYMMDD; a year's start or end by `first`.
            auto when = [&](const std::string& key, bool required, bool first) {
                const toml::node* n = t.raw(key);
                if (!n) {
                    if (required) t.fail_at(key, "is missing: when the post began (a year such as 2012, or a day such as 2012-12-26)");
                    return 0;
                }
                if (const auto* d = n->as_date()) {
                    const toml::date& v = d->get();
                    if (v.year < 1800 || v.year > 2200) t.fail_at(key, "must be a year from 1800 to 2200");
                    return int(v.year) * 10000 + int(v.month) * 100 + int(v.day);
                }
                std::optional<int64_t> y = n->value_exact<int64_t>();
                if (!y || *y < 1800 || *y > 2200) t.fail_at(key, "must be a year such as 2012, or a day such as 2012-12-26");
                return int(*y) * 10000 + (first ? 101 : 1231);
            };
            r.from = when("from", true, true);
            r.to = when("to", false, false);
            if (r.to != 0 && r.to < r.from) t.fail_at("to", "is before 'from'");
            t.reject_unknown_keys();
            p.roles.push_back(std::move(r));
        }
        if (p.roles.empty() || s.raw("role")) p.role = line_string(s, "role");
        else p.role = std::max_element(p.roles.begin(), p.roles.end(), [](const Tenure& a, const Tenure& b) { return a.from < b.from; })->role;
        p.country = line_string(s, "country");
        s.reject_unknown_keys();
        if (!names.insert(p.name).second) s.fail_at("name", "repeats '" + p.name + "'");
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<Title> read_titles(const fs::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    const toml::array& arr = tables(top, "title", false);
    std::vector<Title> out;
    for (size_t i = 0; i < arr.size(); ++i) {
        StrictTable s(*arr[i].as_table(), path, "title[" + std::to_string(i) + "]");
        Title t;
        t.country = line_string(s, "country");
        t.role = line_string(s, "role");
        t.phrases = s.strings("phrases", true);
        s.reject_unknown_keys();
        out.push_back(std::move(t));
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
