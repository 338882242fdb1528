// claimmap command line: a thin layer over the library. Every error ends as one line on stderr
// and a non-zero exit status.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <atomic>
#include <csignal>

#include <iostream>
#include <tuple>
#include <regex>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "cli/cmd_events.hpp"
#include "cli/option_checks.hpp"
#include "compute/claims.hpp"
#include "output/publish.hpp"
#include "output/tables.hpp"
#include "output/vector_export.hpp"
#include "pipeline/atlas.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/map_job.hpp"
#include "pipeline/new_case.hpp"
#include "pipeline/sizes.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

BBox parse_extent(const std::string& text, const std::string& option = "--extent") {
    std::smatch m;
    static const std::regex num(R"(\s*(-?[0-9.]+)\s*)");
    std::vector<double> v;
    std::string rest = text;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!std::regex_match(part, m, num)) throw Error(option + ": expected LON_MIN,LAT_MIN,LON_MAX,LAT_MAX, got '" + text + "'");
        v.push_back(std::stod(m[1]));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (v.size() != 4 || v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90)
        throw Error(option + ": expected LON_MIN,LAT_MIN,LON_MAX,LAT_MAX with min < max in degrees, got '" + text + "'");
    if (v[2] - v[0] < min_extent_degrees - 1e-9 || v[3] - v[1] < min_extent_degrees - 1e-9)  // 145.01 - 145 < 0.01 in binary
        throw Error(option + fmt::format(": must span at least {}° of longitude and of latitude, got '{}'", min_extent_degrees, text));
    return {v[0], v[1], v[2], v[3]};
}

struct CommonOptions {
    std::optional<fs::path> data_dir;
    std::optional<std::string> case_id;  // an id from geodata/cases.toml or a path to a case.toml
    std::optional<fs::path> land;
    std::optional<std::string> detail;  // a land detail of the case ([detail.ID] in case.toml)
    fs::path resolved_case() const { return resolve_case(case_id, data_dir); }
};

void add_common(CLI::App* cmd, CommonOptions& c) {
    cmd->add_option("--case", c.case_id,
                    "The dispute: a case id from geodata/cases.toml, or a path to a case.toml (default: the\n"
                    "index's default case). Example: --case mydispute/case.toml");
    cmd->add_option("--land", c.land,
                    "Land polygons from any OGR vector source instead of the case's own (shapefile, GeoJSON,\n"
                    "GeoPackage); fields: country, territory, name. Example: --land coast.gpkg");
    cmd->add_option("--detail", c.detail,
                    "Which land file of the case to use: default (its 'land') or the ID of a [detail.ID] table in\n"
                    "its case.toml, e.g. a finer coastline. Example: --detail full");
}

struct RenderOptions {
    std::string size = "default";
    std::string style = "default";
    std::optional<std::string> crs, extent, title, subtitle;
    fs::path out_dir = "output";
    std::optional<std::string> name;  // default: the case's output_name
    std::vector<std::string> formats = {"png", "svg", "pdf"};
    std::vector<fs::path> outputs;
    bool no_graticule = false, no_legend = false, no_scale_bar = false, no_labels = false, no_north_arrow = false,
         no_inset = false;
    std::optional<std::string> scenario;
    std::vector<std::string> compare;
    std::string pov = "neutral";
    std::string lang = "en";
    std::optional<std::string> event;
    bool timeline = false;
    std::optional<std::string> paper;
    double dpi = 96;
};

