#pragma once
// GEOS through its stable C API (*_r functions), wrapped once: a context per thread, every
// geometry owned by a unique_ptr, every failure an Error naming the operation.
#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace claimmap {

class Geos;

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g) GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Owns a GEOS context. Non-copyable and non-movable: the error handler points at this object.
class Geos {
public:
    Geos();
    ~Geos();
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;

    GEOSContextHandle_t handle() const { return ctx_; }
    GeomPtr take(GEOSGeometry* g, const char* op);

    // Construction from plain types.
    GeomPtr polygon(const PolygonXY& poly);
    GeomPtr multipolygon(const MultiPolygonXY& polys);
    GeomPtr line(const PathXY& path);
    GeomPtr multiline(const MultiLineXY& lines);
    GeomPtr point(XY p);
    GeomPtr multipoint(const std::vector<XY>& points);
    GeomPtr collect(std::vector<GeomPtr> parts, int type);  // GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION ...
    GeomPtr clone(const GEOSGeometry* g);
    GeomPtr box(const BBox& b);

    // Operations.
    GeomPtr unary_union(const GEOSGeometry* g);
    GeomPtr union_all(std::vector<GeomPtr> parts);
    GeomPtr coverage_union(std::vector<GeomPtr> parts);  // parts must form a coverage
    GeomPtr intersection(const GEOSGeometry* a, const GEOSGeometry* b);
    GeomPtr difference(const GEOSGeometry* a, const GEOSGeometry* b);
    GeomPtr unite(const GEOSGeometry* a, const GEOSGeometry* b);
    GeomPtr buffer(const GEOSGeometry* g, double distance, int quadrant_segments = 8);
    GeomPtr simplify(const GEOSGeometry* g, double tolerance);
    GeomPtr make_valid(const GEOSGeometry* g);
    // Valid polygons by GEOS's "structure" method (collapsed parts dropped).
    GeomPtr make_valid_polygons(const GEOSGeometry* g);
    GeomPtr boundary(const GEOSGeometry* g);
    GeomPtr voronoi(const GEOSGeometry* sites, const GEOSGeometry* envelope);
    GeomPtr line_merge(const GEOSGeometry* g);
    PreparedPtr prepare(const GEOSGeometry* g);

    bool is_empty(const GEOSGeometry* g);
    bool is_valid(const GEOSGeometry* g);
    double planar_area(const GEOSGeometry* g);
    // Nearest point of a prepared geometry to p.
    XY nearest_point(const GEOSPreparedGeometry* target, XY p);

    // Conversion back to plain types (polygonal / linear parts only; other parts are ignored).
    MultiPolygonXY polygons(const GEOSGeometry* g);
    MultiLineXY lines(const GEOSGeometry* g);
    PathXY coordinates(const GEOSGeometry* linear);

private:
    GEOSCoordSequence* sequence(const PathXY& path, bool close);
    [[noreturn]] void failed(const char* op);
    GEOSContextHandle_t ctx_;
    std::string error_;
};

}  // namespace claimmap
