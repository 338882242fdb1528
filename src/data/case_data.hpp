#pragma once
// A "case" is one dispute described as data: geodata/<case>/case.toml names the land source,
// the gazetteer, the parties, the disputed territories, the map's projection and extent, and the
// attribution that must appear on every map.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace claimmap {

// A named place. English names come in both parties' usage (Etorofu in Japan, Iturup in Russia).
struct Place {
    std::string id;
    std::string kind;  // territory | island | sea | region
    std::string en_ja, en_ru, ja, ru;
    LonLat label;                     // where the label is centred
    std::optional<LonLat> leader_to;  // feature the label points at, when it cannot sit on it
};

struct Gazetteer {
    std::vector<Place> places;
    const Place* find(const std::string& id) const;
};

Gazetteer read_gazetteer(const std::filesystem::path& path);

struct Party {
    std::string id;        // ISO alpha-3 code used in the land data's country field
    std::string name;      // English
    std::string language;  // gazetteer language of the party's names: "ja" or "ru"
};

// A boundary a point of view draws: the median line of one scenario.
struct ViewBoundary {
    std::string scenario;
    std::string label;
    std::string line;  // solid | dashed | dotted
};

// A point of view (--pov): what the map calls the region, whose names come first, how the
// disputed land is described and which boundaries are drawn. Neutral is one of them, not a default
// hidden in code.
struct View {
    std::string id;
    std::string title, subtitle;
    std::string names_first;  // party id whose names lead, or "" for both side by side
    std::string disputed_label;
    std::vector<ViewBoundary> boundaries;
};

struct CaseConfig {
    std::filesystem::path file;
    std::string id;
    std::vector<View> views;  // at least "neutral"
    std::filesystem::path land;       // resolved against the case folder
    std::filesystem::path gazetteer;  // likewise
    std::filesystem::path scenarios;  // likewise
    std::filesystem::path inset;      // land of the locator inset, likewise
    std::filesystem::path events, venues, world;  // likewise
    // Central meridian of world maps (timeline, venue inset); the world land must be cut at the
    // opposite meridian, the seam, so that no polygon wraps around the map.
    double world_centre_lon = 150;
    BBox inset_extent;                // lon/lat box the inset shows
    std::string attribution;
    std::string crs;  // PROJ string or authority code of the map projection
    std::string projection_name;  // how the credits line names it
    BBox extent;      // lon/lat box the default map must show
    BBox region;      // lon/lat box the land data covers (zones are computed inside it)
    std::vector<Party> parties;
    std::vector<std::string> territories;  // disputed territory ids, in display order
    std::string claimant;                  // party claiming the disputed territories
    std::map<std::string, double> official_area_km2;  // published figures, for comparison only
    std::string official_area_source;
    const Party* party(const std::string& id) const;
    // The world maps' projection: Robinson on world_centre_lon.
    std::string world_crs() const;
    const View& view(const std::string& id) const;  // throws Error naming the file
    std::string view_ids() const;
};

CaseConfig read_case(const std::filesystem::path& path);

// Where built-in data lives: --data-dir, else $CLAIMMAP_DATA_DIR, else ../share/claimmap next to
// the executable (an installed binary), else the compiled-in source folder.
std::filesystem::path data_dir(const std::optional<std::filesystem::path>& override_dir = std::nullopt);
std::filesystem::path default_case_file(const std::optional<std::filesystem::path>& dir = std::nullopt);

}  // namespace claimmap
