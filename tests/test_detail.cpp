// Land details of a case ([detail.ID] in case.toml, --detail, an atlas's `detail`): the shipped
// full-detail land of the built-in case, and the errors for a detail that is unknown or missing.
// The zone model's accuracy on the full detail is ctest's claims_full (tests/CMakeLists.txt).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "helpers.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

size_t vertex_count(const LandData& land) {
    size_t n = 0;
    for (const LandFeature& f : land.features) {
        n += f.shape.outer.size();
        for (const Ring& h : f.shape.holes) n += h.size();
    }
    return n;
}

std::map<std::string, double> territory_km2(const LoadedCase& loaded) {
    std::map<std::string, double> out;
    for (const LandFeature& f : loaded.land.features)
        if (!f.territory.empty()) out[f.territory] += geodesic_area_m2(f.shape) / 1e6;
    return out;
}

// A copy of the built-in case folder (without the files `skip` names) whose case.toml gets `extra`
// appended; the world land it names stays the shipped one.
fs::path copy_case(const std::string& name, const std::string& extra = "", const std::string& skip = "") {
    const fs::path shipped = test::shipped_case().parent_path();
    const fs::path dir = test::scratch_dir("detail-" + name) / "geodata";
    fs::create_directories(dir / "kurils");
    for (const auto& e : fs::directory_iterator(shipped))
        if (skip.empty() || e.path().filename().string().rfind(skip, 0) != 0) fs::copy(e.path(), dir / "kurils");
    fs::create_directory_symlink(shipped.parent_path() / "world", dir / "world");
    std::ofstream(dir / "kurils" / "case.toml", std::ios::app) << extra;
    return dir / "kurils" / "case.toml";
}

void expect_one_line_error(const test::RunResult& r, const std::vector<std::string>& fragments) {
    BOOST_TEST(r.exit_code == 1, "exit " << r.exit_code << ": " << r.err);
    BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, "stderr: " << r.err);
    for (const std::string& f : fragments) BOOST_TEST(r.err.find(f) != std::string::npos, "stderr should name " << f << ": " << r.err);
}

