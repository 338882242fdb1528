// The default atlas rendered in one process: maps per second and the cost of one map against the
// floor of writing it at all, PNG-encoding a blank image of the same size (measured in the same
// process). Reports peak memory.
//
// Usage: build/bench/bench_batch [ATLAS] [--jobs N] [--repeat N]   (the median of N runs, default 3)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/batch.hpp"
#include "output/png_encoder.hpp"
#include "render/cairo_handles.hpp"

using namespace claimmap;
using Clock = std::chrono::steady_clock;

namespace {

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// Seconds to PNG-encode one blank (sea-coloured) image of this size, with claimmap's encoder and
// with Cairo's own (every PNG filter tried per row, zlib level 6), as most Cairo-based tools do.
struct Floor {
    double claimmap = 0, cairo = 0;
};

Floor png_floor(int width, int height, int repeat) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 0.86, 0.92, 0.96);
    cairo_paint(cr.get());
    auto time = [&](auto encode) {
        auto start = Clock::now();
        for (int i = 0; i < repeat; ++i) encode();
        return std::chrono::duration<double>(Clock::now() - start).count() / repeat;
    };
    Floor f;
    f.claimmap = time([&] { return encode_png_image(surface.get()).size(); });
    f.cairo = time([&] { return cairo_surface_write_to_png_stream(surface.get(), discard, nullptr); });
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path atlas = data_dir() / "atlas" / "kurils.toml";
    int jobs = 0, repeat = 3;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--jobs") && i + 1 < argc) jobs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else atlas = argv[i];
    }
    auto out = std::filesystem::temp_directory_path() / "claimmap-bench-batch";
    std::filesystem::remove_all(out);
    std::filesystem::create_directories(out);
    BatchOptions options;
    options.out_dir = out;
    options.jobs = jobs;
    options.force = true;
    options.gallery = false;
    std::vector<BatchResult> runs;
    for (int i = 0; i < repeat; ++i)
        runs.push_back(run_batch(atlas, default_case_file(), data_dir(), options, [](const std::string&) {}));
    std::sort(runs.begin(), runs.end(), [](const BatchResult& a, const BatchResult& b) { return a.seconds < b.seconds; });
    const BatchResult& r = runs[runs.size() / 2];
    int maps = r.rendered;
    Floor floor = png_floor(1600, 1200, 5);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("atlas: %s, %d maps rendered (%d failed), %d worker threads\n", atlas.c_str(), maps, r.failed,
                jobs > 0 ? jobs : static_cast<int>(std::thread::hardware_concurrency()));
    std::printf("whole run (load, claims, render, write), median of %d: %.2f s = %.2f maps/s (runs %.2f..%.2f s)\n", repeat,
                r.seconds, maps / r.seconds, runs.front().seconds, runs.back().seconds);
    const double per_map = r.seconds / maps;
    std::printf("per map: %.3f s\n", per_map);
    std::printf("PNG-encoding floor (blank 1600x1200), claimmap's encoder: %.3f s; per map / floor = %.1fx\n", floor.claimmap,
                per_map / floor.claimmap);
    std::printf("PNG-encoding floor (blank 1600x1200), Cairo's encoder:    %.3f s; per map / floor = %.1fx\n", floor.cairo,
                per_map / floor.cairo);
    std::printf("peak memory (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);
    std::filesystem::remove_all(out);
    return r.failed ? 1 : 0;
}
