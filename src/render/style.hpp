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
    PartyStyle other;                          // land of anyone without a [party.X] table
    std::map<std::string, PartyStyle> parties;  // party id -> colours
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
// styles/<name>.toml in the data folder, or `name` itself if it is a path to a .toml file.
std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& data_folder);

}  // namespace claimmap
