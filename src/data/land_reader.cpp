#include "data/land_reader.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <mutex>

#include "core/error.hpp"
#include "geometry/geos.hpp"

namespace claimmap {
namespace {

void init_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Errors are reported through exceptions with CPLGetLastErrorMsg, not printed by GDAL.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

// Records the first error GDAL reports while it is installed, including errors a driver reports
// and then recovers from by itself (the last-error state does not keep those).
class GdalErrorLog {
public:
    GdalErrorLog() { CPLPushErrorHandlerEx(&GdalErrorLog::handler, this); }
    ~GdalErrorLog() { CPLPopErrorHandler(); }
    GdalErrorLog(const GdalErrorLog&) = delete;
    GdalErrorLog& operator=(const GdalErrorLog&) = delete;
    const std::string& first_error() const { return first_; }

private:
    static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum, const char* msg) {
        auto* self = static_cast<GdalErrorLog*>(CPLGetErrorHandlerUserData());
        if (self && cls >= CE_Failure && self->first_.empty()) {
            self->first_ = msg && *msg ? msg : "unknown GDAL error";
            for (char& c : self->first_)
                if (c == '\n' || c == '\r') c = ' ';
        }
    }
    std::string first_;
};

std::string last_gdal_error() {
    std::string msg = CPLGetLastErrorMsg();
    for (char& c : msg)
        if (c == '\n' || c == '\r') c = ' ';
    return msg.empty() ? "unknown GDAL error" : msg;
}

Ring to_ring(const OGRLinearRing& ring) {
    Ring out;
    out.reserve(ring.getNumPoints());
    for (int i = 0; i < ring.getNumPoints(); ++i) out.push_back({ring.getX(i), ring.getY(i)});
    if (!out.empty() && (out.front().lon != out.back().lon || out.front().lat != out.back().lat))
        out.push_back(out.front());
    return out;
}

Polygon to_polygon(const OGRPolygon& poly) {
    Polygon out;
    if (const OGRLinearRing* ext = poly.getExteriorRing()) out.outer = to_ring(*ext);
    for (int i = 0; i < poly.getNumInteriorRings(); ++i) out.holes.push_back(to_ring(*poly.getInteriorRing(i)));
    return out;
}

constexpr std::initializer_list<const char*> country_fields = {"country", "A3", "ISO_A3", "ADM0_A3"};

bool is_polygonal(OGRwkbGeometryType type) {
    type = wkbFlatten(type);
    return type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon || type == wkbMultiSurface;
}

// The layer holding the land: the only layer, or the only one declared as polygons (a
// GeoPackage often holds other layers next to it). `shown` becomes "<file> layer '<name>'" when
// there was a choice, so that every later message says which layer was read.
OGRLayer* pick_layer(GDALDataset& ds, const std::filesystem::path& path, std::string& shown) {
    shown = path.string();
    if (ds.GetLayerCount() == 1) return ds.GetLayer(0);
    std::vector<OGRLayer*> polygonal;
    std::string all;
    for (OGRLayer* layer : ds.GetLayers()) {
        all += std::string(all.empty() ? "" : ", ") + layer->GetName() + " (" + OGRGeometryTypeToName(layer->GetGeomType()) + ")";
        if (is_polygonal(layer->GetGeomType())) polygonal.push_back(layer);
    }
    if (polygonal.size() > 1) {
        for (OGRLayer* layer : polygonal)
            if (std::string(layer->GetName()) == "land") polygonal = {layer};
    }
    if (polygonal.size() != 1)
        fail(path, std::string(polygonal.empty() ? "has no layer of polygons" : "has several layers of polygons and none named 'land'") +
                       " among its " + std::to_string(ds.GetLayerCount()) + " layers: " + all +
                       "; keep the land in one polygon layer (or name it 'land')");
    shown = path.string() + " layer '" + polygonal.front()->GetName() + "'";
    return polygonal.front();
}

std::string field_or_empty(const OGRFeature& feature, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        int idx = feature.GetFieldIndex(name);
        if (idx >= 0 && feature.IsFieldSetAndNotNull(idx)) return feature.GetFieldAsString(idx);
    }
    return {};
}

void check_coordinates(const std::filesystem::path& path, const Polygon& poly, GIntBig fid) {
    auto check_ring = [&](const Ring& ring) {
        for (const LonLat& p : ring)
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::abs(p.lon) > 180.0 ||
                std::abs(p.lat) > 90.0)
                fail(path, "feature " + std::to_string(fid) + " has a coordinate out of range (" +
                               std::to_string(p.lon) + ", " + std::to_string(p.lat) +
                               "); is the CRS declared correctly?");
        if (ring.size() < 4) fail(path, "feature " + std::to_string(fid) + " has a ring with fewer than 4 points");
    };
    check_ring(poly.outer);
    for (const Ring& hole : poly.holes) check_ring(hole);
}

