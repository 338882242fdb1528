// Times computing every scenario's claims (land, territorial sea, EEZ, median line) on the
// shipped data, against a baseline run in the same process: one plain GEOS 200 nm buffer of
// all land, the naive first step of any EEZ computation. Reports ratios and peak memory.
//
// Usage: build/bench/bench_zones [--land FILE] [--repeat N]
//        build/bench/bench_zones [--land FILE] --print-areas            (every scenario's areas, TSV)
//        build/bench/bench_zones [--land FILE] --check-areas REF.tsv    (largest difference from REF)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compute/claims.hpp"
#include "pipeline/map_job.hpp"

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

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::filesystem::path> land;
    int repeat = 5;
    bool print_areas = false;
    std::optional<std::filesystem::path> reference;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--land") && i + 1 < argc) land = argv[++i];
        else if (!std::strcmp(argv[i], "--print-areas")) print_areas = true;
        else if (!std::strcmp(argv[i], "--check-areas") && i + 1 < argc) reference = argv[++i];
        else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: bench_zones [--land FILE] [--repeat N] [--print-areas | --check-areas REFERENCE.tsv]\n");
            return 2;
        }
    }
    LoadedCase loaded = load_case(default_case_file(), land);
    if (print_areas) {
        // Every scenario's areas, one line per party, for recording a reference.
        ClaimModel model(loaded);
        for (const Scenario& s : loaded.scenarios.scenarios)
            for (const PartyClaim& p : model.evaluate(s, false).parties)
                std::printf("%s\t%s\t%.3f\t%.3f\t%.3f\n", s.id.c_str(), p.party.c_str(), p.land_km2, p.territorial_sea_km2, p.eez_km2);
        return 0;
    }
    if (reference) {
        // The largest relative difference from recorded areas (tests/data/zone-areas/*.tsv).
        std::ifstream in(*reference);
        if (!in) {
            std::fprintf(stderr, "%s: cannot read\n", reference->c_str());
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
                std::fprintf(stderr, "%s: bad line: %s\n", reference->c_str(), line.c_str());
                return 1;
            }
            const PartyClaim* p = model.evaluate(*s, false).party(party);
            if (!p) {
                std::fprintf(stderr, "%s: no party %s\n", reference->c_str(), party.c_str());
                return 1;
            }
            const double now[3] = {p->land_km2, p->territorial_sea_km2, p->eez_km2};
            for (int k = 0; k < 3; ++k) worst = std::max(worst, std::abs(now[k] - recorded[k]) / recorded[k]);
        }
        std::printf("largest difference from %s: %.4f %%\n", reference->c_str(), worst * 100);
        return worst <= 1e-3 ? 0 : 1;
    }
    size_t vertices = 0;
    for (const LandFeature& f : loaded.land.features) {
        vertices += f.shape.outer.size();
        for (const Ring& h : f.shape.holes) vertices += h.size();
    }

    auto all_scenarios = [&](bool geometry) {
        ClaimModel model(loaded);
        for (const Scenario& s : loaded.scenarios.scenarios) model.evaluate(s, geometry);
    };
    double areas = median_seconds(repeat, [&] { all_scenarios(false); });
    double full = median_seconds(repeat, [&] { all_scenarios(true); });
    // The model's peak memory, read before the baseline runs (its buffer takes more).
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    // Baseline: one GEOS buffer of all land by 200 nm in the same projection, nothing else.
    double naive = median_seconds(repeat, [&] {
        Geos geos;
        Projection proj(loaded.config.crs);
        std::vector<GeomPtr> parts;
        for (const LandFeature& f : loaded.land.features) parts.push_back(geos.polygon({proj.forward(f.shape.outer), {}}));
        GeomPtr all = geos.union_all(std::move(parts));
        GeomPtr buffered = geos.buffer(all.get(), 200 * nautical_mile_m, 8);
    });

    std::printf("data: %s (%zu polygons, %zu vertices), %zu scenarios, median of %d runs\n", loaded.land.source.c_str(),
                loaded.land.features.size(), vertices, loaded.scenarios.scenarios.size(), repeat);
    std::printf("%-44s %8.3f s  (baseline)\n", "naive 200 nm buffer of all land", naive);
    std::printf("%-44s %8.3f s  %5.2fx baseline\n", "all scenarios, areas (claimmap compare)", areas, areas / naive);
    std::printf("%-44s %8.3f s  %5.2fx baseline\n", "all scenarios, areas + geometry (render)", full, full / naive);
    std::printf("peak memory of the model (max RSS before the baseline ran): %.1f MiB\n", usage.ru_maxrss / 1024.0);
    return 0;
}
