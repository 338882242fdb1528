#include "data/case_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/error.hpp"
#include "data/toml_util.hpp"

namespace claimmap {

const Place* Gazetteer::find(const std::string& id) const {
    auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.id == id; });
    return it == places.end() ? nullptr : &*it;
}

bool is_language_tag(const std::string& tag) {
    // BCP 47 shape: letters, digits and '-', starting with a 2-3 letter language subtag.
    if (tag.size() < 2 || tag.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != std::string::npos)
        return false;
    const size_t first = tag.find('-');
    const size_t len = first == std::string::npos ? tag.size() : first;
    return len >= 2 && len <= 3 && std::all_of(tag.begin(), tag.begin() + long(len), [](char c) { return std::islower(c); });
}

const std::string* Names::find(const std::string& lang, const std::string& party) const {
    if (!party.empty())
        if (auto it = by_key.find(lang + "@" + party); it != by_key.end()) return &it->second;
    auto it = by_key.find(lang);
    return it == by_key.end() ? nullptr : &it->second;
}

std::vector<std::string> Names::all() const {
    std::vector<std::string> out;
    for (const auto& [key, name] : by_key)
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    return out;
}

Names read_names(const StrictTable& owner, const std::string& key, const std::filesystem::path& path, const std::string& where) {
    const toml::table* t = owner.opt_table(key);
    if (!t || t->empty()) owner.fail_at(key, "is missing: give at least one name, e.g. [" + where + "." + key + "] en = \"...\"");
    Names names;
    StrictTable nt(*t, path, where + "." + key);
    for (const auto& [k, node] : *t) {
        std::string tag(k.str());
        const size_t at = tag.find('@');
        const std::string lang = tag.substr(0, at);
        if (!is_language_tag(lang) || (at != std::string::npos && at + 1 == tag.size()))
            nt.fail_at(tag, "is not a BCP 47 language tag, optionally with @PARTY (e.g. ja, zh-Hant, \"en@ABC\")");
        std::string name = nt.string(tag);
        if (name.find_first_not_of(" \t") == std::string::npos || name.find_first_of("\r\n") != std::string::npos)
            nt.fail_at(tag, "must be a non-empty single-line name");
        names.by_key[tag] = std::move(name);
    }
    return names;
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
        const std::string where = "place[" + std::to_string(i) + "]";
        StrictTable s(*t, path, where);
        Place p;
        p.id = s.string("id");
        p.kind = s.string("kind");
        if (p.kind != "territory" && p.kind != "island" && p.kind != "sea" && p.kind != "region")
            s.fail_at("kind", "must be territory, island, sea or region");
        p.names = read_names(s, "names", path, where);
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

const Territory* CaseConfig::territory(const std::string& territory_id) const {
    auto it = std::find_if(territory_claims.begin(), territory_claims.end(), [&](const Territory& t) { return t.id == territory_id; });
    return it == territory_claims.end() ? nullptr : &*it;
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

std::string CaseConfig::detail_ids() const {
    std::string out = "default";
    for (const LandDetail& d : details) out += ", " + d.id;
    return out;
}

void CaseConfig::use_detail(const std::string& id, const std::string& where) {
    if (id != "default") {
        auto d = std::find_if(details.begin(), details.end(), [&](const LandDetail& x) { return x.id == id; });
        if (d == details.end())
            throw Error(where + ": '" + id + "' is no land detail of " + file.string() + " (it has: " + detail_ids() + ")");
        land = d->land;
        attribution = d->attribution;
    }
    std::error_code ec;
    if (!std::filesystem::exists(land, ec))
        throw Error(where + " " + id + ": the land file " + land.string() + " does not exist (see " + file.string() + ")");
    detail = id;
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
    c.output_name = s.opt_string("output_name").value_or(c.id);
    if (c.output_name.empty() || c.output_name.find('/') != std::string::npos || c.output_name == "." || c.output_name == "..")
        s.fail_at("output_name", "must be a plain file name without folders");
    const auto dir = path.parent_path();
    if (auto atlas = s.opt_string("atlas")) c.atlas = (dir / *atlas).lexically_normal();
    c.sea = s.opt_bool("sea").value_or(true);
    c.languages = s.strings("languages", false);
    for (const std::string& l : c.languages)
        if (!is_language_tag(l)) s.fail_at("languages", "'" + l + "' is not a BCP 47 language tag (e.g. en, ja, zh-Hant)");
    if (const toml::table* w = s.opt_table("wording")) {
        StrictTable ws(*w, path, "wording");
        c.wording.disputed_legend = ws.opt_string("disputed_legend").value_or(c.wording.disputed_legend);
        c.wording.from_disputed = ws.opt_string("from_disputed").value_or(c.wording.from_disputed);
        ws.reject_unknown_keys();
    }
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
    if (const toml::table* details = s.opt_table("detail")) {
        for (const auto& [key, node] : *details) {
            LandDetail d;
            d.id = std::string(key.str());
            const toml::table* t = node.as_table();
            StrictTable listed(*details, path, "detail");
            if (!t) listed.fail_at(d.id, "must be a table with a 'land' key");
            if (d.id == "default") listed.fail_at(d.id, "is the top-level land and attribution: give the table another id");
            if (d.id.empty() || d.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
                listed.fail_at(d.id, "must be an id of lower-case letters, digits and '-'");
            StrictTable ds(*t, path, "detail." + d.id);
            d.land = (dir / ds.string("land")).lexically_normal();
            d.attribution = ds.opt_string("attribution").value_or(c.attribution);
            ds.reject_unknown_keys();
            c.details.push_back(std::move(d));
        }
    }
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
    if (s.raw("claimant") || s.raw("territories"))
        s.fail_at(s.raw("claimant") ? "claimant" : "territories",
                  "is case format v1: list [[territory]] tables with id and claimants (docs/new-case.md)");
    if (const toml::array* parties = s.opt_array("party")) {
        for (size_t i = 0; i < parties->size(); ++i) {
            const toml::table* t = (*parties)[i].as_table();
            if (!t) s.fail_at("party", "must be an array of tables");
            StrictTable ps(*t, path, "party[" + std::to_string(i) + "]");
            if (ps.raw("language")) ps.fail_at("language", "is case format v1: use languages = [\"ja\", ...]");
            Party party{ps.string("id"), ps.string("name"), ps.strings("languages", true)};
            if (party.languages.empty()) ps.fail_at("languages", "must name at least the party's own language");
            for (const std::string& l : party.languages)
                if (!is_language_tag(l)) ps.fail_at("languages", "'" + l + "' is not a BCP 47 language tag (e.g. ja, ko, zh-Hans)");
            if (party.id.find('@') != std::string::npos || party.id.empty()) ps.fail_at("id", "must be an ISO 3166 alpha-3 code as in the land data");
            if (c.party(party.id)) ps.fail_at("id", "repeats '" + party.id + "'");
            c.parties.push_back(std::move(party));
            ps.reject_unknown_keys();
        }
    }
    if (c.parties.size() < 2) s.fail_at("party", "must list at least two parties");
    c.other_countries = s.strings("other_countries", false);
    for (const std::string& o : c.other_countries)
        if (c.party(o)) s.fail_at("other_countries", "names '" + o + "', which is a [[party]] of the case");
    if (const toml::array* terr = s.opt_array("territory")) {
        for (size_t i = 0; i < terr->size(); ++i) {
            const toml::table* t = (*terr)[i].as_table();
            if (!t) s.fail_at("territory", "must be an array of tables");
            StrictTable ts(*t, path, "territory[" + std::to_string(i) + "]");
            Territory territory{ts.string("id"), ts.strings("claimants", true), ts.opt_bool("rock").value_or(false)};
            if (territory.claimants.empty()) ts.fail_at("claimants", "must name at least one party");
            for (const std::string& p : territory.claimants)
                if (!c.party(p)) ts.fail_at("claimants", "names '" + p + "', which is no [[party]] of the case");
            if (c.territory(territory.id)) ts.fail_at("id", "repeats '" + territory.id + "'");
            ts.reject_unknown_keys();
            c.territories.push_back(territory.id);
            c.territory_claims.push_back(std::move(territory));
        }
    }
    // No [[territory]] yet is allowed: a new case (claimmap new-case) renders its land before the
    // disputed land is marked.
    if (const toml::array* lines = s.opt_array("claim_line")) {
        for (size_t i = 0; i < lines->size(); ++i) {
            const toml::table* t = (*lines)[i].as_table();
            if (!t) s.fail_at("claim_line", "must be an array of tables");
            StrictTable ls(*t, path, "claim_line[" + std::to_string(i) + "]");
            ClaimLine cl{ls.string("party"), (dir / ls.string("file")).lexically_normal(), ls.string("label"),
                         ls.opt_string("line").value_or("dashed"), {}};
            if (!c.party(cl.party)) ls.fail_at("party", "names no [[party]] of the case");
            if (cl.line != "solid" && cl.line != "dashed" && cl.line != "dotted") ls.fail_at("line", "must be solid, dashed or dotted");
            ls.reject_unknown_keys();
            c.claim_lines.push_back(std::move(cl));
        }
    }
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
                ViewBoundary vb{b.string("scenario"), b.string("label"), b.opt_string("line").value_or("solid"), b.opt_string("party").value_or("")};
                if (vb.line != "solid" && vb.line != "dashed" && vb.line != "dotted")
                    b.fail_at("line", "must be solid, dashed or dotted");
                if (!vb.party.empty() && !c.party(vb.party)) b.fail_at("party", "names no listed party");
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

std::vector<std::string> english_names(const Place& place, const CaseConfig& config) {
    std::vector<std::string> out;
    auto add = [&](const std::string* n) {
        if (n && std::find(out.begin(), out.end(), *n) == out.end()) out.push_back(*n);
    };
    add(place.names.find("en"));
    for (const Party& p : config.parties) add(place.names.find("en", p.id));
    return out;
}

std::string english_label(const Place& place, const CaseConfig& config) {
    std::string out;
    for (const std::string& n : english_names(place, config)) out += (out.empty() ? "" : " / ") + n;
    return out.empty() ? place.id : out;
}

std::optional<NameInLanguage> own_name(const Place& place, const Party& party) {
    const std::string* n = place.names.find(party.language(), party.id);
    if (!n) return std::nullopt;
    return NameInLanguage{*n, party.language()};
}

const CaseIndexEntry* CaseIndex::find(const std::string& case_id) const {
    auto it = std::find_if(cases.begin(), cases.end(), [&](const CaseIndexEntry& e) { return e.id == case_id; });
    return it == cases.end() ? nullptr : &*it;
}

CaseIndex read_case_index(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    CaseIndex index;
    index.file = path;
    index.default_id = top.string("default");
    const toml::array* list = top.opt_array("case");
    if (!list || list->empty()) top.fail_at("case", "is missing: list the built-in cases as [[case]] tables (id, file)");
    for (size_t i = 0; i < list->size(); ++i) {
        const toml::table* t = (*list)[i].as_table();
        if (!t) top.fail_at("case", "must be an array of tables");
        StrictTable cs(*t, path, "case[" + std::to_string(i) + "]");
        CaseIndexEntry e{cs.string("id"), (path.parent_path() / cs.string("file")).lexically_normal()};
        if (index.find(e.id)) cs.fail_at("id", "repeats '" + e.id + "'");
        cs.reject_unknown_keys();
        index.cases.push_back(std::move(e));
    }
    if (!index.find(index.default_id)) top.fail_at("default", "names no [[case]] of this file");
    top.reject_unknown_keys();
    return index;
}

std::filesystem::path case_index_file(const std::optional<std::filesystem::path>& dir) {
    return data_dir(dir) / "geodata" / "cases.toml";
}

std::filesystem::path resolve_case(const std::optional<std::string>& id_or_path, const std::optional<std::filesystem::path>& dir) {
    // Anything that looks like a file is a path; a bare word is an id from the index.
    if (id_or_path && (id_or_path->find('/') != std::string::npos || id_or_path->ends_with(".toml")))
        return *id_or_path;
    const CaseIndex index = read_case_index(case_index_file(dir));
    const std::string id = id_or_path.value_or(index.default_id);
    const CaseIndexEntry* e = index.find(id);
    if (!e) {
        std::string ids;
        for (const CaseIndexEntry& c : index.cases) ids += (ids.empty() ? "" : ", ") + c.id;
        throw Error("--case: '" + id + "' is neither a case file nor a case of " + index.file.string() + " (it has: " + ids + ")");
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(e->file, ec))
        fail(index.file, "lists case '" + id + "' at " + e->file.string() + ", which does not exist");
    return e->file;
}

std::filesystem::path default_case_file(const std::optional<std::filesystem::path>& dir) { return resolve_case(std::nullopt, dir); }

}  // namespace claimmap
