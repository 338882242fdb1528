// Times computing every scenario's claims (land, territorial sea, EEZ, median line) against a
// baseline run in the same process: one plain GEOS 200 nm buffer of all land, the naive first step
// of any EEZ computation. Reports ratios and peak memory.
//
// Usage: build/bench/bench_zones [--land FILE | --detail ID] [--vertices N] [--archipelago N]
//                                [--island-vertices N] [--repeat N] [--max-memory MIB]
//        build/bench/bench_zones --scaling [--repeat N] [--max-memory MIB]
//        build/bench/bench_zones [--land FILE | --detail ID] --print-areas          (every scenario's areas, TSV)
//        build/bench/bench_zones [--land FILE | --detail ID] --check-areas REF.tsv  (largest difference from REF)
// --vertices N simplifies the land to at most N vertices, --archipelago N adds synthetic islands of
// at most --island-vertices each (default 100) up to about N (bench/synthetic_land.hpp); --scaling
// runs the scaling series of bench/README.md, each size in a process of its own (peak memory is per
// process), and prints the table. --max-memory caps the address space (default 4096 MiB: the
// machine is shared), so that a size the model cannot handle fails instead of swapping.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "compute/claims.hpp"
#include "pipeline/map_job.hpp"
#include "synthetic_land.hpp"

using namespace claimmap;
using Clock = std::chrono::steady_clock;

namespace {

template <class F>
double median_seconds(int repeat, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < repeat; ++i) {
        auto start = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

struct Result {
    size_t polygons = 0, vertices = 0;
    double naive = 0, areas = 0, full = 0, rss_mib = 0;
};

// The scaling series: the shipped land, the full detail simplified to 20k vertices, the full
// detail, and the full detail with a synthetic archipelago up to 500k vertices.
struct Size {
    const char* label;
    const char* args;
};
const Size scaling_sizes[] = {
    {"shipped (OSM)", ""},
    {"GSHHG full, simplified", "--detail full --vertices 20000"},
    {"GSHHG full", "--detail full"},
    {"GSHHG full + synthetic archipelago", "--detail full --archipelago 500000"},
};

int run_scaling(int repeat, long max_memory_mib) {
    std::error_code ec;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    if (ec || self.find('\'') != std::string::npos) return 1;
    std::vector<Result> results;
    std::printf("| land | polygons | vertices | naive 200 nm buffer (baseline) | all scenarios, areas | areas + geometry | peak RSS (model) |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const Size& size : scaling_sizes) {
        const std::string command = "'" + self + "' " + size.args + " --repeat " + std::to_string(repeat) + " --max-memory " +
                                    std::to_string(max_memory_mib);
        std::fprintf(stderr, "running %s\n", command.c_str());
        FILE* child = popen(command.c_str(), "r");
        if (!child) return 1;
        Result r;
        char line[512];
        std::string failure = "no result";
        std::string naive_failure;
        bool found = false;
        while (std::fgets(line, sizeof line, child)) {
            found = found || std::sscanf(line, "RESULT %zu %zu %lf %lf %lf %lf", &r.polygons, &r.vertices, &r.naive, &r.areas,
                                         &r.full, &r.rss_mib) == 6;
            if (!std::strncmp(line, "FAILED ", 7)) failure = std::string(line + 7, std::strcspn(line + 7, "\n"));
            std::sscanf(line, "LAND %zu %zu", &r.polygons, &r.vertices);
            if (!std::strncmp(line, "NAIVE_FAILED ", 13)) naive_failure = std::string(line + 13, std::strcspn(line + 13, "\n"));
        }
        const int status = pclose(child);
        if (status != 0 || !found) {
            // A row all the same: a size the model cannot handle within the limits is a result too.
            std::printf("| %s | %zu | %zu | | model failed: %s | | |\n", size.label, r.polygons, r.vertices, failure.c_str());
            std::fflush(stdout);
            break;
        }
        if (r.naive > 0)
            std::printf("| %s | %zu | %zu | %.2f s | %.2f s (%.2fx) | %.2f s (%.2fx) | %.0f MiB |\n", size.label, r.polygons, r.vertices,
                        r.naive, r.areas, r.areas / r.naive, r.full, r.full / r.naive, r.rss_mib);
        else
            std::printf("| %s | %zu | %zu | failed: %s | %.2f s | %.2f s | %.0f MiB |\n", size.label, r.polygons, r.vertices,
                        naive_failure.c_str(), r.areas, r.full, r.rss_mib);
        std::fflush(stdout);
        results.push_back(r);
    }
    // Growth between consecutive sizes against n log n (times are from separate processes of one run).
    std::printf("\n| from → to | vertices | n log n | naive | areas | areas + geometry | peak RSS |\n|---|---|---|---|---|---|---|\n");
    for (size_t i = 1; i < results.size(); ++i) {
        const Result &a = results[i - 1], &b = results[i];
        const double n = static_cast<double>(b.vertices) / static_cast<double>(a.vertices);
        const double nlogn = n * std::log(static_cast<double>(b.vertices)) / std::log(static_cast<double>(a.vertices));
        const std::string naive = a.naive > 0 && b.naive > 0 ? "x" + std::to_string(b.naive / a.naive).substr(0, 5) : "-";
        std::printf("| %zu → %zu | x%.2f | x%.2f | %s | x%.2f | x%.2f | x%.2f |\n", a.vertices, b.vertices, n, nlogn, naive.c_str(),
                    b.areas / a.areas, b.full / a.full, b.rss_mib / a.rss_mib);
    }
    return 0;
}

}  // namespace

// The largest relative difference of every scenario's areas from recorded ones
// (tests/data/zone-areas/*.tsv); fails above 0.1 %.
int check_areas(const LoadedCase& loaded, const std::filesystem::path& reference) {
    std::ifstream in(reference);
    if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", reference.c_str());
        return 1;
    }
    ClaimModel model(loaded);
    double worst = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream row(line);
        std::string scenario, party;
        double recorded[3];
        const Scenario* s = nullptr;
        if (!(row >> scenario >> party >> recorded[0] >> recorded[1] >> recorded[2]) || !(s = loaded.scenarios.find(scenario))) {
            std::fprintf(stderr, "%s: bad line: %s\n", reference.c_str(), line.c_str());
            return 1;
        }
        const PartyClaim* p = model.evaluate(*s, false).party(party);
        if (!p) {
            std::fprintf(stderr, "%s: no party %s\n", reference.c_str(), party.c_str());
            return 1;
        }
        const double now[3] = {p->land_km2, p->territorial_sea_km2, p->eez_km2};
        for (int k = 0; k < 3; ++k) worst = std::max(worst, std::abs(now[k] - recorded[k]) / recorded[k]);
    }
    std::printf("largest difference from %s: %.4f %%\n", reference.c_str(), worst * 100);
    return worst <= 1e-3 ? 0 : 1;
}

