// Bad input, second round (issue 13): the defects found by trying ~150 hostile inputs. Each case
// checks the error contract — a non-zero exit, one line on stderr naming the file and key (or
// the option), nothing left or replaced. What needs a tmpfs, mknod or signals is in
// tests/write_faults.sh.
#include <boost/test/unit_test.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "bad_input_support.hpp"
#include "helpers.hpp"

using namespace claimmap;
using namespace claimmap::test::bad;

namespace {

// An atlas of one or more [[map]] tables on the shipped case.
fs::path atlas_with(const fs::path& dir, const std::string& maps, const std::string& top = "formats = [\"svg\"]\nsize = \"800x600\"\n") {
    auto atlas = dir / "atlas.toml";
    write(atlas, "case = \"" + (data_root / "geodata/kurils/case.toml").string() + "\"\n" + top + maps);
    return atlas;
}

std::string batch(const fs::path& atlas, const fs::path& out) { return "batch " + q(atlas) + " --no-gallery --jobs 1 --out-dir " + q(out); }

// The shipped land as GeoJSON, for editing its attributes.
fs::path land_geojson(const fs::path& dir) {
    GDALAllRegister();
    auto out = dir / "land.geojson";
    GDALDatasetUniquePtr src(GDALDataset::Open((data_root / "geodata/kurils/land.shp").c_str(), GDAL_OF_VECTOR));
    BOOST_REQUIRE(src);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    GDALDatasetUniquePtr copy(driver->CreateCopy(out.c_str(), src.get(), false, nullptr, nullptr, nullptr));
    BOOST_REQUIRE(copy);
    return out;
}

// A scratch environment variable for the child process, removed at the end of the scope.
struct ScopedEnv {
    std::string name;
    ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) { ::setenv(name.c_str(), value.c_str(), 1); }
    ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

// ---- 2, 4: where the files go ------------------------------------------------------------------

// One output of the set cannot be written (a folder has its name): none of the set is published,
// and an older map already there is not replaced.
BOOST_AUTO_TEST_CASE(output_set_with_one_blocked_file) {
    auto d = dirs("blocked-set");
    fs::create_directory(d.out / "kurils.svg");
    write(d.out / "kurils.png", "old map");
    auto r = test::run_claimmap("render --size 800x600 --format png,svg --out-dir " + q(d.out));
    BOOST_TEST(r.exit_code == 1, r.err);
    BOOST_TEST(count_lines(r.err) == 1, r.err);
    BOOST_TEST(r.err.find((d.out / "kurils.svg").string()) != std::string::npos, r.err);
    BOOST_TEST(r.err.find("folder") != std::string::npos, r.err);
    BOOST_TEST(test::read_file(d.out / "kurils.png") == "old map");
    BOOST_TEST(fs::is_regular_file(d.out / "kurils.png"));
    BOOST_TEST(std::distance(fs::directory_iterator(d.out), fs::directory_iterator()) == 2, listing(d.out));
    BOOST_TEST(fs::is_empty(d.out / "kurils.svg"));
}

// -o through a symlink writes its target and keeps the link.
BOOST_AUTO_TEST_CASE(output_through_a_symlink_keeps_the_link) {
    auto d = dirs("symlink-out");
    fs::create_symlink("real.csv", d.out / "link.csv");
    auto r = test::run_claimmap("compare --format csv -o " + q(d.out / "link.csv"));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(fs::is_symlink(d.out / "link.csv"));
    BOOST_TEST(test::read_file(d.out / "real.csv").rfind("scenario,party", 0) == 0u);
}

// ---- 3: names that become files and links ------------------------------------------------------

BOOST_AUTO_TEST_CASE(atlas_map_name_with_a_url_scheme) {
    auto d = dirs("atlas-scheme");
    auto a = atlas_with(d.in, "[[map]]\nname = \"javascript:alert(1)\"\n");
    auto r = test::run_claimmap(batch(a, d.out));
    expect_clean_error(r, d.out, {a.string(), "line 4", "javascript:alert(1)", "':'"});
}

BOOST_AUTO_TEST_CASE(render_name_with_a_url_scheme) {
    auto d = dirs("name-scheme");
    auto r = test::run_claimmap(render(d.out, "--name 'javascript:alert(1)'"));
    expect_clean_error(r, d.out, {"--name", "javascript:alert(1)"});
}

// ---- 5, 13, 14: text that is not clean -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(case_title_with_a_control_character) {
    auto d = dirs("title-control");
    auto c = copy_case(d.in);
    std::string text = test::read_file(c);
    size_t at = text.find("title = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.insert(at + 9, "\\u0001");
    write(c, text);
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "title'", "U+0001", line_of(c, "\\u0001")});
}