int run_render(const CommonOptions& common, const RenderOptions& r) {
    if (!(r.dpi >= 36 && r.dpi <= 1200)) throw Error("--dpi: must be between 36 and 1200");
    Size size = r.paper ? paper_size(*r.paper, r.dpi) : parse_size(r.size);
    MapOptions options;
    options.dpi = r.size == "a4" && !r.paper ? 300 : r.dpi;  // the a4 preset is A4 at 300 dpi
    options.width = size.width;
    options.height = size.height;
    if (r.crs) check_crs_option("--crs", *r.crs);
    options.crs = r.crs;
    if (r.extent) options.extent = parse_extent(*r.extent);
    if (r.title) check_option_text("--title", *r.title);
    if (r.subtitle) check_option_text("--subtitle", *r.subtitle);
    options.title = r.title;
    options.subtitle = r.subtitle;
    options.graticule = !r.no_graticule;
    options.legend = !r.no_legend;
    options.scale_bar = !r.no_scale_bar;
    options.labels = !r.no_labels;
    options.north_arrow = !r.no_north_arrow;
    options.inset = !r.no_inset;
    options.pov = r.pov;
    options.lang = r.lang;
    options.data_dir = common.data_dir;

    std::vector<OutputTarget> targets;
    for (const fs::path& p : r.outputs) {
        std::string ext = p.extension().string();
        auto fmt = parse_format(ext.empty() ? "" : ext.substr(1));
        if (!fmt) fail(p, "unknown output format '" + ext + "' (use .png, .svg or .pdf)");
        targets.push_back({p, *fmt});
    }
    for (const std::string& f : r.formats)
        if (!parse_format(f)) throw Error("--format: unknown format '" + f + "' (use png, svg, pdf)");
    if (r.name) {
        if (r.name->empty() || r.name->find('/') != std::string::npos || *r.name == "." || *r.name == "..")
            throw Error("--name: '" + *r.name + "' must be a plain file name without folders");
        check_option_file_name("--name", *r.name);
    }
    // -o names an exact file, whose folder must exist; --out-dir is created (when the map is ready).
    if (!r.outputs.empty()) for (const OutputTarget& t : targets) {
        fs::path dir = t.path.parent_path().empty() ? fs::path(".") : t.path.parent_path();
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) fail(t.path, "cannot write: folder " + dir.string() + " does not exist");
    }

    LoadedCase loaded = load_case(common.resolved_case(), common.land, common.detail);
    catalog(data_dir(common.data_dir), r.lang);  // an unknown language fails before any map is drawn
    if (targets.empty()) {
        const std::string name = r.name.value_or(loaded.config.output_name);
        for (const std::string& f : r.formats) targets.push_back({r.out_dir / (name + "." + f), *parse_format(f)});
    }
    Style style = read_style(style_file(r.style, data_dir(common.data_dir)));
    MapRequest request;
    request.scenario = r.scenario;
    request.event = r.event;
    request.timeline = r.timeline;
    if (r.event && r.timeline) throw Error("--event and --timeline do not go together");
    if (!r.compare.empty()) {
        if (r.compare.size() != 2) throw Error("--compare: give two scenarios, e.g. --compare A,B (ids from the case's scenarios file)");
        check_distinct("--compare", r.compare);
        if (r.scenario) throw Error("--compare and --scenario do not go together: --compare names both scenarios");
        request.scenario = r.compare[0];
        request.compare = r.compare[1];
    }
    const std::optional<fs::path> create = r.outputs.empty() ? std::optional<fs::path>(r.out_dir) : std::nullopt;
    for (const fs::path& p : render_map(loaded, style, options, targets, request, create)) std::cout << p.string() << "\n";
    return 0;
}

int run_areas(const CommonOptions& common) {
    LoadedCase loaded = load_case(common.resolved_case(), common.land, common.detail);
    fmt::print("{:<12} {:>8} {:>12}\n", "territory", "polygons", "area km²");
    double total = 0;
    for (const std::string& id : loaded.config.territories) {
        double area = 0;
        int count = 0;
        for (const LandFeature& f : loaded.land.features)
            if (f.territory == id) {
                area += geodesic_area_m2(f.shape);
                ++count;
            }
        total += area;
        fmt::print("{:<12} {:>8} {:>12.1f}\n", id, count, area / 1e6);
    }
    fmt::print("{:<12} {:>8} {:>12.1f}\n", "total", "", total / 1e6);
    fmt::print("Areas on the WGS 84 ellipsoid (PROJ geodesic), from {}\n", loaded.land.source);
    return 0;
}

