// Golden images: whole maps rendered at 800x600 and compared pixel by pixel with reference PNGs in
// tests/golden/. A pixel differs when one of its channels is off by more than `channel_tolerance`;
// a map fails when more than `max_differing_share` of its pixels differ. On failure the rendered
// map (<name>.actual.png) and a picture of the differences (<name>.diff.png: differing pixels red
// over a faded copy of the reference) go to the test scratch folder, and the message names them.
//
// scripts/update-golden rewrites every reference: with CLAIMMAP_UPDATE_GOLDEN=1 each case writes its
// reference instead of comparing, and fails saying so, so that such a run can never pass in CI.
#include <boost/test/unit_test.hpp>
#include <cairo.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>

#include "helpers.hpp"
#include "render/cairo_handles.hpp"
#include "render/text.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

constexpr int golden_width = 800, golden_height = 600;
constexpr int channel_tolerance = 24;         // of 255, per channel
constexpr double max_differing_share = 0.005;  // of all pixels
const char* const pinned_font = "Noto Sans CJK JP";

// The tests render with fonts from tests/fonts.conf only. ctest sets FONTCONFIG_FILE for every test
// (tests/CMakeLists.txt); this sets it for a direct run of the test binary too, before any text is
// measured. An explicit FONTCONFIG_FILE is left alone (the font test below still checks the result).
struct PinFonts {
    PinFonts() { setenv("FONTCONFIG_FILE", CLAIMMAP_FONTS_CONF, 0); }
};
BOOST_TEST_GLOBAL_FIXTURE(PinFonts);

bool update_mode() {
    const char* v = std::getenv("CLAIMMAP_UPDATE_GOLDEN");
    return v && *v && std::string(v) != "0";
}

fs::path golden_dir() { return CLAIMMAP_GOLDEN_DIR; }

// One folder for the whole run: scratch_dir empties it, so only the first call may create it.
const fs::path& output_dir() {
    static const fs::path dir = test::scratch_dir("golden");
    return dir;
}

const Style& style_named(const std::string& name) {
    static std::map<std::string, Style> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.emplace(name, read_style(fs::path(CLAIMMAP_DATA_DIR) / "styles" / (name + ".toml"))).first;
    return it->second;
}

struct Image {
    SurfacePtr surface;
    int width() const { return cairo_image_surface_get_width(surface.get()); }
    int height() const { return cairo_image_surface_get_height(surface.get()); }
    int stride() const { return cairo_image_surface_get_stride(surface.get()); }
    uint32_t at(int x, int y) const {
        uint32_t px;
        std::memcpy(&px, cairo_image_surface_get_data(surface.get()) + y * stride() + x * 4, 4);
        return px;
    }
};

Image decode_png(const std::string& bytes) { return Image{test::decode_png(bytes)}; }

int channel_difference(uint32_t a, uint32_t b) {
    int worst = 0;
    for (int shift = 0; shift < 32; shift += 8)
        worst = std::max(worst, std::abs(int((a >> shift) & 255) - int((b >> shift) & 255)));
    return worst;
}

// Differing pixels in red over a faded grey copy of the reference; writes it and returns the count.
long write_diff(const Image& expected, const Image& actual, const fs::path& target) {
    const int w = expected.width(), h = expected.height();
    SurfacePtr out(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    check_cairo(cairo_surface_status(out.get()), "diff image");
    cairo_surface_flush(out.get());
    unsigned char* data = cairo_image_surface_get_data(out.get());
    const int stride = cairo_image_surface_get_stride(out.get());
    long differing = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint32_t e = expected.at(x, y), a = actual.at(x, y), px;
            if (channel_difference(e, a) > channel_tolerance) {
                ++differing;
                px = 0xffff0000u;
            } else {
                int grey = (((e >> 16) & 255) * 54 + ((e >> 8) & 255) * 183 + (e & 255) * 19) / 256;
                uint32_t faded = 255 - (255 - grey) / 4;
                px = 0xff000000u | faded << 16 | faded << 8 | faded;
            }
            std::memcpy(data + y * stride + x * 4, &px, 4);
        }
    cairo_surface_mark_dirty(out.get());
    check_cairo(cairo_surface_write_to_png(out.get(), target.c_str()), "write " + target.string());
    return differing;
}