BOOST_AUTO_TEST_CASE(scenario_title_with_a_control_character) {
    auto d = dirs("scenario-control");
    auto c = copy_case(d.in);
    auto s = c.parent_path() / "scenarios.toml";
    std::string text = test::read_file(s);
    size_t at = text.find("title = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.insert(at + 9, "\\u001f");
    write(s, text);
    // In batch too: an atlas on the copied case.
    auto a = d.in / "atlas.toml";
    write(a, "case = \"" + c.string() + "\"\nformats = [\"svg\"]\n[[map]]\nname = \"x\"\n");
    auto r = test::run_claimmap(batch(a, d.out));
    expect_clean_error(r, d.out, {s.string(), "title'", "U+001F"});
}

BOOST_AUTO_TEST_CASE(title_option_with_invalid_utf8) {
    auto d = dirs("title-utf8");
    auto r = test::run_claimmap(render(d.out, "--title \"$(printf 'Kurils \\377\\376')\""));
    expect_clean_error(r, d.out, {"--title", "UTF-8"});
}

BOOST_AUTO_TEST_CASE(title_option_with_a_bidi_override) {
    auto d = dirs("title-bidi");
    auto r = test::run_claimmap(render(d.out, "--title \"$(printf 'Kurils \\342\\200\\256')\""));
    expect_clean_error(r, d.out, {"--title", "U+202E"});
}

BOOST_AUTO_TEST_CASE(scenario_id_with_a_nul) {
    auto d = dirs("id-nul");
    auto c = copy_case(d.in);
    auto s = c.parent_path() / "scenarios.toml";
    edit(s, "id = \"two-island\"", "id = \"two\\u0000island\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {s.string(), "'scenario[", "NUL", line_of(s, "two\\u0000island")});
}

BOOST_AUTO_TEST_CASE(scenario_id_with_a_newline) {
    auto d = dirs("id-newline");
    auto c = copy_case(d.in);
    auto s = c.parent_path() / "scenarios.toml";
    edit(s, "id = \"two-island\"", "id = \"two\\nisland\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {s.string(), "line break", line_of(s, "two\\nisland")});
}

BOOST_AUTO_TEST_CASE(gazetteer_name_with_a_bidi_override) {
    auto d = dirs("name-bidi");
    auto c = copy_case(d.in);
    auto g = c.parent_path() / "gazetteer.toml";
    std::string text = test::read_file(g);
    size_t at = text.find("\"en@RUS\" = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.insert(at + 12, "\\u202e");
    write(g, text);
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {g.string(), "U+202E", line_of(g, "\\u202e")});
}

BOOST_AUTO_TEST_CASE(style_median_dash_nan) {
    auto d = dirs("dash-nan");
    auto s = copy_style(d.in);
    edit(s, "median_dash = [7, 4]", "median_dash = [nan, 4]");
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), "lines.median_dash", line_of(s, "nan")});
}

BOOST_AUTO_TEST_CASE(style_tiny_hatch_spacing) {
    auto d = dirs("hatch-tiny");
    auto s = copy_style(d.in);
    std::string text = test::read_file(s);
    size_t at = text.find("spacing = ", text.find("[hatch]"));
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "spacing = 1e-4");
    write(s, text);
    auto r = test::run_claimmap(render(d.out, "--style " + q(s) + " --compare two-island,four-island"));
    expect_clean_error(r, d.out, {s.string(), "hatch.spacing", line_of(s, "1e-4")});
}

BOOST_AUTO_TEST_CASE(official_area_larger_than_the_earth) {
    auto d = dirs("official-area");
    auto c = copy_case(d.in);
    std::string text = test::read_file(c);
    size_t table = text.find("[official_area]");
    BOOST_REQUIRE(table != std::string::npos);
    size_t at = text.find("etorofu = ", table);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "etorofu = 1e308");
    write(c, text);
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "official_area.etorofu", line_of(c, "1e308")});
}

BOOST_AUTO_TEST_CASE(crs_geocentric) {
    auto d = dirs("crs-geocentric");
    expect_clean_error(test::run_claimmap(render(d.out, "--crs EPSG:4978")), d.out, {"--crs", "EPSG:4978", "geocentric"});
}

BOOST_AUTO_TEST_CASE(crs_pipeline) {
    auto d = dirs("crs-pipeline");
    auto r = test::run_claimmap(render(d.out, "--crs '+proj=pipeline +step +proj=axisswap +order=2,1'"));
    expect_clean_error(r, d.out, {"--crs", "pipeline"});
}

BOOST_AUTO_TEST_CASE(atlas_empty_formats) {
    auto d = dirs("atlas-noformats");
    auto a = atlas_with(d.in, "[[map]]\nname = \"x\"\nformats = []\n");
    expect_clean_error(test::run_claimmap(batch(a, d.out)), d.out, {a.string(), "map[0].formats", "empty", "line 6"});
}

