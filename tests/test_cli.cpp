#include <boost/test/unit_test.hpp>

#include <fstream>

#include "helpers.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

bool is_empty_dir(const fs::path& dir) { return fs::is_empty(dir); }

int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

// The error contract: one line on stderr naming `file`, a non-zero exit, nothing in `out_dir`.
void expect_clean_error(const test::RunResult& r, const std::string& file, const fs::path& out_dir) {
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(count_lines(r.err) == 1, "stderr: " << r.err);
    BOOST_TEST(r.err.find(file) != std::string::npos, "stderr should name " << file << ": " << r.err);
    BOOST_TEST(is_empty_dir(out_dir), "output left behind in " << out_dir);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(render_writes_png_svg_and_pdf) {
    auto out = test::scratch_dir("cli-render");
    auto r = test::run_claimmap("render --size 800x600 --out-dir '" + out.string() + "'");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    for (const std::string ext : {"png", "svg", "pdf"}) {
        fs::path p = out / ("kurils." + ext);
        BOOST_TEST(fs::exists(p), p);
        BOOST_TEST(fs::file_size(p) > 1000u);
    }
    BOOST_TEST(test::read_file(out / "kurils.png").substr(1, 3) == "PNG");
    // No temporary files are left next to the outputs.
    int files = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(out)) ++files;
    BOOST_TEST(files == 3);
}

BOOST_AUTO_TEST_CASE(missing_land_file) {
    auto out = test::scratch_dir("cli-missing");
    auto r = test::run_claimmap("render --land /nonexistent/coast.shp --out-dir '" + out.string() + "'");
    expect_clean_error(r, "/nonexistent/coast.shp", out);
}

BOOST_AUTO_TEST_CASE(unreadable_land_file) {
    auto out = test::scratch_dir("cli-garbage");
    auto bad = test::scratch_dir("cli-garbage-in") / "coast.shp";
    std::ofstream(bad) << "this is not a shapefile";
    auto r = test::run_claimmap("render --land '" + bad.string() + "' --out-dir '" + out.string() + "'");
    expect_clean_error(r, bad.string(), out);
}

BOOST_AUTO_TEST_CASE(missing_case_file) {
    auto out = test::scratch_dir("cli-nocase");
    auto r = test::run_claimmap("render --case /nonexistent/case.toml --out-dir '" + out.string() + "'");
    expect_clean_error(r, "/nonexistent/case.toml", out);
}

BOOST_AUTO_TEST_CASE(style_with_unknown_key_names_file_and_key) {
    auto out = test::scratch_dir("cli-style");
    auto style = test::scratch_dir("cli-style-in") / "typo.toml";
    std::string text = test::read_file(fs::path(CLAIMMAP_DATA_DIR) / "styles/default.toml");
    text.replace(text.find("[sea]\n"), 6, "[sea]\nfil = \"#000000\"\n");
    std::ofstream(style) << text;
    auto r = test::run_claimmap("render --style '" + style.string() + "' --out-dir '" + out.string() + "'");
    expect_clean_error(r, style.string(), out);
    BOOST_TEST(r.err.find("sea.fil") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(absurd_sizes_are_refused) {
    auto out = test::scratch_dir("cli-size");
    for (const std::string size : {"0x0", "-5x100", "100000x100000"}) {
        auto r = test::run_claimmap("render --size " + size + " --out-dir '" + out.string() + "'");
        BOOST_TEST(r.exit_code != 0, size);
        BOOST_TEST(count_lines(r.err) == 1, r.err);
        BOOST_TEST(is_empty_dir(out));
    }
}

BOOST_AUTO_TEST_CASE(missing_output_folder_is_created_and_an_impossible_one_is_one_line) {
    auto out = test::scratch_dir("cli-new-folder") / "maps" / "2019";
    auto ok = test::run_claimmap("render --size 800x600 --format png --out-dir '" + out.string() + "'");
    BOOST_TEST(ok.exit_code == 0, ok.err);
    BOOST_TEST(fs::exists(out / "kurils.png"));
    // /proc refuses new folders even to root.
    auto r = test::run_claimmap("render --out-dir /proc/claimmap-test/maps");
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(count_lines(r.err) == 1);
    BOOST_TEST(r.err.find("/proc/claimmap-test/maps") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("cannot create the output folder") != std::string::npos, r.err);
    // A map that fails is not written, and its folder is not made.
    auto never = test::scratch_dir("cli-no-folder") / "maps";
    auto bad = test::run_claimmap("render --scenario no-such-scenario --out-dir '" + never.string() + "'");
    BOOST_TEST(bad.exit_code != 0);
    BOOST_TEST(!fs::exists(never));
}

BOOST_AUTO_TEST_CASE(help_explains_every_render_option_with_an_example) {
    auto r = test::run_claimmap("render --help");
    BOOST_TEST(r.exit_code == 0);
    for (const std::string opt : {"--size", "--style", "--crs", "--extent", "--out-dir", "--format", "--output", "--land"})
        BOOST_TEST(r.out.find(opt) != std::string::npos, opt);
    BOOST_TEST(r.out.find("Example:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(paper_size_and_dpi) {
    auto out = test::scratch_dir("cli-paper");
    auto r = test::run_claimmap("render --paper a4 --dpi 150 --format png,pdf --out-dir '" + out.string() + "'");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    std::string png = test::read_file(out / "kurils.png");
    auto be32 = [&](size_t at) {
        return (unsigned(uint8_t(png[at])) << 24) | (unsigned(uint8_t(png[at + 1])) << 16) |
               (unsigned(uint8_t(png[at + 2])) << 8) | unsigned(uint8_t(png[at + 3]));
    };
    BOOST_TEST(be32(16) == 1754u);  // 297 mm at 150 dpi
    BOOST_TEST(be32(20) == 1240u);  // 210 mm
    BOOST_TEST(test::read_file(out / "kurils.pdf").find("/MediaBox [ 0 0 841.") != std::string::npos);
    auto bad = test::run_claimmap("render --paper a11 --out-dir '" + out.string() + "'");
    BOOST_TEST(bad.exit_code != 0);
    BOOST_TEST(bad.err.find("--paper") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(areas_prints_every_territory) {
    auto r = test::run_claimmap("areas");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    for (const std::string id : {"etorofu", "kunashiri", "shikotan", "habomai", "total"})
        BOOST_TEST(r.out.find(id) != std::string::npos, id);
}

BOOST_AUTO_TEST_SUITE_END()
