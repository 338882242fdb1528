#include "extract/detail.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"
#include "data/case_data.hpp"

namespace claimmap {

using namespace extract_detail;
namespace fs = std::filesystem;

namespace extract_detail {

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

namespace {

// geodata/world/cities.tsv: name, country, lon, lat, population; '#' starts a comment line.
void read_world_cities(const fs::path& path, ExtractData& d, const std::vector<std::string>& not_cities) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot be read (the world's cities, for events extract; scripts/fetch-geodata writes it)");
    std::set<std::string> taken;  // names a venue has, and words that are not cities in news text
    for (const Venue& v : d.venues.venues)
        for (const std::string& n : venue_names(v)) taken.insert(folded(n));
    for (const std::string& n : not_cities) taken.insert(folded(n));
    for (const char* const* names : {month_names, weekday_names})
        for (int i = 0; i < (names == month_names ? 12 : 7); ++i) taken.insert(folded(names[i]));
    std::map<std::string, std::vector<int>> groups;
    std::string line;
    for (int line_no = 1; std::getline(in, line); ++line_no) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        for (size_t a = 0;;) {
            size_t b = line.find('\t', a);
            f.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
            if (b == std::string::npos) break;
            a = b + 1;
        }
        char* end = nullptr;
        WorldCity c;
        bool ok = f.size() == 5 && !f[0].empty() && f[1].size() == 2;
        if (ok) {
            c.name = f[0], c.country = f[1];
            c.lonlat.lon = std::strtod(f[2].c_str(), &end);
            ok = *end == 0;
            c.lonlat.lat = std::strtod(f[3].c_str(), &end);
            ok = ok && *end == 0;
            c.population = std::strtol(f[4].c_str(), &end, 10);
            ok = ok && *end == 0 && std::isfinite(c.lonlat.lon) && std::isfinite(c.lonlat.lat) &&
                 std::abs(c.lonlat.lon) <= 180 && std::abs(c.lonlat.lat) <= 90;
        }
        if (!ok) fail(path, "line " + std::to_string(line_no) + ": expected name, country code, lon, lat, population separated by tabs");
        d.world_cities.push_back(std::move(c));
    }
    for (size_t i = 0; i < d.world_cities.size(); ++i) {
        std::string key = folded(d.world_cities[i].name);  // "Coruña" is found as "Coruna" too
        if (!taken.count(key)) groups[key].push_back(int(i));
        // A name qualified after a comma ("Washington, D.C.") is also written without it, and then
        // competes with the other cities of that name by population.
        if (size_t comma = key.find(", "); comma != std::string::npos && comma > 0 && !taken.count(key.substr(0, comma)))
            groups[key.substr(0, comma)].push_back(int(i));
    }
    d.venue_countries.assign(d.venues.venues.size(), "");
    for (size_t v = 0; v < d.venues.venues.size(); ++v) {
        long best = -1;
        for (const WorldCity& c : d.world_cities)
            if (c.population > best && ieq(c.name, d.venues.venues[v].name)) best = c.population, d.venue_countries[v] = c.country;
    }
    for (auto& [name, ids] : groups) {
        std::stable_sort(ids.begin(), ids.end(), [&](int a, int b) { return d.world_cities[a].population > d.world_cities[b].population; });
        d.city_names.emplace_back(name, std::move(ids));
    }
}

// Country names -> ISO alpha-2, from the iso-codes list (name, common and official names) and the
// case's parties (their English names, e.g. "Russia" for the list's "Russian Federation").
void read_countries(const fs::path& iso_codes, const fs::path& case_file, ExtractData& d) {
    std::ifstream in(iso_codes);
    if (!in) fail(iso_codes, "cannot be read (the country names events extract uses; install the Debian package iso-codes)");
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array()) fail(iso_codes, "is not the iso-codes ISO 3166-1 list");
    std::map<std::string, std::string> alpha2_of_alpha3;
    std::set<std::pair<std::string, std::string>> names;
    for (const auto& c : j["3166-1"]) {
        if (!c.is_object() || !c.contains("alpha_2") || !c["alpha_2"].is_string()) continue;
        const std::string a2 = c["alpha_2"].get<std::string>();
        if (c.contains("alpha_3") && c["alpha_3"].is_string()) alpha2_of_alpha3[c["alpha_3"].get<std::string>()] = a2;
        for (const char* key : {"name", "common_name", "official_name"})
            if (c.contains(key) && c[key].is_string() && c[key].get<std::string>().find(',') == std::string::npos)
                names.insert({c[key].get<std::string>(), a2});  // "Korea, Republic of" is no name news uses
    }
    std::error_code ec;
    if (fs::exists(case_file, ec))
        for (const Party& p : read_case(case_file).parties)
            if (auto it = alpha2_of_alpha3.find(p.id); it != alpha2_of_alpha3.end()) {
                names.insert({p.name, it->second});
                d.party_countries.push_back(it->second);
            }
    d.countries.assign(names.begin(), names.end());
}

}  // namespace

std::vector<std::string> venue_names(const Venue& v) {
    std::vector<std::string> out{v.name};
    out.insert(out.end(), v.aliases.begin(), v.aliases.end());
    for (const std::string& n : v.all_names())
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
}

std::string WorldCity::id() const { return slug(name); }

