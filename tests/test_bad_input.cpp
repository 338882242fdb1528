// Bad input, end to end: every case runs the real binary and checks the error contract of the
// README — a non-zero exit, exactly one line on stderr naming the offending file (and the key or
// line where there is one), and nothing (not even a temporary file) left in the output folder.
// The one exception is a self-intersecting polygon, which is repaired and reported as a warning.
#include <boost/test/unit_test.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <random>

#include "bad_input_support.hpp"
#include "helpers.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

using namespace claimmap::test::bad;

BOOST_AUTO_TEST_SUITE(bad_input)

// ---- land data --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(land_missing_shapefile) {
    auto d = dirs("land-missing");
    auto shp = d.in / "nowhere.shp";
    expect_clean_error(test::run_claimmap(render(d.out, "--land " + q(shp))), d.out, {shp.string()});
}

BOOST_AUTO_TEST_CASE(land_empty_shapefile) {
    auto d = dirs("land-empty");
    auto shp = d.in / "empty.shp";
    write(shp, "");
    expect_clean_error(test::run_claimmap(render(d.out, "--land " + q(shp))), d.out, {shp.string(), "empty"});
}

BOOST_AUTO_TEST_CASE(land_truncated_shapefile) {
    auto d = dirs("land-truncated");
    auto shp = copy_land(d.in);
    fs::resize_file(shp, 100);  // the header only; .shx and .dbf still promise every feature
    expect_clean_error(test::run_claimmap(render(d.out, "--land " + q(shp))), d.out, {shp.string()});
}

BOOST_AUTO_TEST_CASE(land_corrupt_shapefile) {
    auto d = dirs("land-corrupt");
    auto shp = copy_land(d.in);
    std::mt19937 rng(7);
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = char(rng());
    write(shp, bytes);
    expect_clean_error(test::run_claimmap(render(d.out, "--land " + q(shp))), d.out, {shp.string()});
}

BOOST_AUTO_TEST_CASE(land_shapefile_without_dbf) {
    auto d = dirs("land-nodbf");
    auto shp = copy_land(d.in);
    fs::remove(d.in / "land.dbf");
    fs::remove(d.in / "land.cpg");
    expect_clean_error(test::run_claimmap(render(d.out, "--land " + q(shp))), d.out, {shp.string(), "land.dbf"});
}

BOOST_AUTO_TEST_CASE(land_points_instead_of_polygons) {
    auto d = dirs("land-points");
    auto file = d.in / "points.geojson";
    write(file, geojson("Point", "[145.5,43.5]"));
    auto r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "feature 0", "Point"});
}

BOOST_AUTO_TEST_CASE(land_lines_instead_of_polygons) {
    auto d = dirs("land-lines");
    auto file = d.in / "lines.geojson";
    write(file, geojson("LineString", "[[145,43],[146,44]]"));
    auto r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "feature 0", "Line String"});
}

// Not an error: a bow-tie ring is repaired with GEOS make-valid, reported in one warning line
// naming the file and the feature, and the map is drawn.
BOOST_AUTO_TEST_CASE(land_self_intersecting_polygon_is_repaired) {
    auto d = dirs("land-bowtie");
    auto shp = copy_land(d.in);
    GIntBig fid = -1;
    {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(shp.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        BOOST_REQUIRE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("name", "bowtie");
        f->SetField("country", "RUS");
        // In the sea east of Shikotan: (147,43) -> (147.4,43.4) -> (147.4,43) -> (147,43.4) -> back.
        OGRLinearRing ring;
        for (auto [x, y] : {std::pair{147.0, 43.0}, {147.4, 43.4}, {147.4, 43.0}, {147.0, 43.4}, {147.0, 43.0}})
            ring.addPoint(x, y);
        OGRPolygon poly;
        poly.addRing(&ring);
        f->SetGeometry(&poly);
        BOOST_REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
        fid = f->GetFID();
    }
    auto r = test::run_claimmap(render(d.out, "--land " + q(shp)));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(count_lines(r.err) == 1, r.err);
    BOOST_TEST(r.err.find("warning") != std::string::npos, r.err);
    BOOST_TEST(r.err.find(shp.string()) != std::string::npos, r.err);
    BOOST_TEST(r.err.find("feature " + std::to_string(fid)) != std::string::npos, r.err);
    BOOST_TEST(r.err.find("make-valid") != std::string::npos, r.err);
    BOOST_TEST(fs::file_size(d.out / "kurils.png") > 1000u);
    BOOST_TEST(listing(d.out) == " kurils.png");
}

BOOST_AUTO_TEST_CASE(land_shapefile_with_garbage_prj) {
    auto d = dirs("land-prj");
    auto shp = copy_land(d.in);
    write(d.in / "land.prj", "this is not a coordinate reference system");
    auto r = test::run_claimmap(render(d.out, "--land " + q(shp)));
    expect_clean_error(r, d.out, {shp.string(), "CRS"});
}

BOOST_AUTO_TEST_CASE(land_geojson_with_unknown_crs) {
    auto d = dirs("land-crs");
    auto file = d.in / "land.geojson";
    write(file, geojson("Polygon", triangle,
                        R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},)"));
    auto r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "crs not found"});
}

