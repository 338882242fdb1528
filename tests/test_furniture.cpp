// Map furniture never hides disputed land: every map of every shipped atlas (atlas/*.toml, so that
// atlases added later are covered too), and event maps at extreme text lengths and paper sizes,
// are checked on the scene's own geometry: the area of disputed land under an opaque box, and
// every territory label's box against the boxes, must both be zero; so must every other word the
// map draws (sea and region names, venues, degree figures): moved to a free spot or left out,
// never drawn under a box.
#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "geometry/geos.hpp"
#include "helpers.hpp"
#include "i18n/catalog.hpp"
#include "pipeline/atlas.hpp"
#include "render/text.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

// The map itself; every other layer (callout, insets, legend, figures, north arrow, scale bar,
// and whatever furniture is added later) counts as furniture drawn over it.
const std::set<std::string> map_content = {"sea",      "eez",      "territorial-sea", "graticule", "land",  "disputed", "disputed-markers",
                                           "boundaries", "changes", "labels",          "event-venues", "frame"};

BBox text_box(const TextItem& t) {
    TextExtent e = measure_text(t.text, t.font);
    return {t.origin.x, t.origin.y, t.origin.x + e.width, t.origin.y + e.height};
}

struct Checked {
    double disputed_px2 = 0;               // disputed land under furniture
    std::vector<std::string> labels_hidden;  // territory label lines under furniture
    std::vector<std::string> labels_missing;  // territories in the frame without a label
    std::vector<std::string> islands_hidden;  // other islands' labels (Urup...) missing or under furniture
    // Any word the map itself draws (sea and region names, venues, degree figures) under furniture.
    std::vector<std::string> words_hidden;
    double disputed_drawn_px2 = 0;          // how much disputed land the map draws at all
};

// Opaque parts of the furniture: filled shapes and text; an inset (a clipped layer) hides its whole box.
// `also_map`: layers counted as map content here besides map_content.
GeomPtr furniture_of(Geos& g, const Scene& scene, const std::set<std::string>& also_map = {}) {
    std::vector<GeomPtr> parts;
    for (const Layer& layer : scene.layers) {
        if (map_content.count(layer.id) || also_map.count(layer.id)) continue;
        if (layer.clip) {
            parts.push_back(g.box(*layer.clip));
            continue;
        }
        for (const SceneItem& item : layer.items) {
            if (const auto* p = std::get_if<PathItem>(&item)) {
                if (!p->closed || !p->fill || p->fill->a < 0.3) continue;
                for (const auto& ring : p->rings)
                    if (ring.size() >= 3) parts.push_back(g.make_valid(g.polygon(PolygonXY{ring, {}}).get()));
            } else {
                parts.push_back(g.box(text_box(std::get<TextItem>(item))));
            }
        }
    }
    return g.union_all(std::move(parts));
}

Checked check_scene(const Scene& scene, const Gazetteer& gazetteer) {
    Geos g;
    GeomPtr furniture = furniture_of(g, scene);
    Checked out;
    BBox frame{};
    for (const Layer& layer : scene.layers)
        if (layer.id == "frame")
            for (const SceneItem& item : layer.items)
                if (const auto* p = std::get_if<PathItem>(&item)) {
                    const auto& r = p->rings.at(0);
                    frame = {r[0].x, r[0].y, r[2].x, r[2].y};
                }
    // The degree figures are the map's words too: checked against the furniture proper.
    const std::string degrees = "graticule-labels";
    GeomPtr boxes = furniture_of(g, scene, {degrees});
    for (const Layer& layer : scene.layers) {
        if (map_content.count(layer.id) || layer.id == degrees)
            for (const SceneItem& item : layer.items)
                if (const auto* t = std::get_if<TextItem>(&item))
                    if (g.planar_area(g.intersection(g.box(text_box(*t)).get(), boxes.get()).get()) > 0)
                        out.words_hidden.push_back(layer.id + ": " + t->text);
        if (layer.id == "disputed")
            for (const SceneItem& item : layer.items)
                if (const auto* p = std::get_if<PathItem>(&item))
                    for (const auto& ring : p->rings) {
                        if (ring.size() < 3) continue;
                        GeomPtr land = g.make_valid(g.polygon(PolygonXY{ring, {}}).get());
                        // Only what the frame shows is drawn.
                        GeomPtr shown = g.intersection(land.get(), g.box(frame).get());
                        out.disputed_drawn_px2 += g.planar_area(shown.get());
                        out.disputed_px2 += g.planar_area(g.intersection(shown.get(), furniture.get()).get());
                    }
        if (layer.id == "labels") {
            std::set<std::string> seen, islands_seen;
            for (const SceneItem& item : layer.items) {
                const auto* t = std::get_if<TextItem>(&item);
                if (!t) continue;
                for (const Place& p : gazetteer.places) {
                    bool names_it = false;
                    for (const std::string& n : p.all_names()) names_it |= !n.empty() && t->text.find(n) != std::string::npos;
                    if (p.kind == "island" && names_it) {
                        islands_seen.insert(p.id);
                        if (g.planar_area(g.intersection(g.box(text_box(*t)).get(), furniture.get()).get()) > 0)
                            out.islands_hidden.push_back(t->text);
                    }
                    if (p.kind != "territory") continue;
                    if (!names_it) continue;
                    seen.insert(p.id);
                    if (g.planar_area(g.intersection(g.box(text_box(*t)).get(), furniture.get()).get()) > 0)
                        out.labels_hidden.push_back(t->text);
                }
            }
            for (const Place& p : gazetteer.places) {
                if (p.kind == "territory" && !seen.count(p.id)) out.labels_missing.push_back(p.id);
                if (p.kind == "island" && !islands_seen.count(p.id)) out.islands_hidden.push_back(p.id + " (no label)");
            }
        }
    }
    return out;
}

