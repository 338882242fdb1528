#include <boost/test/unit_test.hpp>
#include <malloc.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "helpers.hpp"
#include "output/checksum.hpp"
#include "pipeline/batch.hpp"

#include <unistd.h>

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

fs::path atlas(const std::string& name) { return fs::path(CLAIMMAP_TEST_DATA) / "atlas" / name; }

nlohmann::json manifest(const fs::path& file) { return nlohmann::json::parse(test::read_file(file)); }

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch)

BOOST_AUTO_TEST_CASE(renders_the_atlas_with_manifest_and_gallery_then_skips_what_is_up_to_date) {
    auto out = test::scratch_dir("batch");
    auto first = test::run_claimmap("batch '" + atlas("small.toml").string() + "' --out-dir '" + out.string() + "'");
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    BOOST_TEST(first.out.find("4 maps rendered, 0 up to date, 0 failed") != std::string::npos, first.out);
    std::set<std::string> expected = {"overview-neutral.png", "overview-neutral.svg", "overview-japan.png", "overview-japan.svg",
                                      "scenario-two-island.png", "scenario-two-island.svg", "timeline.png", "timeline.svg",
                                      "manifest.json", "index.html"};
    BOOST_TEST(files_in(out) == expected);  // and no temporary file left behind
    auto m = manifest(out / "manifest.json");
    BOOST_TEST(m["outputs"].size() == 8u);
    for (const auto& e : m["outputs"]) {
        std::string file = e["file"];
        BOOST_TEST(e["sha256"] == sha256_hex(test::read_file(out / file)), file);
        BOOST_TEST(e["width"] == 400);
        BOOST_TEST(!e["inputs"].empty());
    }
    std::string before = test::read_file(out / "manifest.json");

    auto second = test::run_claimmap("batch '" + atlas("small.toml").string() + "' --out-dir '" + out.string() + "'");
    BOOST_TEST_REQUIRE(second.exit_code == 0, second.err);
    BOOST_TEST(second.out.find("0 maps rendered, 4 up to date") != std::string::npos, second.out);
    BOOST_TEST(test::read_file(out / "manifest.json") == before);

    // A changed output is no longer up to date.
    std::ofstream(out / "timeline.svg") << "tampered";
    auto third = test::run_claimmap("batch '" + atlas("small.toml").string() + "' --out-dir '" + out.string() + "'");
    BOOST_TEST(third.out.find("1 maps rendered, 3 up to date") != std::string::npos, third.out);

    // --force renders everything again, to the same bytes.
    auto forced = test::run_claimmap("batch '" + atlas("small.toml").string() + "' --force --out-dir '" + out.string() + "'");
    BOOST_TEST(forced.out.find("4 maps rendered, 0 up to date") != std::string::npos, forced.out);
    BOOST_TEST(test::read_file(out / "manifest.json") == before, "same inputs must give the same outputs");

    std::string html = test::read_file(out / "index.html");
    for (const std::string name : {"overview-neutral.png", "scenario-two-island.png", "timeline.svg"})
        BOOST_TEST(html.find(name) != std::string::npos, name);
    // The gallery keeps the atlas's order (neutral before japan), not the file names'.
    BOOST_TEST(html.find("overview-neutral.png") < html.find("overview-japan.png"));
    // Links are relative paths ("./name"), never something a browser could read as a scheme.
    BOOST_TEST(html.find("href=\"./overview-neutral.png\"") != std::string::npos);
    BOOST_TEST(html.find("src=\"./overview-neutral.png\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(shards_split_the_atlas_without_overlap) {
    auto out = test::scratch_dir("batch-shards");
    std::set<std::string> seen;
    for (int k = 1; k <= 3; ++k) {
        auto r = test::run_claimmap("batch '" + atlas("small.toml").string() + "' --shard " + std::to_string(k) +
                                    "/3 --out-dir '" + out.string() + "'");
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        auto m = manifest(out / ("manifest.shard-" + std::to_string(k) + "-of-3.json"));
        for (const auto& e : m["outputs"]) BOOST_TEST(seen.insert(e["file"].get<std::string>()).second, "twice: " << e["file"]);
    }
    BOOST_TEST(seen.size() == 8u);
    BOOST_TEST(!fs::exists(out / "index.html"), "a shard writes no gallery");
    auto bad = test::run_claimmap("batch '" + atlas("small.toml").string() + "' --shard 4/3 --out-dir '" + out.string() + "'");
    BOOST_TEST(bad.exit_code != 0);
    BOOST_TEST(bad.err.find("--shard") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_failing_map_does_not_stop_the_others) {
    auto out = test::scratch_dir("batch-fail");
    auto r = test::run_claimmap("batch '" + atlas("one-bad.toml").string() + "' --out-dir '" + out.string() + "'");
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.out.find("2 maps rendered, 0 up to date, 1 failed") != std::string::npos, r.out);
    BOOST_TEST((r.err.find("one-bad.toml: line ") != std::string::npos && r.err.find("map 'bad': ") != std::string::npos), r.err);
    BOOST_TEST(r.err.find("no-such-style.toml") != std::string::npos, r.err);
    BOOST_TEST(fs::exists(out / "good.png"));
    BOOST_TEST(fs::exists(out / "also-good.png"));
    BOOST_TEST(!fs::exists(out / "bad.png"));
}

BOOST_AUTO_TEST_CASE(bad_atlas_names_file_and_line) {
    auto dir = test::scratch_dir("batch-bad-atlas");
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name) << "case = \"" << (fs::path(CLAIMMAP_DATA_DIR) / "geodata/kurils/case.toml").string() << "\"\n"
                                  << text;
        return dir / name;
    };
    struct Case {
        std::string file, text, expect;
    };
    for (const Case& c : {Case{"escape.toml", "[[map]]\nname = \"../outside\"\n", "names must be plain"},
                          Case{"dup.toml", "[[map]]\nname = \"same\"\n[[map]]\nname = \"same\"\n", "twice"},
                          Case{"scenario.toml", "[[map]]\nname = \"s-{scenario}\"\nscenarios = [\"nope\"]\n", "unknown scenario 'nope'"},
                          Case{"key.toml", "[[map]]\nname = \"x\"\ncolour = \"red\"\n", "'map[0].colour' is not a known key"},
                          Case{"size.toml", "[[map]]\nname = \"x\"\nsize = \"0x0\"\n", "size out of range"}}) {
        auto path = write(c.file, c.text);
        auto out = test::scratch_dir("batch-bad-out");
        auto r = test::run_claimmap("batch '" + path.string() + "' --out-dir '" + out.string() + "'");
        BOOST_TEST(r.exit_code != 0, c.file);
        BOOST_TEST(r.err.find(path.string()) != std::string::npos, c.file << ": " << r.err);
        BOOST_TEST(r.err.find(c.expect) != std::string::npos, c.file << ": " << r.err);
        BOOST_TEST(fs::is_empty(out), c.file);
    }
}