BOOST_AUTO_TEST_CASE(land_coordinates_out_of_range) {
    auto d = dirs("land-range");
    auto file = d.in / "land.geojson";
    write(file, geojson("Polygon", "[[[145,43],[546,43],[146,44],[145,43]]]"));
    auto r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "feature 0", "out of range"});
}

BOOST_AUTO_TEST_CASE(land_empty_layer) {
    auto d = dirs("land-nolayer");
    auto file = d.in / "land.geojson";
    write(file, R"({"type":"FeatureCollection","features":[]})");
    auto r = test::run_claimmap(render(d.out, "--land " + q(file)));
    expect_clean_error(r, d.out, {file.string(), "no polygon features"});
}

// ---- case, scenarios, events ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(case_syntax_error) {
    auto d = dirs("case-syntax");
    auto c = copy_case(d.in);
    edit(c, "id = \"kurils\"", "id = \"kurils");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "line 2"});
}

BOOST_AUTO_TEST_CASE(case_unknown_key) {
    auto d = dirs("case-unknown");
    auto c = copy_case(d.in);
    edit(c, "sea = true", "sea = true\nclaimnat = \"RUS\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "'claimnat'", line_of(c, "claimnat")});
}

BOOST_AUTO_TEST_CASE(case_missing_key) {
    auto d = dirs("case-missing");
    auto c = copy_case(d.in);
    edit(c, "crs = ", "# crs = ");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "'crs' is missing"});
}

