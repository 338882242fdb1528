#pragma once
// The map layout's internals: SceneBuilder turns MapInputs into a Scene, one layer at a time. Its
// methods live by subject: map_layout.cpp (build order, title and subtitle, text), map_layers.cpp
// (sea, land, zones, boundaries, graticule, figures), labels.cpp (place labels and where they go),
// event_layers.cpp (callout, venue inset, venues, timeline) and furniture.cpp (frame, inset, north
// arrow, scale bar, legend, title, credits).
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/events.hpp"
#include "geometry/projection.hpp"
#include "i18n/catalog.hpp"
#include "layout/map_layout.hpp"
#include "layout/viewport.hpp"
#include "render/scene.hpp"
#include "render/text.hpp"

namespace claimmap::layout_detail {

// Page furniture sizes are given for a 1000 px map and scale with the shorter side.
struct PageMetrics {
    double unit, margin, title_band, credits_band, timeline_band;
};

// `credits_lines`: how many lines the credits take at the bottom of the page.
PageMetrics page_metrics(const MapOptions& o, const Style& s, bool timeline, size_t credits_lines = 2);
// The smallest text a map sets (6 pt at the page's resolution): the credits wrap rather than shrink below it.
double min_legible_px(const MapOptions& o);
// `side_column`: page pixels kept free right of the frame, for a callout that fits nowhere inside.
BBox frame_box(const MapOptions& o, const PageMetrics& m, double side_column = 0);
// Drops page points nearer than a fraction of a pixel to the last one kept.
std::vector<XY> thinned(const std::vector<XY>& points);
// The catalog of a map's inputs: theirs, or English from the built-in data folder.
const Catalog& catalog_of(const MapInputs& in);
const CaseText& case_text_of(const MapInputs& in);
void validate(const MapOptions& o);

class SceneBuilder {
public:
    SceneBuilder(const MapInputs& in, const MapOptions& o, double side_column = 0)
        : in_(in), o_(o), cat_(catalog_of(in)), ct_(case_text_of(in)), style_(with_party_colours(in.style, party_ids(in.case_config))), pov_(in.case_config.view(o.pov)), credits_(credits_lines(page_metrics(o, in.style, in.events != nullptr).unit)),
          m_(page_metrics(o, in.style, in.events != nullptr, credits_.lines.size())),
          proj_(Projection::cached(o.crs.value_or(in.case_config.crs))),
          view_(in.projected_extent ? *in.projected_extent : proj_.forward_box(o.extent.value_or(in.case_config.extent)),
                frame_box(o, m_, side_column)),
          side_column_(side_column) {
        for (const LandFeature& f : in_.land.features)
            if (!f.territory.empty()) disputed_page_.push_back(page_ring(f.shape.outer));
    }
    Scene build();
    MapFrame frame() const { return {view_.frame(), view_.extent(), proj_.crs()}; }
    // After build(): the width a side column needs for boxes that fit nowhere in the frame (0: none).
    double side_column_wanted() const { return side_column_wanted_; }

private:
    double px(double size) const { return size * m_.unit; }
    // A string of the map's language (i18n/<lang>.toml) with its placeholders filled.
    std::string tr(std::string_view key, TextArgs args = {}) const { return cat_.text(key, args); }
    // A scenario's words (title, description, on_the_table) in the map's language.
    std::string scenario_text(const std::string& id, const char* field, const std::string& english) const {
        return ct_.get("scenario." + id + "." + field, english);
    }
    XY page(LonLat p) const { return view_.to_page(proj_.forward(p)); }
    std::string title() const;
    std::string subtitle() const;
    // "Summit: Shinzo Abe (Japan) and Vladimir Putin (Russia)": participants are written
    // "Name (Country, role)"; the role stays in the callout.
    std::string event_subtitle(const Event& e) const;
    // The event's participants in the map's language (the case catalog's, else English).
    std::vector<std::string> participants(const Event& e) const;
    // "Summit" (a heading) or "summit" (inside a sentence), in the map's language.
    std::string event_kind(const Event& e, bool inline_word) const;
    std::string party_name(const std::string& id) const;
    // A venue's name in the map's language when the venues file gives one, else its English name.
    std::string venue_name(const Venue& v) const;
    // Whether a venue lies on the disputed territory (on its land or within 5 km of its coast).
    bool at_the_territory(const Venue& v) const;
    std::vector<XY> page_ring(const Ring& ring) const;
    void add_polygon(PathItem& path, const Polygon& poly) const;
    // A label line made of names in several languages, with the language of each run.
    struct LabelLine {
        std::string text;
        std::vector<LangSpan> langs;
        // Whether the line holds `piece` as a whole name.
        bool holds(const std::string& piece) const;
        // Appends `piece` (in `lang`, "" for none) after `sep` unless the line already holds it.
        void add(const std::string& piece, const std::string& lang, const std::string& sep);
    };
    Layer map_layer(std::string id) const;
    TextItem text(const std::string& s, XY origin, FontSpec font, Rgba color, bool halo) const;
    // A page-coloured, slightly see-through box with the frame's outline: legend, figures, callout.
    PathItem panel(double x, double y, double w, double h, double opacity) const;
    // Open lines (great circles, leaders) in one colour and width.
    PathItem polyline(std::vector<std::vector<XY>> lines, Rgba color, double width) const;
    FontSpec font(double size, bool bold = false, bool italic = false) const;
    Layer sea_layer() const;
    // The lon/lat range visible in the frame, from its projected edges.
    BBox visible_lonlat() const;
    Layer graticule_layer(const std::vector<BBox>& occupied) const;
    Layer land_layer() const;
    // Without a scenario: disputed land in the highlight colour. With one: in the accent of the
    // party holding it under the scenario, split territories piece by piece.
    Layer disputed_layer() const;
    // Rings round disputed territories too small to see at the map's scale.
    Layer disputed_markers_layer() const;
    Layer zone_layer(const char* id, std::vector<Polygon> PartyOverlay::*zone, Rgba PartyStyle::*color) const;
    PathItem line_item(const std::vector<Ring>& lines, Rgba color, const std::vector<double>& dash) const;
    PathItem page_line_item(std::vector<std::vector<XY>> rings, Rgba color, const std::vector<double>& dash) const;
    // How each line of an overview's view and each claim line is drawn (looks_, line_pages_, in
    // that order): in its party's accent (no party: the median colour) and its kind's dashes,
    // changed as little as it takes to tell it from every line before it (and a scenario map's
    // own lines) by colour (CIEDE2000) and by dashes, and to stand out on the sea and in the
    // legend; where lines run together, side by side.
    // A line drawn nowhere (no geometry) takes no colour or dashes from the others and has no
    // legend entry. Past eight lines, the patterns come again with longer dashes.
    struct LineLook {
        Rgba colour;
        std::vector<double> dash;
        bool drawn = true;
    };
    void settle_lines();
    Layer view_boundaries_layer() const;
    Layer boundaries_layer() const;
    // Claimed boundaries and lines of control the case draws from data, in the claimant's accent.
    Layer claim_lines_layer() const;
    Hatch hatch() const { return {style_.hatch, px(style_.hatch_spacing), px(style_.hatch_width), 45}; }
    Layer changes_layer() const;
    // A small table of the figures behind the map, top right inside the frame.
    Layer figures_layer() const;
    // "146°E", "44.5°N" in the map's language (coordinates.* strings).
    std::string longitude(double lon) const;
    std::string latitude(double lat) const;
    // The two lines of a label. Neutral: every English usage (the neutral name first), then each
    // party's name in its own language. A party's point of view: its own name and English usage
    // first, the other parties' on the second line.
    std::pair<LabelLine, LabelLine> label_lines(const Place& p) const;
    static BBox box_of(const PathItem& path);
    // The page box of a furniture layer: its paths and its text.
    static BBox box_of_layer(const Layer& layer);
    static bool overlaps(const BBox& a, const BBox& b);
    // Labels of places; one that would sit under a legend or table box is left out, except the
    // disputed territories, which are never dropped.
    // A point on a territory's largest polygon (page coordinates), for leader lines.
    XY land_point(const std::string& territory) const;
    // Whether a page box touches disputed land: a vertex of it inside the box, or the box's centre
    // or corners inside a polygon.
    bool covers_disputed(const BBox& box) const;
    // Labels of places, territories first. A label goes at its gazetteer position or, when that
    // overlaps another label, a legend/table/inset box or disputed land, at the first free spot
    // around it. A label with no free spot is left out, except a disputed territory's, which is
    // never dropped (it keeps its gazetteer position).
    Layer labels_layer(const std::vector<BBox>& occupied) const;
    // Words of `text` in lines no wider than `width`.
    static std::vector<std::string> wrap(const std::string& text, const FontSpec& f, double width);
    // How the callout names the scenario on the table: the scenario's `on_the_table` words.
    std::string scenario_words(const std::string& scenario) const;
    // "Moscow · モスクワ · Москва" (with sep " · "): English, then each party's own-language name, each once.
    LabelLine venue_names(const Venue& v, const std::string& sep) const;
    // The event's callout: date, place, who, what, what was on the table, and the source; `scale`
    // sizes its type; lines beyond `max_height` are cut, the last one ending in an ellipsis.
    Layer callout_layer(double width, double scale, double max_height = INFINITY) const;
    // The callout where it covers no disputed land and no territory label: at the size the style
    // gives it, narrower, smaller, or else (side_column_wanted_) beside the frame.
    std::optional<Layer> placed_callout(std::vector<BBox>& taken);
    // Points along the great circle (geodesic) from a to b, split where a world map's seam cuts it.
    std::vector<std::vector<XY>> great_circle(const Projection& proj, const Viewport& v, LonLat a, LonLat b) const;
    // Where the event took place, on a small world map with the great circle from the disputed territory.
    Layer venue_inset_layer(double scale = 1) const;
    PathItem dot(XY c, double r, Rgba fill) const;
    // The timeline map: every venue with its number of events and a great circle to the islands.
    // Labels go beside their dot on a side no line takes; a line that must pass a label stops
    // short of it (knock-out), so no line runs through a name.
    Layer venues_layer(const std::vector<BBox>& occupied) const;
    // All events on a time axis under the map; the event of an event map is highlighted.
    Layer timeline_layer() const;
    static BBox world_extent(const Projection& proj, const LandData& world);
    XY frame_centre() const;
    static std::vector<XY> rectangle(const BBox& b);
    // An inset's sea-filled box (drawn first) or its outline alone (drawn last, over the content).
    PathItem inset_box(const BBox& box, bool filled) const;
    // A locator map of the wider region with the main map's frame, top left.
    Layer inset_layer(double scale = 1) const;
    // An arrow to true north at the map centre (in a conformal projection it turns away from the
    // page's vertical off the central meridian), bottom left above the scale bar.
    Layer north_arrow_layer() const;
    Layer frame_layer() const;
    // A bar of a round length, measured on the ellipsoid along the parallel at the map centre.
    Layer scale_bar_layer() const;
    struct LegendEntry {
        std::optional<Rgba> fill, stroke;
        bool line = false;
        std::vector<double> dash;
        std::optional<Hatch> hatch;
        std::string label;
    };
    // The legend lists what this map draws, in the words of the case's parties.
    std::vector<LegendEntry> legend_entries() const;
    // The case's claim lines, as settle_lines() draws them.
    void claim_line_entries(std::vector<LegendEntry>& entries) const;
    // "Median line, <scenario>", naming the pairs of parties when there are more than two parties.
    std::string median_words(const ScenarioOverlay& scenario) const;
    Layer legend_layer() const;
    // The font made smaller, down to 60 % (and never below `floor_px`), until the text fits the width.
    static FontSpec fitted(const std::string& s, FontSpec f, double width, double floor_px = 0);
    Layer title_layer() const;
    // The credits: the case's attribution, then projection, method and version, each shrunk a
    // little to fit the page's width and wrapped onto more lines rather than set below a legible
    // size. Computed before the frame (`unit`: page pixels per style unit), whose bottom they set.
    struct CreditsLines {
        FontSpec font;
        std::vector<std::string> lines;
    };
    CreditsLines credits_lines(double unit) const;
    Layer credits_layer() const;