// Resident memory of this process, in MiB.
double rss_mib() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1048576.0);
}

// Defined by the sanitizer runtimes only: there glibc's malloc is not the allocator.
extern "C" size_t __sanitizer_get_current_allocated_bytes() __attribute__((weak));

// Heap in use (allocated and not freed), in MiB, from whichever allocator is in use.
double heap_in_use_mib() {
    if (__sanitizer_get_current_allocated_bytes) return __sanitizer_get_current_allocated_bytes() / 1048576.0;
    struct mallinfo2 m = mallinfo2();
    return (m.uordblks + m.hblkhd) / 1048576.0;
}

BOOST_AUTO_TEST_CASE(the_default_atlas_three_times_in_one_process_does_not_grow_memory) {
    auto out = test::scratch_dir("batch-memory");
    BatchOptions options;
    options.out_dir = out;
    options.force = true;
    auto atlas_file = fs::path(CLAIMMAP_DATA_DIR) / "atlas" / "kurils.toml";
    auto run = [&] {
        BatchResult r = run_batch(atlas_file, default_case_file(), fs::path(CLAIMMAP_DATA_DIR), options, [](const std::string&) {});
        BOOST_TEST_REQUIRE(r.failed == 0, (r.errors.empty() ? "" : r.errors.front()));
        return r.rendered;
    };
    std::vector<int> rendered;
    std::vector<double> rss, heap;
    for (int i = 0; i < 3; ++i) {
        rendered.push_back(run());
        rss.push_back(rss_mib());
        heap.push_back(heap_in_use_mib());
        BOOST_TEST_MESSAGE("after run " << i + 1 << ": RSS " << rss.back() << " MiB, heap in use " << heap.back() << " MiB");
    }
    BOOST_TEST(rendered[0] == rendered[1]);
    BOOST_TEST(rendered[1] == rendered[2]);
    BOOST_TEST(rendered[0] >= 20);
    // Caches (fonts, PROJ, projections) fill during the first runs; a leak per map keeps growing,
    // so the third run must add little over the second. The heap in use is the measure: RSS also
    // counts freed memory that the worker threads' malloc arenas (or a sanitizer's quarantine)
    // keep, which varies from run to run.
    BOOST_TEST_REQUIRE(heap[2] > 0, "no allocator statistics");
    BOOST_TEST(heap[2] - heap[1] < 1.0, "heap in use grew by " << heap[2] - heap[1] << " MiB in the third run");
}

BOOST_AUTO_TEST_SUITE_END()
