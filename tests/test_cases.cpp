// Cases as data: every built-in case listed in geodata/cases.toml through every subcommand, the
// synthetic three-party and land-only fixtures, median lines between every pair of parties, and
// palette colours for parties without their own.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

#include "compute/claims.hpp"
#include "compute/median_line.hpp"
#include "geometry/geodesic.hpp"
#include "helpers.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) {
    std::string quoted = "'";  // appended: "'" + std::string trips a false -Wrestrict warning of GCC 12
    quoted += p.string();
    quoted += '\'';
    return quoted;
}

fs::path fixture(const std::string& name) { return fs::path(CLAIMMAP_TEST_DATA) / name / "case.toml"; }

int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

void expect_ok(const test::RunResult& r, const std::string& what) {
    BOOST_TEST(r.exit_code == 0, what << ": exit " << r.exit_code << ": " << r.err);
}

// Coast points of a party's land under a scenario, every ~250 m along each edge.
std::vector<LonLat> coast_of(const LoadedCase& loaded, const Scenario& scenario, const std::string& party) {
    std::vector<LonLat> out;
    for (const LandFeature& f : loaded.land.features) {
        const std::string holder = f.territory.empty() ? f.country : scenario.holder(f.territory);
        if (holder != party) continue;
        const Ring& r = f.shape.outer;
        for (size_t i = 0; i + 1 < r.size(); ++i) {
            const int steps = std::max(1, int(geodesic_distance_m(r[i], r[i + 1]) / 250));
            for (int k = 0; k < steps; ++k)
                out.push_back({r[i].lon + (r[i + 1].lon - r[i].lon) * k / steps, r[i].lat + (r[i + 1].lat - r[i].lat) * k / steps});
        }
    }
    return out;
}

double nearest_m(const std::vector<LonLat>& coast, LonLat p) {
    double best = INFINITY;
    for (const LonLat& c : coast) best = std::min(best, geodesic_distance_m(p, c));
    return best;
}

