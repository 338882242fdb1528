#pragma once
// load -> layout -> render -> output for one map, the library entry point the CLI calls.
#include <filesystem>
#include <map>
#include <memory>
#include <tuple>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data/case_data.hpp"
#include "i18n/catalog.hpp"
#include "data/events.hpp"
#include "data/land_reader.hpp"
#include "data/scenarios.hpp"
#include "layout/map_layout.hpp"
#include "output/writers.hpp"
#include "render/style.hpp"

namespace claimmap {

// Everything a map is made from, loaded once and shared read-only.
struct LoadedCase {
    CaseConfig config;
    LandData land;
    Gazetteer gazetteer;
    ScenarioSet scenarios;
    LandData inset;  // land of the locator inset
    Venues venues;
    EventSet events;
    LandData world;  // world land for event maps
};

// Loads the case file and what it names; `land_override` replaces the case's land source, `detail`
// picks one of its land details ([detail.ID]; `detail_where` names the option or key in errors).
LoadedCase load_case(const std::filesystem::path& case_file,
                     const std::optional<std::filesystem::path>& land_override = std::nullopt,
                     const std::optional<std::string>& detail = std::nullopt, const std::string& detail_where = "--detail");

struct OutputTarget {
    std::filesystem::path path;
    Format format;
};

// What a map shows beyond the case itself.
struct MapRequest {
    std::optional<std::string> scenario;  // colour land and sea by this scenario
    std::optional<std::string> compare;   // with `scenario`: hatch what changes going to this one
    std::optional<std::string> event;     // an event map: the scenario on the table, a callout, the timeline
    bool timeline = false;                // the world map of every event
};

class ClaimModel;
class MedianLines;
struct ScenarioClaims;

// Scenario claims, drawn-ready, computed once and shared. prepare() is single-threaded; after it,
// the const lookups may be used from any number of threads (batch rendering does).
class ClaimCache {
public:
    explicit ClaimCache(const LoadedCase& loaded);
    ~ClaimCache();
    ClaimCache(const ClaimCache&) = delete;
    ClaimCache& operator=(const ClaimCache&) = delete;

    // Computes whatever a map of this request needs.
    void prepare(const LoadedCase& loaded, const MapOptions& options, const MapRequest& request);
    // The cheap part of prepare(): the median lines an overview map draws. Returns whether the
    // request also needs the zone model (then call prepare()). Once the lines of every map are
    // prepared, prepare() for the others writes nothing a map without the model reads, so a batch
    // runs it on its own thread while such maps are drawn.
    bool prepare_lines(const LoadedCase& loaded, const MapOptions& options, const MapRequest& request);
    const ScenarioOverlay& overlay_of(const std::string& scenario) const;
    // The median line alone (lon/lat), as overview maps draw it for their point of view.
    const std::vector<Ring>& median_line_of(const std::string& scenario) const;
    const std::vector<GainOverlay>& gains_of(const std::string& from, const std::string& to, bool compare) const;
    // The model behind the cache (built on first use), for tables over every scenario. Not thread-safe.
    ClaimModel& model();

private:
    const ScenarioClaims& claims(const std::string& id);
    const LoadedCase& loaded_;
    std::unique_ptr<ClaimModel> model_;
    std::unique_ptr<MedianLines> median_lines_;  // no zones: much cheaper than the model
    std::map<std::string, std::vector<Ring>> view_lines_;
    std::map<std::string, ScenarioClaims> claims_;
    std::map<std::string, ScenarioOverlay> overlays_;
    std::map<std::tuple<std::string, std::string, bool>, std::vector<GainOverlay>> gains_;
};

// The display list of a map, from claims prepared in `cache`.
Scene build_scene(const LoadedCase& loaded, const Style& style, const MapOptions& options, const MapRequest& request,
                  const ClaimCache& cache);
// The same, computing the claims it needs first.
Scene build_scene(const LoadedCase& loaded, const Style& style, const MapOptions& options, const MapRequest& request = {});

// The flat keys a case catalog (geodata/<case>/i18n/<lang>.toml) may give: party.<id>.name,
// wording.*, attribution, projection_name, official_area.source, scenario.<id>.*, view.<id>.*,
// view.<id>.boundary.<scenario>, claim_line.<party>.label, event.<id>.summary, event.<id>.participants.<n>,
// event.<id>.source_description (only for a source without a headline).
std::set<std::string> case_text_keys(const LoadedCase& loaded);
// The case's own terms in `lang`, read once per process and case file (English: the case's own words).
const CaseText& case_text(const LoadedCase& loaded, const std::string& lang);
// The case's configuration with its words in the case text's language: party names, wording,
// attribution, projection name, official source, claim-line labels and the view `pov`.
CaseConfig localized_config(const CaseConfig& config, const CaseText& text, const std::string& pov);

// Renders the scene once and writes every target atomically; returns the paths written.
// `create_folder`, if given, is created (like mkdir -p) once the map is ready to be written.
std::vector<std::filesystem::path> render_map(const LoadedCase& loaded, const Style& style, const MapOptions& options,
                                              const std::vector<OutputTarget>& targets, const MapRequest& request = {},
                                              const std::optional<std::filesystem::path>& create_folder = std::nullopt);

}  // namespace claimmap