const Style& style_named(const std::string& name) {
    static std::map<std::string, Style> styles;
    auto it = styles.find(name);
    if (it == styles.end()) it = styles.emplace(name, read_style(style_file(name, CLAIMMAP_DATA_DIR))).first;
    return it->second;
}

void expect_clear(const Checked& c, const std::string& what, bool world_map) {
    BOOST_TEST(c.disputed_px2 == 0.0, what << ": " << c.disputed_px2 << " px² of disputed land under furniture");
    for (const std::string& l : c.labels_hidden) BOOST_TEST(false, what << ": territory label '" << l << "' under furniture");
    for (const std::string& l : c.words_hidden) BOOST_TEST(false, what << ": label '" << l << "' under furniture");
    if (!world_map) {
        // Not a vacuous pass: the map draws disputed land and labels every territory.
        BOOST_TEST(c.disputed_drawn_px2 > 0.0, what);
        for (const std::string& id : c.labels_missing) BOOST_TEST(false, what << ": no label for " << id);
    }
}

// A copy of the built-in case whose event `id` has this summary.
LoadedCase with_summary(const std::string& id, const std::string& summary) {
    LoadedCase copy = test::kurils();
    for (Event& e : copy.events.events)
        if (e.id == id) e.summary = summary;
    return copy;
}

std::string long_text(int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += (i ? " " : "") + std::string(i % 7 == 0 ? "negotiations" : "talks");
    return s;
}


// The legend's lines (its text items, top to bottom).
std::vector<std::string> legend_lines(const Scene& scene) {
    std::vector<std::string> lines;
    for (const Layer& layer : scene.layers)
        if (layer.id == "legend")
            for (const SceneItem& item : layer.items)
                if (const auto* t = std::get_if<TextItem>(&item)) lines.push_back(t->text);
    return lines;
}