void expect_case_error(const fs::path& case_file, const std::string& fragment) {
    try {
        read_case(case_file);
        BOOST_ERROR("accepted a bad [detail] table: expected " << fragment);
    } catch (const Error& e) {
        const std::string msg = e.what();
        BOOST_TEST(msg.rfind(case_file.string(), 0) == 0u, msg);
        BOOST_TEST(msg.find(fragment) != std::string::npos, msg);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(detail)

BOOST_AUTO_TEST_CASE(the_built_in_case_ships_its_full_detail) {
    const CaseConfig config = read_case(test::shipped_case());
    BOOST_TEST_REQUIRE(config.details.size() == 1u);
    BOOST_TEST(config.details[0].id == "full");
    BOOST_TEST(config.detail_ids() == "default, full");
    BOOST_TEST(fs::exists(config.details[0].land), config.details[0].land);
    BOOST_TEST(config.details[0].attribution != config.attribution);

    const LoadedCase fine = load_case(test::shipped_case(), std::nullopt, "full");
    const LoadedCase coarse = load_case(test::shipped_case());
    BOOST_TEST(fine.config.detail == "full");
    BOOST_TEST(fine.config.attribution == config.details[0].attribution);
    BOOST_TEST(fine.land.source.find("land-full.shp") != std::string::npos, fine.land.source);
    // GSHHG full resolution: 372 polygons, 75,733 vertices in the region (geodata/SOURCES.md).
    BOOST_TEST(fine.land.features.size() == 372u);
    BOOST_TEST(vertex_count(fine.land) > 9 * vertex_count(coarse.land), vertex_count(fine.land) << " vs " << vertex_count(coarse.land));
    // The same four units, tagged on the same islands: the coastlines differ, the areas by a few percent
    // (Habomai's islets, a few km across, by 12 %; a unit tagged on the wrong island would be far off).
    const auto fine_km2 = territory_km2(fine), coarse_km2 = territory_km2(coarse);
    BOOST_TEST_REQUIRE(fine_km2.size() == 4u);
    for (const auto& [id, km2] : coarse_km2) {
        const double diff = (fine_km2.at(id) - km2) / km2;
        BOOST_TEST_MESSAGE(id << ": " << fine_km2.at(id) << " km² at full detail, " << km2 << " by default");
        BOOST_TEST(std::abs(diff) < 0.15, id << " differs by " << diff * 100 << " %");
    }
    for (const LandFeature& f : fine.land.features) BOOST_TEST((f.country == "JPN" || f.country == "RUS"), f.country);
}

BOOST_AUTO_TEST_CASE(areas_and_maps_use_the_detail_picked) {
    auto r = test::run_claimmap("areas --detail full");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("land-full.shp") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("habomai            17") != std::string::npos, r.out);
    r = test::run_claimmap("areas --detail default");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("land.shp") != std::string::npos, r.out);

    // A map drawn from the full detail credits its source, not the default land's.
    const fs::path out = test::scratch_dir("detail-render");
    r = test::run_claimmap("render --detail full --size 400x300 --format svg --no-inset --out-dir '" + out.string() + "'");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    const std::string svg = test::read_file(out / "kurils.svg");
    BOOST_TEST(svg.find("GSHHG 2.3.7") != std::string::npos);
    BOOST_TEST(svg.find("OpenStreetMap") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_detail_or_detail_with_land) {
    expect_one_line_error(test::run_claimmap("areas --detail fine"), {"--detail", "'fine'", "default, full"});
    expect_one_line_error(test::run_claimmap("compare --detail FULL"), {"--detail", "'FULL'"});
    expect_one_line_error(test::run_claimmap("areas --detail full --land '" + test::kurils().config.land.string() + "'"),
                          {"--land", "--detail"});
    expect_one_line_error(test::run_claimmap("areas --case takeshima --detail full"), {"--detail", "takeshima"});
}

BOOST_AUTO_TEST_CASE(missing_detail_file_is_named) {
    const fs::path case_file = copy_case("missing", "", "land-full.");
    const fs::path out = test::scratch_dir("detail-missing-out");
    auto r = test::run_claimmap("render --case '" + case_file.string() + "' --detail full --out-dir '" + out.string() + "'");
    expect_one_line_error(r, {"--detail full", (case_file.parent_path() / "land-full.shp").string()});
    BOOST_TEST(fs::is_empty(out));
    // The default detail of the same case still works.
    r = test::run_claimmap("areas --case '" + case_file.string() + "'");
    BOOST_TEST(r.exit_code == 0, r.err);
}

BOOST_AUTO_TEST_CASE(bad_detail_tables_name_file_and_key) {
    expect_case_error(copy_case("default", "\n[detail.default]\nland = \"land.shp\"\n"), "'detail.default'");
    expect_case_error(copy_case("no-land", "\n[detail.coarse]\nattribution = \"x\"\n"), "'detail.coarse.land' is missing");
    expect_case_error(copy_case("typo", "\n[detail.coarse]\nland = \"land.shp\"\nlnd = \"x\"\n"), "detail.coarse.lnd");
    expect_case_error(copy_case("upper", "\n[detail.Coarse]\nland = \"land.shp\"\n"), "'detail.Coarse'");
    expect_case_error(copy_case("not-table", "\n[detail]\ncoarse = \"land.shp\"\n"), "'detail.coarse' must be a table");
}

BOOST_AUTO_TEST_CASE(atlas_detail_key_and_the_option_over_it) {
    const fs::path dir = test::scratch_dir("detail-atlas");
    const fs::path atlas = dir / "atlas.toml";
    std::ofstream(atlas) << "case = '" << test::shipped_case().string() << "'\ndetail = 'fine'\nformats = ['png']\n"
                         << "size = '400x300'\n[[map]]\nname = 'overview'\n";
    const fs::path out = dir / "out";
    expect_one_line_error(test::run_claimmap("batch '" + atlas.string() + "' --out-dir '" + out.string() + "'"),
                          {atlas.string() + ": 'detail'", "'fine'"});
    BOOST_TEST(!fs::exists(out / "overview.png"));
    auto r = test::run_claimmap("batch '" + atlas.string() + "' --detail full --no-gallery --out-dir '" + out.string() + "'");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(fs::exists(out / "overview.png"));
    BOOST_TEST(test::read_file(out / "manifest.json").find("land-full.shp") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