struct CompareOptions {
    std::vector<std::string> scenarios;
    std::optional<std::string> baseline;  // default: the scenarios file's baseline
    std::string format = "table";
    std::string lang = "en";
    std::optional<fs::path> output;
};

std::vector<const Scenario*> pick_scenarios(const ScenarioSet& set, const std::vector<std::string>& ids) {
    std::vector<const Scenario*> out;
    if (ids.empty())
        for (const Scenario& s : set.scenarios) out.push_back(&s);
    for (const std::string& id : ids) {
        const Scenario* s = set.find(id);
        if (!s) fail(set.file, "has no scenario '" + id + "' (it has: " + set.ids() + ")");
        out.push_back(s);
    }
    return out;
}

int run_compare(const CommonOptions& common, const CompareOptions& o) {
    static const std::map<std::string, TableFormat> formats = {
        {"table", TableFormat::table}, {"csv", TableFormat::csv}, {"json", TableFormat::json}, {"markdown", TableFormat::markdown}};
    auto format = formats.find(o.format);
    if (format == formats.end()) throw Error("--format: unknown format '" + o.format + "' (use table, csv, json, markdown)");
    check_distinct("--scenarios", o.scenarios);
    LoadedCase loaded = load_case(common.resolved_case(), common.land, common.detail);
    catalog(data_dir(common.data_dir), o.lang);  // an unknown language fails before the zones are computed
    const std::string baseline = o.baseline.value_or(loaded.scenarios.baseline);
    std::vector<std::string> ids = o.scenarios;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), baseline) == ids.end()) ids.insert(ids.begin(), baseline);
    if (!loaded.scenarios.find(baseline))
        fail(loaded.scenarios.file, "has no scenario '" + baseline + "' to compare against (--baseline)");
    std::vector<const Scenario*> picked = pick_scenarios(loaded.scenarios, ids);
    ClaimModel model(loaded);
    std::vector<ScenarioClaims> claims;
    for (const Scenario* s : picked) claims.push_back(model.evaluate(*s, false));
    std::string text = format_comparison(build_comparison(claims, loaded.scenarios, loaded, model, baseline, o.lang, common.data_dir), format->second);
    if (o.output) {
        write_file_atomically(*o.output, text);
        std::cout << o.output->string() << "\n";
    } else {
        std::cout << text;
    }
    return 0;
}

struct ExportOptions {
    std::vector<std::string> scenarios;
    std::vector<std::string> formats = {"gpkg", "geojson"};
    fs::path out_dir = "output";
    std::optional<std::string> name;  // default: the case's output_name + "-claims"
    std::optional<std::string> lang;  // adds scenario_title and party_name in this language
};

int run_export(const CommonOptions& common, const ExportOptions& o) {
    std::vector<std::pair<fs::path, VectorFormat>> targets;
    if (o.name) {
        if (o.name->empty() || o.name->find('/') != std::string::npos || *o.name == "." || *o.name == "..")
            throw Error("--name: '" + *o.name + "' must be a plain file name without folders");
        check_option_file_name("--name", *o.name);
    }
    check_distinct("--scenarios", o.scenarios);
    check_distinct("--format", o.formats);
    for (const std::string& f : o.formats)
        if (f != "gpkg" && f != "geojson") throw Error("--format: unknown format '" + f + "' (use gpkg, geojson)");
    LoadedCase loaded = load_case(common.resolved_case(), common.land, common.detail);
    const std::string name = o.name.value_or(loaded.config.output_name + "-claims");
    for (const std::string& f : o.formats)
        targets.push_back({o.out_dir / (name + "." + f), f == "gpkg" ? VectorFormat::gpkg : VectorFormat::geojson});
    std::vector<const Scenario*> picked = pick_scenarios(loaded.scenarios, o.scenarios);
    ClaimModel model(loaded);
    std::vector<ScenarioClaims> claims;
    for (const Scenario* s : picked) claims.push_back(model.evaluate(*s));
    // Every file is complete before any is published: all of them or none.
    std::vector<FileBytes> files;
    std::optional<ExportNames> names;
    if (o.lang) {
        catalog(data_dir(common.data_dir), *o.lang);  // an unknown language is an error here too
        const CaseText& terms = case_text(loaded, *o.lang);
        names.emplace();
        for (const Scenario& s : loaded.scenarios.scenarios) names->scenario_title[s.id] = terms.get("scenario." + s.id + ".title", s.title);
        for (const Party& p : loaded.config.parties) names->party_name[p.id] = terms.get("party." + p.id + ".name", p.name);
    }
    for (const auto& [path, format] : targets)
        files.push_back({path, encode_claims(claims, model, path, format, names ? &*names : nullptr)});
    ensure_folder(o.out_dir);
    publish_files(files);
    for (const auto& [path, format] : targets) std::cout << path.string() << "\n";
    return 0;
}

