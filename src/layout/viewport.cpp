#include "layout/viewport.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace claimmap {

Viewport::Viewport(const BBox& projected, const BBox& frame) : extent_(projected), frame_(frame) {
    if (projected.width() <= 0 || projected.height() <= 0 || frame.width() <= 0 || frame.height() <= 0)
        throw Error("map extent or frame is empty");
    scale_ = std::min(frame.width() / projected.width(), frame.height() / projected.height());
    double cx = (projected.min_x + projected.max_x) / 2, cy = (projected.min_y + projected.max_y) / 2;
    double half_w = frame.width() / scale_ / 2, half_h = frame.height() / scale_ / 2;
    extent_ = {cx - half_w, cy - half_h, cx + half_w, cy + half_h};
}

XY Viewport::to_page(XY p) const {
    return {frame_.min_x + (p.x - extent_.min_x) * scale_, frame_.min_y + (extent_.max_y - p.y) * scale_};
}

XY Viewport::to_projected(XY page) const {
    return {extent_.min_x + (page.x - frame_.min_x) / scale_, extent_.max_y - (page.y - frame_.min_y) / scale_};
}

}  // namespace claimmap