// World maps are centred on world_centre_lon; land across the opposite meridian would be drawn
// across the whole map, so it is refused, naming where.
BOOST_AUTO_TEST_CASE(world_land_across_the_seam_of_world_maps) {
    auto d = dirs("world-seam");
    auto c = copy_case(d.in);
    auto world = d.in / "world" / "seam.geojson";
    write(world, geojson("Polygon", "[[[-31,60],[-29,60],[-29,62],[-31,62],[-31,60]]]"));
    edit(c, "world = \"../world/countries.shp\"", "world = \"../world/seam.geojson\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {world.string(), "crossing longitude -30", "world_centre_lon"});
    // Centred elsewhere, the same land is fine: its seam is then at 170°E.
    edit(c, "world_centre_lon = 150", "world_centre_lon = -10");
    auto ok = test::run_claimmap("render --size 800x600 --format svg --timeline --out-dir " + q(d.out) + " --case " + q(c));
    BOOST_TEST(ok.exit_code == 0, ok.err);
    BOOST_TEST(test::read_file(d.out / "kurils.svg").find("Robinson, centred on 10°W") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(view_boundary_names_an_unknown_scenario) {
    auto d = dirs("view-boundary");
    auto c = copy_case(d.in);
    edit(c, "scenario = \"four-island\"", "scenario = \"for-island\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "'for-island'", "four-island"});
}

BOOST_AUTO_TEST_CASE(view_boundary_names_an_unknown_party) {
    auto d = dirs("view-boundary-party");
    auto c = copy_case(d.in);
    edit(c, "scenario = \"four-island\"", "scenario = \"four-island\"\nparty = \"JAP\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "party", "names no listed party"});
}

BOOST_AUTO_TEST_CASE(world_centre_out_of_range) {
    auto d = dirs("world-centre");
    auto c = copy_case(d.in);
    edit(c, "world_centre_lon = 150", "world_centre_lon = 200");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {c.string(), "world_centre_lon", line_of(c, "world_centre_lon")});
}

BOOST_AUTO_TEST_CASE(unknown_scenario) {
    auto d = dirs("scenario-nope");
    auto r = test::run_claimmap(render(d.out, "--scenario nope"));
    expect_clean_error(r, d.out, {"scenarios.toml", "'nope'"});
}

BOOST_AUTO_TEST_CASE(scenarios_unknown_territory) {
    auto d = dirs("scenarios-territory");
    auto c = copy_case(d.in);
    auto s = c.parent_path() / "scenarios.toml";
    edit(s, "\"habomai\"", "\"habomia\"");
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {s.string(), "habomia", line_of(s, "habomia")});
}

BOOST_AUTO_TEST_CASE(scenarios_overlapping_assignment) {
    auto d = dirs("scenarios-overlap");
    auto c = copy_case(d.in);
    auto s = c.parent_path() / "scenarios.toml";
    // The first scenario gives every territory to one party; give one of them to the other too.
    std::string text = test::read_file(s);
    size_t holds = text.find("[scenario.holds]");
    BOOST_REQUIRE(holds != std::string::npos);
    size_t eol = text.find('\n', holds);
    std::string next = text.substr(eol + 1, text.find('\n', eol + 1) - eol - 1);  // e.g. RUS = [...]
    std::string other = next.rfind("JPN", 0) == 0 ? "RUS" : "JPN";
    text.insert(eol + 1, other + " = [\"etorofu\"]\n");
    write(s, text);
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {s.string(), "etorofu", "again"});
}

BOOST_AUTO_TEST_CASE(events_bad_date) {
    auto d = dirs("events-date");
    auto c = copy_case(d.in);
    auto e = c.parent_path() / "events.toml";
    std::string text = test::read_file(e);
    size_t at = text.find("date = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "date = \"2019-02-30\"");
    write(e, text);
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {e.string(), "2019-02-30", line_of(e, "2019-02-30")});
}

BOOST_AUTO_TEST_CASE(events_unknown_venue) {
    auto d = dirs("events-venue");
    auto c = copy_case(d.in);
    auto e = c.parent_path() / "events.toml";
    std::string text = test::read_file(e);
    size_t at = text.find("place = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "place = \"atlantis\"");
    write(e, text);
    auto r = test::run_claimmap(render(d.out, "--case " + q(c)));
    expect_clean_error(r, d.out, {e.string(), "atlantis", line_of(e, "atlantis")});
}

BOOST_AUTO_TEST_CASE(events_list_with_malformed_venues) {
    auto d = dirs("venues-bad");
    auto v = d.in / "venues.toml";
    write(v, "[[venue]]\nid = \"tokyo\"\nnames = { en = \"Tokyo\", ja = \"東京\" }\n\n\nlonlat = [139.7, 95.0]\n");
    auto r = test::run_claimmap("events list --venues " + q(v));
    expect_clean_error(r, d.out, {v.string(), "lonlat", "line 6"});
}

// ---- style ------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(style_syntax_error) {
    auto d = dirs("style-syntax");
    auto s = copy_style(d.in);
    edit(s, "[sea]", "[sea");
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), line_of(s, "[sea")});
}

BOOST_AUTO_TEST_CASE(style_unknown_key) {
    auto d = dirs("style-unknown");
    auto s = copy_style(d.in);
    edit(s, "[hatch]\n", "[hatch]\nspacnig = 4\n");
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), "hatch.spacnig", line_of(s, "spacnig")});
}

