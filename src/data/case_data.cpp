#include "data/case_data.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"
#include "data/toml_util.hpp"

namespace claimmap {

const Place* Gazetteer::find(const std::string& id) const {
    auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.id == id; });
    return it == places.end() ? nullptr : &*it;
}

Gazetteer read_gazetteer(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    Gazetteer gaz;
    const toml::array* places = top.opt_array("place");
    if (!places) top.fail_at("place", "is missing: a gazetteer lists [[place]] tables");
    top.reject_unknown_keys();
    for (size_t i = 0; i < places->size(); ++i) {
        const toml::table* t = (*places)[i].as_table();
        if (!t) top.fail_at("place", "must be an array of tables");
        StrictTable s(*t, path, "place[" + std::to_string(i) + "]");
        Place p;
        p.id = s.string("id");
        p.kind = s.string("kind");
        if (p.kind != "territory" && p.kind != "island" && p.kind != "sea" && p.kind != "region")
            s.fail_at("kind", "must be territory, island, sea or region");
        p.en_ja = s.string("en_ja");
        p.en_ru = s.opt_string("en_ru").value_or(p.en_ja);
        p.ja = s.string("ja");
        p.ru = s.string("ru");
        auto label = s.opt_lonlat("label");
        if (!label) s.fail_at("label", "is missing");
        p.label = *label;
        p.leader_to = s.opt_lonlat("leader_to");
        s.reject_unknown_keys();
        if (gaz.find(p.id)) s.fail_at("id", "repeats '" + p.id + "'");
        gaz.places.push_back(std::move(p));
    }
    return gaz;
}

const Party* CaseConfig::party(const std::string& party_id) const {
    auto it = std::find_if(parties.begin(), parties.end(), [&](const Party& p) { return p.id == party_id; });
    return it == parties.end() ? nullptr : &*it;
}

CaseConfig read_case(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable s(root, path, "");
    CaseConfig c;
    c.file = path;
    c.id = s.string("id");
    c.title = s.string("title");
    c.subtitle = s.opt_string("subtitle").value_or("");
    const auto dir = path.parent_path();
    c.land = dir / s.string("land");
    c.gazetteer = dir / s.string("gazetteer");
    c.scenarios = dir / s.string("scenarios");
    c.attribution = s.string("attribution");
    c.crs = s.string("crs");
    c.projection_name = s.opt_string("projection_name").value_or(c.crs);
    auto lonlat_box = [&](const std::string& key) {
        auto e = s.numbers(key, 4);
        if (e[0] >= e[2] || e[1] >= e[3] || std::abs(e[0]) > 180 || std::abs(e[2]) > 180 || std::abs(e[1]) > 90 ||
            std::abs(e[3]) > 90)
            s.fail_at(key, "must be [lon_min, lat_min, lon_max, lat_max] with min < max");
        return BBox{e[0], e[1], e[2], e[3]};
    };
    c.extent = lonlat_box("extent");
    c.region = lonlat_box("region");
    c.claimant = s.string("claimant");
    if (const toml::array* parties = s.opt_array("party")) {
        for (size_t i = 0; i < parties->size(); ++i) {
            const toml::table* t = (*parties)[i].as_table();
            if (!t) s.fail_at("party", "must be an array of tables");
            StrictTable ps(*t, path, "party[" + std::to_string(i) + "]");
            c.parties.push_back({ps.string("id"), ps.string("name")});
            ps.reject_unknown_keys();
        }
    }
    if (c.parties.size() < 2) s.fail_at("party", "must list at least two parties");
    if (!c.party(c.claimant)) s.fail_at("claimant", "names no listed party");
    if (const toml::array* terr = s.opt_array("territories")) {
        for (const toml::node& n : *terr) {
            auto v = n.value<std::string>();
            if (!v) s.fail_at("territories", "must be an array of strings");
            c.territories.push_back(*v);
        }
    }
    if (c.territories.empty()) s.fail_at("territories", "must list the disputed territory ids");
    if (const toml::table* official = s.opt_table("official_area")) {
        StrictTable o(*official, path, "official_area");
        c.official_area_source = o.string("source");
        for (const std::string& id : c.territories)
            if (auto v = o.opt_number(id)) {
                if (*v <= 0) o.fail_at(id, "must be a positive area in km²");
                c.official_area_km2[id] = *v;
            }
        o.reject_unknown_keys();
    }
    s.reject_unknown_keys();
    return c;
}

std::filesystem::path data_dir(const std::optional<std::filesystem::path>& override_dir) {
    if (override_dir) return *override_dir;
    if (const char* env = std::getenv("CLAIMMAP_DATA_DIR"); env && *env) return env;
    return CLAIMMAP_DATA_DIR;
}

std::filesystem::path default_case_file(const std::optional<std::filesystem::path>& dir) {
    return data_dir(dir) / "geodata" / "kurils" / "case.toml";
}

}  // namespace claimmap
