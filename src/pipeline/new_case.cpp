#include "pipeline/new_case.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "data/land_reader.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/geos.hpp"
#include "i18n/catalog.hpp"
#include "output/writers.hpp"

namespace claimmap {
namespace {

namespace fs = std::filesystem;

// Country name -> ISO 3166 alpha-3, from every name iso-codes gives (name, common and official).
std::map<std::string, std::string> iso3_by_name(const fs::path& file) {
    std::ifstream in(file);
    if (!in) fail(file, "cannot be read (install the Debian package iso-codes)");
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array()) fail(file, "is not the iso-codes ISO 3166-1 list");
    std::map<std::string, std::string> out;
    for (const auto& c : j["3166-1"])
        for (const char* key : {"name", "common_name", "official_name"})
            if (c.contains(key) && c.contains("alpha_3")) out[c[key].get<std::string>()] = c["alpha_3"].get<std::string>();
    return out;
}

nlohmann::ordered_json ring_json(const PathXY& ring) {
    nlohmann::ordered_json r = nlohmann::ordered_json::array();
    for (const XY& p : ring) r.push_back({std::round(p.x * 1e6) / 1e6, std::round(p.y * 1e6) / 1e6});
    return r;
}

}  // namespace

fs::path write_new_case(const NewCaseOptions& o) {
    if (o.name.empty() || o.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        throw Error("new-case: NAME '" + o.name + "' must be lower-case letters, digits and '-'");
    const fs::path dir = o.out_dir / o.name;
    std::error_code ec;
    if (fs::exists(dir, ec)) fail(dir, "already exists: new-case writes a new folder");
    const auto iso3 = iso3_by_name(o.iso_codes);

    // Land: the world's polygons cut to the box, with the country code of their name.
    LandData world = read_land(o.world);
    Geos geos;
    GeomPtr box = geos.box(o.bbox);
    nlohmann::ordered_json features = nlohmann::ordered_json::array();
    std::map<std::string, double> area_of;  // country -> km² in the box
    std::set<std::string> unmatched;
    std::map<std::string, std::string> name_of;  // country code -> its name in the world land
    for (const LandFeature& f : world.features) {
        PolygonXY poly;
        for (const LonLat& p : f.shape.outer) poly.outer.push_back({p.lon, p.lat});
        for (const Ring& h : f.shape.holes) {
            poly.holes.emplace_back();
            for (const LonLat& p : h) poly.holes.back().push_back({p.lon, p.lat});
        }
        GeomPtr clipped = geos.intersection(geos.polygon(poly).get(), box.get());
        auto it = iso3.find(f.name);
        const std::string country = it == iso3.end() ? "" : it->second;
        for (const PolygonXY& part : geos.polygons(clipped.get())) {
            if (part.outer.size() < 4) continue;
            if (country.empty()) unmatched.insert(f.name);
            else name_of[country] = f.name;
            Polygon ll;
            for (const XY& p : part.outer) ll.outer.push_back({p.x, p.y});
            area_of[country] += geodesic_area_m2(ll) / 1e6;
            nlohmann::ordered_json rings = nlohmann::ordered_json::array({ring_json(part.outer)});
            for (const PathXY& h : part.holes) rings.push_back(ring_json(h));
            features.push_back({{"type", "Feature"},
                                {"properties", {{"country", country}, {"territory", ""}, {"name", f.name}}},
                                {"geometry", {{"type", "Polygon"}, {"coordinates", rings}}}});
        }
    }
    if (features.empty()) throw Error("--bbox: no land of " + o.world.string() + " in the box");
    std::vector<std::string> parties = o.parties;
    if (parties.empty()) {
        // The countries with most land in the box first.
        std::vector<std::pair<double, std::string>> by_area;
        for (const auto& [c, km2] : area_of)
            if (!c.empty()) by_area.push_back({-km2, c});
        std::sort(by_area.begin(), by_area.end());
        for (const auto& [a, c] : by_area) parties.push_back(c);
    }
    for (const std::string& p : parties)
        if (!area_of.count(p)) throw Error("--parties: '" + p + "' has no land in the box (countries there: " + [&] {
                                                std::string s;
                                                for (const auto& [c, km2] : area_of) s += (s.empty() ? "" : ", ") + (c.empty() ? "?" : c);
                                                return s;
                                            }() + ")");
    if (parties.size() < 2) throw Error("--parties: a case needs two parties or more with land in the box");

    const BBox& b = o.bbox;
    const double clon = (b.min_x + b.max_x) / 2, clat = (b.min_y + b.max_y) / 2;
    // "5.5°W 36.15°N", as the built-in cases and the credits write a place, not signed degrees.
    const Catalog& english = catalog(o.data_dir, "en");
    const BBox inset{std::max(-180.0, b.min_x - b.width()), std::max(-90.0, b.min_y - b.height()),
                     std::min(180.0, b.max_x + b.width()), std::min(90.0, b.max_y + b.height())};
    std::string party_tables, holds;
    for (const std::string& p : parties)
        party_tables += fmt::format("[[party]]\nid = \"{}\"\nname = \"{}\"        # the English name\n"
                                    "languages = [\"en\"]   # BCP 47 tags; the first is the language of its own place names\n\n",
                                    p, name_of.count(p) ? name_of.at(p) : p);
    const std::string world_rel = fs::relative(fs::absolute(o.world), fs::absolute(dir).lexically_normal(), ec).string();
    std::string unmatched_note;
    for (const std::string& n : unmatched) unmatched_note += (unmatched_note.empty() ? "" : ", ") + n;

    std::map<std::string, std::string> files;
    nlohmann::ordered_json land{{"type", "FeatureCollection"}, {"features", features}};
    files["land.geojson"] = land.dump() + "\n";
    files["case.toml"] = fmt::format(R"toml(# Case "{name}", written by `claimmap new-case`. Fill in what is marked TODO; docs/new-case.md
# and docs/case-format.md explain every key.
id = "{name}"
output_name = "{name}"
atlas = "atlas.toml"
sea = true                 # false for a dispute on land: no sea zones
languages = ["en"]
# Land: Natural Earth 1:110m countries clipped to the box (field country = ISO 3166 alpha-3 from
# iso-codes). Mark disputed land by setting a polygon's `territory` field to a territory id below.
# Countries whose name iso-codes does not know have an empty country: {unmatched}
land = "land.geojson"
gazetteer = "gazetteer.toml"
scenarios = "scenarios.toml"
events = "events.toml"
venues = "venues.toml"
world = "{world}"
world_centre_lon = 150     # the world land is cut at 30°W, the seam of maps centred on 150°E
attribution = "Land: Natural Earth 1:110m countries (public domain), world-atlas 2.0.2"
inset = "land.geojson"
inset_extent = [{ix0:g}, {iy0:g}, {ix1:g}, {iy1:g}]
crs = "+proj=sterea +lat_0={clat:g} +lon_0={clon:g} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
projection_name = "oblique stereographic centred on {clon_words} {clat_words}"
region = [{x0:g}, {y0:g}, {x1:g}, {y1:g}]
extent = [{x0:g}, {y0:g}, {x1:g}, {y1:g}]

{parties}# TODO: the disputed territories, each a polygon of land.geojson with this `territory` id:
# [[territory]]
# id = "the-island"
# claimants = ["{p0}"]

[view.neutral]
title = "TODO: the dispute's neutral name"
subtitle = "TODO: who holds what, who claims it"
disputed_label = "Disputed"

[[view.neutral.boundary]]
scenario = "status-quo"
label = "Median line as the land is held today"
line = "dashed"
)toml",
                                     fmt::arg("name", o.name), fmt::arg("world", world_rel), fmt::arg("unmatched", unmatched_note.empty() ? "none" : unmatched_note),
                                     fmt::arg("ix0", inset.min_x), fmt::arg("iy0", inset.min_y), fmt::arg("ix1", inset.max_x),
                                     fmt::arg("iy1", inset.max_y), fmt::arg("clat", clat), fmt::arg("clon", clon),
                                     fmt::arg("clon_words", longitude_text(english, clon)), fmt::arg("clat_words", latitude_text(english, clat)), fmt::arg("x0", b.min_x),
                                     fmt::arg("y0", b.min_y), fmt::arg("x1", b.max_x), fmt::arg("y1", b.max_y),
                                     fmt::arg("parties", party_tables), fmt::arg("p0", parties.front()));
    files["gazetteer.toml"] = R"toml(# Names of places, keyed by BCP 47 language tag; "en@PARTY" is English as one party uses it.
# [[place]]
# id = "the-island"              # a territory id, or any island, sea or region to label
# kind = "territory"             # territory | island | sea | region
# label = [0.0, 0.0]             # lon, lat of the label's centre
# [place.names]
# en = "The Island"
# "en@ABC" = "Island as ABC calls it in English"
place = []
)toml";
    files["scenarios.toml"] = R"toml(# Who holds each disputed territory under each scenario; every territory once per scenario.