// Every vertex of every pair's line is as far from one party's coast as from the other's, within
// 1 km on the ellipsoid, and no nearer to the third party than to them.
void expect_equidistant(const LoadedCase& loaded, const Scenario& s, const std::vector<PairMedianLine>& pairs,
                        const Projection& proj, const std::string& who) {
    BOOST_TEST(pairs.size() == 3u, who << ": a line for each of the three pairs");
    for (const PairMedianLine& pair : pairs) {
        const std::vector<LonLat> a = coast_of(loaded, s, pair.party_a), b = coast_of(loaded, s, pair.party_b);
        size_t checked = 0;
        // Points along the lines (straight pieces have few vertices): 10 per segment, up to ~60.
        PathXY along;
        for (const PathXY& line : pair.lines)
            for (size_t i = 0; i + 1 < line.size(); ++i)
                for (int k = 0; k < 10; ++k)
                    along.push_back({line[i].x + (line[i + 1].x - line[i].x) * k / 10, line[i].y + (line[i + 1].y - line[i].y) * k / 10});
        for (size_t i = 0; i < along.size(); i += std::max<size_t>(1, along.size() / 60)) {
                const LonLat p = proj.inverse(along[i]);
                const double da = nearest_m(a, p), db = nearest_m(b, p);
                BOOST_TEST(std::abs(da - db) < 1000, who << " " << pair.party_a << "-" << pair.party_b << " at " << p.lon << ","
                                                         << p.lat << ": " << da << " m vs " << db << " m");
                for (const Party& other : loaded.config.parties)
                    if (other.id != pair.party_a && other.id != pair.party_b)
                        BOOST_TEST(nearest_m(coast_of(loaded, s, other.id), p) > std::min(da, db) - 1000);
                ++checked;
            }
        BOOST_TEST(checked > 5u, who << " " << pair.party_a << "-" << pair.party_b << ": too few points");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cases)

BOOST_AUTO_TEST_CASE(three_parties_get_three_equidistant_median_lines) {
    const LoadedCase loaded = load_case(fixture("three-party"));
    for (const Scenario& s : loaded.scenarios.scenarios) {
        ClaimModel model(loaded);
        ScenarioClaims claims = model.evaluate(s);
        expect_equidistant(loaded, s, claims.median_lines, model.projection(), "model " + s.id);
        MedianLines alone(loaded);
        std::optional<std::vector<PairMedianLine>> pairs = alone.pairs(s);
        BOOST_TEST_REQUIRE(pairs.has_value());
        expect_equidistant(loaded, s, *pairs, alone.projection(), "Delaunay " + s.id);
    }
}

BOOST_AUTO_TEST_CASE(parties_without_colours_get_distinct_palette_colours) {
    const Style& base = test::default_style();
    BOOST_TEST_REQUIRE(base.parties.count("JPN") == 1u);
    BOOST_TEST_REQUIRE(base.parties.count("KOR") == 0u);
    const std::vector<std::string> ids = {"JPN", "KOR", "CHN", "TWN", "AAA", "BBB", "CCC"};
    Style s = with_party_colours(base, ids);
    BOOST_TEST((s.parties.at("JPN").accent == base.parties.at("JPN").accent));  // its own colours stay
    std::vector<Rgba> accents;
    for (const std::string& id : ids) {
        const PartyStyle& p = s.party(id);
        for (const Rgba& c : {p.land, p.accent, p.territorial_sea, p.eez})
            BOOST_TEST(!(c.r < 0.05 && c.g < 0.05 && c.b < 0.05), id << " has a black colour");
        if (id == "JPN") continue;
        // As many parties as the palette has accents take the palette's own; more take turned ones.
        if (accents.size() < base.palette.accents.size())
            BOOST_TEST((std::find(base.palette.accents.begin(), base.palette.accents.end(), p.accent) != base.palette.accents.end()), id);
        BOOST_TEST((std::find(accents.begin(), accents.end(), p.accent) == accents.end()), id << " repeats a colour");
        accents.push_back(p.accent);
    }
    // Stable per id: the first party without colours takes the accent its id hashes to.
    BOOST_TEST((s.parties.at("KOR").accent == base.palette.accents[palette_slot("KOR", base.palette.accents.size())]));
    BOOST_TEST((with_party_colours(base, {"KOR"}).parties.at("KOR").accent == s.parties.at("KOR").accent));
}

// The pixels of `text` drawn in the default style's font with one language run over all of it.
std::vector<unsigned char> drawn(const std::string& text, const std::string& lang) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 120, 60));
    CairoPtr cr(cairo_create(surface.get()));
    TextItem t;
    t.text = text;
    t.font.family = test::default_style().font_family;
    t.font.size_px = 40;
    t.color = {0, 0, 0, 1};
    if (!lang.empty()) t.langs = {{0, text.size(), lang}};
    draw_text(cr.get(), t);
    cairo_surface_flush(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    return {data, data + cairo_image_surface_get_stride(surface.get()) * 60};
}

BOOST_AUTO_TEST_CASE(a_name_takes_the_glyph_forms_of_its_language) {
    // 直 and 骨 are drawn differently in Japanese, Simplified and Traditional Chinese (the Senkaku
    // names are in all three), and Korean differs from Simplified Chinese; the one pinned font
    // (Noto Sans CJK) holds every form and picks one by the language run.
    const std::string han = "直骨";
    const auto ja = drawn(han, "ja"), hans = drawn(han, "zh-Hans"), hant = drawn(han, "zh-Hant"), ko = drawn(han, "ko");
    BOOST_TEST((ja != hans));
    BOOST_TEST((ja != hant));
    BOOST_TEST((hans != hant));
    BOOST_TEST((ko != hans));
    BOOST_TEST((drawn(han, "ja") == drawn(han, "ja")));
}