struct GoldenMap {
    std::string name, style, pov;
    MapRequest request;
    std::string case_id = "kurils";  // a built-in case, geodata/<case_id>/case.toml
    std::string lang = "en";         // a catalog of i18n/
};

void check_golden(const GoldenMap& map) {
    // Never write or compare a reference drawn with a fallback font.
    BOOST_REQUIRE_MESSAGE(font_available(pinned_font), "fontconfig does not resolve \"" << pinned_font
                                                           << "\": see the pinned_font_is_what_fontconfig_resolves test");
    MapOptions options;
    options.width = golden_width;
    options.height = golden_height;
    options.pov = map.pov;
    options.lang = map.lang;
    Scene scene = build_scene(test::built_in_case(map.case_id), style_named(map.style), options, map.request);
    std::string png = encode_scene(scene, Format::png);

    const fs::path reference = golden_dir() / (map.name + ".png");
    if (update_mode()) {
        fs::create_directories(golden_dir());
        write_file_atomically(reference, png);
        BOOST_ERROR("CLAIMMAP_UPDATE_GOLDEN is set: wrote " << reference.string()
                                                            << " instead of comparing. Check the picture, then run "
                                                               "the tests without CLAIMMAP_UPDATE_GOLDEN; this run "
                                                               "fails on purpose so that it never passes silently.");
        return;
    }

    const fs::path actual_path = output_dir() / (map.name + ".actual.png");
    const fs::path diff_path = output_dir() / (map.name + ".diff.png");
    if (!fs::exists(reference)) {
        write_file_atomically(actual_path, png);
        BOOST_ERROR("no reference image " << reference.string() << " (the map rendered now is " << actual_path.string()
                                          << "). Create the references with scripts/update-golden, look at them, "
                                             "and commit tests/golden/.");
        return;
    }
    Image expected = decode_png(test::read_file(reference));
    Image actual = decode_png(png);
    if (expected.width() != actual.width() || expected.height() != actual.height()) {
        write_file_atomically(actual_path, png);
        BOOST_ERROR(map.name << ": the reference is " << expected.width() << "x" << expected.height()
                             << " but the map is " << actual.width() << "x" << actual.height() << "; rendered map: "
                             << actual_path.string() << ". If the change is intended, run scripts/update-golden.");
        return;
    }
    long differing = 0;
    int worst = 0;
    for (int y = 0; y < actual.height(); ++y)
        for (int x = 0; x < actual.width(); ++x) {
            int d = channel_difference(expected.at(x, y), actual.at(x, y));
            worst = std::max(worst, d);
            differing += d > channel_tolerance;
        }
    const long total = long(actual.width()) * actual.height();
    const double share = double(differing) / total;
    BOOST_TEST_MESSAGE(map.name << ": " << differing << " of " << total << " pixels differ by more than "
                                << channel_tolerance << " (largest channel difference " << worst << ")");
    if (share <= max_differing_share) return;
    write_file_atomically(actual_path, png);
    write_diff(expected, actual, diff_path);
    BOOST_ERROR(map.name << ": " << differing << " of " << total << " pixels (" << share * 100 << " %, allowed "
                         << max_differing_share * 100 << " %) differ from " << reference.string()
                         << " by more than " << channel_tolerance << " in a channel.\n  rendered: "
                         << actual_path.string() << "\n  differences (red): " << diff_path.string()
                         << "\n  If the change is intended, run scripts/update-golden and commit tests/golden/.");
}

MapRequest scenario(const std::string& id) {
    MapRequest r;
    r.scenario = id;
    return r;
}