PathXY to_xy(const Ring& ring) {
    PathXY out;
    out.reserve(ring.size());
    for (const LonLat& p : ring) out.push_back({p.lon, p.lat});
    return out;
}

Ring to_lonlat(const PathXY& path) {
    Ring out;
    out.reserve(path.size());
    for (const XY& p : path) out.push_back({p.x, p.y});
    return out;
}

// A valid polygon comes back as it is. An invalid one (a bow-tie, a ring crossing itself or its
// holes) is repaired with GEOS make-valid, split into its polygonal parts, and reported as a
// one-line warning on stderr naming the file and the feature.
std::vector<Polygon> repaired(Geos& geos, const std::filesystem::path& path, Polygon poly, GIntBig fid,
                              const std::string& name) {
    std::vector<Polygon> out;
    PolygonXY xy{to_xy(poly.outer), {}};
    for (const Ring& h : poly.holes) xy.holes.push_back(to_xy(h));
    GeomPtr g;
    try {
        g = geos.polygon(xy);
    } catch (const Error& e) {
        fail(path, "feature " + std::to_string(fid) + " is not a usable polygon (" + e.what() + ")");
    }
    char valid = GEOSisValid_r(geos.handle(), g.get());
    if (valid == 1) {
        out.push_back(std::move(poly));
        return out;
    }
    std::string reason = "invalid";
    if (char* r = GEOSisValidReason_r(geos.handle(), g.get())) {
        reason = r;
        GEOSFree_r(geos.handle(), r);
    }
    for (char& c : reason)
        if (c == '\n' || c == '\r') c = ' ';
    GeomPtr fixed;
    try {
        fixed = geos.make_valid(g.get());
    } catch (const Error& e) {
        fail(path, "feature " + std::to_string(fid) + " is an invalid polygon (" + reason +
                       ") that GEOS make-valid cannot repair (" + e.what() + ")");
    }
    for (const PolygonXY& part : geos.polygons(fixed.get())) {
        Polygon p{to_lonlat(part.outer), {}};
        for (const PathXY& h : part.holes) p.holes.push_back(to_lonlat(h));
        if (p.outer.size() >= 4) out.push_back(std::move(p));
    }
    std::cerr << "claimmap: warning: " << path.string() << ": feature " << fid
              << (name.empty() ? "" : " (" + name + ")") << " is not a valid polygon (" << reason
              << "); repaired with GEOS make-valid into " << out.size() << " polygon"
              << (out.size() == 1 ? "" : "s") << "\n";
    return out;
}

// The transformation from a layer's CRS to WGS 84 lon/lat; none when it is WGS 84 already.
std::unique_ptr<OGRCoordinateTransformation> transform_to_wgs84(const std::filesystem::path& path, const OGRSpatialReference* srs) {
    if (!srs) return nullptr;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs->IsGeographic() && srs->IsSame(&wgs84)) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(srs, &wgs84));
    if (!t) fail(path, "its CRS cannot be transformed to WGS 84 (" + last_gdal_error() + ")");
    return t;
}

}  // namespace