BOOST_AUTO_TEST_CASE(every_subcommand_on_every_listed_case) {
    const CaseIndex index = read_case_index(case_index_file(fs::path(CLAIMMAP_DATA_DIR)));
    BOOST_TEST_REQUIRE(!index.cases.empty());
    const fs::path article = test::scratch_dir("cases-article") / "article.txt";
    std::ofstream(article) << "TOKYO, Jan. 21 (Kyodo) -- The two foreign ministers met in Tokyo on Monday.\n";
    for (const CaseIndexEntry& c : index.cases) {
        const fs::path out = test::scratch_dir("cases-" + c.id);
        const std::string opt = " --case " + c.id;
        const CaseConfig config = read_case(c.file);
        expect_ok(test::run_claimmap("render" + opt + " --size 400x300 --format png --out-dir " + q(out)), c.id + " render");
        BOOST_TEST(fs::exists(out / (config.output_name + ".png")), c.id << ": render names its output from output_name");
        expect_ok(test::run_claimmap("render --case " + q(c.file) + " --size 400x300 --format svg --pov neutral -o " +
                                     q(out / "by-path.svg")),
                  c.id + " render --case PATH");
        expect_ok(test::run_claimmap("areas" + opt), c.id + " areas");
        auto compare = test::run_claimmap("compare" + opt + " --format csv");
        expect_ok(compare, c.id + " compare");
        BOOST_TEST(count_lines(compare.out) > 2, c.id << ": " << compare.out);
        expect_ok(test::run_claimmap("export" + opt + " --format geojson --out-dir " + q(out)), c.id + " export");
        BOOST_TEST(fs::exists(out / (config.output_name + "-claims.geojson")), c.id);
        expect_ok(test::run_claimmap("batch" + opt + " --shard 1/1000 --no-gallery --out-dir " + q(out / "batch")), c.id + " batch");
        auto list = test::run_claimmap("events list --format json" + opt);
        expect_ok(list, c.id + " events list");
        nlohmann::json events = nlohmann::json::parse(list.out, nullptr, false);
        BOOST_TEST_REQUIRE((events.is_array() && !events.empty()), c.id << ": events list --format json: " << list.out);
        expect_ok(test::run_claimmap("events show " + events[0]["id"].get<std::string>() + opt), c.id + " events show");
        expect_ok(test::run_claimmap("events extract " + q(article) + " --date 2019-01-21" + opt), c.id + " events extract");
    }
}

