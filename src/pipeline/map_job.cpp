#include "pipeline/map_job.hpp"

#include <fmt/format.h>

#include <cmath>
#include <mutex>

#include "compute/claims.hpp"
#include "compute/median_line.hpp"
#include "core/error.hpp"
#include "data/land_checks.hpp"
#include "data/land_reader.hpp"

namespace claimmap {

namespace {

// World maps project each vertex on its own, so a polygon edge across the seam (the meridian
// opposite the centre) would be drawn across the whole map.
void check_world_seam(const LandData& world, const CaseConfig& config) {
    const double seam = config.world_centre_lon - 180;
    auto from_seam = [&](double lon) { return std::remainder(lon - seam, 360.0); };  // in [-180, 180]
    for (const LandFeature& f : world.features) {
        auto check = [&](const Ring& ring) {
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                const double a = from_seam(ring[i].lon), b = from_seam(ring[i + 1].lon);
                if ((a < 0) != (b < 0) && std::abs(a - b) < 180)
                    fail(world.source, fmt::format("has land crossing longitude {:g} (near {:.2f}, {:.2f}), the seam of "
                                                   "world maps centred on {:g} ({}: world_centre_lon); cut the land there",
                                                   std::remainder(seam, 360.0), ring[i].lon, ring[i].lat,
                                                   config.world_centre_lon, config.file.string()));
            }
        };
        check(f.shape.outer);
        for (const Ring& h : f.shape.holes) check(h);
    }
}

}  // namespace

LoadedCase load_case(const std::filesystem::path& case_file, const std::optional<std::filesystem::path>& land_override,
                     const std::optional<std::string>& detail, const std::string& detail_where) {
    CaseConfig config = read_case(case_file);
    if (detail && land_override) throw Error("--land and " + detail_where + " do not go together: --land replaces the case's land");
    if (detail) config.use_detail(*detail, detail_where);
    LandData land = read_land(land_override.value_or(config.land));
    check_land_attributes(land, config);
    Gazetteer gazetteer = read_gazetteer(config.gazetteer);
    for (const std::string& id : config.territories) {
        bool found = false;
        for (const LandFeature& f : land.features) found = found || f.territory == id;
        if (!found) fail(land.source, "has no polygon with territory '" + id + "' named in " + case_file.string());
    }
    ScenarioSet scenarios = read_scenarios(config.scenarios, config);
    for (const View& view : config.views)
        for (const ViewBoundary& b : view.boundaries)
            if (!scenarios.find(b.scenario))
                fail(case_file, "[view." + view.id + "] boundary scenario '" + b.scenario + "' is not in " +
                                    config.scenarios.string() + " (it has: " + scenarios.ids() + ")");
    LandData inset = read_land(config.inset);
    Venues venues = read_venues(config.venues);
    EventSet events = read_events(config.events, venues);
    for (const Event& e : events.events)
        if (e.scenario != "none" && !scenarios.find(e.scenario))
            fail(events.file, "line " + std::to_string(e.line) + ": event '" + e.id + "' names scenario '" + e.scenario +
                                  "', which is not in " + config.scenarios.string() + " (it has: " + scenarios.ids() + ", or none)");
    for (ClaimLine& cl : config.claim_lines) cl.lines = read_lines(cl.file);
    LandData world = read_land(config.world);
    check_world_seam(world, config);
    return {std::move(config), std::move(land),   std::move(gazetteer), std::move(scenarios),
            std::move(inset),  std::move(venues), std::move(events),    std::move(world)};
}

