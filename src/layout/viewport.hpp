#pragma once
#include "core/types.hpp"

namespace claimmap {

// Maps projected coordinates (metres, y up) into a page frame (pixels, y down), uniformly scaled.
// The projected extent is widened on one axis to the frame's aspect ratio, never cropped.
class Viewport {
public:
    Viewport(const BBox& projected, const BBox& frame);
    XY to_page(XY p) const;
    XY to_projected(XY page) const;
    const BBox& extent() const { return extent_; }
    const BBox& frame() const { return frame_; }
    double pixels_per_metre() const { return scale_; }

private:
    BBox extent_, frame_;
    double scale_ = 1;
};

}  // namespace claimmap
