#pragma once
#include <cairo.h>

#include "render/scene.hpp"

namespace claimmap {

// Paints every layer of the scene, in order, on a Cairo context whose unit is one scene pixel.
void paint_scene(cairo_t* cr, const Scene& scene);

}  // namespace claimmap