// The parties of a legend line made from `key` ("... to {party} ..."), in `lines`.
std::multiset<std::string> filled_in(const Catalog& cat, const std::string& key, const std::vector<std::string>& lines) {
    const std::string marker = "\x01";
    std::string pattern = cat.text(key, {{"party", marker}});
    const size_t at = pattern.find(marker);
    const std::string before = pattern.substr(0, at), after = pattern.substr(at + marker.size());
    std::multiset<std::string> parties;
    for (const std::string& l : lines)
        if (l.size() > before.size() + after.size() && l.starts_with(before) && l.ends_with(after))
            parties.insert(l.substr(before.size(), l.size() - before.size() - after.size()));
    return parties;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(furniture)

BOOST_AUTO_TEST_CASE(no_map_of_any_shipped_atlas_hides_disputed_land_or_territory_labels) {
    std::vector<fs::path> atlases;
    for (const auto& entry : fs::directory_iterator(fs::path(CLAIMMAP_DATA_DIR) / "atlas"))
        if (entry.path().extension() == ".toml") atlases.push_back(entry.path());
    std::sort(atlases.begin(), atlases.end());
    BOOST_TEST_REQUIRE(!atlases.empty());
    int maps = 0;
    for (const fs::path& file : atlases) {
        Atlas atlas = read_atlas(file, test::shipped_case());
        LoadedCase loaded = load_case(atlas.case_file);
        expand_atlas(atlas, loaded);
        BOOST_TEST_REQUIRE(!atlas.jobs.empty(), file);
        ClaimCache cache(loaded);
        for (const MapJob& job : atlas.jobs) cache.prepare(loaded, job.options, job.request);
        for (const MapJob& job : atlas.jobs) {
            Scene scene = build_scene(loaded, style_named(job.style), job.options, job.request, cache);
            Checked c = check_scene(scene, loaded.gazetteer);
            expect_clear(c, file.filename().string() + " " + job.name, job.request.timeline);
            // Better still, no island's label is hidden either (Urup's was, under the callouts).
            // A label under furniture fails on every map. A label left out (the labeller found no
            // free spot) fails on the Kuril maps, where Urup's was lost under the callouts; on the
            // other cases' crowded maps it is reported, not yet solved (see the note).
            if (!job.request.timeline)
                for (const std::string& l : c.islands_hidden) {
                    const bool left_out = l.ends_with(" (no label)");
                    if (!left_out || loaded.config.id == "kurils") BOOST_TEST(false, job.name << ": island label " << l << " hidden");
                    else BOOST_TEST_MESSAGE(job.name << ": island label " << l << " left out");
                }
            ++maps;
        }
    }
    BOOST_TEST_MESSAGE(maps << " maps checked");
    BOOST_TEST(maps >= 20);
}

// Sea names, regions, venues and degree figures keep out from under the boxes too, on comparison
// maps (whose figures table is the widest box) in every language of each case and at the sizes a
// newsroom asks for ("太平洋" was reported under the table of a 1200x900 Japanese comparison).
BOOST_AUTO_TEST_CASE(no_word_of_a_comparison_map_lies_under_a_box) {
    struct Size {
        int w, h;
    };
    const Size sizes[] = {{1200, 900}, {1200, 675}, {800, 600}, {1600, 1200}};
    int maps = 0;
    for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        BOOST_TEST_REQUIRE(loaded.scenarios.scenarios.size() >= 2u, id);
        MapRequest request;
        request.scenario = loaded.scenarios.scenarios[0].id;
        request.compare = loaded.scenarios.scenarios[1].id;
        ClaimCache cache(loaded);
        for (const std::string& lang : loaded.config.languages)
            for (const Size& s : sizes) {
                MapOptions o;
                o.width = s.w;
                o.height = s.h;
                o.lang = lang;
                cache.prepare(loaded, o, request);
                Scene scene = build_scene(loaded, test::default_style(), o, request, cache);
                expect_clear(check_scene(scene, loaded.gazetteer), fmt::format("{} {} {}x{}", id, lang, s.w, s.h), false);
                ++maps;
            }
    }
    BOOST_TEST(maps >= 24);
}

BOOST_AUTO_TEST_CASE(event_maps_at_any_text_length_and_paper_size) {
    struct Size {
        const char* name;
        int w, h;
    };
    const Size sizes[] = {{"default", 1600, 1200}, {"a4", 3508, 2480}, {"a4-portrait", 2480, 3508},
                          {"social", 1200, 675},   {"small", 800, 600}};
    const std::string id = "buenos-aires-g20-2018";  // its scenario colours the sea too
    for (int words : {0, 120, 2000}) {
        LoadedCase loaded = words ? with_summary(id, long_text(words)) : test::kurils();
        MapRequest request;
        request.event = id;
        for (const Size& s : sizes) {
            MapOptions o;
            o.width = s.w;
            o.height = s.h;
            Scene scene = build_scene(loaded, test::default_style(), o, request);
            std::string what = fmt::format("{} words, {}", words, s.name);
            expect_clear(check_scene(scene, loaded.gazetteer), what, false);
            // The callout is never dropped, and its source line survives any cut.
            auto callout = std::find_if(scene.layers.begin(), scene.layers.end(), [](const Layer& l) { return l.id == "event-callout"; });
            BOOST_TEST_REQUIRE((callout != scene.layers.end()), what);
            bool source = std::any_of(callout->items.begin(), callout->items.end(), [](const SceneItem& i) {
                const auto* t = std::get_if<TextItem>(&i);
                return t && t->text.rfind("Source:", 0) == 0;
            });
            BOOST_TEST(source, what);
        }
    }
}