int main(int argc, char** argv) {
    std::optional<std::filesystem::path> land;
    std::optional<std::string> detail;
    size_t vertices = 0, archipelago = 0, island_vertices = 100;
    long max_memory_mib = 4096;
    int repeat = 5;
    bool scaling = false, print_areas = false;
    std::optional<std::filesystem::path> reference;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--land") && i + 1 < argc) land = argv[++i];
        else if (!std::strcmp(argv[i], "--detail") && i + 1 < argc) detail = argv[++i];
        else if (!std::strcmp(argv[i], "--vertices") && i + 1 < argc) vertices = std::strtoul(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--archipelago") && i + 1 < argc) archipelago = std::strtoul(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--island-vertices") && i + 1 < argc) island_vertices = std::strtoul(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--max-memory") && i + 1 < argc) max_memory_mib = std::max(256L, std::atol(argv[++i]));
        else if (!std::strcmp(argv[i], "--scaling")) scaling = true;
        else if (!std::strcmp(argv[i], "--print-areas")) print_areas = true;
        else if (!std::strcmp(argv[i], "--check-areas") && i + 1 < argc) reference = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_zones [--land FILE | --detail ID] [--vertices N] [--archipelago N]\n"
                                 "                   [--island-vertices N] [--repeat N] [--max-memory MIB]\n"
                                 "       bench_zones --scaling [--repeat N] [--max-memory MIB]\n"
                                 "       bench_zones [--land FILE | --detail ID] --print-areas | --check-areas REFERENCE.tsv\n");
            return 2;
        }
    }
    if (scaling) return run_scaling(repeat, max_memory_mib);
    const rlimit cap{static_cast<rlim_t>(max_memory_mib) << 20, static_cast<rlim_t>(max_memory_mib) << 20};
    if (setrlimit(RLIMIT_AS, &cap) != 0) std::perror("bench_zones: setrlimit");
    try {
        LoadedCase loaded = load_case(default_case_file(), land, detail);
        const Projection proj(loaded.config.crs);
        if (vertices) bench::decimate_land(loaded.land, proj, vertices);
        if (archipelago) bench::add_archipelago(loaded.land, loaded.config, proj, archipelago, island_vertices);
        const size_t n = bench::vertex_count(loaded.land);
        std::fprintf(stderr, "%s: %zu polygons, %zu vertices\n", loaded.land.source.c_str(), loaded.land.features.size(), n);
        if (print_areas) {
            // Every scenario's areas, one line per party, for recording a reference.
            ClaimModel model(loaded);
            for (const Scenario& s : loaded.scenarios.scenarios)
                for (const PartyClaim& p : model.evaluate(s, false).parties)
                    std::printf("%s\t%s\t%.3f\t%.3f\t%.3f\n", s.id.c_str(), p.party.c_str(), p.land_km2, p.territorial_sea_km2, p.eez_km2);
            return 0;
        }
        if (reference) return check_areas(loaded, *reference);
        std::printf("LAND %zu %zu\n", loaded.land.features.size(), n);
        std::fflush(stdout);

        // The model first, so that the peak memory read after it is the model's alone.
        auto all_scenarios = [&](bool geometry) {
            ClaimModel model(loaded);
            for (const Scenario& s : loaded.scenarios.scenarios) model.evaluate(s, geometry);
        };
        const double areas = median_seconds(repeat, [&] { all_scenarios(false); });
        std::fprintf(stderr, "all scenarios, areas: %.2f s\n", areas);
        const double full = median_seconds(repeat, [&] { all_scenarios(true); });
        std::fprintf(stderr, "all scenarios, areas + geometry: %.2f s\n", full);
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const double rss_mib = usage.ru_maxrss / 1024.0;

        // Baseline: one GEOS buffer of all land by 200 nm in the same projection, nothing else. Its
        // cost grows with how the buffers of many islands overlap: on thousands of islands it may
        // not fit in --max-memory, which is reported (-1 s), not hidden.
        double naive = -1;
        std::string naive_failure;
        try {
            naive = median_seconds(repeat, [&] {
                Geos geos;
                Projection proj(loaded.config.crs);
                std::vector<GeomPtr> parts;
                for (const LandFeature& f : loaded.land.features) parts.push_back(geos.polygon({proj.forward(f.shape.outer), {}}));
                GeomPtr all = geos.union_all(std::move(parts));
                GeomPtr buffered = geos.buffer(all.get(), 200 * nautical_mile_m, 8);
            });
        } catch (const std::bad_alloc&) {
            naive_failure = "out of memory";
        } catch (const Error& e) {
            naive_failure = e.what();
        }
        if (!naive_failure.empty())
            naive_failure += " (more than " + std::to_string(max_memory_mib) + " MiB of address space, --max-memory)";

        std::printf("data: %s (%zu polygons, %zu vertices), %zu scenarios, median of %d runs\n", loaded.land.source.c_str(),
                    loaded.land.features.size(), n, loaded.scenarios.scenarios.size(), repeat);
        if (naive > 0) {
            std::printf("%-44s %8.3f s  (baseline)\n", "naive 200 nm buffer of all land", naive);
            std::printf("%-44s %8.3f s  %5.2fx baseline\n", "all scenarios, areas (claimmap compare)", areas, areas / naive);
            std::printf("%-44s %8.3f s  %5.2fx baseline\n", "all scenarios, areas + geometry (render)", full, full / naive);
        } else {
            std::printf("%-44s failed: %s\n", "naive 200 nm buffer of all land", naive_failure.c_str());
            std::printf("NAIVE_FAILED %s\n", naive_failure.c_str());
            std::printf("%-44s %8.3f s\n", "all scenarios, areas (claimmap compare)", areas);
            std::printf("%-44s %8.3f s\n", "all scenarios, areas + geometry (render)", full);
        }
        std::printf("peak memory (max RSS) of the model: %.1f MiB\n", rss_mib);
        std::printf("RESULT %zu %zu %.4f %.4f %.4f %.1f\n", loaded.land.features.size(), n, naive, areas, full, rss_mib);
    } catch (const std::bad_alloc&) {
        std::printf("FAILED out of memory: more than %ld MiB of address space (--max-memory)\n", max_memory_mib);
        return 1;
    } catch (const std::exception& e) {
        const bool memory = std::strstr(e.what(), "bad_alloc") != nullptr;
        std::printf("FAILED %s%s\n", e.what(), memory ? (" (address space capped at " + std::to_string(max_memory_mib) + " MiB, --max-memory)").c_str() : "");
        std::fprintf(stderr, "bench_zones: %s\n", e.what());
        return 1;
    }
    return 0;
}