BOOST_AUTO_TEST_CASE(atlas_empty_povs) {
    auto d = dirs("atlas-nopovs");
    auto a = atlas_with(d.in, "[[map]]\nname = \"x\"\npovs = []\n");
    expect_clean_error(test::run_claimmap(batch(a, d.out)), d.out, {a.string(), "map[0].povs", "empty", "line 6"});
}

// ---- 6, 11, 13, 15: land data ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(land_without_country_field) {
    auto d = dirs("land-nocountry");
    auto file = d.in / "land.geojson";
    write(file, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"territory":"etorofu"},)"
                R"("geometry":{"type":"Polygon","coordinates":)" + triangle + "}}]}");
    expect_clean_error(test::run_claimmap(render(d.out, "--land " + q(file))), d.out, {file.string(), "'country' field"});
}

BOOST_AUTO_TEST_CASE(land_with_null_country) {
    auto d = dirs("land-nullcountry");
    auto file = land_geojson(d.in);
    edit(file, "\"country\": \"JPN\"", "\"country\": null");
    auto r = test::run_claimmap("compare --land " + q(file));
    expect_clean_error(r, d.out, {file.string(), "feature ", "'country' value"});
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(land_with_unknown_country) {
    auto d = dirs("land-unknowncountry");
    auto file = land_geojson(d.in);
    edit(file, "\"country\": \"JPN\"", "\"country\": \"Japan\"");
    auto r = test::run_claimmap("compare --land " + q(file));
    expect_clean_error(r, d.out, {file.string(), "'Japan'", "not a party", "JPN, RUS"});
}

BOOST_AUTO_TEST_CASE(land_world_sized_polygon) {
    auto d = dirs("land-world");
    auto file = land_geojson(d.in);
    std::string text = test::read_file(file);
    size_t end = text.rfind("]");
    BOOST_REQUIRE(end != std::string::npos);
    text.insert(end, R"(,{"type":"Feature","properties":{"country":"RUS"},"geometry":{"type":"Polygon","coordinates":)"
                     R"([[[-180,-85],[180,-85],[180,85],[-180,85],[-180,-85]]]}})");
    write(file, text);
    auto r = test::run_claimmap("compare --land " + q(file));
    expect_clean_error(r, d.out, {file.string(), "beyond the case's region"});
}

BOOST_AUTO_TEST_CASE(land_is_a_fifo) {
    auto d = dirs("land-fifo");
    auto fifo = d.in / "land.geojson";
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto r = test::run_claimmap(render(d.out, "--land " + q(fifo)));
    expect_clean_error(r, d.out, {fifo.string(), "not a regular file"});
}

// GDAL's own cause is in the message, not only "not recognized as a supported file format".
BOOST_AUTO_TEST_CASE(land_geojson_too_large_for_gdal) {
    auto d = dirs("land-toolarge");
    auto file = land_geojson(d.in);
    ScopedEnv limit("OGR_GEOJSON_MAX_OBJ_SIZE", "0.01");  // MB
    auto r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "OGR_GEOJSON_MAX_OBJ_SIZE"});
}

// A GeoPackage with a layer of points first and the land second: the polygon layer is read.
BOOST_AUTO_TEST_CASE(land_geopackage_with_land_in_the_second_layer) {
    auto d = dirs("land-gpkg-layers");
    GDALAllRegister();
    auto file = d.in / "land.gpkg";
    {
        GDALDatasetUniquePtr src(GDALDataset::Open((data_root / "geodata/kurils/land.shp").c_str(), GDAL_OF_VECTOR));
        BOOST_REQUIRE(src);
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        BOOST_REQUIRE(ds);
        BOOST_REQUIRE(ds->CreateLayer("ports", nullptr, wkbPoint, nullptr));
        BOOST_REQUIRE(ds->CopyLayer(src->GetLayer(0), "coast"));
    }
    auto r = test::run_claimmap("areas --land " + q(file));
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("layer 'coast'") != std::string::npos, r.out);
    // Two polygon layers, neither named 'land': which one is meant is not guessed.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        BOOST_REQUIRE(ds);
        BOOST_REQUIRE(ds->CopyLayer(ds->GetLayerByName("coast"), "coast2"));
    }
    r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "coast (", "coast2 (", "ports ("});
}

// ---- 7: events extract ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(extract_over_the_size_limit) {
    auto d = dirs("extract-limit");
    auto file = d.in / "article.txt";
    write(file, std::string(4 * 1024 * 1024 + 1, 'a'));
    auto r = test::run_claimmap("events extract " + q(file));
    expect_clean_error(r, d.out, {file.string(), "limited to 4 MB"});
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(extract_from_a_device) {
    auto d = dirs("extract-device");
    auto r = test::run_claimmap("events extract /dev/zero");
    expect_clean_error(r, d.out, {"/dev/zero", "not a regular file"});
}