LandData read_land(const std::filesystem::path& path) {
    init_gdal();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) fail(path, "no such file");
    // A pipe or a device would block or never end: land is a file or a folder (of shapefiles).
    if (auto st = std::filesystem::status(path, ec);
        !ec && st.type() != std::filesystem::file_type::regular && st.type() != std::filesystem::file_type::directory)
        fail(path, "is not a regular file or a folder (a pipe, a device or a socket): give the land data as a file");
    if (!std::filesystem::is_directory(path, ec) && !std::ifstream(path).good()) fail(path, "cannot be read (permission denied?)");
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
        fail(path, "is empty (0 bytes)");
    if (path.extension() == ".shp" || path.extension() == ".SHP") {
        // Without its .dbf GDAL reads a shapefile's shapes with no attributes at all: no country,
        // no territory. Say so rather than fail later on a missing territory.
        std::filesystem::path dbf = path, dbf_upper = path;
        dbf.replace_extension(".dbf");
        dbf_upper.replace_extension(".DBF");
        if (!std::filesystem::exists(dbf, ec) && !std::filesystem::exists(dbf_upper, ec))
            fail(path, "has no " + dbf.filename().string() + " next to it (a shapefile keeps its attributes there)");
    }
    CPLErrorReset();
    GdalErrorLog errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    // The first error is the cause ("too large", "syntax error"); the last is often only "not
    // recognized as a supported file format".
    if (!ds)
        fail(path, "not a readable vector data source (" +
                       (errors.first_error().empty() ? last_gdal_error() : errors.first_error()) + ")");
    if (ds->GetLayerCount() < 1) fail(path, "has no layers");
    std::string shown;
    OGRLayer* layer = pick_layer(*ds, path, shown);
    const std::filesystem::path where = shown;

    const OGRSpatialReference* srs = layer->GetSpatialRef();
    // Some drivers report an error and open anyway (a GeoJSON "crs" PROJ does not know is read as
    // WGS 84): an error while opening it or reading its CRS is an error.
    if (!errors.first_error().empty()) fail(where, "cannot be read (" + errors.first_error() + ")");
    if (!srs) {
        // GDAL ignores a .prj it cannot parse and reads the coordinates as they are: a declared
        // CRS nobody understands must not silently become lon/lat.
        for (const char* ext : {".prj", ".PRJ"}) {
            std::filesystem::path prj = path;
            prj.replace_extension(ext);
            if (!std::filesystem::is_directory(path, ec) && std::filesystem::exists(prj, ec) &&
                std::filesystem::file_size(prj, ec) > 0)
                fail(where, "its CRS in " + prj.filename().string() + " is not one GDAL/PROJ understands");
        }
    }
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84 = transform_to_wgs84(where, srs);

    LandData data;
    data.source = shown;
    for (const char* name : country_fields)
        if (data.country_field.empty() && layer->GetLayerDefn()->GetFieldIndex(name) >= 0) data.country_field = name;
    Geos geos;
    for (auto& feature : *layer) {
        OGRGeometry* geom = feature->GetGeometryRef();
        if (!geom || geom->IsEmpty()) continue;
        const auto type = wkbFlatten(geom->getGeometryType());
        if (type != wkbPolygon && type != wkbMultiPolygon)
            fail(where, std::string("feature ") + std::to_string(feature->GetFID()) + " is a " +
                           OGRGeometryTypeToName(type) + "; land must be polygons");
        if (to_wgs84 && geom->transform(to_wgs84.get()) != OGRERR_NONE)
            fail(where, "feature " + std::to_string(feature->GetFID()) + " cannot be transformed to WGS 84");
        LandFeature base;
        base.country = field_or_empty(*feature, country_fields);
        base.fid = feature->GetFID();
        base.territory = field_or_empty(*feature, {"territory"});
        base.name = field_or_empty(*feature, {"name"});
        auto add = [&](const OGRPolygon& poly) {
            Polygon shape = to_polygon(poly);
            if (shape.outer.empty()) return;
            check_coordinates(where, shape, feature->GetFID());
            for (Polygon& part : repaired(geos, where, std::move(shape), feature->GetFID(), base.name)) {
                LandFeature f = base;
                f.shape = std::move(part);
                data.features.push_back(std::move(f));
            }
        };
        if (type == wkbPolygon) {
            add(*geom->toPolygon());
        } else {
            for (const OGRPolygon* part : *geom->toMultiPolygon()) add(*part);
        }
    }
    if (!errors.first_error().empty()) fail(where, "read error (" + errors.first_error() + ")");
    if (CPLGetLastErrorType() >= CE_Failure) fail(where, "read error (" + last_gdal_error() + ")");
    if (data.features.empty()) fail(where, "has no polygon features");
    return data;
}

std::vector<Ring> read_lines(const std::filesystem::path& path) {
    init_gdal();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail(path, "no such file");
    CPLErrorReset();
    GdalErrorLog errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) fail(path, "not a readable vector data source (" + last_gdal_error() + ")");
    if (ds->GetLayerCount() < 1) fail(path, "has no layers");
    OGRLayer* layer = ds->GetLayer(0);
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84 = transform_to_wgs84(path, layer->GetSpatialRef());
    std::vector<Ring> out;
    for (auto& feature : *layer) {
        OGRGeometry* geom = feature->GetGeometryRef();
        if (!geom || geom->IsEmpty()) continue;
        const auto type = wkbFlatten(geom->getGeometryType());
        if (type != wkbLineString && type != wkbMultiLineString)
            fail(path, "feature " + std::to_string(feature->GetFID()) + " is a " + OGRGeometryTypeToName(type) +
                           "; a claim line must be a LineString or MultiLineString");
        if (to_wgs84 && geom->transform(to_wgs84.get()) != OGRERR_NONE)
            fail(path, "feature " + std::to_string(feature->GetFID()) + " cannot be transformed to WGS 84");
        auto add = [&](const OGRLineString& l) {
            Ring r;
            for (int i = 0; i < l.getNumPoints(); ++i) {
                const LonLat p{l.getX(i), l.getY(i)};
                if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::abs(p.lon) > 180 || std::abs(p.lat) > 90)
                    fail(path, "feature " + std::to_string(feature->GetFID()) + " has a coordinate out of range");
                r.push_back(p);
            }
            if (r.size() >= 2) out.push_back(std::move(r));
        };
        if (type == wkbLineString) add(*geom->toLineString());
        else for (const OGRLineString* part : *geom->toMultiLineString()) add(*part);
    }
    if (!errors.first_error().empty()) fail(path, "read error (" + errors.first_error() + ")");
    if (out.empty()) fail(path, "has no line features");
    return out;
}

}  // namespace claimmap
