#include "geometry/geos.hpp"

#include "core/error.hpp"

namespace claimmap {

Geos::Geos() : ctx_(GEOS_init_r()) {
    if (!ctx_) throw Error("GEOS: cannot create a context");
    GEOSContext_setErrorMessageHandler_r(
        ctx_, [](const char* message, void* self) { static_cast<Geos*>(self)->error_ = message; }, this);
}

Geos::~Geos() { GEOS_finish_r(ctx_); }

void Geos::failed(const char* op) {
    std::string msg = error_.empty() ? "failed" : error_;
    error_.clear();
    throw Error(std::string("GEOS ") + op + ": " + msg);
}

GeomPtr Geos::take(GEOSGeometry* g, const char* op) {
    if (!g) failed(op);
    return GeomPtr(g, GeomDeleter{ctx_});
}

GEOSCoordSequence* Geos::sequence(const PathXY& path, bool close) {
    bool add_closing = close && !path.empty() && (path.front().x != path.back().x || path.front().y != path.back().y);
    std::vector<double> xy;
    xy.reserve(path.size() * 2 + 2);
    for (const XY& p : path) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    if (add_closing) {
        xy.push_back(path.front().x);
        xy.push_back(path.front().y);
    }
    GEOSCoordSequence* seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx_, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
    if (!seq) failed("coordinate sequence");
    return seq;
}

GeomPtr Geos::polygon(const PolygonXY& poly) {
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(ctx_, sequence(poly.outer, true));
    if (!shell) failed("linear ring");
    std::vector<GEOSGeometry*> holes;
    for (const PathXY& h : poly.holes) {
        GEOSGeometry* ring = GEOSGeom_createLinearRing_r(ctx_, sequence(h, true));
        if (!ring) {
            GEOSGeom_destroy_r(ctx_, shell);
            for (GEOSGeometry* r : holes) GEOSGeom_destroy_r(ctx_, r);
            failed("linear ring");
        }
        holes.push_back(ring);
    }
    return take(GEOSGeom_createPolygon_r(ctx_, shell, holes.data(), static_cast<unsigned>(holes.size())), "polygon");
}

GeomPtr Geos::collect(std::vector<GeomPtr> parts, int type) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (GeomPtr& p : parts) raw.push_back(p.release());  // the collection takes ownership
    return take(GEOSGeom_createCollection_r(ctx_, type, raw.data(), static_cast<unsigned>(raw.size())), "collection");
}

GeomPtr Geos::multipolygon(const MultiPolygonXY& polys) {
    std::vector<GeomPtr> parts;
    for (const PolygonXY& p : polys) parts.push_back(polygon(p));
    return collect(std::move(parts), GEOS_MULTIPOLYGON);
}

GeomPtr Geos::line(const PathXY& path) { return take(GEOSGeom_createLineString_r(ctx_, sequence(path, false)), "line"); }

GeomPtr Geos::multiline(const MultiLineXY& lines) {
    std::vector<GeomPtr> parts;
    for (const PathXY& l : lines) parts.push_back(line(l));
    return collect(std::move(parts), GEOS_MULTILINESTRING);
}

GeomPtr Geos::point(XY p) { return take(GEOSGeom_createPointFromXY_r(ctx_, p.x, p.y), "point"); }

GeomPtr Geos::multipoint(const std::vector<XY>& points) {
    std::vector<GeomPtr> parts;
    parts.reserve(points.size());
    for (const XY& p : points) parts.push_back(point(p));
    return collect(std::move(parts), GEOS_MULTIPOINT);
}

GeomPtr Geos::clone(const GEOSGeometry* g) { return take(GEOSGeom_clone_r(ctx_, g), "clone"); }

GeomPtr Geos::box(const BBox& b) {
    return polygon({{{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}}, {}});
}

GeomPtr Geos::unary_union(const GEOSGeometry* g) { return take(GEOSUnaryUnion_r(ctx_, g), "union"); }

GeomPtr Geos::union_all(std::vector<GeomPtr> parts) {
    GeomPtr all = collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
    return unary_union(all.get());
}

GeomPtr Geos::coverage_union(std::vector<GeomPtr> parts) {
    GeomPtr all = collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
    return take(GEOSCoverageUnion_r(ctx_, all.get()), "coverage union");
}

GeomPtr Geos::intersection(const GEOSGeometry* a, const GEOSGeometry* b) {
    return take(GEOSIntersection_r(ctx_, a, b), "intersection");
}

GeomPtr Geos::difference(const GEOSGeometry* a, const GEOSGeometry* b) {
    return take(GEOSDifference_r(ctx_, a, b), "difference");
}

GeomPtr Geos::unite(const GEOSGeometry* a, const GEOSGeometry* b) { return take(GEOSUnion_r(ctx_, a, b), "union"); }

