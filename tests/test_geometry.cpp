#include <boost/test/unit_test.hpp>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "helpers.hpp"

using namespace claimmap;

BOOST_AUTO_TEST_SUITE(projection)

BOOST_AUTO_TEST_CASE(default_crs_round_trips_across_the_region) {
    Projection p(test::kurils().config.crs);
    for (double lon = 139.5; lon <= 157; lon += 1.75)
        for (double lat = 41; lat <= 55; lat += 1.4) {
            LonLat back = p.inverse(p.forward({lon, lat}));
            BOOST_TEST(std::abs(back.lon - lon) < 1e-9);
            BOOST_TEST(std::abs(back.lat - lat) < 1e-9);
        }
}

BOOST_AUTO_TEST_CASE(default_crs_is_centred_on_the_islands_and_north_up) {
    Projection p(test::kurils().config.crs);
    XY centre = p.forward({146.5, 44.5});
    BOOST_TEST(std::abs(centre.x) < 1e-6);
    BOOST_TEST(std::abs(centre.y) < 1e-6);
    XY north = p.forward({146.5, 45.5});
    BOOST_TEST(std::abs(north.x) < 1e-6);
    // One degree of latitude is about 111 km; a conformal projection keeps it within 0.1 % here.
    double along = north.y, geodesic = geodesic_distance_m({146.5, 44.5}, {146.5, 45.5});
    BOOST_TEST(std::abs(along - geodesic) / geodesic < 1e-3);
}

BOOST_AUTO_TEST_CASE(web_mercator_round_trips) {
    Projection p("EPSG:3857");
    XY xy = p.forward({180, 0});
    BOOST_TEST(std::abs(xy.x - 20037508.342789244) < 1e-3);
    LonLat back = p.inverse(p.forward({146.2, 43.9}));
    BOOST_TEST(std::abs(back.lon - 146.2) < 1e-9);
}

BOOST_AUTO_TEST_CASE(unknown_crs_is_an_error) { BOOST_CHECK_THROW(Projection("EPSG:999999"), Error); }

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(geodesic)

BOOST_AUTO_TEST_CASE(one_degree_cell_at_the_equator) {
    // Reference: a 1°x1° cell on the equator of WGS 84 is 12,308.778 km² (GeographicLib Planimeter).
    Polygon cell{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {}};
    BOOST_TEST(std::abs(geodesic_area_m2(cell) / 1e6 - 12308.778) < 0.01);
    // Orientation does not change the area; a hole subtracts.
    Polygon reversed{{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}, {}};
    BOOST_TEST(std::abs(geodesic_area_m2(reversed) - geodesic_area_m2(cell)) < 1e-3);
    Polygon holed = cell;
    holed.holes.push_back({{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}, {0.25, 0.25}});
    BOOST_TEST(geodesic_area_m2(holed) < geodesic_area_m2(cell) * 0.76);
}

BOOST_AUTO_TEST_CASE(distance_and_destination_agree) {
    // One degree of latitude at the equator on WGS 84: 110,574.389 m.
    BOOST_TEST(std::abs(geodesic_distance_m({0, 0}, {0, 1}) - 110574.389) < 0.01);
    LonLat to = geodesic_destination({145.5, 43.4}, 60, 370400);
    BOOST_TEST(std::abs(geodesic_distance_m({145.5, 43.4}, to) - 370400) < 1e-3);
}

BOOST_AUTO_TEST_CASE(point_in_polygon) {
    Polygon square{{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}, {{{0.5, 0.5}, {1.5, 0.5}, {1.5, 1.5}, {0.5, 1.5}, {0.5, 0.5}}}};
    BOOST_TEST(contains(square, {0.25, 0.25}));
    BOOST_TEST(!contains(square, {1, 1}));
    BOOST_TEST(!contains(square, {3, 1}));
}

BOOST_AUTO_TEST_SUITE_END()
