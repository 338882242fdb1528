#include "extract/detail.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "data/case_data.hpp"

namespace claimmap {

using namespace extract_detail;
namespace fs = std::filesystem;

namespace extract_detail {

std::vector<std::string> string_list(const StrictTable& s, const std::string& key, bool required) {
    std::vector<std::string> out;
    const toml::array* arr = s.opt_array(key);
    if (!arr) {
        if (required) s.fail_at(key, "is missing");
        return out;
    }
    for (const toml::node& n : *arr) {
        auto v = n.value<std::string>();
        if (!v || v->find_first_not_of(" \t") == std::string::npos || v->find_first_of("\r\n") != std::string::npos)
            s.fail_at(key, "must be an array of non-empty single-line strings");
        out.push_back(*v);
    }
    return out;
}

std::string line_string(const StrictTable& s, const std::string& key) {
    std::string v = s.string(key);
    if (v.find_first_not_of(" \t") == std::string::npos) s.fail_at(key, "must not be empty");
    if (v.find_first_of("\r\n") != std::string::npos) s.fail_at(key, "must be a single line");
    return v;
}

const toml::array& tables(const StrictTable& top, const std::string& key, bool required) {
    static const toml::array empty;
    const toml::array* arr = top.opt_array(key);
    if (!arr) {
        if (required) top.fail_at(key, "is missing: the file lists [[" + key + "]] tables");
        return empty;
    }
    for (const toml::node& n : *arr)
        if (!n.is_table()) top.fail_at(key, "must be an array of tables ([[" + key + "]])");
    return *arr;
}

}  // namespace extract_detail

ExtractData load_extract_data(const fs::path& case_dir, const std::optional<fs::path>& venues_file) {
    ExtractData d;
    d.venues = read_venues(venues_file ? *venues_file : case_dir / "venues.toml");
    d.people = read_people(case_dir / "people.toml");
    Gazetteer gaz = read_gazetteer(case_dir / "gazetteer.toml");
    for (const Place& p : gaz.places) {
        if (p.kind != "territory") continue;
        NamedThing t{p.id, {}};
        for (const std::string* n : {&p.en_ja, &p.en_ru, &p.ja, &p.ru})
            if (std::find(t.names.begin(), t.names.end(), *n) == t.names.end()) t.names.push_back(*n);
        d.territories.push_back(std::move(t));
    }

    const fs::path lex = case_dir / "lexicon.toml";
    toml::table root = parse_toml_file(lex);
    StrictTable top(root, lex, "");
    const toml::array& terr = tables(top, "territory", false);
    const toml::array& groups = tables(top, "group", false);
    const toml::array& cues = tables(top, "cue", false);
    const toml::table* outlets = top.opt_table("outlets");
    const toml::table* cities = top.opt_table("cities");
    top.reject_unknown_keys();
    for (size_t i = 0; i < terr.size(); ++i) {
        StrictTable s(*terr[i].as_table(), lex, "territory[" + std::to_string(i) + "]");
        std::string id = s.string("id");
        auto it = std::find_if(d.territories.begin(), d.territories.end(), [&](const NamedThing& t) { return t.id == id; });
        if (it == d.territories.end())
            s.fail_at("id", "names no place of kind territory '" + id + "' in " + (case_dir / "gazetteer.toml").string());
        for (std::string& n : string_list(s, "names", true)) it->names.push_back(std::move(n));
        s.reject_unknown_keys();
    }
    for (size_t i = 0; i < groups.size(); ++i) {
        StrictTable s(*groups[i].as_table(), lex, "group[" + std::to_string(i) + "]");
        d.groups.push_back({line_string(s, "id"), string_list(s, "names", true)});
        s.reject_unknown_keys();
    }
    for (size_t i = 0; i < cues.size(); ++i) {
        StrictTable s(*cues[i].as_table(), lex, "cue[" + std::to_string(i) + "]");
        std::string sc = s.string("scenario");
        EventScenario scenario;
        if (sc == "two-island")
            scenario = EventScenario::two_island;
        else if (sc == "four-island")
            scenario = EventScenario::four_island;
        else
            s.fail_at("scenario", "must be two-island or four-island, got '" + sc + "'");
        for (std::string& p : string_list(s, "phrases", true)) d.cues.push_back({scenario, std::move(p)});
        s.reject_unknown_keys();
    }
    if (cities) {
        StrictTable s(*cities, lex, "cities");
        d.cities = string_list(s, "names", true);
        s.reject_unknown_keys();
    }
    if (outlets) {
        StrictTable s(*outlets, lex, "outlets");
        d.outlets = string_list(s, "names", true);
        s.reject_unknown_keys();
    }
    return d;
}

}  // namespace claimmap