baseline = "status-quo"

[[scenario]]
id = "status-quo"
title = "Status quo"
description = "TODO: as the land is held today"
[scenario.holds]
# ABC = ["the-island"]
)toml";
    files["events.toml"] = R"toml(# News events: id, date, place (a venue id), participants, kind, summary (your own words),
# scenario (a scenario id or "none") and [event.source] (outlet, title, date). Facts need a source.
# [[event]]
# id = "talks-2024"
# date = "2024-05-01"
# place = "the-city"
# participants = ["Name (country, role)"]
# kind = "ministerial"           # summit | ministerial | working-level | statement
# summary = "..."
# scenario = "none"
# [event.source]
# outlet = "..."
# title = "..."
# date = "2024-05-01"
event = []
)toml";
    files["venues.toml"] = R"toml(# Cities where events took place.
# [[venue]]
# id = "the-city"
# lonlat = [0.0, 0.0]
# [venue.names]
# en = "The City"
venue = []
)toml";
    files["atlas.toml"] = fmt::format(R"toml(# The maps `claimmap batch --case {0}` renders (add [[map]] tables: events, comparisons).
case = "case.toml"
formats = ["png", "svg"]
size = "1600x1200"

[[map]]
name = "{0}-overview-{{pov}}"
povs = ["neutral"]

[[map]]
name = "{0}-scenario-{{scenario}}"
scenarios = "all"
)toml",
                                      o.name);
    fs::create_directories(dir);
    std::vector<std::pair<fs::path, std::string>> out;
    for (const auto& [name, text] : files) out.push_back({dir / name, text});
    write_files_atomically(out);
    return dir / "case.toml";
}

}  // namespace claimmap
