#include "geometry/projection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>

#include "core/error.hpp"

namespace claimmap {
namespace {

// A map is drawn in a projected or a geographic 2D CRS. PROJ also accepts geocentric and 3D
// CRSs and whole pipelines, which give a mirrored or meaningless map without any error.
using OwnedPj = Handle<PJ, proj_destroy>;

void check_map_crs(PJ_CONTEXT* ctx, const std::string& crs) {
    OwnedPj target(proj_create(ctx, crs.c_str()));
    if (!target) return;  // proj_create_crs_to_crs reports why
    PJ_TYPE type = proj_get_type(target.get());
    // "+proj=sterea ..." without +type=crs reads as an operation: read it as the CRS it names.
    if (type == PJ_TYPE_OTHER_COORDINATE_OPERATION || type == PJ_TYPE_CONVERSION || type == PJ_TYPE_TRANSFORMATION ||
        type == PJ_TYPE_CONCATENATED_OPERATION) {
        OwnedPj as_crs(crs.find("+type=crs") == std::string::npos ? proj_create(ctx, (crs + " +type=crs").c_str()) : nullptr);
        type = as_crs ? proj_get_type(as_crs.get()) : PJ_TYPE_UNKNOWN;
        if (type != PJ_TYPE_PROJECTED_CRS && type != PJ_TYPE_GEOGRAPHIC_2D_CRS && type != PJ_TYPE_GEOCENTRIC_CRS &&
            type != PJ_TYPE_GEOGRAPHIC_3D_CRS)
            throw Error("CRS '" + crs + "' is a coordinate operation (a pipeline?), not a coordinate reference system");
        target = std::move(as_crs);
    }
    if (type == PJ_TYPE_BOUND_CRS) {
        OwnedPj base(proj_get_source_crs(ctx, target.get()));
        type = base ? proj_get_type(base.get()) : PJ_TYPE_UNKNOWN;
    }
    if (type != PJ_TYPE_PROJECTED_CRS && type != PJ_TYPE_GEOGRAPHIC_2D_CRS)
        throw Error("CRS '" + crs + "' is " +
                    (type == PJ_TYPE_GEOCENTRIC_CRS ? std::string("geocentric (x, y, z from the Earth's centre)")
                     : type == PJ_TYPE_GEOGRAPHIC_3D_CRS ? std::string("geographic 3D")
                                                        : std::string("not a horizontal CRS")) +
                    ": a map needs a projected or a geographic 2D CRS, e.g. EPSG:3857");
}

}  // namespace

Projection::Projection(const std::string& crs) : crs_(crs), ctx_(proj_context_create()) {
    if (!ctx_) throw Error("PROJ: cannot create a context");
    proj_log_level(ctx_.get(), PJ_LOG_NONE);
    check_map_crs(ctx_.get(), crs);
    PjPtr raw(proj_create_crs_to_crs(ctx_.get(), "EPSG:4326", crs.c_str(), nullptr));
    if (!raw) {
        int err = proj_context_errno(ctx_.get());
        throw Error("unknown or unusable CRS '" + crs + "' (" + proj_context_errno_string(ctx_.get(), err) + ")");
    }
    // EPSG:4326 is lat/lon in axis order; normalise so that we always pass lon, lat.
    pj_.reset(proj_normalize_for_visualization(ctx_.get(), raw.get()));
    if (!pj_) throw Error("cannot normalise the axis order of CRS '" + crs + "'");
}

Projection::Projection(const Projection& other) : crs_(other.crs_), ctx_(proj_context_create()) {
    if (!ctx_) throw Error("PROJ: cannot create a context");
    proj_log_level(ctx_.get(), PJ_LOG_NONE);
    pj_.reset(proj_clone(ctx_.get(), other.pj_.get()));
    if (!pj_) throw Error("cannot copy the transformation to CRS '" + crs_ + "'");
}

const Projection& Projection::cached(const std::string& crs) {
    thread_local std::map<std::string, std::unique_ptr<Projection>> projections;
    std::unique_ptr<Projection>& p = projections[crs];
    if (!p) {
        try {
            p = std::make_unique<Projection>(crs);
        } catch (...) {
            projections.erase(crs);
            throw;
        }
    }
    return *p;
}

XY Projection::forward(LonLat p) const {
    PJ_COORD c = proj_trans(pj_.get(), PJ_FWD, proj_coord(p.lon, p.lat, 0, 0));
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || c.xy.x == HUGE_VAL)
        throw Error("cannot project (" + std::to_string(p.lon) + ", " + std::to_string(p.lat) + ") to '" + crs_ + "'");
    return {c.xy.x, c.xy.y};
}

LonLat Projection::inverse(XY p) const {
    PJ_COORD c = proj_trans(pj_.get(), PJ_INV, proj_coord(p.x, p.y, 0, 0));
    if (!std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi) || c.lp.lam == HUGE_VAL)
        throw Error("cannot unproject (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ") from '" + crs_ + "'");
    return {c.lp.lam, c.lp.phi};
}

std::vector<XY> Projection::forward(const Ring& ring) const {
    std::vector<XY> out;
    out.reserve(ring.size());
    for (const LonLat& p : ring) out.push_back(forward(p));
    return out;
}

std::vector<XY> Projection::forward_outline(const BBox& r, int n) const {
    std::vector<XY> ring;
    ring.reserve(4 * n);
    for (int i = 0; i < n; ++i) ring.push_back(forward({r.min_x + r.width() * i / n, r.min_y}));
    for (int i = 0; i < n; ++i) ring.push_back(forward({r.max_x, r.min_y + r.height() * i / n}));
    for (int i = 0; i < n; ++i) ring.push_back(forward({r.max_x - r.width() * i / n, r.max_y}));
    for (int i = 0; i < n; ++i) ring.push_back(forward({r.min_x, r.max_y - r.height() * i / n}));
    return ring;
}

BBox Projection::forward_box(const BBox& b) const {
    constexpr int steps = 32;
    double inf = std::numeric_limits<double>::infinity();
    BBox out{inf, inf, -inf, -inf};
    auto add = [&](double lon, double lat) {
        XY p = forward({lon, lat});
        out.min_x = std::min(out.min_x, p.x);
        out.max_x = std::max(out.max_x, p.x);
        out.min_y = std::min(out.min_y, p.y);
        out.max_y = std::max(out.max_y, p.y);
    };
    for (int i = 0; i <= steps; ++i) {
        double t = double(i) / steps;
        add(b.min_x + t * b.width(), b.min_y);
        add(b.min_x + t * b.width(), b.max_y);
        add(b.min_x, b.min_y + t * b.height());
        add(b.max_x, b.min_y + t * b.height());
    }
    return out;
}

}  // namespace claimmap