    // Placement of furniture (placement.cpp).
    struct PlaceLabel {
        FontSpec main, second;
        LabelLine line1, line2;
        TextExtent e1, e2;
        double w = 0, h = 0;
    };
    // A gazetteer label's two lines, fonts and size.
    PlaceLabel place_label(const Place& place) const;
    // Page geometry furniture must keep off (disputed land, territory labels at their spots) or had
    // better keep off (other labels, land).
    void measure_obstacles();
    double disputed_area_in(const BBox& b) const;
    // None when the box covers disputed land or a territory label; else how much it hides.
    std::optional<double> furniture_cost(const BBox& b) const;
    // The best free spot for a box the size of `preferred` along the frame's edges, clear of `taken`.
    std::optional<BBox> place_box(const BBox& preferred, const std::vector<BBox>& taken, bool corners_only = false) const;
    static void translate(Layer& layer, double dx, double dy);
    // Moves a furniture layer to place_box's spot and marks it taken; false when there is none.
    bool place_layer(Layer& layer, std::vector<BBox>& taken, bool corners_only = false) const;

    const MapInputs& in_;
    const MapOptions& o_;
    const Catalog& cat_;
    const CaseText& ct_;
    static std::vector<std::string> party_ids(const CaseConfig& c) {
        std::vector<std::string> ids;
        for (const Party& p : c.parties) ids.push_back(p.id);
        return ids;
    }
    const Style style_;  // the map's style, with palette colours for parties without their own
    const View& pov_;
    CreditsLines credits_;  // before m_, whose credits band it sizes
    PageMetrics m_;
    const Projection& proj_;
    Viewport view_;
    std::vector<std::vector<XY>> disputed_page_;  // outer rings of disputed land, page coordinates
    double side_column_ = 0, side_column_wanted_ = 0;
    std::vector<BBox> disputed_boxes_, land_boxes_, territory_label_boxes_, other_label_boxes_;
    std::vector<std::vector<XY>> land_page_;  // outer rings of the other land, page coordinates
    std::vector<LineLook> looks_;                              // settle_lines()
    size_t claim_lines_first_ = 0;                             // the index in looks_ of the first claim line
    std::vector<std::vector<std::vector<XY>>> line_pages_;  // each line's pieces on the page, side by side where they meet
};

}  // namespace claimmap::layout_detail
