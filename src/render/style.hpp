#pragma once
// A map style, read from styles/<name>.toml into an immutable value. Sizes are in pixels for a
// map whose shorter side is 1000 px and scale with the output size.
#include <filesystem>
#include <map>
#include <string>

#include "render/color.hpp"

namespace claimmap {

struct Style {
    std::filesystem::path file;
    std::string name;
    std::string font_family;

    Rgba page, text, muted_text, frame;
    Rgba sea;
    Rgba land_other;
    std::map<std::string, Rgba> land_by_party;  // de facto holder -> fill
    Rgba coastline;
    double coastline_width = 0.6;
    Rgba disputed_fill, disputed_stroke;
    double disputed_stroke_width = 1.2;
    Rgba graticule;
    double graticule_width = 0.5;
    double graticule_step_deg = 2;
    Rgba label_text, label_halo, sea_label, leader;
    double label_halo_width = 2;
    double title_size = 30, subtitle_size = 17, territory_label_size = 17, island_label_size = 16;
    double sea_label_size = 15, small_size = 11, credits_size = 11, legend_size = 13;

    const Rgba& land_fill(const std::string& holder) const;
};

Style read_style(const std::filesystem::path& path);
// styles/<name>.toml in the data folder, or `name` itself if it is a path to a .toml file.
std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& data_folder);

}  // namespace claimmap
