#pragma once
// PROJ transformation from WGS 84 lon/lat to a map CRS, wrapped in RAII. Not thread-safe: PROJ
// contexts are per thread, so each worker owns its own Projection.
#include <proj.h>

#include <string>
#include <vector>

#include "core/handles.hpp"
#include "core/types.hpp"

namespace claimmap {

class Projection {
public:
    // `crs` is anything proj_create accepts: "EPSG:3857", a PROJ string, WKT.
    explicit Projection(const std::string& crs);
    // A copy has its own PROJ context (one per thread) and clones the operation, without the
    // database search of constructing one.
    Projection(const Projection& other);
    Projection& operator=(const Projection&) = delete;
    Projection(Projection&&) noexcept = default;
    // One per thread and CRS, kept for the thread's life: creating a Projection opens PROJ's
    // database and searches it (~15 ms), which a batch would otherwise pay for every map.
    static const Projection& cached(const std::string& crs);
    XY forward(LonLat p) const;
    LonLat inverse(XY p) const;
    std::vector<XY> forward(const Ring& ring) const;
    // Projected bounding box of a lon/lat box, sampled along its edges (edges curve in most CRSs).
    BBox forward_box(const BBox& lonlat) const;
    // The outline of a lon/lat box, projected with `per_side` points along each edge (counter-clockwise).
    std::vector<XY> forward_outline(const BBox& lonlat, int per_side) const;
    const std::string& crs() const { return crs_; }

private:
    using ContextPtr = Handle<PJ_CONTEXT, proj_context_destroy>;
    using PjPtr = Handle<PJ, proj_destroy>;
    std::string crs_;
    ContextPtr ctx_;
    PjPtr pj_;
};

}  // namespace claimmap
