#include "render/style.hpp"

#include <cmath>

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

std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& data_folder) {
    if (name_or_path.size() > 5 && name_or_path.ends_with(".toml")) return name_or_path;
    return data_folder / "styles" / (name_or_path + ".toml");
}

}  // namespace claimmap