MapRequest comparison(const std::string& first, const std::string& second) {
    MapRequest r;
    r.scenario = first;
    r.compare = second;
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

// The references were drawn with this family; a fallback font would fail every map below, so
// this says what is wrong first.
BOOST_AUTO_TEST_CASE(pinned_font_is_what_fontconfig_resolves) {
    const char* conf = std::getenv("FONTCONFIG_FILE");
    BOOST_TEST_MESSAGE("FONTCONFIG_FILE=" << (conf ? conf : "(unset)"));
    BOOST_TEST(font_available(pinned_font),
               "fontconfig does not resolve \"" << pinned_font << "\" with FONTCONFIG_FILE="
                                                << (conf ? conf : "(unset)")
                                                << ": install fonts-noto-cjk (scripts/setup does), or check "
                                                   "tests/fonts.conf. Every golden image depends on this font.");
}

#define GOLDEN(id, ...) \
    BOOST_AUTO_TEST_CASE(id) { check_golden(GoldenMap{__VA_ARGS__}); }

GOLDEN(default_neutral, "default-neutral", "default", "neutral", {})
GOLDEN(default_japan, "default-japan", "default", "japan", {})
GOLDEN(default_russia, "default-russia", "default", "russia", {})
GOLDEN(print_neutral, "print-neutral", "print", "neutral", {})
GOLDEN(print_japan, "print-japan", "print", "japan", {})
GOLDEN(print_russia, "print-russia", "print", "russia", {})
GOLDEN(dark_neutral, "dark-neutral", "dark", "neutral", {})
GOLDEN(dark_japan, "dark-japan", "dark", "japan", {})
GOLDEN(dark_russia, "dark-russia", "dark", "russia", {})
GOLDEN(default_two_island, "default-two-island", "default", "neutral", scenario("two-island"))
GOLDEN(default_compare_two_four, "default-compare-two-island-four-island", "default", "neutral",
       comparison("two-island", "four-island"))
// The other built-in cases: each overview and one scenario map, in their parties' languages.
GOLDEN(takeshima_neutral, "takeshima-neutral", "default", "neutral", {}, "takeshima")
GOLDEN(takeshima_japan_claim, "takeshima-japan-claim", "default", "neutral", scenario("japan-claim"), "takeshima")
GOLDEN(senkaku_neutral, "senkaku-neutral", "default", "neutral", {}, "senkaku")
GOLDEN(senkaku_china_claim, "senkaku-china-claim", "default", "neutral", scenario("china-claim"), "senkaku")
// The Kuril overview and a scenario map in the parties' languages (every word through i18n/).
GOLDEN(default_neutral_ja, "default-neutral-ja", "default", "neutral", {}, "kurils", "ja")
GOLDEN(default_neutral_ru, "default-neutral-ru", "default", "neutral", {}, "kurils", "ru")
GOLDEN(default_japan_ja, "default-japan-ja", "default", "japan", {}, "kurils", "ja")
GOLDEN(default_russia_ru, "default-russia-ru", "default", "russia", {}, "kurils", "ru")
GOLDEN(default_two_island_ja, "default-two-island-ja", "default", "neutral", scenario("two-island"), "kurils", "ja")
GOLDEN(default_two_island_ru, "default-two-island-ru", "default", "neutral", scenario("two-island"), "kurils", "ru")
// One map of each other built-in case in each of its parties' languages.
GOLDEN(takeshima_neutral_ja, "takeshima-neutral-ja", "default", "neutral", {}, "takeshima", "ja")
GOLDEN(takeshima_neutral_ko, "takeshima-neutral-ko", "default", "neutral", {}, "takeshima", "ko")
GOLDEN(senkaku_neutral_ja, "senkaku-neutral-ja", "default", "neutral", {}, "senkaku", "ja")
GOLDEN(senkaku_neutral_zh_hans, "senkaku-neutral-zh-Hans", "default", "neutral", {}, "senkaku", "zh-Hans")
GOLDEN(senkaku_neutral_zh_hant, "senkaku-neutral-zh-Hant", "default", "neutral", {}, "senkaku", "zh-Hant")

#undef GOLDEN

BOOST_AUTO_TEST_SUITE_END()
