#pragma once
// A map style, read from styles/<name>.toml into an immutable value. Sizes are in pixels for a
// map whose shorter side is 1000 px and scale with the output size.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "render/color.hpp"

namespace claimmap {

// How one party's land and sea are drawn.
struct PartyStyle {
    Rgba land, accent, territorial_sea, eez;
};

struct Style {
    std::filesystem::path file;
    std::string name;
    std::string font_family;

    Rgba page, text, muted_text, frame;
    Rgba sea;
    PartyStyle other;                          // land of non-parties (countries not in the case)
    std::map<std::string, PartyStyle> parties;  // party id -> colours
    // Colours for a party without a [party.X] table: an accent from `accents`, with land and sea
    // tints mixed from it towards `base` (the style's background).
    struct Palette {
        std::vector<Rgba> accents;
        Rgba base;
        double land = 0.12, territorial_sea = 0.45, eez = 0.2;  // share of the accent in each tint
    } palette;
    Rgba coastline;
    double coastline_width = 0.6;
    Rgba disputed_fill, disputed_stroke;
    double disputed_stroke_width = 1.2;
    Rgba graticule;
    double graticule_width = 0.5;
    double graticule_step_deg = 2;
    Rgba median_stroke, compare_stroke, split_cut, hatch;
    double median_width = 1.6, hatch_spacing = 6, hatch_width = 1;
    std::vector<double> median_dash, compare_dash;
    Rgba label_text, label_halo, sea_label, leader;
    double label_halo_width = 2;
    double title_size = 30, subtitle_size = 17, territory_label_size = 17, island_label_size = 16;
    double sea_label_size = 15, small_size = 11, credits_size = 11, legend_size = 13;

    const PartyStyle& party(const std::string& id) const;
    const Rgba& land_fill(const std::string& holder) const { return party(holder).land; }
};

Style read_style(const std::filesystem::path& path);
// The style with colours for every party of a case: a party without its own [party.X] table gets
// a palette accent chosen by a hash of its id (stable whatever the other parties), moved on to the
// next free accent when an earlier party of the case (in case order) already has that one.
Style with_party_colours(const Style& style, const std::vector<std::string>& party_ids);
size_t palette_slot(const std::string& party_id, size_t palette_size);  // the hash, before collisions
// styles/<name>.toml in the data folder, or `name` itself if it is a path to a .toml file.
std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& data_folder);

}  // namespace claimmap