ExtractData load_extract_data(const fs::path& case_dir, const std::optional<fs::path>& venues_file, const fs::path& iso_codes) {
    ExtractData d;
    d.venues = read_venues(venues_file ? *venues_file : case_dir / "venues.toml");
    // people.toml and lexicon.toml sharpen the drafts; a case without them (a new one) still drafts
    // events from its gazetteer, venues and the world's cities.
    std::error_code ec;
    if (fs::exists(case_dir / "people.toml", ec)) {
        d.people = read_people(case_dir / "people.toml");
        d.titles = read_titles(case_dir / "people.toml");
    }
    Gazetteer gaz = read_gazetteer(case_dir / "gazetteer.toml");
    for (const Place& p : gaz.places) {
        if (p.kind != "territory") continue;
        NamedThing t{p.id, {}};
        for (const std::string& n : p.all_names())
            if (std::find(t.names.begin(), t.names.end(), n) == t.names.end()) t.names.push_back(n);
        d.territories.push_back(std::move(t));
    }

    const fs::path lex = case_dir / "lexicon.toml";
    toml::table root = fs::exists(lex, ec) ? parse_toml_file(lex) : toml::table{};
    StrictTable top(root, lex, "");
    const toml::array& terr = tables(top, "territory", false);
    const toml::array& groups = tables(top, "group", false);
    const toml::array& cues = tables(top, "cue", false);
    const toml::table* outlets = top.opt_table("outlets");
    const toml::table* cities = top.opt_table("cities");
    const toml::table* dispute = top.opt_table("dispute");
    const toml::table* settlement = top.opt_table("settlement");
    const toml::array& nationalities = tables(top, "nationality", false);
    top.reject_unknown_keys();
    for (size_t i = 0; i < terr.size(); ++i) {
        StrictTable s(*terr[i].as_table(), lex, "territory[" + std::to_string(i) + "]");
        std::string id = s.string("id");
        auto it = std::find_if(d.territories.begin(), d.territories.end(), [&](const NamedThing& t) { return t.id == id; });
        if (it == d.territories.end())
            s.fail_at("id", "names no place of kind territory '" + id + "' in " + (case_dir / "gazetteer.toml").string());
        for (std::string& n : s.strings("names", true)) it->names.push_back(std::move(n));
        s.reject_unknown_keys();
    }
    for (size_t i = 0; i < groups.size(); ++i) {
        StrictTable s(*groups[i].as_table(), lex, "group[" + std::to_string(i) + "]");
        d.groups.push_back({line_string(s, "id"), s.strings("names", true)});
        s.reject_unknown_keys();
    }
    for (size_t i = 0; i < cues.size(); ++i) {
        StrictTable s(*cues[i].as_table(), lex, "cue[" + std::to_string(i) + "]");
        // Any scenario id of the case; "none" is what a draft without cues says, never a cue.
        std::string scenario = line_string(s, "scenario");
        if (scenario.empty() || scenario == "none") s.fail_at("scenario", "must name a scenario of the case, got '" + scenario + "'");
        const bool needs_settlement = s.opt_bool("only_with_settlement").value_or(false);
        for (std::string& p : s.strings("phrases", true)) d.cues.push_back({scenario, std::move(p), needs_settlement});
        s.reject_unknown_keys();
    }
    if (settlement) {
        StrictTable s(*settlement, lex, "settlement");
        d.settlement_words = s.strings("phrases", true);
        s.reject_unknown_keys();
    }
    if (std::any_of(d.cues.begin(), d.cues.end(), [](const ScenarioCue& c) { return c.needs_settlement; }) && d.settlement_words.empty())
        top.fail_at("settlement", "is missing: a [[cue]] says only_with_settlement, so [settlement] phrases must list the words");
    if (dispute) {
        StrictTable s(*dispute, lex, "dispute");
        d.dispute_words = s.strings("phrases", true);
        s.reject_unknown_keys();
    }
    std::vector<std::string> not_cities;
    if (cities) {
        StrictTable s(*cities, lex, "cities");
        not_cities = s.strings("not_cities", true);
        s.reject_unknown_keys();
    }
    read_world_cities(case_dir.parent_path() / "world" / "cities.tsv", d, not_cities);
    read_countries(iso_codes, case_dir / "case.toml", d);
    for (size_t i = 0; i < nationalities.size(); ++i) {
        StrictTable s(*nationalities[i].as_table(), lex, "nationality[" + std::to_string(i) + "]");
        const std::string country = line_string(s, "country");
        auto it = std::find_if(d.countries.begin(), d.countries.end(), [&](const auto& c) { return c.first == country; });
        if (it == d.countries.end()) s.fail_at("country", "names no country of the ISO 3166 list or the case's parties: '" + country + "'");
        // One word each ("Russian"), and one country per word: the drafter reads them token by token.
        for (std::string& w : s.strings("words", true)) {
            if (w.find_first_of(" \t") != std::string::npos) s.fail_at("words", "'" + w + "' is more than one word");
            for (const auto& [other, code] : d.nationalities)
                if (ieq(other, w)) s.fail_at("words", "'" + w + "' is already a word of another [[nationality]]");
            d.nationalities.push_back({std::move(w), it->second});
        }
        s.reject_unknown_keys();
    }
    if (outlets) {
        StrictTable s(*outlets, lex, "outlets");
        d.outlets = s.strings("names", true);
        s.reject_unknown_keys();
    }
    return d;
}

}  // namespace claimmap