BOOST_AUTO_TEST_CASE(fixtures_render_and_tabulate_through_the_binary) {
    for (const std::string name : {"three-party", "land-only"}) {
        const fs::path out = test::scratch_dir("fixture-" + name);
        const std::string opt = " --case " + q(fixture(name));
        for (const std::string map : {"", "--pov bland", "--scenario to-b", "--compare status-quo,to-b", "--event test-talks-2020"})
            expect_ok(test::run_claimmap("render" + opt + " " + map + " --size 400x300 --format png,svg --out-dir " + q(out) +
                                         " --name m"),
                      name + " render " + map);
        auto compare = test::run_claimmap("compare" + opt + " --format csv");
        expect_ok(compare, name + " compare");
        BOOST_TEST(compare.out.find("to-b") != std::string::npos, compare.out);
        expect_ok(test::run_claimmap("export" + opt + " --format geojson --out-dir " + q(out)), name + " export");
        auto batch = test::run_claimmap("batch" + opt + " --no-gallery --out-dir " + q(out / "batch"));
        expect_ok(batch, name + " batch");
        BOOST_TEST(fs::exists(out / "batch" / (name + "-scenario-to-c.png")), name);
    }
    // A land dispute draws its claim line and no sea zone; the median-line legend entry is gone.
    const fs::path out = test::scratch_dir("fixture-land-svg");
    expect_ok(test::run_claimmap("render --case " + q(fixture("land-only")) + " --scenario to-b --size 400x300 -o " +
                                 q(out / "m.svg")),
              "land-only svg");
    const std::string svg = test::read_file(out / "m.svg");
    BOOST_TEST(svg.find("layer-claim-lines") != std::string::npos);
    BOOST_TEST(svg.find("Boundary as Bland claims it") != std::string::npos);
    BOOST_TEST(svg.find("territorial sea") == std::string::npos);
    BOOST_TEST(svg.find("Median line") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(three_party_legend_names_each_drawn_pair) {
    const fs::path out = test::scratch_dir("fixture-three-svg");
    expect_ok(test::run_claimmap("render --case " + q(fixture("three-party")) + " --scenario status-quo --size 800x600 -o " +
                                 q(out / "m.svg")),
              "three-party svg");
    const std::string svg = test::read_file(out / "m.svg");
    BOOST_TEST(svg.find("Median lines Aland–Bland, Aland–Cland and Bland–Cland: Status quo") != std::string::npos);
    // Names in each party's script carry their language, for glyph forms (Han characters differ).
    BOOST_TEST(svg.find("<tspan xml:lang=\"zh-Hant\">小島嶼</tspan>") != std::string::npos);
    BOOST_TEST(svg.find("<tspan xml:lang=\"ko\">작은섬</tspan>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(batch_refuses_an_atlas_of_another_case) {
    const fs::path out = test::scratch_dir("cases-batch-other");
    const fs::path atlas = fs::path(CLAIMMAP_DATA_DIR) / "atlas" / "kurils.toml";
    auto r = test::run_claimmap("batch --case " + q(fixture("land-only")) + " " + q(atlas) + " --out-dir " + q(out / "x"));
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(count_lines(r.err) == 1, r.err);
    BOOST_TEST(r.err.find(atlas.string()) != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(out / "x"));
}

BOOST_AUTO_TEST_CASE(a_listed_case_without_its_folder_is_a_one_line_error) {
    const fs::path dir = test::scratch_dir("cases-missing");
    fs::create_directories(dir / "geodata");
    std::ofstream(dir / "geodata" / "cases.toml") << "default = \"ghost\"\n[[case]]\nid = \"ghost\"\nfile = \"ghost/case.toml\"\n";
    for (const std::string cmd : {"render", "areas", "events list"}) {
        auto r = test::run_claimmap("--data-dir " + q(dir) + " " + cmd);
        BOOST_TEST(r.exit_code != 0, cmd);
        BOOST_TEST(count_lines(r.err) == 1, cmd << ": " << r.err);
        BOOST_TEST(r.err.find("cases.toml") != std::string::npos, cmd << ": " << r.err);
        BOOST_TEST(r.err.find("ghost") != std::string::npos, cmd << ": " << r.err);
    }
    auto r = test::run_claimmap("areas --case nowhere");
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("'nowhere'") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(new_case_output_is_a_working_case) {
    const fs::path dir = test::scratch_dir("cases-new");
    auto r = test::run_claimmap("new-case strait --bbox -6.5,35.3,-4.5,37 --out-dir " + q(dir));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    const fs::path c = dir / "strait" / "case.toml";
    BOOST_TEST(r.out == c.string() + "\n");
    const LoadedCase loaded = load_case(c);
    std::set<std::string> countries;
    for (const LandFeature& f : loaded.land.features) countries.insert(f.country);
    BOOST_TEST(countries.count("ESP") == 1u);
    BOOST_TEST(countries.count("MAR") == 1u);
    for (const LandFeature& f : loaded.land.features)
        for (const LonLat& p : f.shape.outer)
            BOOST_TEST_REQUIRE((p.lon >= -6.5 - 1e-9 && p.lon <= -4.5 + 1e-9 && p.lat >= 35.3 - 1e-9 && p.lat <= 37 + 1e-9));
    expect_ok(test::run_claimmap("render --case " + q(c) + " --size 400x300 --format png --out-dir " + q(dir / "maps")), "render");
    BOOST_TEST(fs::exists(dir / "maps" / "strait.png"));
    expect_ok(test::run_claimmap("compare --case " + q(c)), "compare");
    expect_ok(test::run_claimmap("batch --case " + q(c) + " --no-gallery --out-dir " + q(dir / "batch")), "batch");
    BOOST_TEST(fs::exists(dir / "batch" / "strait-overview-neutral.png"));
    // An existing folder is never overwritten; a party without land in the box is named.
    r = test::run_claimmap("new-case strait --bbox -6.5,35.3,-4.5,37 --out-dir " + q(dir));
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("already exists") != std::string::npos, r.err);
    r = test::run_claimmap("new-case other --bbox -6.5,35.3,-4.5,37 --parties ESP,JPN --out-dir " + q(dir));
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("'JPN'") != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "other"));
}

// The template names its projection's centre as the built-in cases and the credits write places
// ("146.5°E 44.5°N"), west of Greenwich and south of the equator too, not in signed degrees.
BOOST_AUTO_TEST_CASE(new_case_names_its_centre_in_hemispheres) {
    const fs::path dir = test::scratch_dir("cases-new-centre");
    const std::pair<const char*, const char*> cases[] = {{"-6.5,35.3,-4.5,37", "5.5°W 36.15°N"}, {"-71,-17,-68,-15", "69.5°W 16°S"}};
    int n = 0;
    for (const auto& [bbox, centre] : cases) {
        const std::string name = "centre" + std::to_string(++n);
        auto r = test::run_claimmap("new-case " + name + " --bbox " + bbox + " --out-dir " + q(dir));
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        const LoadedCase loaded = load_case(dir / name / "case.toml");
        BOOST_TEST(loaded.config.projection_name == std::string("oblique stereographic centred on ") + centre);
        BOOST_TEST(loaded.config.projection_name.find('-') == std::string::npos, loaded.config.projection_name);
    }
}

BOOST_AUTO_TEST_SUITE_END()
