#include "data/land_reader.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <fstream>
#include <mutex>

#include "core/error.hpp"

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

}  // namespace

LandData read_land(const std::filesystem::path& path) {
    init_gdal();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) fail(path, "no such file");
    if (!std::filesystem::is_directory(path, ec) && !std::ifstream(path).good()) fail(path, "cannot be read (permission denied?)");
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) fail(path, "not a readable vector data source (" + last_gdal_error() + ")");
    if (ds->GetLayerCount() < 1) fail(path, "has no layers");
    OGRLayer* layer = ds->GetLayer(0);

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        if (!srs->IsGeographic() || !srs->IsSame(&wgs84)) {
            to_wgs84.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
            if (!to_wgs84) fail(path, "its CRS cannot be transformed to WGS 84 (" + last_gdal_error() + ")");
        }
    }

    LandData data;
    data.source = path.string();
    for (auto& feature : *layer) {
        OGRGeometry* geom = feature->GetGeometryRef();
        if (!geom || geom->IsEmpty()) continue;
        const auto type = wkbFlatten(geom->getGeometryType());
        if (type != wkbPolygon && type != wkbMultiPolygon)
            fail(path, std::string("feature ") + std::to_string(feature->GetFID()) + " is a " +
                           OGRGeometryTypeToName(type) + "; land must be polygons");
        if (to_wgs84 && geom->transform(to_wgs84.get()) != OGRERR_NONE)
            fail(path, "feature " + std::to_string(feature->GetFID()) + " cannot be transformed to WGS 84");
        LandFeature base;
        base.country = field_or_empty(*feature, {"country", "A3", "ISO_A3", "ADM0_A3"});
        base.territory = field_or_empty(*feature, {"territory"});
        base.name = field_or_empty(*feature, {"name"});
        auto add = [&](const OGRPolygon& poly) {
            LandFeature f = base;
            f.shape = to_polygon(poly);
            if (f.shape.outer.empty()) return;
            check_coordinates(path, f.shape, feature->GetFID());
            data.features.push_back(std::move(f));
        };
        if (type == wkbPolygon) {
            add(*geom->toPolygon());
        } else {
            for (const OGRPolygon* part : *geom->toMultiPolygon()) add(*part);
        }
    }
    if (CPLGetLastErrorType() >= CE_Failure) fail(path, "read error (" + last_gdal_error() + ")");
    if (data.features.empty()) fail(path, "has no polygon features");
    return data;
}

}  // namespace claimmap
