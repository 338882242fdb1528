#include "output/vector_export.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <cstdio>

#include "core/error.hpp"

namespace claimmap {
namespace {

struct LayerDef {
    const char* name;
    OGRwkbGeometryType type;
};

constexpr LayerDef kLayers[] = {{"land", wkbMultiPolygon},
                                {"territorial_sea", wkbMultiPolygon},
                                {"eez", wkbMultiPolygon},
                                {"median_line", wkbMultiLineString},
                                {"split_cut", wkbMultiLineString}};

std::unique_ptr<OGRGeometry> to_ogr(const ClaimModel& model, const MultiPolygonXY& polys) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const PolygonXY& p : polys) {
        OGRPolygon poly;
        auto add_ring = [&](const PathXY& path) {
            OGRLinearRing ring;
            for (const LonLat& q : model.to_lonlat(path, 2000)) ring.addPoint(q.lon, q.lat);
            ring.closeRings();
            poly.addRing(&ring);
        };
        add_ring(p.outer);
        for (const PathXY& h : p.holes) add_ring(h);
        multi->addGeometry(&poly);
    }
    return multi;
}

std::unique_ptr<OGRGeometry> to_ogr(const ClaimModel& model, const MultiLineXY& lines) {
    auto multi = std::make_unique<OGRMultiLineString>();
    for (const PathXY& l : lines) {
        OGRLineString line;
        for (const LonLat& q : model.to_lonlat(l, 2000)) line.addPoint(q.lon, q.lat);
        multi->addGeometry(&line);
    }
    return multi;
}

void check(OGRErr err, const std::filesystem::path& target, const std::string& what) {
    if (err != OGRERR_NONE) fail(target, "cannot write " + what + " (" + CPLGetLastErrorMsg() + ")");
}

}  // namespace

void export_claims(const std::vector<ScenarioClaims>& claims, const ClaimModel& model,
                   const std::filesystem::path& target, VectorFormat format) {
    GDALAllRegister();
    const bool gpkg = format == VectorFormat::gpkg;
    std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) fail(target, "cannot write: folder " + dir.string() + " does not exist");
    // GDAL picks details from the extension, so the temporary file keeps it.
    std::filesystem::path tmp = dir / ("." + target.stem().string() + ".tmp-" + std::to_string(::getpid()) +
                                       target.extension().string());
    std::filesystem::remove(tmp, ec);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(gpkg ? "GPKG" : "GeoJSON");
    if (!driver) throw Error(std::string("GDAL has no ") + (gpkg ? "GPKG" : "GeoJSON") + " driver");
    try {
        {
            CPLErrorReset();
            GDALDatasetUniquePtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds) fail(target, std::string("cannot create (") + CPLGetLastErrorMsg() + ")");
            OGRSpatialReference wgs84;
            wgs84.importFromEPSG(4326);
            wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            char** options = nullptr;
            if (!gpkg) {
                options = CSLSetNameValue(options, "RFC7946", "YES");
                options = CSLSetNameValue(options, "WRITE_NAME", "NO");
            }
            std::map<std::string, OGRLayer*> layers;
            if (gpkg) {
                for (const LayerDef& def : kLayers) {
                    OGRLayer* layer = ds->CreateLayer(def.name, &wgs84, def.type, options);
                    if (!layer) fail(target, std::string("cannot create layer ") + def.name);
                    layers[def.name] = layer;
                }
            } else {
                OGRLayer* layer = ds->CreateLayer("claims", &wgs84, wkbUnknown, options);
                if (!layer) fail(target, "cannot create the GeoJSON layer");
                OGRFieldDefn f("layer", OFTString);
                check(layer->CreateField(&f), target, "field layer");
                for (const LayerDef& def : kLayers) layers[def.name] = layer;
            }
            CSLDestroy(options);
            for (auto& [name, layer] : layers) {
                if (layer->GetLayerDefn()->GetFieldIndex("scenario") >= 0) continue;
                for (const char* field : {"scenario", "party"}) {
                    OGRFieldDefn f(field, OFTString);
                    check(layer->CreateField(&f), target, std::string("field ") + field);
                }
                OGRFieldDefn area("area_km2", OFTReal);
                check(layer->CreateField(&area), target, "field area_km2");
            }
            auto write = [&](const char* kind, const std::string& scenario, const std::string& party,
                             std::unique_ptr<OGRGeometry> geom, double area) {
                OGRLayer* layer = layers.at(kind);
                OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
                if (!gpkg) feature->SetField("layer", kind);
                feature->SetField("scenario", scenario.c_str());
                if (!party.empty()) feature->SetField("party", party.c_str());
                if (area >= 0) feature->SetField("area_km2", area);
                feature->SetGeometryDirectly(geom.release());
                check(layer->CreateFeature(feature.get()), target, std::string("a ") + kind + " feature");
            };
            ds->StartTransaction();
            for (const ScenarioClaims& c : claims) {
                for (const PartyClaim& p : c.parties) {
                    write("land", c.scenario, p.party, to_ogr(model, p.land), p.land_km2);
                    write("territorial_sea", c.scenario, p.party, to_ogr(model, p.territorial_sea), p.territorial_sea_km2);
                    write("eez", c.scenario, p.party, to_ogr(model, p.eez), p.eez_km2);
                }
                if (!c.median_line.empty()) write("median_line", c.scenario, "", to_ogr(model, c.median_line), -1);
                if (!c.split_cut.empty()) write("split_cut", c.scenario, "", to_ogr(model, c.split_cut), -1);
            }
            ds->CommitTransaction();
            CPLErrorReset();
            ds.reset();  // closing flushes the file
            if (CPLGetLastErrorType() >= CE_Failure) fail(target, std::string("cannot finish (") + CPLGetLastErrorMsg() + ")");
        }
        if (std::rename(tmp.c_str(), target.c_str()) != 0) fail(target, "cannot write: rename failed");
    } catch (...) {
        std::filesystem::remove(tmp, ec);
        throw;
    }
}

}  // namespace claimmap