// The credits stay legible on any page: at the style's size or at most 15 % under it, never under
// 6 pt, wrapped onto more lines instead, every line inside the page's margins and below the map
// (a portrait A4 at 96 dpi set the second line at 60 %, ~4 px).
BOOST_AUTO_TEST_CASE(credits_wrap_rather_than_shrink_below_a_legible_size) {
    struct Size {
        const char* name;
        int w, h;
    };
    const Size sizes[] = {{"a4-portrait at 96 dpi", 794, 1123}, {"small", 800, 600}, {"social", 1200, 675},
                          {"tiny", 400, 300}, {"a4-portrait", 2480, 3508}};
    const Style& style = test::default_style();
    for (const std::string lang : {"en", "ja", "ru"})
        for (const Size& s : sizes)
            for (bool event : {false, true}) {
                BOOST_TEST_CONTEXT(lang << " " << s.name << (event ? " event" : " scenario")) {
                    MapOptions o;
                    o.width = s.w;
                    o.height = s.h;
                    o.lang = lang;
                    MapRequest request;
                    if (event) request.event = "singapore-abe-putin-2018";
                    else request.scenario = "two-island";
                    Scene scene = build_scene(test::kurils(), style, o, request);
                    const double unit = std::min(s.w, s.h) / 1000.0, margin = 24 * unit;
                    const double legible = 6.0 * o.dpi / 72.0;
                    const double smallest = std::max(legible, std::max(style.credits_size * unit, legible) * 0.85);
                    double map_bottom = 0;
                    for (const Layer& l : scene.layers)
                        if (l.id == "frame")
                            for (const SceneItem& item : l.items)
                                if (const auto* p = std::get_if<PathItem>(&item))
                                    for (const XY& q : p->rings.at(0)) map_bottom = std::max(map_bottom, q.y);
                    int lines = 0;
                    for (const Layer& l : scene.layers)
                        if (l.id == "credits")
                            for (const SceneItem& item : l.items)
                                if (const auto* t = std::get_if<TextItem>(&item)) {
                                    ++lines;
                                    const BBox b = text_box(*t);
                                    BOOST_TEST(t->font.size_px >= smallest - 1e-9, "credits at " << t->font.size_px << " px: " << t->text);
                                    BOOST_TEST(b.max_x <= s.w - margin + 0.5, "past the right margin: " << t->text);
                                    BOOST_TEST(b.min_y >= map_bottom, "over the map: " << t->text);
                                    BOOST_TEST(b.max_y <= s.h, "off the page: " << t->text);
                                }
                    BOOST_TEST(lines >= 2);
                }
            }
}

BOOST_AUTO_TEST_CASE(an_event_without_a_place_says_so) {
    MapRequest request;
    request.event = "mori-morgulov-2019-04";
    Scene scene = build_scene(test::kurils(), test::default_style(), MapOptions{}, request);
    int said = 0;
    for (const Layer& layer : scene.layers)
        for (const SceneItem& item : layer.items)
            if (const auto* t = std::get_if<TextItem>(&item)) {
                std::string lower = t->text;
                std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
                said += lower.find("place not named in the sources") != std::string::npos;
            }
    BOOST_TEST(said == 2);  // in the callout's caption and on the venue inset, which has no venue marker
    BOOST_TEST(scene.title.find(", ") == std::string::npos, scene.title);
}

