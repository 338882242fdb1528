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

// Names keyed by BCP 47 language tag ("ja", "zh-Hant") or by a tag and the party whose usage it is
// ("en@AAA" = English as party AAA uses it, where the parties spell a place differently).
struct Names {
    std::map<std::string, std::string> by_key;
    // `lang@party`, then `lang`; nullptr when neither is given.
    const std::string* find(const std::string& lang, const std::string& party = "") const;
    // Every spelling, each once, in key order.
    std::vector<std::string> all() const;
};

// Whether `tag` has the shape of a BCP 47 language tag (en, ja, zh-Hant, ...).
bool is_language_tag(const std::string& tag);
// The [KEY] table of names under `owner` (a place's or a venue's `names`); at least one name.
class StrictTable;
Names read_names(const StrictTable& owner, const std::string& key, const std::filesystem::path& path, const std::string& where);

// A named place.
struct Place {
    std::string id;
    std::string kind;  // territory | island | sea | region
    Names names;
    LonLat label;                     // where the label is centred
    std::optional<LonLat> leader_to;  // feature the label points at, when it cannot sit on it
    std::vector<std::string> all_names() const { return names.all(); }
};

struct Gazetteer {
    std::vector<Place> places;
    const Place* find(const std::string& id) const;
};

Gazetteer read_gazetteer(const std::filesystem::path& path);

struct Party {
    std::string id;    // ISO alpha-3 code used in the land data's country field
    std::string name;  // English
    // BCP 47 tags; the first is the language of the party's own place names.
    std::vector<std::string> languages;
    const std::string& language() const { return languages.front(); }
};

// A disputed territory: who claims it. Who holds it comes from the land data (de facto) and, per
// scenario, from the scenarios file.
struct Territory {
    std::string id;
    std::vector<std::string> claimants;
    bool rock = false;  // UNCLOS art. 121(3) reading: a territorial sea, no EEZ
};

// A claimed boundary or line of control drawn from data (land disputes).
struct ClaimLine {
    std::string party;
    std::filesystem::path file;  // GeoJSON LineString(s) in lon/lat, resolved against the case folder
    std::string label;
    std::string line;  // solid | dashed | dotted
    std::vector<Ring> lines;  // read by read_case
};

// Map wording that depends on what is disputed (islands, rocks, a valley...). Optional in the file.
struct CaseWording {
    std::string disputed_legend = "Disputed territory";   // legend of world maps
    std::string from_disputed = "the disputed territory";  // "great circle from ..."
};

// A boundary a point of view draws: the median line of one scenario.
struct ViewBoundary {
    std::string scenario;
    std::string label;
    std::string line;  // solid | dashed | dotted
    // A party whose accent (the style's) colours the line, telling whose line it is among several
    // of one dash; empty: the style's median-line colour.
    std::string party;
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

// Another detail of the case's land ([detail.ID] in case.toml): its own land file and the
// attribution maps drawn from it print. The top-level `land` and `attribution` are detail "default".
struct LandDetail {
    std::string id;
    std::filesystem::path land;  // resolved against the case folder
    std::string attribution;     // the case's own when the table gives none
};

struct CaseConfig {
    std::filesystem::path file;
    std::string id;
    std::string output_name;      // default base name of render/export outputs
    std::optional<std::filesystem::path> atlas;  // the atlas `batch` renders by default, resolved
    bool sea = true;              // false: a land dispute, no maritime zones
    std::vector<std::string> languages;
    CaseWording wording;
    std::vector<ClaimLine> claim_lines;
    // Countries whose land lies in the region but who are no party (North Korea beside the
    // Liancourt Rocks): drawn as plain land; their coasts still limit the parties' zones.
    std::vector<std::string> other_countries;
    std::vector<View> views;  // at least "neutral"
    std::filesystem::path land;       // resolved against the case folder
    std::vector<LandDetail> details;  // besides "default", in id order
    std::string detail = "default";   // the detail `land` and `attribution` come from
    std::string detail_ids() const;   // "default, full, ..."
    // Takes land and attribution from detail `id` ("default": the top-level ones). `where` names what
    // asked for it in errors (--detail, an atlas key). Throws Error when the case has no such detail
    // or its land file is missing.
    void use_detail(const std::string& id, const std::string& where);
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
    std::vector<Territory> territory_claims;  // the same, with claimants
    const Territory* territory(const std::string& id) const;
    std::map<std::string, double> official_area_km2;  // published figures, for comparison only
    std::string official_area_source;
    const Party* party(const std::string& id) const;
    // The world maps' projection: Robinson on world_centre_lon.
    std::string world_crs() const;
    const View& view(const std::string& id) const;  // throws Error naming the file
    std::string view_ids() const;
};

CaseConfig read_case(const std::filesystem::path& path);

// A name and the language it is written in.
struct NameInLanguage {
    std::string name, lang;
};
// English names of a place: the neutral one (`en`), then each party's usage (`en@PARTY`) in party
// order, each spelling once.
std::vector<std::string> english_names(const Place& place, const CaseConfig& config);
// english_names joined with " / ".
std::string english_label(const Place& place, const CaseConfig& config);
// The name a party gives a place in its own language (its first), if any.
std::optional<NameInLanguage> own_name(const Place& place, const Party& party);

// Where built-in data lives: --data-dir, else $CLAIMMAP_DATA_DIR, else ../share/claimmap next to
// the executable (an installed binary), else the compiled-in source folder.
std::filesystem::path data_dir(const std::optional<std::filesystem::path>& override_dir = std::nullopt);

// geodata/cases.toml: the built-in cases by id, and the default one.
struct CaseIndexEntry {
    std::string id;
    std::filesystem::path file;  // resolved against the index
};
struct CaseIndex {
    std::filesystem::path file;
    std::string default_id;
    std::vector<CaseIndexEntry> cases;
    const CaseIndexEntry* find(const std::string& id) const;
};
CaseIndex read_case_index(const std::filesystem::path& path);
std::filesystem::path case_index_file(const std::optional<std::filesystem::path>& dir = std::nullopt);
// The case file of `--case`: an id from the index, or a path to a case.toml; the index's default
// when not given. A listed case whose file is missing is a one-line error.
std::filesystem::path resolve_case(const std::optional<std::string>& id_or_path,
                                   const std::optional<std::filesystem::path>& dir = std::nullopt);
std::filesystem::path default_case_file(const std::optional<std::filesystem::path>& dir = std::nullopt);

}  // namespace claimmap
