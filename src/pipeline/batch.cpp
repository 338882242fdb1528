#include "pipeline/batch.hpp"

#include <fmt/format.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <latch>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "compute/claims.hpp"
#include "core/error.hpp"
#include "i18n/catalog.hpp"
#include "output/checksum.hpp"
#include "output/folder_lock.hpp"
#include "output/gallery.hpp"
#include "output/tables.hpp"
#include "pipeline/shards.hpp"

namespace claimmap {
namespace {

std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A file and, for a shapefile, its sidecars (.shx, .dbf, .prj, .cpg).
std::vector<std::filesystem::path> with_sidecars(const std::filesystem::path& p) {
    std::vector<std::filesystem::path> out{p};
    if (p.extension() == ".shp")
        for (const char* ext : {".shx", ".dbf", ".prj", ".cpg"}) {
            auto side = std::filesystem::path(p).replace_extension(ext);
            if (std::filesystem::exists(side)) out.push_back(side);
        }
    return out;
}

// One digest of every input file's content: a changed input makes every map out of date.
std::string inputs_digest(const std::vector<std::filesystem::path>& files) {
    std::string all;
    for (const auto& f : files) all += f.filename().string() + ":" + sha256_hex(read_bytes(f)) + "\n";
    return sha256_hex(all);
}

struct Output {
    std::string file, map, format, sha256, key;
    const MapJob* job = nullptr;
};

nlohmann::ordered_json manifest_entry(const Output& o, const std::vector<std::string>& inputs) {
    const MapJob& j = *o.job;
    nlohmann::ordered_json e{{"file", o.file}, {"map", o.map}, {"format", o.format}, {"width", j.options.width},
                             {"height", j.options.height}, {"style", j.style}, {"pov", j.options.pov}};
    if (j.options.lang != "en") e["lang"] = j.options.lang;
    e["scenario"] = j.request.scenario ? nlohmann::ordered_json(*j.request.scenario) : nlohmann::ordered_json();
    e["compare"] = j.request.compare ? nlohmann::ordered_json(*j.request.compare) : nlohmann::ordered_json();
    e["event"] = j.request.event ? nlohmann::ordered_json(*j.request.event) : nlohmann::ordered_json();
    e["timeline"] = j.request.timeline;
    e["sha256"] = o.sha256;
    e["key"] = o.key;
    e["inputs"] = inputs;
    return e;
}

}  // namespace

std::pair<int, int> parse_shard(const std::string& text) {
    auto slash = text.find('/');
    try {
        if (slash != std::string::npos) {
            size_t used = 0;
            int k = std::stoi(text.substr(0, slash), &used);
            if (used != slash) throw std::invalid_argument("k");
            std::string rest = text.substr(slash + 1);
            int n = std::stoi(rest, &used);
            if (used == rest.size() && n >= 1 && n <= 100000 && k >= 1 && k <= n) return {k, n};
        }
    } catch (const std::exception&) {
    }
    throw Error("--shard: expected K/N with 1 <= K <= N, e.g. 2/4, got '" + text + "'");
}

BatchResult run_batch(const std::filesystem::path& atlas_file, const std::filesystem::path& default_case,
                      const std::filesystem::path& data_folder, const BatchOptions& options,
                      const std::function<void(const std::string&)>& report) {
    auto start = std::chrono::steady_clock::now();
    Atlas atlas = read_atlas(atlas_file, default_case);
    const std::optional<std::string> detail = options.detail ? options.detail : atlas.detail;
    LoadedCase loaded = load_case(atlas.case_file, std::nullopt, detail,
                                  options.detail ? "--detail" : atlas.file.string() + ": 'detail'");
    expand_atlas(atlas, loaded);
    // Every language's catalog is read (and checked) before any map is drawn.
    for (MapJob& job : atlas.jobs) {
        job.options.data_dir = data_folder;
        try {
            catalog(data_folder, job.options.lang);
        } catch (const Error& e) {
            fail(atlas.file, "line " + std::to_string(job.line) + ": map '" + job.name + "': " + e.what());
        }
    }
    if (options.create_out_dir) ensure_folder(options.out_dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(options.out_dir, ec))
        fail(options.out_dir, "cannot write: the output folder does not exist");
    if (options.merge && options.shard_count != 1) throw Error("--merge joins all the shards: it takes no --shard");
    if (options.merge && options.force) throw Error("--merge renders nothing: it takes no --force");
    // Held until the manifest and gallery are written. Shards of one run write side by side.
    FolderLock lock(options.out_dir, options.shard_count > 1 ? FolderLock::Mode::shared : FolderLock::Mode::exclusive, report,
                    options.stop);

    // This run's slice of the atlas.
    std::vector<const MapJob*> jobs;
    for (size_t i = 0; i < atlas.jobs.size(); ++i)
        if (shard_of(i, options.shard_count) == options.shard_index) jobs.push_back(&atlas.jobs[i]);

    // Everything shared is loaded or computed here, once, before any worker starts.
    // A style that fails to load fails its maps only.
    std::map<std::string, Style> styles;
    std::map<std::string, std::string> style_digest, style_error;
    for (const MapJob* j : jobs)
        if (!styles.count(j->style) && !style_error.count(j->style)) {
            auto file = style_file(j->style, data_folder);
            try {
                styles.emplace(j->style, read_style(file));
                style_digest[j->style] = sha256_hex(read_bytes(file));
            } catch (const Error& e) {
                style_error[j->style] = e.what();
            }
        }
    std::vector<std::filesystem::path> input_files;
    const CaseConfig& c = loaded.config;
    for (const auto& f : {c.file, c.land, c.gazetteer, c.scenarios, c.events, c.venues, c.inset, c.world})
        for (const auto& p : with_sidecars(f)) input_files.push_back(p);
    // The words of the maps: the program's catalogs and the case's, of every language drawn.
    std::set<std::string> langs{"en"};
    for (const MapJob* j : jobs) langs.insert(j->options.lang);
    for (const std::string& lang : langs) {
        input_files.push_back(data_folder / "i18n" / (lang + ".toml"));
        const auto case_catalog = c.file.parent_path() / "i18n" / (lang + ".toml");
        if (std::filesystem::exists(case_catalog)) input_files.push_back(case_catalog);
    }
    const std::string digest = inputs_digest(input_files);
    std::vector<std::string> input_names;
    for (const auto& f : input_files) input_names.push_back(f.lexically_relative(atlas.case_file.parent_path().parent_path()).string());

    BatchResult result;
    // What an earlier run wrote, to skip outputs that are up to date.
    const bool full = options.shard_count == 1;
    std::filesystem::path manifest_path =
        options.out_dir / (full ? std::string("manifest.json") : shard_manifest_name(options.shard_index, options.shard_count));
    std::map<std::string, std::pair<std::string, std::string>> previous;  // file -> (key, sha256)
    if (!options.merge && std::filesystem::exists(manifest_path)) {
        try {
            auto old = nlohmann::json::parse(read_bytes(manifest_path));
            for (const auto& e : old.at("outputs")) previous[e.at("file")] = {e.at("key"), e.at("sha256")};
        } catch (const std::exception&) {
            // An unreadable manifest only means nothing is known to be up to date.
        }
    }

    // Keys first: what is up to date needs no claims computed.
    auto key_of = [&](const MapJob& job, Format f) {
        return sha256_hex(digest + "|" + style_digest.at(job.style) + "|" + job.describe() + "|" + format_extension(f) +
                          "|" CLAIMMAP_VERSION);
    };
    auto fresh = [&](const MapJob& job, Format f, const std::string& key) {
        std::string file = job.name + "." + format_extension(f);
        auto it = previous.find(file);
        std::filesystem::path path = options.out_dir / file;
        return !options.force && it != previous.end() && it->second.first == key && std::filesystem::exists(path) &&
               sha256_hex(read_bytes(path)) == it->second.second;
    };
    // A merge renders nothing: every output must come, up to date, from the shards' manifests.
    if (options.merge) {
        if (!style_error.empty()) throw Error(style_error.begin()->second);
        VerifiedShards shards = verify_shards(options.out_dir, atlas.file.filename().string(), digest, jobs, key_of);
        for (const auto& [file, o] : shards.outputs) previous[file] = {o.key, o.sha256};
        result.shards_merged = shards.count;
    }
    // Claims: the cheap median lines now, for every map that is not up to date; the zone model
    // (the slow part) on its own thread while the workers draw the maps that do not need it.
    // Freshness is decided once, here: a file that changes during the run must not make a worker
    // draw a map whose claims were never prepared.
    ClaimCache cache(loaded);
    std::set<std::pair<const MapJob*, Format>> up_to_date;
    std::vector<const MapJob*> model_jobs;
    std::set<const MapJob*> needs_model;
    for (const MapJob* j : jobs) {
        if (style_error.count(j->style)) continue;
        bool all_fresh = true;
        for (Format f : j->formats) {
            if (fresh(*j, f, key_of(*j, f))) up_to_date.insert({j, f});
            else all_fresh = false;
        }
        if (all_fresh) continue;
        try {
            if (cache.prepare_lines(loaded, j->options, j->request)) model_jobs.push_back(j);
        } catch (const std::exception&) {
            // Reported when the map itself is drawn, after the preparing thread is done (it may
            // be writing what this map would read).
            needs_model.insert(j);
        }
    }
    needs_model.insert(model_jobs.begin(), model_jobs.end());
    std::stable_partition(jobs.begin(), jobs.end(), [&](const MapJob* j) { return !needs_model.count(j); });
    std::latch model_ready(1);
    auto prepare_model = [&] {
        for (const MapJob* j : model_jobs) {
            if (options.stop && options.stop->load()) break;
            try {
                cache.prepare(loaded, j->options, j->request);
            } catch (const std::exception&) {
                // Reported when the map itself is rendered.
            }
        }
        model_ready.count_down();
    };

    std::vector<Output> outputs;
    std::mutex mutex;
    std::atomic<size_t> next{0};
    size_t done = 0;
    auto work = [&] {
        for (size_t i = next++; i < jobs.size(); i = next++) {
            const MapJob& job = *jobs[i];
            if (needs_model.count(&job)) model_ready.wait();  // its claims come from the preparing thread
            if (options.stop && options.stop->load()) {
                std::lock_guard lock(mutex);
                ++result.not_started;
                continue;
            }
            std::vector<Output> mine;
            std::string error;
            bool skipped = true;
            try {
                if (auto bad = style_error.find(job.style); bad != style_error.end()) throw Error(bad->second);
                for (Format f : job.formats) {
                    std::string key = key_of(job, f), file = job.name + "." + format_extension(f);
                    const bool fresh_file = up_to_date.count({&job, f}) > 0;
                    if (!fresh_file) skipped = false;
                    mine.push_back({file, job.name, format_extension(f), fresh_file ? previous.at(file).second : "", key, &job});
                }
                if (!skipped) {
                    Scene scene = build_scene(loaded, styles.at(job.style), job.options, job.request, cache);
                    for (Output& o : mine) {
                        std::string bytes = encode_scene(scene, *parse_format(o.format));
                        write_file_atomically(options.out_dir / o.file, bytes);
                        o.sha256 = sha256_hex(bytes);
                    }
                }
            } catch (const std::exception& e) {
                error = e.what();
            }
            std::lock_guard lock(mutex);
            ++done;
            if (!error.empty()) {
                ++result.failed;
                // The atlas line the map comes from, so that a failing map can be found and fixed.
                result.errors.push_back(fmt::format("{}: line {}: map '{}': {}", atlas.file.string(), job.line, job.name, error));
            } else {
                (skipped ? result.up_to_date : result.rendered)++;
                outputs.insert(outputs.end(), mine.begin(), mine.end());
            }
            if (options.progress_bar) {
                int width = 30, filled = static_cast<int>(width * done / std::max<size_t>(1, jobs.size()));
                report(fmt::format("[{}{}] {}/{} {}", std::string(filled, '#'), std::string(width - filled, ' '), done,
                                   jobs.size(), job.name));
            } else {
                report(fmt::format("{} {} ({}/{})", error.empty() ? (skipped ? "up-to-date" : "rendered") : "FAILED", job.name,
                                   done, jobs.size()));
            }
        }
    };
    int threads = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<int>(threads, std::max<size_t>(1, jobs.size()));
    {
        std::jthread preparer(prepare_model);
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    }

    // The manifest lists this run's outputs in a stable order: same inputs, same bytes.
    std::sort(outputs.begin(), outputs.end(), [](const Output& a, const Output& b) { return a.file < b.file; });
    nlohmann::ordered_json manifest;
    manifest["generator"] = "claimmap " CLAIMMAP_VERSION;
    manifest["atlas"] = atlas.file.filename().string();
    manifest["case"] = loaded.config.id;
    manifest["inputs_sha256"] = digest;
    manifest["outputs"] = nlohmann::ordered_json::array();
    for (const Output& o : outputs) manifest["outputs"].push_back(manifest_entry(o, input_names));
    write_file_atomically(manifest_path, manifest.dump(2) + "\n");
    result.manifest = manifest_path;

    if (full && options.gallery && result.not_started == 0) {
        // The table reuses the claim model the maps were drawn from.
        std::vector<ScenarioClaims> claims;
        ClaimModel& model = cache.model();
        for (const Scenario& s : loaded.scenarios.scenarios) claims.push_back(model.evaluate(s, false));
        Comparison comparison = build_comparison(claims, loaded.scenarios, loaded, model, loaded.scenarios.baseline);
        // The gallery shows the maps in the atlas's order (overviews, scenarios, events by date...),
        // the manifest lists files by name.
        std::vector<const Output*> in_atlas_order;
        for (const Output& o : outputs) in_atlas_order.push_back(&o);
        std::stable_sort(in_atlas_order.begin(), in_atlas_order.end(), [](const Output* a, const Output* b) { return a->job < b->job; });
        std::vector<GalleryMap> maps;
        for (const Output* p : in_atlas_order)
            if (const Output& o = *p; o.format == "png") {
                GalleryMap m{o.map, o.file, {}, o.job->options.width, o.job->options.height};
                for (const Output& other : outputs)
                    if (other.map == o.map && other.format != "png") m.alternates.push_back(other.file);
                maps.push_back(std::move(m));
            }
        result.gallery = options.out_dir / "index.html";
        write_file_atomically(result.gallery, gallery_html(loaded, maps, comparison));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The claims and the maps were built on short-lived threads, each with its own malloc arena;
    // hand what they freed back to the system, so that a long-lived process holds only what it uses.
    malloc_trim(0);
    return result;
}

}  // namespace claimmap
