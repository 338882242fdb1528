#pragma once
// Builds the display list of a map: sea, graticule, land by de facto holder, disputed territories,
// labels from the gazetteer, scale bar, legend, title and credits.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/types.hpp"
#include "data/case_data.hpp"
#include "data/events.hpp"
#include "data/scenarios.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace claimmap {
class Catalog;
class CaseText;
}  // namespace claimmap

namespace claimmap {

struct MapOptions {
    int width = 1600, height = 1200;
    double dpi = 96;  // pixels per inch: sets the PDF page size (px * 72 / dpi points)
    std::optional<BBox> extent;     // lon/lat; default: the case's extent
    std::optional<std::string> crs;  // default: the case's CRS
    std::optional<std::string> title, subtitle;
    bool graticule = true, legend = true, scale_bar = true, labels = true, north_arrow = true, inset = true;
    std::string pov = "neutral";  // point of view: a view defined in the case file (neutral, japan, russia)
    std::string lang = "en";      // language of every word on the map: a catalog in i18n/ (en, ja, ru, ...)
    std::optional<std::filesystem::path> data_dir;  // where i18n/ is (default: data_dir())
};

// Largest image side accepted: keeps a typo from allocating gigabytes.
constexpr int max_image_side = 20000;

// A scenario's claims in lon/lat, ready to draw.
struct PartyOverlay {
    std::string party;
    std::vector<Polygon> land, territorial_sea, eez;
};

struct ScenarioOverlay {
    std::string id, title, description;
    std::vector<PartyOverlay> parties;
    std::map<std::string, std::string> territory_holder;  // whole territories -> party
    std::string split_territory;
    std::map<std::string, std::vector<Polygon>> split_pieces;  // party -> piece
    std::vector<Ring> median_line, split_cut;
    // The pairs of parties (in party order) whose median line median_line holds.
    std::vector<std::pair<std::string, std::string>> median_pairs;
};

// What changes hands between two scenarios, per party, with the net figures for the table.
struct GainOverlay {
    std::string party;
    std::vector<Polygon> land, sea;
    double land_km2 = 0, territorial_sea_km2 = 0, eez_km2 = 0;
};

// The news events behind a map: one highlighted event (an event map) or none (the timeline map).
struct EventOverlay {
    const EventSet* events = nullptr;
    const Venues* venues = nullptr;
    const Event* highlight = nullptr;
    const LandData* world = nullptr;  // world land for the venue inset and the timeline map
    LonLat islands;                   // where the great-circle lines start
    const std::vector<Scenario>* scenarios = nullptr;  // for the words of the scenario on the table
    // The case's land, whose disputed units tell a visit to the territory (the timeline draws world
    // land, which has none).
    const LandData* case_land = nullptr;
};

struct MapInputs {
    const CaseConfig& case_config;
    const LandData& land;
    const Gazetteer& gazetteer;
    const Style& style;
    const ScenarioOverlay* scenario = nullptr;    // colour land and sea by this scenario
    const ScenarioOverlay* compare_to = nullptr;  // draw its boundaries too and hatch what changes
    const std::vector<GainOverlay>* gains = nullptr;
    std::string gains_title{};  // heading of the figures table
    // Median lines the point of view draws on an overview map, one per view boundary, in order.
    const std::vector<std::vector<Ring>>* view_boundaries = nullptr;
    const LandData* inset = nullptr;  // land of the locator inset; no inset without it
    const EventOverlay* events = nullptr;
    // The timeline map: a world map of every event's venue (land = the world data).
    bool world_map = false;
    std::optional<BBox> projected_extent{};  // replaces the lon/lat extent (world maps wrap)
    // The map's language: the program's words and the case's own terms (scenario titles, event
    // summaries); `case_config` already carries the case's words in that language. Null: English
    // from the built-in data folder.
    const Catalog* catalog = nullptr;
    const CaseText* case_text = nullptr;
};

Scene build_map_scene(const MapInputs& in, const MapOptions& options);

// The layout geometry the scene was built with, for tests that look up where things went.
struct MapFrame {
    BBox frame;         // page pixels of the map area
    BBox projected;     // projected extent shown in the frame
    std::string crs;
};
MapFrame map_frame(const MapInputs& in, const MapOptions& options);

}  // namespace claimmap
