#include "render/style.hpp"

#include <cmath>
#include <algorithm>
#include <cstdint>

#include "core/error.hpp"
#include "data/toml_util.hpp"
#include "render/text.hpp"

namespace claimmap {
namespace {

Rgba color(const StrictTable& t, const std::string& key) {
    std::string text = t.string(key);
    Rgba c;
    if (!parse_color(text, c)) t.fail_at(key, "is not a colour like \"#1f77b4\" or \"#1f77b480\": \"" + text + "\"");
    return c;
}

double positive(const StrictTable& t, const std::string& key) {
    double v = t.number(key);
    if (v <= 0 || v > 500) t.fail_at(key, "must be a number above 0 and at most 500");
    return v;
}

const toml::table& section(const StrictTable& top, const std::string& key) {
    const toml::table* t = top.opt_table(key);
    if (!t) top.fail_at(key, "is missing: the style needs a [" + key + "] table");
    return *t;
}

}  // namespace

const PartyStyle& Style::party(const std::string& id) const {
    auto it = parties.find(id);
    return it == parties.end() ? other : it->second;
}

Style read_style(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    Style s;
    s.file = path;
    s.name = top.string("name");
    s.font_family = top.string("font");
    // A missing font would silently fall back to another one and change every label's size.
    if (s.font_family.find_first_not_of(" \t") == std::string::npos) top.fail_at("font", "must name a font family");
    if (!font_available(s.font_family))
        top.fail_at("font", "names font '" + s.font_family + "', which is not installed (see fc-list : family)");

    StrictTable page(section(top, "page"), path, "page");
    s.page = color(page, "background");
    s.text = color(page, "text");
    s.muted_text = color(page, "muted_text");
    s.frame = color(page, "frame");
    s.title_size = positive(page, "title_size");
    s.subtitle_size = positive(page, "subtitle_size");
    s.credits_size = positive(page, "credits_size");
    s.legend_size = positive(page, "legend_size");
    page.reject_unknown_keys();

    StrictTable sea(section(top, "sea"), path, "sea");
    s.sea = color(sea, "fill");
    s.sea_label = color(sea, "label");
    s.sea_label_size = positive(sea, "label_size");
    sea.reject_unknown_keys();

    StrictTable land(section(top, "land"), path, "land");
    s.other.land = color(land, "fill");
    s.other.accent = s.other.land;
    s.coastline = color(land, "coastline");
    s.coastline_width = positive(land, "coastline_width");
    land.reject_unknown_keys();

    if (const toml::table* parties = top.opt_table("party")) {
        for (const auto& [key, node] : *parties) {
            std::string id(key.str());
            const toml::table* t = node.as_table();
            if (!t) StrictTable(*parties, path, "party").fail_at(id, "must be a table of colours");
            StrictTable ps(*t, path, "party." + id);
            s.parties[id] = {color(ps, "land"), color(ps, "accent"), color(ps, "territorial_sea"), color(ps, "eez")};
            ps.reject_unknown_keys();
        }
    }

    StrictTable palette(section(top, "palette"), path, "palette");
    if (const toml::array* accents = palette.opt_array("accents")) {
        for (const toml::node& n : *accents) {
            auto text = n.value<std::string>();
            Rgba c;
            if (!text || !parse_color(*text, c)) palette.fail_at("accents", "must be an array of colours like \"#e69f00\"");
            s.palette.accents.push_back(c);
        }
    }
    if (s.palette.accents.size() < 2) palette.fail_at("accents", "must list at least two colours");
    s.palette.base = color(palette, "base");
    auto share = [&](const std::string& key) {
        double v = palette.number(key);
        if (!(v > 0 && v <= 1)) palette.fail_at(key, "must be a share of the accent above 0 and at most 1");
        return v;
    };
    s.palette.land = share("land");
    s.palette.territorial_sea = share("territorial_sea");
    s.palette.eez = share("eez");
    palette.reject_unknown_keys();

    StrictTable lines(section(top, "lines"), path, "lines");
    s.median_stroke = color(lines, "median");
    s.compare_stroke = color(lines, "compare");
    s.split_cut = color(lines, "split_cut");
    s.median_width = positive(lines, "width");
    auto dash = [&](const std::string& key) {
        std::vector<double> out;
        if (const toml::array* arr = lines.opt_array(key))
            for (const toml::node& n : *arr) {
                auto v = n.value<double>();
                if (!v || !std::isfinite(*v) || *v <= 0 || *v > 500)
                    lines.fail_at(key, "must be an array of dash lengths above 0 and at most 500");
                out.push_back(*v);
            }
        return out;
    };
    s.median_dash = dash("median_dash");
    s.compare_dash = dash("compare_dash");
    lines.reject_unknown_keys();

    StrictTable hatch(section(top, "hatch"), path, "hatch");
    s.hatch = color(hatch, "stroke");
    s.hatch_spacing = positive(hatch, "spacing");
    // Hatch lines are drawn one by one: a spacing below a pixel makes millions of them.
    if (s.hatch_spacing < 1) hatch.fail_at("spacing", "must be at least 1 (pixels between hatch lines)");
    s.hatch_width = positive(hatch, "width");
    hatch.reject_unknown_keys();

    StrictTable disputed(section(top, "disputed"), path, "disputed");
    s.disputed_fill = color(disputed, "fill");
    s.disputed_stroke = color(disputed, "stroke");
    s.disputed_stroke_width = positive(disputed, "stroke_width");
    disputed.reject_unknown_keys();

    StrictTable grat(section(top, "graticule"), path, "graticule");
    s.graticule = color(grat, "stroke");
    s.graticule_width = positive(grat, "width");
    s.graticule_step_deg = positive(grat, "step_deg");
    // One line per step across the map: a tiny step would draw millions of them.
    if (s.graticule_step_deg < 0.1) grat.fail_at("step_deg", "must be at least 0.1 (degrees between graticule lines)");
    grat.reject_unknown_keys();

    StrictTable labels(section(top, "labels"), path, "labels");
    s.label_text = color(labels, "text");
    s.label_halo = color(labels, "halo");
    s.leader = color(labels, "leader");
    s.label_halo_width = positive(labels, "halo_width");
    s.territory_label_size = positive(labels, "territory_size");
    s.island_label_size = positive(labels, "island_size");
    s.small_size = positive(labels, "small_size");
    labels.reject_unknown_keys();

    top.reject_unknown_keys();
    return s;
}

size_t palette_slot(const std::string& party_id, size_t palette_size) {
    // FNV-1a: the same id gets the same slot on every machine and in every case.
    uint32_t h = 2166136261u;
    for (unsigned char c : party_id) h = (h ^ c) * 16777619u;
    return palette_size ? h % palette_size : 0;
}

namespace {

// The colour turned round the colour wheel (HSV hue) by `degrees`, its saturation and value kept.
Rgba turn_hue(const Rgba& c, double degrees) {
    const double mx = std::max({c.r, c.g, c.b}), mn = std::min({c.r, c.g, c.b}), d = mx - mn;
    double h = 0;
    if (d > 0) h = mx == c.r ? std::fmod((c.g - c.b) / d, 6.0) : mx == c.g ? (c.b - c.r) / d + 2 : (c.r - c.g) / d + 4;
    h = std::fmod(h * 60 + degrees + 360.0, 360.0) / 60;
    const double s = mx > 0 ? d / mx : 0, v = mx, f = h - std::floor(h);
    const double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
    switch (int(h) % 6) {
        case 0: return {v, t, p, c.a};
        case 1: return {q, v, p, c.a};
        case 2: return {p, v, t, c.a};
        case 3: return {p, q, v, c.a};
        case 4: return {t, p, v, c.a};
        default: return {v, p, q, c.a};
    }
}

}  // namespace

Style with_party_colours(const Style& style, const std::vector<std::string>& party_ids) {
    Style out = style;
    std::vector<Rgba> accents = style.palette.accents;
    size_t unstyled = 0;
    for (const std::string& id : party_ids) unstyled += !out.parties.count(id);
    // More parties than accents: the palette again, turned by the golden angle each round, so that
    // no two parties share a colour.
    for (size_t round = 1; !accents.empty() && accents.size() < unstyled; ++round)
        for (size_t i = 0; i < style.palette.accents.size() && accents.size() < unstyled; ++i)
            accents.push_back(turn_hue(style.palette.accents[i], 137.508 * double(round)));
    std::vector<bool> taken(accents.size(), false);
    auto mix = [&](const Rgba& c, double share) {
        const Rgba& b = style.palette.base;
        return Rgba{b.r + (c.r - b.r) * share, b.g + (c.g - b.g) * share, b.b + (c.b - b.b) * share, 1};
    };
    for (const std::string& id : party_ids) {
        if (out.parties.count(id) || accents.empty()) continue;
        // The slot hashes over the style's own accents, so a party's colour does not depend on how
        // many parties the case has; only a taken slot moves on (into the turned colours too).
        const size_t own = style.palette.accents.size();
        size_t slot = palette_slot(id, own);
        for (size_t k = 0; k < own && taken[slot]; ++k) slot = (slot + 1) % own;
        for (size_t k = own; taken[slot] && k < accents.size(); ++k) slot = k;  // the palette is used up
        taken[slot] = true;
        const Rgba& a = accents[slot];
        out.parties[id] = {mix(a, style.palette.land), a, mix(a, style.palette.territorial_sea), mix(a, style.palette.eez)};
    }
    return out;
}

std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& data_folder) {
    if (name_or_path.size() > 5 && name_or_path.ends_with(".toml")) return name_or_path;
    return data_folder / "styles" / (name_or_path + ".toml");
}

}  // namespace claimmap