struct BatchCliOptions {
    std::optional<fs::path> atlas;
    fs::path out_dir = "output";
    int jobs = 0;
    std::optional<std::string> shard;
    bool force = false, no_gallery = false, merge = false;
};

// SIGINT/SIGTERM during a batch: finish the maps under way, start no more, exit non-zero.
std::atomic<bool> stop_requested{false};
extern "C" void request_stop(int) { stop_requested = true; }

int run_batch_command(const CommonOptions& common, const BatchCliOptions& o) {
    BatchOptions options;
    options.stop = &stop_requested;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    options.out_dir = o.out_dir;
    if (o.jobs < 0 || o.jobs > 256) throw Error("--jobs: must be between 0 (all cores) and 256");
    options.jobs = o.jobs;
    if (o.shard) std::tie(options.shard_index, options.shard_count) = parse_shard(*o.shard);
    options.force = o.force;
    options.merge = o.merge;
    options.gallery = !o.no_gallery;
    options.progress_bar = isatty(STDERR_FILENO);
    options.create_out_dir = true;
    options.detail = common.detail;
    const fs::path case_file = common.resolved_case();
    fs::path atlas;
    if (o.atlas) {
        atlas = *o.atlas;
    } else {
        const CaseConfig config = read_case(case_file);
        if (!config.atlas) fail(case_file, "names no atlas (key 'atlas'); give an atlas file: claimmap batch ATLAS");
        atlas = *config.atlas;
    }
    // An atlas that names its own case must name the one --case chose: never silently another.
    if (common.case_id) {
        const fs::path atlas_case = read_atlas(atlas, case_file).case_file;
        std::error_code ec1, ec2;
        if (fs::weakly_canonical(atlas_case, ec1) != fs::weakly_canonical(case_file, ec2))
            fail(atlas, "renders the case " + atlas_case.lexically_normal().string() + ", not --case " + *common.case_id + " (" +
                            case_file.string() + ")");
    }
    BatchResult r = run_batch(atlas, case_file, data_dir(common.data_dir), options, [&](const std::string& line) {
        if (options.progress_bar) std::cerr << "\r\033[K" << line << std::flush;
        else std::cerr << line << "\n";
    });
    if (options.progress_bar) std::cerr << "\n";
    for (const std::string& e : r.errors) std::cerr << "claimmap: " << e << "\n";
    if (r.shards_merged)
        std::cout << fmt::format("batch: {} shards merged, {} maps checked; manifest {}{}\n", r.shards_merged, r.up_to_date,
                                 r.manifest.string(), r.gallery.empty() ? "" : ", gallery " + r.gallery.string());
    else std::cout << fmt::format("batch: {} maps rendered, {} up to date, {} failed in {:.1f} s; manifest {}{}\n", r.rendered,
                             r.up_to_date, r.failed, r.seconds, r.manifest.string(),
                             r.gallery.empty() ? "" : ", gallery " + r.gallery.string());
    if (r.not_started) {
        std::cerr << "claimmap: batch stopped by a signal: " << r.not_started << " maps not started\n";
        return 130;
    }
    return r.failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"claimmap — maps and numbers for territorial disputes.\n"
                 "Built-in cases: geodata/cases.toml (claimmap <command> --case ID).\n"
                 "Example: claimmap render --size social --format png"};
    app.set_version_flag("--version", "claimmap " CLAIMMAP_VERSION);
    app.require_subcommand(1);
    CommonOptions common;
    app.add_option("--data-dir", common.data_dir,
                   "Folder holding geodata/ and styles/ (default: $CLAIMMAP_DATA_DIR, else ../share/claimmap next to\n"
                   "the executable when installed, else the source tree).\n"
                   "Example: --data-dir /usr/share/claimmap");

    RenderOptions ro;
    CLI::App* render = app.add_subcommand("render", "Draw the map of a case to PNG, SVG and PDF.\n"
                                                    "Example: claimmap render --size 1200x900 --out-dir maps");
    add_common(render, common);
    render->add_option("--size", ro.size,
                       "Image size: WIDTHxHEIGHT in pixels (200x150 up to 20000x20000) or a preset:\n"
                       "default (1600x1200), social (1200x675), a4 (A4 landscape, 300 dpi). Example: --size social")
        ->capture_default_str();
    render->add_option("--paper", ro.paper,
                       "Paper size instead of --size: a5, a4, a3, a2, letter, tabloid; landscape unless -portrait\n"
                       "is added. Pixels follow from --dpi. Example: --paper a3 --dpi 300");
    render->add_option("--dpi", ro.dpi,
                       "Pixels per inch: with --paper sets the pixel size; also sets the PDF page size\n"
                       "(default 96, the CSS pixel; the a4 size preset implies 300). Example: --dpi 300")
        ->capture_default_str();
    render->add_option("--style", ro.style, "Style name in styles/ or a path to a style .toml. Example: --style default")
        ->capture_default_str();
    render->add_option("--crs", ro.crs,
                       "Map projection, anything PROJ accepts (default: the case's conformal projection).\n"
                       "Example: --crs EPSG:3857");
    render->add_option("--extent", ro.extent,
                       "Area to show, LON_MIN,LAT_MIN,LON_MAX,LAT_MAX in degrees (default: the case's).\n"
                       "Example: --extent 144.5,42.8,149.5,46");
    render->add_option("--title", ro.title, "Title instead of the case's. Example: --title \"The dispute in 2019\"");
    render->add_option("--subtitle", ro.subtitle, "Subtitle instead of the case's. Example: --subtitle \"\"");
    render->add_option("--out-dir", ro.out_dir, "Folder for the maps, created if missing. Example: --out-dir maps/2019")
        ->capture_default_str();
    render->add_option("--name", ro.name, "Base file name of the maps (default: the case's output_name). Example: --name map-2019");
    render->add_option("--format", ro.formats, "Formats to write, any of png, svg, pdf. Example: --format png,svg")
        ->delimiter(',')
        ->capture_default_str();
    render->add_option("-o,--output", ro.outputs,
                       "Write exactly this file (format from its extension; repeatable; overrides\n"
                       "--out-dir/--name/--format). Example: -o map.png -o map.svg");
    render->add_option("--pov", ro.pov,
                       "Point of view, a [view.ID] of the case file: neutral (every party's names and terms) or a\n"
                       "party's view (its names first, its name for the region, its boundaries and legend wording).\n"
                       "Example: --pov neutral")
        ->capture_default_str();
    render->add_option("--lang", ro.lang,
                       "Language of every word on the map (titles, legend, scale bar, credits, callouts, timeline,\n"
                       "tables): a catalog in the data folder's i18n/ (en, ja, ru, ...). Place names follow --pov.\n"
                       "Example: --lang ja")
        ->capture_default_str();
    render->add_option("--scenario", ro.scenario,
                       "Colour land, territorial seas and EEZs by who holds what under this scenario (from the case's\n"
                       "scenarios file), with the median line and the change against the baseline.\n"
                       "Example: --scenario status-quo");
    render->add_option("--compare", ro.compare,
                       "Two scenarios: colours of the first, both median lines, the land and sea that changes hands\n"
                       "hatched, and a table of the differences. Example: --compare status-quo,my-scenario")
        ->delimiter(',');
    render->add_option("--event", ro.event,
                       "A news event's map (ids from 'claimmap events list'): the scenario on the table, a callout with\n"
                       "date, place, participants, what happened and the source, the venue on a world inset with the\n"
                       "great circle to the disputed territory, and a timeline of all events. Example: --event my-event-2019");
    render->add_flag("--timeline", ro.timeline,
                     "A world map of every event's venue with great circles to the disputed territory, and the timeline.\n"
                     "Example: claimmap render --timeline --name timeline");
    render->add_flag("--no-graticule", ro.no_graticule, "Leave out the graticule and its degree labels.");
    render->add_flag("--no-legend", ro.no_legend, "Leave out the legend.");
    render->add_flag("--no-scale-bar", ro.no_scale_bar, "Leave out the scale bar.");
    render->add_flag("--no-labels", ro.no_labels, "Leave out place labels.");
    render->add_flag("--no-north-arrow", ro.no_north_arrow, "Leave out the north arrow.");
    render->add_flag("--no-inset", ro.no_inset, "Leave out the locator inset.");

    CLI::App* areas = app.add_subcommand("areas", "Print the disputed territories' land areas on the ellipsoid.\n"
                                                  "Example: claimmap areas --land mycoast.gpkg");
    add_common(areas, common);

    CompareOptions co;
    CLI::App* compare = app.add_subcommand(
        "compare", "Which land and sea each scenario moves: land, territorial sea (12 nm) and EEZ (200 nm) per party,\n"
                   "limited by the median line, in km² on the ellipsoid, with the change against a baseline.\n"
                   "Example: claimmap compare --scenarios status-quo,my-scenario --format markdown");
    add_common(compare, common);
    compare->add_option("--scenarios", co.scenarios,
                        "Scenarios to compare (default: all in the case's scenarios file). Example: --scenarios status-quo")
        ->delimiter(',');
    compare->add_option("--baseline", co.baseline,
                        "Scenario the changes are measured against (default: the scenarios file's baseline).\n"
                        "Example: --baseline status-quo");
    compare->add_option("--format", co.format, "Output format: table, csv, json or markdown. Example: --format csv")
        ->capture_default_str();
    compare->add_option("--lang", co.lang,
                        "Language of the table's headers and notes (csv and json keep their English field names):\n"
                        "a catalog in the data folder's i18n/. Example: --lang ru")
        ->capture_default_str();
    compare->add_option("-o,--output", co.output, "Write to this file instead of standard output. Example: -o compare.csv");

    ExportOptions eo;
    CLI::App* exporter = app.add_subcommand(
        "export", "Write every computed layer (land per party, territorial seas, EEZs, median lines, split cut lines)\n"
                  "with scenario and party attributes to GeoPackage and GeoJSON (WGS 84), readable by ogrinfo and QGIS.\n"
                  "Example: claimmap export --scenarios status-quo --format gpkg --out-dir data");
    add_common(exporter, common);
    exporter->add_option("--lang", eo.lang,
                         "Add scenario_title and party_name fields in this language (a catalog in the data folder's\n"
                         "i18n/; ids stay as they are). Example: --lang ja");
    exporter->add_option("--scenarios", eo.scenarios, "Scenarios to export (default: all). Example: --scenarios status-quo")
        ->delimiter(',');
    exporter->add_option("--format", eo.formats, "Formats: gpkg (a layer per kind), geojson (one collection with a 'layer'\n"
                                                  "property). Example: --format gpkg")
        ->delimiter(',')
        ->capture_default_str();
    exporter->add_option("--out-dir", eo.out_dir, "Folder for the files, created if missing. Example: --out-dir data")->capture_default_str();
    exporter->add_option("--name", eo.name, "Base file name (default: the case's output_name + \"-claims\"). Example: --name claims");

    BatchCliOptions bo;
    CLI::App* batch = app.add_subcommand(
        "batch", "Render every map of an atlas file in parallel, with a manifest and an HTML gallery.\n"
                 "Example: claimmap batch my-atlas.toml --out-dir output --shard 1/4");
    add_common(batch, common);
    batch->add_option("atlas", bo.atlas, "Atlas file (default: the atlas the case names, every map of the case).\n"
                                         "Example: claimmap batch my-atlas.toml");
    batch->add_option("--out-dir", bo.out_dir, "Folder for maps, manifest.json and index.html, created if missing. Example: --out-dir maps")
        ->capture_default_str();
    batch->add_option("-j,--jobs", bo.jobs,
                      "Worker threads drawing maps; 0 uses every core (the zone model is computed on one more thread). "
                      "Example: --jobs 2")
        ->capture_default_str();
    batch->add_option("--shard", bo.shard,
                      "Render only the K-th of N equal slices of the atlas, for spreading it over machines (GNU parallel,\n"
                      "Slurm arrays, Kubernetes indexed jobs); writes manifest.shard-K-of-N.json. Example: --shard 2/4");
    batch->add_flag("--force", bo.force, "Render even the maps whose outputs are up to date (same inputs, options and version).");
    batch->add_flag("--no-gallery", bo.no_gallery, "Do not write index.html.");
    batch->add_flag("--merge", bo.merge,
                    "Join the shards' manifests (manifest.shard-K-of-N.json) in --out-dir into manifest.json and index.html,\n"
                    "after checking that every shard is there and every file matches its checksum; renders nothing.\n"
                    "Example: claimmap batch my-atlas.toml --out-dir maps --merge");

    NewCaseOptions no;
    std::string new_bbox;
    CLI::App* new_case = app.add_subcommand(
        "new-case", "Start a case for a new dispute: a folder NAME with land for the box (world land clipped, with\n"
                    "ISO 3166 country codes) and commented templates for the case, gazetteer, scenarios, events,\n"
                    "venues and atlas, which load and render as they are (docs/new-case.md).\n"
                    "Example: claimmap new-case gibraltar --bbox -6.5,35.5,-4.5,37 --parties ESP,MAR");
    new_case->add_option("name", no.name, "Case id and folder name: lower-case letters, digits, '-'. Example: gibraltar")->required();
    new_case->add_option("--bbox", new_bbox, "Box the case covers, W,S,E,N in degrees. Example: --bbox -6.5,35.5,-4.5,37")->required();
    new_case->add_option("--parties", no.parties,
                         "ISO 3166 alpha-3 codes of the parties (default: every country with land in the box).\n"
                         "Example: --parties ESP,MAR")
        ->delimiter(',');
    new_case->add_option("--out-dir", no.out_dir, "Folder the case folder is written in. Example: --out-dir cases")->capture_default_str();

    add_events_command(app, [&common] { return data_dir(common.data_dir); });  // has its own --case

    try {
        app.parse(argc, argv);
        // batch stops between maps on a signal; every other command dies by it, leaving no temporary file.
        if (!batch->parsed()) remove_temp_files_on_signals();
        if (render->parsed()) return run_render(common, ro);
        if (areas->parsed()) return run_areas(common);
        if (compare->parsed()) return run_compare(common, co);
        if (exporter->parsed()) return run_export(common, eo);
        if (batch->parsed()) return run_batch_command(common, bo);
        if (new_case->parsed()) {
            no.bbox = parse_extent(new_bbox, "--bbox");
            no.data_dir = data_dir(common.data_dir);
            no.world = no.data_dir / "geodata" / "world" / "countries.shp";
            std::cout << write_new_case(no).string() << "\n";
            return 0;
        }
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const Error& e) {
        std::cerr << "claimmap: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "claimmap: internal error: " << one_line(e.what()) << "\n";
        return 3;
    }
    return 0;
}