// The callout opens with a caption, not with something that reads like one more place label
// ("シンガポール · Singapore · Сингапур · 首脳会談"): the date first, the place by one name in the
// reader's language, the kind in the reader's words, in the muted colour and a regular weight.
BOOST_AUTO_TEST_CASE(the_event_callout_opens_with_a_caption_date_place_kind) {
    const LoadedCase& k = test::kurils();
    const Event& e = *k.events.find("singapore-abe-putin-2018");  // a summit
    const Venue& v = *k.venues.find(e.place);
    const Style& style = test::default_style();
    for (const std::string lang : {"en", "ja", "ru"}) {
        BOOST_TEST_CONTEXT(lang) {
            const Catalog& cat = catalog(CLAIMMAP_DATA_DIR, lang);
            MapRequest request;
            request.event = e.id;
            MapOptions o;
            o.lang = lang;
            Scene scene = build_scene(k, style, o, request);
            auto callout = std::find_if(scene.layers.begin(), scene.layers.end(), [](const Layer& l) { return l.id == "event-callout"; });
            BOOST_TEST_REQUIRE((callout != scene.layers.end()));
            const TextItem* first = nullptr;
            for (const SceneItem& item : callout->items)
                if ((first = std::get_if<TextItem>(&item))) break;
            BOOST_TEST_REQUIRE(first != nullptr);
            const std::string* own = v.names.find(lang);
            const std::string place = own ? *own : v.name;
            BOOST_TEST(first->text.starts_with(cat.date(e.date)), first->text);
            const size_t at_place = first->text.find(place), at_kind = first->text.find(cat.text("event_kind_inline.summit"));
            BOOST_TEST((at_place != std::string::npos && at_kind != std::string::npos && at_place < at_kind), first->text);
            // One name of the place: no other language's.
            for (const auto& [key, name] : v.names.by_key)
                if (name != place) BOOST_TEST(first->text.find(name) == std::string::npos, "\"" << name << "\" in " << first->text);
            if (lang != "en") BOOST_TEST(first->text.find(v.name) == std::string::npos, first->text);
            BOOST_TEST(!first->font.bold);
            BOOST_TEST((first->color.r == style.muted_text.r && first->color.g == style.muted_text.g && first->color.b == style.muted_text.b));
        }
    }
}

BOOST_AUTO_TEST_CASE(only_a_real_headline_is_quoted_on_the_map) {
    auto source_line = [](const std::string& id) {
        MapRequest request;
        request.event = id;
        MapOptions o;
        Scene scene = build_scene(test::kurils(), test::default_style(), o, request);
        std::string all;
        for (const Layer& layer : scene.layers)
            if (layer.id == "event-callout")
                for (const SceneItem& item : layer.items)
                    if (const auto* t = std::get_if<TextItem>(&item)) all += t->text + " ";
        return all.substr(all.find("Source:"));
    };
    // A description (no published headline known): no quotation marks.
    BOOST_TEST(source_line("singapore-abe-putin-2018").find("\u201c") == std::string::npos);
    // The real headline: quoted.
    BOOST_TEST(source_line("kono-lavrov-moscow-2019").find("\u201cTokyo Says No Separate Meeting") != std::string::npos);
}

// "Disputed land, to X in this scenario" only for a party that gains disputed land under the
// scenario on the map (a scenario, compare or event map); one that holds it today "keeps" it; on
// the status quo (nobody gains) neither: the view's own words, "held by ..., claimed by ...".
BOOST_AUTO_TEST_CASE(the_legend_says_who_gains_disputed_land_only_where_someone_does) {
    int maps = 0;
    for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        std::map<std::string, std::string> held_today;
        for (const LandFeature& f : loaded.land.features)
            if (!f.territory.empty()) held_today[f.territory] = f.country;
        BOOST_TEST_REQUIRE(!held_today.empty(), id);
        auto en = Catalog::read(fs::path(CLAIMMAP_DATA_DIR) / "i18n/en.toml", nullptr);
        ClaimCache cache(loaded);  // the zones of each scenario, computed once
        for (const std::string& lang : loaded.config.languages) {
            auto cat = lang == "en" ? en : Catalog::read(fs::path(CLAIMMAP_DATA_DIR) / ("i18n/" + lang + ".toml"), en);
            for (const View& view : loaded.config.views) {
                if (lang != "en" && view.id != "neutral") continue;  // every view in English, every language neutral
                for (const Scenario& sc : loaded.scenarios.scenarios) {
                    std::set<std::string> gainers, keepers;
                    auto holds = [&](const std::string& territory, const std::string& party) {
                        (held_today.at(territory) == party ? keepers : gainers).insert(party);
                    };
                    for (const auto& [party, territories] : sc.holds)
                        for (const std::string& t : territories) holds(t, party);
                    if (sc.split) {
                        holds(sc.split->territory, sc.split->party);
                        holds(sc.split->territory, sc.split->rest);
                    }
                    const size_t gain = gainers.size(), keep = gainers.empty() ? 0 : keepers.size();  // status quo: the view's words
                    std::vector<MapRequest> requests(2);
                    requests[0].scenario = sc.id;
                    requests[1].scenario = sc.id;  // a comparison map wears the colours of its first scenario
                    for (const Scenario& other : loaded.scenarios.scenarios)
                        if (other.id != sc.id) requests[1].compare = other.id;
                    // An event map draws the scenario on its table.
                    for (const Event& e : loaded.events.events)
                        if (e.scenario == sc.id) {
                            requests.emplace_back().event = e.id;
                            break;
                        }
                    for (const MapRequest& request : requests) {
                        MapOptions o;
                        o.lang = lang;
                        o.pov = view.id;
                        cache.prepare(loaded, o, request);
                        std::vector<std::string> lines = legend_lines(build_scene(loaded, test::default_style(), o, request, cache));
                        std::string what = fmt::format("{} {} {} {}{}", id, lang, view.id, sc.id, request.compare ? " vs " + *request.compare : "");
                        BOOST_TEST(filled_in(*cat, "legend.disputed_to", lines).size() == gain, what);
                        BOOST_TEST(filled_in(*cat, "legend.disputed_kept", lines).size() == keep, what);
                        if (lang == "en") {
                            const bool view_words = std::find(lines.begin(), lines.end(), view.disputed_label) != lines.end();
                            BOOST_TEST(view_words == gainers.empty(), what);
                        }
                        ++maps;
                    }
                }
            }
        }
    }
    BOOST_TEST(maps >= 40);
}

