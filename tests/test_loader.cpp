#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>

#include "core/error.hpp"

#include "data/land_reader.hpp"
#include "geometry/geodesic.hpp"
#include "helpers.hpp"

using namespace claimmap;

BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(shipped_data_has_the_disputed_territories_and_neighbours) {
    const LoadedCase& k = test::kurils();
    std::set<std::string> territories, names;
    for (const LandFeature& f : k.land.features) {
        if (!f.territory.empty()) {
            territories.insert(f.territory);
            BOOST_TEST(f.country == "RUS", "disputed land is recorded as held de facto by Russia");
        }
        if (!f.name.empty()) names.insert(f.name);
        if (f.name == "hokkaido") BOOST_TEST(f.country == "JPN");
        if (f.name == "sakhalin") BOOST_TEST(f.country == "RUS");
    }
    BOOST_TEST((territories == std::set<std::string>{"etorofu", "kunashiri", "shikotan", "habomai"}));
    BOOST_TEST(names.count("hokkaido") == 1u);
    BOOST_TEST(names.count("sakhalin") == 1u);
}

BOOST_AUTO_TEST_CASE(habomai_keeps_all_six_islets) {
    int islets = 0;
    for (const LandFeature& f : test::kurils().land.features) islets += f.territory == "habomai";
    BOOST_TEST(islets == 6);
}

BOOST_AUTO_TEST_CASE(large_territories_match_official_areas_within_two_percent) {
    const LoadedCase& k = test::kurils();
    for (const std::string id : {"etorofu", "kunashiri", "shikotan"}) {
        double area = 0;
        for (const LandFeature& f : k.land.features)
            if (f.territory == id) area += geodesic_area_m2(f.shape) / 1e6;
        double official = k.config.official_area_km2.at(id);
        BOOST_TEST_MESSAGE(id << ": " << area << " km² (official " << official << ")");
        BOOST_TEST(std::abs(area - official) / official < 0.02, id << " area " << area << " vs official " << official);
    }
}

BOOST_AUTO_TEST_CASE(reads_geojson_too_and_every_polygon_is_in_range) {
    auto dir = test::scratch_dir("geojson");
    auto path = dir / "square.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                           R"({"country":"JPN","territory":"t1"},"geometry":{"type":"MultiPolygon","coordinates":)"
                           R"([[[[145,43],[146,43],[146,44],[145,44],[145,43]]],[[[147,43],[148,43],[148,44],[147,43]]]]}}]})";
    LandData d = read_land(path);
    BOOST_TEST(d.features.size() == 2u);
    BOOST_TEST(d.features[0].territory == "t1");
    BOOST_TEST(d.features[1].country == "JPN");
}

BOOST_AUTO_TEST_CASE(lines_are_rejected_with_the_file_named) {
    auto dir = test::scratch_dir("lines");
    auto path = dir / "line.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                           R"("geometry":{"type":"LineString","coordinates":[[145,43],[146,44]]}}]})";
    try {
        read_land(path);
        BOOST_FAIL("a line layer was accepted as land");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).find(path.string()) == 0u);
        BOOST_TEST(std::string(e.what()).find("land must be polygons") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
