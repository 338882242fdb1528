#include "data/case_data.hpp"

#include <fmt/format.h>

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

const View& CaseConfig::view(const std::string& id) const {
    for (const View& v : views)
        if (v.id == id) return v;
    fail(file, "has no point of view '" + id + "' (it has: " + view_ids() + ")");
}

std::string CaseConfig::view_ids() const {
    std::string out;
    for (const View& v : views) out += (out.empty() ? "" : ", ") + v.id;
    return out;
}

std::string CaseConfig::world_crs() const {
    return fmt::format("+proj=robin +lon_0={:g} +datum=WGS84 +units=m +no_defs", world_centre_lon);
}

CaseConfig read_case(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable s(root, path, "");
    CaseConfig c;
    c.file = path;
    c.id = s.string("id");
    const auto dir = path.parent_path();
    c.land = (dir / s.string("land")).lexically_normal();
    c.gazetteer = (dir / s.string("gazetteer")).lexically_normal();
    c.scenarios = (dir / s.string("scenarios")).lexically_normal();
    c.inset = (dir / s.string("inset")).lexically_normal();
    c.events = (dir / s.string("events")).lexically_normal();
    c.venues = (dir / s.string("venues")).lexically_normal();
    c.world = (dir / s.string("world")).lexically_normal();
    c.world_centre_lon = s.opt_number("world_centre_lon").value_or(c.world_centre_lon);
    if (c.world_centre_lon <= -180 || c.world_centre_lon > 180) s.fail_at("world_centre_lon", "must be a longitude in (-180, 180]");
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
    c.inset_extent = lonlat_box("inset_extent");
    c.claimant = s.string("claimant");
    if (const toml::array* parties = s.opt_array("party")) {
        for (size_t i = 0; i < parties->size(); ++i) {
            const toml::table* t = (*parties)[i].as_table();
            if (!t) s.fail_at("party", "must be an array of tables");
            StrictTable ps(*t, path, "party[" + std::to_string(i) + "]");
            Party party{ps.string("id"), ps.string("name"), ps.string("language")};
            if (party.language != "ja" && party.language != "ru")
                ps.fail_at("language", "must name a gazetteer language: ja or ru");
            c.parties.push_back(std::move(party));
            ps.reject_unknown_keys();
        }
    }
    if (c.parties.size() < 2) s.fail_at("party", "must list at least two parties");
    if (!c.party(c.claimant)) s.fail_at("claimant", "names no listed party");
    if (const toml::array* terr = s.opt_array("territories")) {
        for (const toml::node& n : *terr) {
            auto v = n.value<std::string>();
            if (!v) s.fail_at("territories", "must be an array of strings");
            c.territories.push_back(s.checked_text("territories", *v));
        }
    }
    if (c.territories.empty()) s.fail_at("territories", "must list the disputed territory ids");
    const toml::table* views = s.opt_table("view");
    if (!views) s.fail_at("view", "is missing: define at least [view.neutral]");
    for (const auto& [key, node] : *views) {
        View v;
        v.id = std::string(key.str());
        const toml::table* t = node.as_table();
        if (!t) StrictTable(*views, path, "view").fail_at(v.id, "must be a table");
        StrictTable vs(*t, path, "view." + v.id);
        v.title = vs.string("title");
        v.subtitle = vs.opt_string("subtitle").value_or("");
        v.names_first = vs.opt_string("names_first").value_or("");
        if (!v.names_first.empty() && !c.party(v.names_first)) vs.fail_at("names_first", "names no listed party");
        v.disputed_label = vs.string("disputed_label");
        if (const toml::array* bs = vs.opt_array("boundary")) {
            for (size_t i = 0; i < bs->size(); ++i) {
                const toml::table* bt = (*bs)[i].as_table();
                if (!bt) vs.fail_at("boundary", "must be an array of tables");
                StrictTable b(*bt, path, "view." + v.id + ".boundary[" + std::to_string(i) + "]");
                ViewBoundary vb{b.string("scenario"), b.string("label"), b.opt_string("line").value_or("solid")};
                if (vb.line != "solid" && vb.line != "dashed" && vb.line != "dotted")
                    b.fail_at("line", "must be solid, dashed or dotted");
                b.reject_unknown_keys();
                v.boundaries.push_back(std::move(vb));
            }
        }
        vs.reject_unknown_keys();
        c.views.push_back(std::move(v));
    }
    if (std::none_of(c.views.begin(), c.views.end(), [](const View& v) { return v.id == "neutral"; }))
        s.fail_at("view", "must define [view.neutral]");
    if (const toml::table* official = s.opt_table("official_area")) {
        StrictTable o(*official, path, "official_area");
        c.official_area_source = o.string("source");
        for (const std::string& id : c.territories)
            if (auto v = o.opt_number(id)) {
                // No land area exceeds the Earth's surface (5.1e8 km²).
                if (*v <= 0 || *v > 5.1e8) o.fail_at(id, "must be a positive area in km², below the Earth's surface");
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
    // An installed binary (PREFIX/bin/claimmap) finds its data in PREFIX/share/claimmap, wherever
    // the prefix was installed or moved to; a binary in the build tree falls back to the source tree.
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "claimmap";
        if (std::filesystem::is_directory(installed / "geodata", ec)) return installed;
    }
    return CLAIMMAP_DATA_DIR;
}

std::filesystem::path default_case_file(const std::optional<std::filesystem::path>& dir) {
    return data_dir(dir) / "geodata" / "kurils" / "case.toml";
}

}  // namespace claimmap
