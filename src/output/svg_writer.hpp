#pragma once
#include <string>

#include "render/scene.hpp"

namespace claimmap {

// SVG 1.1 with one <g id="layer-..."> per scene layer and text kept as <text>. Numbers are
// printed with fixed precision so the same scene always gives the same bytes.
std::string scene_to_svg(const Scene& scene);

}  // namespace claimmap
