#include "render/text.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>

#include "render/cairo_handles.hpp"

namespace claimmap {
namespace {

FontOptionsPtr stable_font_options() {
    FontOptionsPtr opts(cairo_font_options_create());
    cairo_font_options_set_hint_style(opts.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(opts.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(opts.get(), CAIRO_ANTIALIAS_GRAY);
    return opts;
}

FontDescPtr font_description(const FontSpec& font) {
    FontDescPtr desc(pango_font_description_new());
    pango_font_description_set_family(desc.get(), font.family.c_str());
    pango_font_description_set_absolute_size(desc.get(), font.size_px * PANGO_SCALE);
    pango_font_description_set_weight(desc.get(), font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(desc.get(), font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return desc;
}

void configure(PangoContext* context) {
    FontOptionsPtr opts = stable_font_options();
    pango_cairo_context_set_font_options(context, opts.get());
    pango_cairo_context_set_resolution(context, 96.0);
    pango_context_set_round_glyph_positions(context, FALSE);
}

LayoutPtr make_layout(PangoContext* context, const std::string& text, const FontSpec& font,
                      const std::vector<LangSpan>& langs) {
    LayoutPtr layout(pango_layout_new(context));
    FontDescPtr desc = font_description(font);
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    if (!langs.empty() || !font.lang.empty()) {
        PangoAttrList* attrs = pango_attr_list_new();
        // The map's language for the whole text first (glyph forms of Han characters, line
        // breaking), then the runs of names in other languages over it.
        if (!font.lang.empty()) pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(font.lang.c_str())));
        for (const LangSpan& span : langs) {
            PangoAttribute* a = pango_attr_language_new(pango_language_from_string(span.lang.c_str()));
            a->start_index = static_cast<guint>(std::min(span.begin, text.size()));
            a->end_index = static_cast<guint>(std::min(span.end, text.size()));
            pango_attr_list_insert(attrs, a);  // takes ownership of a
        }
        pango_layout_set_attributes(layout.get(), attrs);
        pango_attr_list_unref(attrs);
    }
    return layout;
}

// One measuring context per thread: Pango objects are not thread-safe.
PangoContext* measuring_context() {
    thread_local PangoContextPtr context = [] {
        PangoContextPtr c(pango_font_map_create_context(pango_cairo_font_map_get_default()));
        configure(c.get());
        return c;
    }();
    return context.get();
}

}  // namespace

TextExtent measure_text(const std::string& text, const FontSpec& font, const std::vector<LangSpan>& langs) {
    PangoContext* context = measuring_context();
    LayoutPtr layout = make_layout(context, text, font, langs);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return {double(logical.width) / PANGO_SCALE, double(logical.height) / PANGO_SCALE,
            double(pango_layout_get_baseline(layout.get())) / PANGO_SCALE};
}

std::vector<std::string> wrap_text(const std::string& text, const FontSpec& font, double width) {
    PangoContext* context = measuring_context();
    LayoutPtr layout = make_layout(context, text, font, {});
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    std::vector<std::string> lines;
    for (GSList* l = pango_layout_get_lines_readonly(layout.get()); l; l = l->next) {
        const auto* line = static_cast<PangoLayoutLine*>(l->data);
        std::string piece = text.substr(static_cast<size_t>(line->start_index), static_cast<size_t>(line->length));
        while (!piece.empty() && piece.back() == ' ') piece.pop_back();
        while (!piece.empty() && piece.front() == ' ') piece.erase(0, 1);
        if (!piece.empty()) lines.push_back(std::move(piece));
    }
    return lines;
}

double widest_unbreakable(const std::string& text, const FontSpec& font) {
    PangoContext* context = measuring_context();
    LayoutPtr layout = make_layout(context, text, font, {});
    int n = 0;
    const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout.get(), &n);
    // attrs[i] tells whether a line may break before character i (n: characters + 1).
    double widest = 0;
    // Pango's own copy of the text (invalid UTF-8 replaced), whose characters the attributes count.
    const char* begin = pango_layout_get_text(layout.get());
    const char* from = begin;
    for (int i = 1; i < n; ++i) {
        if (!attrs[i].is_line_break && i + 1 < n) continue;
        const char* to = g_utf8_offset_to_pointer(begin, i);
        std::string piece(from, to);
        while (!piece.empty() && piece.back() == ' ') piece.pop_back();
        widest = std::max(widest, measure_text(piece, font).width);
        from = to;
    }
    return widest;
}

void draw_text(cairo_t* cr, const TextItem& item) {
    PangoContextPtr context(pango_cairo_create_context(cr));
    configure(context.get());
    LayoutPtr layout = make_layout(context.get(), item.text, item.font, item.langs);
    cairo_save(cr);
    cairo_move_to(cr, item.origin.x, item.origin.y);
    if (item.halo && item.halo_width > 0) {
        pango_cairo_layout_path(cr, layout.get());
        cairo_set_source_rgba(cr, item.halo->r, item.halo->g, item.halo->b, item.halo->a);
        cairo_set_line_width(cr, item.halo_width * 2);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, item.origin.x, item.origin.y);
    }
    cairo_set_source_rgba(cr, item.color.r, item.color.g, item.color.b, item.color.a);
    pango_cairo_show_layout(cr, layout.get());
    cairo_restore(cr);
}

bool font_available(const std::string& family) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
    if (!pattern) return false;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    bool ok = false;
    if (match) {
        FcChar8* found = nullptr;
        if (FcPatternGetString(match, FC_FAMILY, 0, &found) == FcResultMatch)
            ok = std::string(reinterpret_cast<char*>(found)) == family;
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return ok;
}

}  // namespace claimmap