BOOST_AUTO_TEST_CASE(style_bad_colour) {
    auto d = dirs("style-colour");
    auto s = copy_style(d.in);
    std::string text = test::read_file(s);
    size_t sea = text.find("[sea]");
    size_t fill = text.find("fill = \"", sea);
    BOOST_REQUIRE(sea != std::string::npos && fill != std::string::npos);
    text.replace(fill, text.find('\n', fill) - fill, "fill = \"#12345\"");
    write(s, text);
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), "sea.fill", "#12345", line_of(s, "#12345")});
}

BOOST_AUTO_TEST_CASE(style_missing_sea) {
    auto d = dirs("style-nosea");
    auto s = copy_style(d.in);
    std::string text = test::read_file(s);
    size_t sea = text.find("[sea]\n");
    size_t next = text.find("\n[", sea);
    BOOST_REQUIRE(sea != std::string::npos && next != std::string::npos);
    write(s, text.erase(sea, next + 1 - sea));
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), "'sea' is missing"});
}

BOOST_AUTO_TEST_CASE(style_font_not_installed) {
    auto d = dirs("style-font");
    auto s = copy_style(d.in);
    std::string text = test::read_file(s);
    size_t at = text.find("font = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "font = \"Comic Claimmap Nonexistent\"");
    write(s, text);
    auto r = test::run_claimmap(render(d.out, "--style " + q(s)));
    expect_clean_error(r, d.out, {s.string(), "Comic Claimmap Nonexistent", line_of(s, "Comic Claimmap")});
}

// ---- sizes and outputs ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(size_zero) {
    auto d = dirs("size-zero");
    expect_clean_error(test::run_claimmap("render --size 0x0 --out-dir " + q(d.out)), d.out, {"size"});
}

BOOST_AUTO_TEST_CASE(size_negative) {
    auto d = dirs("size-negative");
    expect_clean_error(test::run_claimmap("render --size -5x100 --out-dir " + q(d.out)), d.out, {"size"});
}

BOOST_AUTO_TEST_CASE(size_huge) {
    auto d = dirs("size-huge");
    expect_clean_error(test::run_claimmap("render --size 100000x100000 --out-dir " + q(d.out)), d.out, {"size"});
}

// Tests run as root, where a mode-0555 folder does not stop writes: a regular file given as the
// output folder stands in for an unwritable one.
BOOST_AUTO_TEST_CASE(output_folder_is_a_file) {
    auto d = dirs("out-file");
    auto file = d.in / "not-a-folder";
    write(file, "x");
    auto r = test::run_claimmap(render(file, ""));
    expect_clean_error(r, d.out, {file.string()});
    BOOST_TEST(listing(d.in) == " not-a-folder");
}

// /proc refuses new files even to root.
BOOST_AUTO_TEST_CASE(output_into_unwritable_folder) {
    auto d = dirs("out-proc");
    auto r = test::run_claimmap("render --size 800x600 -o /proc/claimmap-test.png");
    expect_clean_error(r, d.out, {"/proc/claimmap-test.png", "cannot write"});
    BOOST_TEST(!fs::exists("/proc/claimmap-test.png"));
}

BOOST_AUTO_TEST_CASE(name_escaping_upwards) {
    auto d = dirs("name-up");
    auto r = test::run_claimmap(render(d.out, "--name ../escaped"));
    expect_clean_error(r, d.out, {"--name", "../escaped"});
    BOOST_TEST(!fs::exists(d.out.parent_path() / "escaped.png"));
}

BOOST_AUTO_TEST_CASE(name_with_folder) {
    auto d = dirs("name-folder");
    fs::create_directory(d.out / "a");
    auto r = test::run_claimmap(render(d.out, "--name a/b"));
    BOOST_TEST(fs::is_empty(d.out / "a"));
    fs::remove(d.out / "a");
    expect_clean_error(r, d.out, {"--name", "a/b"});
}

BOOST_AUTO_TEST_CASE(output_into_missing_folder) {
    auto d = dirs("out-missing");
    auto target = d.out / "missing" / "map.png";
    auto r = test::run_claimmap("render --size 800x600 -o " + q(target));
    expect_clean_error(r, d.out, {target.string(), "does not exist"});
}