// ---- 10, 12: extents and scenarios -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(extent_too_small) {
    auto d = dirs("extent-tiny");
    auto r = test::run_claimmap(render(d.out, "--extent 145.0,43.0,145.0000001,43.0000001"));
    expect_clean_error(r, d.out, {"--extent", "at least 0.01"});
}

BOOST_AUTO_TEST_CASE(render_compare_one_scenario_twice) {
    auto d = dirs("compare-twice");
    auto r = test::run_claimmap(render(d.out, "--compare two-island,two-island"));
    expect_clean_error(r, d.out, {"--compare", "'two-island' twice"});
}

BOOST_AUTO_TEST_CASE(compare_scenarios_listed_twice) {
    auto d = dirs("scenarios-twice");
    auto r = test::run_claimmap("compare --scenarios two-island,two-island");
    expect_clean_error(r, d.out, {"--scenarios", "'two-island' twice"});
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(atlas_compare_one_scenario_twice) {
    auto d = dirs("atlas-compare-twice");
    auto a = atlas_with(d.in, "[[map]]\nname = \"x\"\ncompare = [\"two-island\", \"two-island\"]\n");
    expect_clean_error(test::run_claimmap(batch(a, d.out)), d.out, {a.string(), "map[0].compare", "twice", "line 6"});
}

// A map that fails while the others are drawn: its error names the atlas line it comes from.
BOOST_AUTO_TEST_CASE(atlas_failing_map_names_its_line) {
    auto d = dirs("atlas-line");
    auto a = atlas_with(d.in, "[[map]]\nname = \"fine\"\n\n[[map]]\nname = \"broken\"\nstyle = \"no-such-style\"\n");
    auto r = test::run_claimmap(batch(a, d.out));
    BOOST_TEST(r.exit_code == 1, r.err);
    BOOST_TEST(r.err.find(a.string() + ": line 7: map 'broken': ") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("internal error") == std::string::npos, r.err);
    BOOST_TEST(fs::exists(d.out / "fine.svg"));
    BOOST_TEST(!fs::exists(d.out / "broken.svg"));
}


// ---- 15: thousands of events at one venue ------------------------------------------------------

// The venue's disc stops growing at 36 events: with 1500 it must not cover the map. Every
// 24-point disc in the venue layer stays under 60 px across on an 800 px map (uncapped it was
// about 90 px across at this size).
BOOST_AUTO_TEST_CASE(thousands_of_events_keep_the_venue_disc_small) {
    auto d = dirs("many-events");
    auto c = copy_case(d.in);
    auto e = c.parent_path() / "events.toml";
    std::string text = test::read_file(e);
    size_t first = text.find("[[event]]"), second = text.find("[[event]]", first + 1);
    BOOST_REQUIRE(second != std::string::npos);
    const std::string one = text.substr(first, second - first);
    const std::string id = "id = \"joint-declaration-1956\"";
    BOOST_REQUIRE(one.find(id) != std::string::npos);
    for (int i = 0; i < 1500; ++i) {
        text += '\n';
        text += replaced(one, id, "id = \"copy-" + std::to_string(i) + "\"");
    }
    write(e, text);
    auto r = test::run_claimmap("render --timeline --size 800x600 --format svg --case " + q(c) + " --out-dir " + q(d.out));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    std::string svg = test::read_file(d.out / "kurils.svg");
    size_t layer = svg.find("<g id=\"layer-event-venues\"");
    BOOST_REQUIRE(layer != std::string::npos);
    size_t end = svg.find("</g>", layer);
    int discs = 0;
    for (size_t at = svg.find("<path d=\"M", layer); at < end; at = svg.find("<path d=\"M", at + 1)) {
        std::string dpath = svg.substr(at + 9, svg.find('"', at + 9) - at - 9);
        if (std::count(dpath.begin(), dpath.end(), 'L') != 23) continue;
        double min_x = 1e9, max_x = -1e9;
        std::istringstream in(dpath);
        char cmd;
        double x, y;
        while (in >> cmd >> x >> y) min_x = std::min(min_x, x), max_x = std::max(max_x, x);
        ++discs;
        BOOST_TEST(max_x - min_x < 60.0, "a venue disc " << max_x - min_x << " px across");
    }
    BOOST_TEST(discs > 0);
}


// Found beyond the issue's list: a tiny graticule step drew lines for minutes.
BOOST_AUTO_TEST_CASE(style_tiny_graticule_step) {
    auto d = dirs("graticule-tiny");
    auto s = copy_style(d.in);
    std::string text = test::read_file(s);
    size_t at = text.find("step_deg = ");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "step_deg = 1e-4");
    write(s, text);
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), "graticule.step_deg", line_of(s, "1e-4")});
}

BOOST_AUTO_TEST_SUITE_END()