namespace {

std::vector<Polygon> to_lonlat(const Projection& proj, const MultiPolygonXY& polys) {
    std::vector<Polygon> out;
    for (const PolygonXY& p : polys) {
        Polygon g{unproject(p.outer, proj, 2000), {}};
        for (const PathXY& h : p.holes) g.holes.push_back(unproject(h, proj, 2000));
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<Ring> to_lonlat(const Projection& proj, const MultiLineXY& lines) {
    std::vector<Ring> out;
    for (const PathXY& l : lines) out.push_back(unproject(l, proj, 2000));
    return out;
}

ScenarioOverlay overlay(const ClaimModel& model, const Scenario& scenario, const ScenarioClaims& claims,
                        const CaseConfig& config) {
    const Projection& proj = model.projection();
    ScenarioOverlay o;
    o.id = scenario.id;
    o.title = scenario.title;
    o.description = scenario.description;
    for (const PartyClaim& p : claims.parties)
        o.parties.push_back({p.party, to_lonlat(proj, p.land), to_lonlat(proj, p.territorial_sea), to_lonlat(proj, p.eez)});
    for (const std::string& t : config.territories)
        if (std::string holder = scenario.holder(t); !holder.empty()) o.territory_holder[t] = holder;
    o.split_territory = claims.split_territory;
    for (const auto& [party, piece] : claims.split_pieces) o.split_pieces[party] = to_lonlat(proj, piece);
    o.median_line = to_lonlat(proj, claims.median_line);
    for (const PairMedianLine& p : claims.median_lines) o.median_pairs.push_back({p.party_a, p.party_b});
    o.split_cut = to_lonlat(proj, claims.split_cut);
    return o;
}

const Scenario& find_scenario(const ScenarioSet& set, const std::string& id) {
    const Scenario* s = set.find(id);
    if (!s) fail(set.file, "has no scenario '" + id + "' (it has: " + set.ids() + ")");
    return *s;
}

// Where great-circle lines to the venues start: the middle of the disputed land.
LonLat disputed_centre(const LoadedCase& loaded) {
    double lon = 0, lat = 0;
    size_t n = 0;
    for (const LandFeature& f : loaded.land.features)
        if (!f.territory.empty())
            for (const LonLat& p : f.shape.outer) lon += p.lon, lat += p.lat, ++n;
    return n ? LonLat{lon / n, lat / n} : LonLat{};
}

// The words of a map in options.lang: the program's catalog, the case's terms, and the case's
// configuration carrying them (the loaded one itself in English).
struct MapWords {
    MapWords(const LoadedCase& loaded, const MapOptions& options)
        : catalog(claimmap::catalog(data_dir(options.data_dir), options.lang)), terms(case_text(loaded, options.lang)), loaded_(loaded) {
        if (!terms.english()) localized_ = localized_config(loaded.config, terms, options.pov);
    }
    const CaseConfig& config() const { return localized_ ? *localized_ : loaded_.config; }
    void apply(MapInputs& inputs) const {
        inputs.catalog = &catalog;
        inputs.case_text = &terms;
    }
    const Catalog& catalog;
    const CaseText& terms;

private:
    const LoadedCase& loaded_;
    std::optional<CaseConfig> localized_;
};

Scene build_timeline_scene(const LoadedCase& loaded, const Style& style, MapOptions options) {
    if (loaded.events.events.empty()) fail(loaded.events.file, "has no events for a timeline");
    EventOverlay overlay{&loaded.events, &loaded.venues, nullptr, &loaded.world, disputed_centre(loaded), &loaded.scenarios.scenarios,
                         &loaded.land};
    const MapWords words(loaded, options);
    MapInputs inputs{words.config(), loaded.world, loaded.gazetteer, style};
    words.apply(inputs);
    inputs.events = &overlay;
    inputs.world_map = true;
    options.crs = loaded.config.world_crs();
    const Projection& proj = Projection::cached(*options.crs);
    BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const LandFeature& f : loaded.world.features)
        for (const LonLat& p : f.shape.outer) {
            XY q = proj.forward(p);
            b = {std::min(b.min_x, q.x), std::min(b.min_y, q.y), std::max(b.max_x, q.x), std::max(b.max_y, q.y)};
        }
    inputs.projected_extent = b;
    return build_map_scene(inputs, options);
}

}  // namespace

std::set<std::string> case_text_keys(const LoadedCase& loaded) {
    const CaseConfig& c = loaded.config;
    std::set<std::string> keys{"wording.disputed_legend", "wording.from_disputed", "attribution", "projection_name", "official_area.source"};
    for (const Party& p : c.parties) keys.insert("party." + p.id + ".name");
    for (const ClaimLine& cl : c.claim_lines) keys.insert("claim_line." + cl.party + ".label");
    for (const View& v : c.views) {
        for (const char* f : {"title", "subtitle", "disputed_label"}) keys.insert("view." + v.id + "." + f);
        for (const ViewBoundary& b : v.boundaries) keys.insert("view." + v.id + ".boundary." + b.scenario);
    }
    for (const Scenario& s : loaded.scenarios.scenarios)
        for (const char* f : {"title", "description", "on_the_table"}) keys.insert("scenario." + s.id + "." + f);
    for (const Event& e : loaded.events.events) {
        keys.insert("event." + e.id + ".summary");
        if (e.source.headline.empty()) keys.insert("event." + e.id + ".source_description");
        for (size_t i = 0; i < e.participants.size(); ++i) keys.insert("event." + e.id + ".participants." + std::to_string(i));
    }
    return keys;
}

const CaseText& case_text(const LoadedCase& loaded, const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, std::shared_ptr<const CaseText>> cache;
    std::lock_guard lock(mutex);
    auto key = std::make_pair(std::filesystem::absolute(loaded.config.file).lexically_normal().string(), lang);
    auto& entry = cache[key];
    if (!entry) entry = CaseText::read(loaded.config.file.parent_path(), lang, case_text_keys(loaded));
    return *entry;
}

CaseConfig localized_config(const CaseConfig& config, const CaseText& text, const std::string& pov) {
    CaseConfig c = config;
    for (Party& p : c.parties) p.name = text.get("party." + p.id + ".name", p.name);
    c.wording.disputed_legend = text.get("wording.disputed_legend", c.wording.disputed_legend);
    c.wording.from_disputed = text.get("wording.from_disputed", c.wording.from_disputed);
    c.attribution = text.get("attribution", c.attribution);
    c.projection_name = text.get("projection_name", c.projection_name);
    c.official_area_source = text.get("official_area.source", c.official_area_source);
    for (ClaimLine& cl : c.claim_lines) cl.label = text.get("claim_line." + cl.party + ".label", cl.label);
    // Only the view the map shows: the others' words are not needed (nor warned about).
    for (View& v : c.views) {
        if (v.id != pov) continue;
        v.title = text.get("view." + v.id + ".title", v.title);
        v.subtitle = text.get("view." + v.id + ".subtitle", v.subtitle);
        v.disputed_label = text.get("view." + v.id + ".disputed_label", v.disputed_label);
        for (ViewBoundary& b : v.boundaries) b.label = text.get("view." + v.id + ".boundary." + b.scenario, b.label);
    }
    return c;
}

namespace {

// The request with an event resolved to the scenario on its table.
MapRequest resolve(const LoadedCase& loaded, const MapRequest& original) {
    MapRequest request = original;
    if (request.event && !request.timeline) {
        const Event* event = loaded.events.find(*request.event);
        if (!event) fail(loaded.events.file, "has no event '" + *request.event + "' (see: claimmap events list)");
        if (request.scenario || request.compare) throw Error("--event draws the scenario of the event; leave out --scenario/--compare");
        if (event->scenario != "none") request.scenario = event->scenario;
    }
    if (request.compare && !request.scenario) throw Error("--compare needs two scenarios, e.g. --compare " + loaded.scenarios.baseline + "," +
                                                                loaded.scenarios.scenarios.back().id);
    return request;
}

}  // namespace

ClaimCache::ClaimCache(const LoadedCase& loaded) : loaded_(loaded) {}
ClaimCache::~ClaimCache() = default;

ClaimModel& ClaimCache::model() {
    if (!model_) model_ = std::make_unique<ClaimModel>(loaded_);
    return *model_;
}

const ScenarioClaims& ClaimCache::claims(const std::string& id) {
    auto it = claims_.find(id);
    if (it == claims_.end()) it = claims_.emplace(id, model().evaluate(find_scenario(loaded_.scenarios, id))).first;
    return it->second;
}

bool ClaimCache::prepare_lines(const LoadedCase& loaded, const MapOptions& options, const MapRequest& original) {
    if (original.timeline) return false;
    MapRequest request = resolve(loaded, original);
    if (request.scenario) return true;
    // An overview map draws only the median lines of its point of view.
    bool needs_model = false;
    for (const ViewBoundary& b : loaded.config.view(options.pov).boundaries) {
        if (view_lines_.count(b.scenario)) continue;
        const Scenario& scenario = find_scenario(loaded_.scenarios, b.scenario);
        if (!median_lines_) median_lines_ = std::make_unique<MedianLines>(loaded_);
        std::optional<MultiLineXY> line = median_lines_->between(scenario);
        if (!line) {
            needs_model = true;  // a split scenario: only the model has its line
            continue;
        }
        // Converted in full before it is cached: a failure part-way leaves nothing behind.
        view_lines_.emplace(b.scenario, to_lonlat(median_lines_->projection(), *line));
    }
    return needs_model;
}

void ClaimCache::prepare(const LoadedCase& loaded, const MapOptions& options, const MapRequest& original) {
    if (!prepare_lines(loaded, options, original)) return;
    MapRequest request = resolve(loaded, original);
    std::vector<std::string> ids;
    if (request.scenario) {
        ids.push_back(*request.scenario);
        ids.push_back(request.compare.value_or(loaded.scenarios.baseline));
    } else {
        for (const ViewBoundary& b : loaded.config.view(options.pov).boundaries)
            if (!view_lines_.count(b.scenario)) ids.push_back(b.scenario);
    }
    for (const std::string& id : ids)
        if (!overlays_.count(id))
            overlays_.emplace(id, overlay(model(), find_scenario(loaded_.scenarios, id), claims(id), loaded_.config));
    if (!request.scenario) return;
    const std::string& from = *request.scenario;
    const std::string to = request.compare.value_or(loaded.scenarios.baseline);
    auto key = std::make_tuple(from, to, request.compare.has_value());
    if (from == to || gains_.count(key)) return;
    std::vector<GainOverlay> out;
    if (request.compare) {
        // What changes hands, with geometry, for the hatching.
        for (const PartyGain& pg : model().changes(claims(from), claims(to)))
            out.push_back({pg.party, to_lonlat(model().projection(), pg.land), to_lonlat(model().projection(), pg.sea),
                           pg.land_km2, pg.territorial_sea_km2, pg.eez_km2});
    } else {
        // For a scenario map the table reads "this scenario against the baseline".
        for (const PartyClaim& p : claims(from).parties) {
            const PartyClaim* b = claims(to).party(p.party);
            out.push_back({p.party, {}, {}, p.land_km2 - b->land_km2, p.territorial_sea_km2 - b->territorial_sea_km2,
                           p.eez_km2 - b->eez_km2});
        }
    }
    gains_.emplace(key, std::move(out));
}

const ScenarioOverlay& ClaimCache::overlay_of(const std::string& id) const {
    auto it = overlays_.find(id);
    if (it == overlays_.end()) throw std::logic_error("claims of scenario '" + id + "' were not prepared");
    return it->second;
}

const std::vector<Ring>& ClaimCache::median_line_of(const std::string& id) const {
    if (auto it = view_lines_.find(id); it != view_lines_.end()) return it->second;
    return overlay_of(id).median_line;
}

const std::vector<GainOverlay>& ClaimCache::gains_of(const std::string& from, const std::string& to, bool compare) const {
    auto it = gains_.find(std::make_tuple(from, to, compare));
    if (it == gains_.end()) throw std::logic_error("changes from '" + from + "' to '" + to + "' were not prepared");
    return it->second;
}

Scene build_scene(const LoadedCase& loaded, const Style& style, const MapOptions& options, const MapRequest& original,
                  const ClaimCache& cache) {
    if (original.timeline) return build_timeline_scene(loaded, style, options);
    MapRequest request = resolve(loaded, original);
    std::optional<EventOverlay> event_overlay;
    if (request.event)
        event_overlay = EventOverlay{&loaded.events, &loaded.venues, loaded.events.find(*request.event), &loaded.world,
                                     disputed_centre(loaded), &loaded.scenarios.scenarios, &loaded.land};
    const MapWords words(loaded, options);
    const CaseText& terms = words.terms;
    MapInputs inputs{words.config(), loaded.land, loaded.gazetteer, style};
    words.apply(inputs);
    inputs.inset = &loaded.inset;
    if (event_overlay) inputs.events = &*event_overlay;
    std::string gains_title;
    if (request.scenario) {
        const Scenario& from = find_scenario(loaded.scenarios, *request.scenario);
        const Scenario& to = find_scenario(loaded.scenarios, request.compare.value_or(loaded.scenarios.baseline));
        inputs.scenario = &cache.overlay_of(from.id);
        if (request.compare || from.id != to.id) {
            inputs.gains = &cache.gains_of(from.id, to.id, request.compare.has_value());
            if (request.compare) inputs.compare_to = &cache.overlay_of(to.id);
            const std::string from_title = terms.get("scenario." + from.id + ".title", from.title),
                              to_title = terms.get("scenario." + to.id + ".title", to.title);
            inputs.gains_title = request.compare ? words.catalog.text("figures.change_from_to", {{"from", from_title}, {"to", to_title}})
                                                 : words.catalog.text("figures.change_against", {{"to", to_title}});
        }
    }
    // An overview map draws the boundaries its point of view lists.
    std::vector<std::vector<Ring>> boundaries;
    if (!request.scenario) {
        for (const ViewBoundary& b : loaded.config.view(options.pov).boundaries)
            boundaries.push_back(cache.median_line_of(b.scenario));
        if (!boundaries.empty()) inputs.view_boundaries = &boundaries;
    }
    return build_map_scene(inputs, options);
}

Scene build_scene(const LoadedCase& loaded, const Style& style, const MapOptions& options, const MapRequest& request) {
    ClaimCache cache(loaded);
    cache.prepare(loaded, options, request);
    return build_scene(loaded, style, options, request, cache);
}

std::vector<std::filesystem::path> render_map(const LoadedCase& loaded, const Style& style, const MapOptions& options,
                                              const std::vector<OutputTarget>& targets, const MapRequest& request,
                                              const std::optional<std::filesystem::path>& create_folder) {
    Scene scene = build_scene(loaded, style, options, request);
    // Encode everything, then publish all files or none: a failure leaves no partial set.
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    std::vector<std::filesystem::path> written;
    for (const OutputTarget& t : targets) {
        for (const auto& [path, bytes] : files)
            if (path == t.path) fail(t.path, "is named twice as an output");
        files.push_back({t.path, encode_scene(scene, t.format)});
        written.push_back(t.path);
    }
    if (create_folder) ensure_folder(*create_folder);
    write_files_atomically(files);
    return written;
}

}  // namespace claimmap