GeomPtr Geos::buffer(const GEOSGeometry* g, double distance, int quadrant_segments) {
    return take(GEOSBuffer_r(ctx_, g, distance, quadrant_segments), "buffer");
}

GeomPtr Geos::simplify(const GEOSGeometry* g, double tolerance) {
    return take(GEOSSimplify_r(ctx_, g, tolerance), "simplify");
}

GeomPtr Geos::make_valid(const GEOSGeometry* g) { return take(GEOSMakeValid_r(ctx_, g), "make valid"); }

GeomPtr Geos::make_valid_polygons(const GEOSGeometry* g) {
    struct Params {
        GEOSContextHandle_t ctx;
        GEOSMakeValidParams* p;
        ~Params() {
            if (p) GEOSMakeValidParams_destroy_r(ctx, p);
        }
    } params{ctx_, GEOSMakeValidParams_create_r(ctx_)};
    if (!params.p || !GEOSMakeValidParams_setMethod_r(ctx_, params.p, GEOS_MAKE_VALID_STRUCTURE) ||
        !GEOSMakeValidParams_setKeepCollapsed_r(ctx_, params.p, 0))
        failed("make valid");
    return take(GEOSMakeValidWithParams_r(ctx_, g, params.p), "make valid");
}

GeomPtr Geos::boundary(const GEOSGeometry* g) { return take(GEOSBoundary_r(ctx_, g), "boundary"); }

GeomPtr Geos::voronoi(const GEOSGeometry* sites, const GEOSGeometry* envelope) {
    return take(GEOSVoronoiDiagram_r(ctx_, sites, envelope, 0.0, 0), "voronoi");
}

GeomPtr Geos::line_merge(const GEOSGeometry* g) { return take(GEOSLineMerge_r(ctx_, g), "line merge"); }

PreparedPtr Geos::prepare(const GEOSGeometry* g) {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx_, g);
    if (!p) failed("prepare");
    return PreparedPtr(p, PreparedDeleter{ctx_});
}

bool Geos::is_empty(const GEOSGeometry* g) {
    char r = GEOSisEmpty_r(ctx_, g);
    if (r == 2) failed("is empty");
    return r == 1;
}

bool Geos::is_valid(const GEOSGeometry* g) {
    char r = GEOSisValid_r(ctx_, g);
    if (r == 2) failed("is valid");
    return r == 1;
}

double Geos::planar_area(const GEOSGeometry* g) {
    double a = 0;
    if (!GEOSArea_r(ctx_, g, &a)) failed("area");
    return a;
}

XY Geos::nearest_point(const GEOSPreparedGeometry* target, XY p) {
    GeomPtr pt = point(p);
    GEOSCoordSequence* seq = GEOSPreparedNearestPoints_r(ctx_, target, pt.get());
    if (!seq) failed("nearest points");
    XY out;
    GEOSCoordSeq_getXY_r(ctx_, seq, 0, &out.x, &out.y);
    GEOSCoordSeq_destroy_r(ctx_, seq);
    return out;
}

PathXY Geos::coordinates(const GEOSGeometry* linear) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx_, linear);
    if (!seq) failed("coordinates");
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx_, seq, &n);
    std::vector<double> xy(n * 2);
    if (n && !GEOSCoordSeq_copyToBuffer_r(ctx_, seq, xy.data(), 0, 0)) failed("coordinates");
    PathXY out(n);
    for (unsigned i = 0; i < n; ++i) out[i] = {xy[2 * i], xy[2 * i + 1]};
    return out;
}

MultiPolygonXY Geos::polygons(const GEOSGeometry* g) {
    MultiPolygonXY out;
    int type = GEOSGeomTypeId_r(ctx_, g);
    if (type == GEOS_POLYGON) {
        if (is_empty(g)) return out;
        PolygonXY poly;
        poly.outer = coordinates(GEOSGetExteriorRing_r(ctx_, g));
        int holes = GEOSGetNumInteriorRings_r(ctx_, g);
        for (int i = 0; i < holes; ++i) poly.holes.push_back(coordinates(GEOSGetInteriorRingN_r(ctx_, g, i)));
        out.push_back(std::move(poly));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(ctx_, g);
        for (int i = 0; i < n; ++i) {
            MultiPolygonXY part = polygons(GEOSGetGeometryN_r(ctx_, g, i));
            for (PolygonXY& p : part) out.push_back(std::move(p));
        }
    }
    return out;
}

MultiLineXY Geos::lines(const GEOSGeometry* g) {
    MultiLineXY out;
    int type = GEOSGeomTypeId_r(ctx_, g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        if (!is_empty(g)) out.push_back(coordinates(g));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(ctx_, g);
        for (int i = 0; i < n; ++i) {
            MultiLineXY part = lines(GEOSGetGeometryN_r(ctx_, g, i));
            for (PathXY& l : part) out.push_back(std::move(l));
        }
    }
    return out;
}

}  // namespace claimmap