// ---- events extract ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(extract_binary_garbage) {
    auto d = dirs("extract-garbage");
    auto file = d.in / "article.txt";
    std::mt19937 rng(11);
    std::string bytes(2000, '\0');
    for (char& c : bytes) c = char(rng());
    write(file, bytes);
    auto r = test::run_claimmap("events extract " + q(file));
    expect_clean_error(r, d.out, {file.string()});
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(extract_empty_file) {
    auto d = dirs("extract-empty");
    auto file = d.in / "article.txt";
    write(file, "");
    auto r = test::run_claimmap("events extract " + q(file));
    expect_clean_error(r, d.out, {file.string()});
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(extract_missing_file) {
    auto d = dirs("extract-missing");
    auto file = d.in / "nowhere.txt";
    auto r = test::run_claimmap("events extract " + q(file));
    expect_clean_error(r, d.out, {file.string()});
    BOOST_TEST(r.out.empty());
}

// A 1 MB article completes (no timing assertion; the ctest timeout is the limit); longer ones are
// refused (extract_over_the_size_limit).
BOOST_AUTO_TEST_CASE(extract_one_megabyte_article) {
    auto d = dirs("extract-big");
    auto file = d.in / "article.txt";
    const std::string paragraph =
        "TOKYO (Reuters) - Japanese Prime Minister Shinzo Abe met Russian President Vladimir Putin in Moscow "
        "on Tuesday to discuss the disputed islands, known in Japan as the Northern Territories and in Russia "
        "as the Southern Kurils. Talks on Shikotan and the Habomai islets continued on Jan. 22.\n\n";
    std::string text;
    text.reserve(1024 * 1024 + paragraph.size());
    while (text.size() < 1024 * 1024) text += paragraph;
    write(file, text);
    auto r = test::run_claimmap("events extract --date 2019-01-22 " + q(file) + " --format json");
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("\"events\"") != std::string::npos);
    BOOST_TEST(fs::is_empty(d.out));
}

// ---- atlas (claimmap batch) -------------------------------------------------------------------

// A copy of atlas/kurils.toml pointing at the shipped case, its first `from` replaced by `to`.
fs::path bad_atlas(const fs::path& dir, const std::string& from, const std::string& to) {
    std::string text = test::read_file(data_root / "atlas/kurils.toml");
    text = replaced(text, "case = \"../geodata/kurils/case.toml\"", "case = \"" + (data_root / "geodata/kurils/case.toml").string() + "\"");
    auto atlas = dir / "atlas.toml";
    write(atlas, replaced(text, from, to));
    return atlas;
}

BOOST_AUTO_TEST_CASE(atlas_syntax_error) {
    auto d = dirs("atlas-syntax");
    auto a = bad_atlas(d.in, "\n[[map]]\n", "\n[[map]\n");
    auto r = test::run_claimmap("batch " + q(a) + " --out-dir " + q(d.out));
    expect_clean_error(r, d.out, {a.string(), line_of(a, "[[map]\n")});
}

BOOST_AUTO_TEST_CASE(atlas_unknown_key) {
    auto d = dirs("atlas-unknown");
    auto a = bad_atlas(d.in, "style = \"default\"", "style = \"default\"\nstlye = \"dark\"");
    auto r = test::run_claimmap("batch " + q(a) + " --out-dir " + q(d.out));
    expect_clean_error(r, d.out, {a.string(), "stlye", line_of(a, "stlye")});
}

BOOST_AUTO_TEST_CASE(atlas_unknown_format) {
    auto d = dirs("atlas-format");
    auto a = bad_atlas(d.in, "formats = [\"png\", \"svg\"]", "formats = [\"png\", \"gif\"]");
    auto r = test::run_claimmap("batch " + q(a) + " --out-dir " + q(d.out));
    expect_clean_error(r, d.out, {a.string(), "gif", line_of(a, "gif")});
}

BOOST_AUTO_TEST_SUITE_END()