// The figures panel is set as a graphics desk would: the heading wraps to the table rather than
// leave the table sitting at the left under a heading wider than itself; the numbers are flush right
// in their columns and the last column ends at the panel's right padding; nothing leaves the panel.
BOOST_AUTO_TEST_CASE(the_figures_table_spans_its_panel_under_a_wrapped_heading) {
    int panels = 0;
    for (const std::string id : {"kurils", "senkaku", "takeshima"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        for (const std::string& lang : loaded.config.languages)
            for (bool compare : {false, true})
                for (const auto& [w, h] : {std::pair{1200, 900}, std::pair{800, 600}, std::pair{794, 1123}}) {
                    MapOptions o;
                    o.lang = lang;
                    o.width = w;
                    o.height = h;
                    MapRequest request;
                    request.scenario = loaded.scenarios.scenarios.back().id;
                    if (compare) request.compare = loaded.scenarios.scenarios.front().id;
                    const Scene scene = build_scene(loaded, test::default_style(), o, request);
                    const std::string what = fmt::format("{} {} {}x{}{}", id, lang, w, h, compare ? " compare" : "");
                    for (const Layer& layer : scene.layers) {
                        if (layer.id != "figures") continue;
                        ++panels;
                        const auto* frame = std::get_if<PathItem>(&layer.items.at(0));
                        BOOST_TEST_REQUIRE(frame != nullptr, what);
                        BBox panel{INFINITY, INFINITY, -INFINITY, -INFINITY};
                        for (const XY& q : frame->rings.at(0))
                            panel = {std::min(panel.min_x, q.x), std::min(panel.min_y, q.y), std::max(panel.max_x, q.x), std::max(panel.max_y, q.y)};
                        std::vector<BBox> texts;
                        for (const SceneItem& item : layer.items)
                            if (const auto* t = std::get_if<TextItem>(&item)) texts.push_back(text_box(*t));
                        const double pad = texts.front().min_x - panel.min_x;  // the heading's first line starts at the padding
                        // A wrapped heading is balanced: its last line is no word left alone. The heading's
                        // lines are the texts before the column heads (in the muted colour).
                        std::vector<double> heading_widths;
                        const Rgba muted = test::default_style().muted_text;
                        for (const SceneItem& item : layer.items)
                            if (const auto* t = std::get_if<TextItem>(&item)) {
                                if (t->color.r == muted.r && t->color.g == muted.g && t->color.b == muted.b) break;
                                heading_widths.push_back(text_box(*t).width());
                            }
                        if (heading_widths.size() > 1)
                            BOOST_TEST(heading_widths.back() >= 0.4 * *std::max_element(heading_widths.begin(), heading_widths.end()),
                                       what << ": the heading's last line is " << heading_widths.back() << " px of " << heading_widths.front());
                        double right = -INFINITY;
                        for (const BBox& b : texts) {
                            BOOST_TEST(b.max_x <= panel.max_x - pad + 0.5, what << ": text past the panel's padding");
                            BOOST_TEST(b.max_y <= panel.max_y + 0.5, what << ": text below the panel");
                            right = std::max(right, b.max_x);
                        }
                        // The table's last column (the rightmost text of the rows) ends at the padding.
                        BOOST_TEST(std::abs(right - (panel.max_x - pad)) < 1.0, what << ": the table ends " << (panel.max_x - pad - right) << " px short of the panel's padding");
                        // Every row's last cell is flush right with the others.
                        std::map<long, double> row_right;
                        for (const BBox& b : texts) row_right[std::lround(b.min_y)] = std::max(row_right[std::lround(b.min_y)], b.max_x);
                        int flush = 0;
                        for (const auto& [y, r] : row_right) flush += std::abs(r - right) < 1.0;
                        BOOST_TEST(flush >= 3, what << ": the number column is not flush right");
                    }
                }
    }
    BOOST_TEST(panels >= 30);
}

// A Japanese, Chinese or Korean heading of the figures panel with one Latin word in it ("EEZ")
// wraps as it does without the word's space: the space must not make the rest of the heading one
// unbreakable word (the heading then stayed on one line and widened the panel across the map).
BOOST_AUTO_TEST_CASE(a_cjk_figures_heading_with_a_latin_word_wraps) {
    const LoadedCase& loaded = test::kurils();
    ClaimCache cache(loaded);
    MapRequest request;
    request.scenario = "two-island";
    request.compare = "four-island";
    MapOptions o;
    o.width = 1200;
    o.height = 900;
    cache.prepare(loaded, o, request);
    const std::pair<const char*, std::string> headings[] = {
        {"ja", "「現状」から「EEZ 分割案（1956年の日ソ共同宣言に基づく二島の引き渡し）」への変化"},
        {"zh-Hans", "从“现状”到“EEZ 划分方案（依据1956年日苏共同宣言移交两个岛屿）”的变化"},
        {"zh-Hant", "從「現狀」到「EEZ 劃分方案（依據1956年日蘇共同宣言移交兩個島嶼）」的變化"},
        {"ko", "“현상 유지”에서 “EEZ 분할안(1956년 일소공동선언에 따른 두 섬의 인도)”로의 변화"}};
    // The panel's width and its heading's lines (the texts before the muted column heads).
    auto figures = [&](const std::string& lang, const std::string& heading) {
        o.lang = lang;
        MapInputs in{loaded.config, loaded.land, loaded.gazetteer, test::default_style()};
        in.scenario = &cache.overlay_of("two-island");
        in.compare_to = &cache.overlay_of("four-island");
        in.gains = &cache.gains_of("two-island", "four-island", true);
        in.gains_title = heading;
        in.catalog = &catalog(CLAIMMAP_DATA_DIR, lang);
        const Scene scene = build_map_scene(in, o);
        std::pair<double, std::vector<std::string>> out{0, {}};
        for (const Layer& layer : scene.layers)
            if (layer.id == "figures") {
                double min_x = INFINITY, max_x = -INFINITY;
                for (const XY& q : std::get<PathItem>(layer.items.at(0)).rings.at(0)) min_x = std::min(min_x, q.x), max_x = std::max(max_x, q.x);
                out.first = max_x - min_x;
                const Rgba muted = test::default_style().muted_text;
                for (const SceneItem& item : layer.items)
                    if (const auto* t = std::get_if<TextItem>(&item)) {
                        if (t->color.r == muted.r && t->color.g == muted.g && t->color.b == muted.b) break;
                        out.second.push_back(t->text);
                    }
            }
        return out;
    };
    for (const auto& [lang, heading] : headings) {
        BOOST_TEST_CONTEXT(lang) {
            std::string unspaced = heading;
            std::erase(unspaced, ' ');
            const auto [width, lines] = figures(lang, heading);
            const auto [width_unspaced, lines_unspaced] = figures(lang, unspaced);
            BOOST_TEST(lines.size() >= 2u, "one line: " << heading);
            BOOST_TEST(lines.size() <= 3u);
            BOOST_TEST(width <= width_unspaced * 1.1, "the panel is " << width << " px wide, " << width_unspaced << " px without the space");
            BOOST_TEST(width < o.width / 2.0, "the panel is " << width << " px wide on a " << o.width << " px map");
        }
    }
}

// Events days apart share one spot on the timeline's axis: each dot must stay visible (no two dots
// overlap) and the highlighted date's label touches no dot and stays out of the map's frame.
// The lowest y of the map's frame: the timeline lies below it.
double frame_bottom_of(const Scene& scene) {
    double bottom = 0;
    for (const Layer& layer : scene.layers)
        if (layer.id == "frame")
            for (const SceneItem& item : layer.items)
                if (const auto* p = std::get_if<PathItem>(&item))
                    for (const XY& q : p->rings.at(0)) bottom = std::max(bottom, q.y);
    return bottom;
}

BOOST_AUTO_TEST_CASE(timeline_dots_of_close_events_do_not_overlap) {
    int maps = 0, dots = 0;
    for (const std::string id : {"kurils", "senkaku", "takeshima"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        std::vector<MapRequest> requests(1);
        requests[0].timeline = true;
        for (const Event& e : loaded.events.events) requests.emplace_back().event = e.id;
        for (const MapRequest& request : requests)
            for (const auto& [w, h] : {std::pair{1200, 900}, std::pair{800, 600}}) {
                MapOptions o;
                o.width = w;
                o.height = h;
                const Scene scene = build_scene(loaded, test::default_style(), o, request);
                const std::string what = fmt::format("{} {} {}x{}", id, request.event.value_or("timeline"), w, h);
                const double frame_bottom = frame_bottom_of(scene);
                struct Disc {
                    XY c;
                    double r;
                };
                std::vector<Disc> discs;
                std::vector<BBox> labels;
                for (const Layer& layer : scene.layers) {
                    if (layer.id != "timeline") continue;
                    for (const SceneItem& item : layer.items) {
                        if (const auto* t = std::get_if<TextItem>(&item)) labels.push_back(text_box(*t));
                        const auto* p = std::get_if<PathItem>(&item);
                        if (!p || !p->closed || !p->fill || p->rings.empty()) continue;
                        XY c{0, 0};
                        for (const XY& q : p->rings[0]) c = {c.x + q.x / p->rings[0].size(), c.y + q.y / p->rings[0].size()};
                        double r = 0;
                        for (const XY& q : p->rings[0]) r = std::max(r, std::hypot(q.x - c.x, q.y - c.y));
                        discs.push_back({c, r});
                    }
                }
                ++maps;
                dots += static_cast<int>(discs.size());
                for (size_t i = 0; i < discs.size(); ++i)
                    for (size_t j = i + 1; j < discs.size(); ++j)
                        BOOST_TEST(std::hypot(discs[i].c.x - discs[j].c.x, discs[i].c.y - discs[j].c.y) >= discs[i].r + discs[j].r - 0.01,
                                   what << ": dots at x " << discs[i].c.x << " and " << discs[j].c.x << " overlap");
                for (const Disc& d : discs) BOOST_TEST(d.c.y - d.r >= frame_bottom, what << ": a timeline dot inside the map's frame");
                for (const BBox& l : labels) {
                    BOOST_TEST(l.min_y >= frame_bottom, what << ": a timeline label inside the map's frame");
                    for (const Disc& d : discs)
                        BOOST_TEST(!(l.min_x < d.c.x + d.r && d.c.x - d.r < l.max_x && l.min_y < d.c.y + d.r && d.c.y - d.r < l.max_y),
                                   what << ": a timeline label on a dot at x " << d.c.x);
                }
            }
    }
    BOOST_TEST(maps >= 60);
    BOOST_TEST(dots >= 300);
}

BOOST_AUTO_TEST_CASE(a_crowd_of_events_in_one_week_stays_below_the_map_frame) {
    // Twenty events within a week stack higher than the timeline's band: the stack stops at the
    // frame (the last ones overlap at its top) instead of climbing into the map.
    LoadedCase crowded = test::built_in_case("kurils");
    const Event first = crowded.events.events.back();
    for (int i = 0; i < 20; ++i) {
        Event e = first;
        e.id = fmt::format("crowd-{}", i);
        e.date.day = 1 + i % 7;
        crowded.events.events.push_back(e);
    }
    MapRequest timeline;
    timeline.timeline = true;
    MapOptions o;
    o.width = 1200;
    o.height = 900;
    const Scene scene = build_scene(crowded, test::default_style(), o, timeline);
    const double frame_bottom = frame_bottom_of(scene);
    double highest_dot = 1e9;
    int dots = 0;
    for (const Layer& layer : scene.layers) {
        if (layer.id != "timeline") continue;
        for (const SceneItem& item : layer.items)
            if (const auto* p = std::get_if<PathItem>(&item); p && p->closed && p->fill && !p->rings.empty()) {
                ++dots;
                for (const XY& q : p->rings[0]) highest_dot = std::min(highest_dot, q.y);
            }
    }
    BOOST_TEST(dots >= 20);
    BOOST_TEST(highest_dot >= frame_bottom);
}

BOOST_AUTO_TEST_SUITE_END()
