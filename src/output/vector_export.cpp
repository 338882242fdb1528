#include "output/vector_export.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <cpl_vsi.h>

#include <atomic>

#include "core/error.hpp"
#include "output/writers.hpp"

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

std::string encode_claims(const std::vector<ScenarioClaims>& claims, const ClaimModel& model,
                          const std::filesystem::path& target, VectorFormat format, const ExportNames* names) {
    GDALAllRegister();
    const bool gpkg = format == VectorFormat::gpkg;
    // Built in GDAL's memory file system, then published with the run's other files: every
    // write to disk is checked, and a failed or interrupted run leaves nothing behind.
    static std::atomic<int> serial{0};
    const std::string mem = "/vsimem/claimmap-export-" + std::to_string(serial++) + (gpkg ? ".gpkg" : ".geojson");
    struct MemFile {
        std::string name;
        ~MemFile() { VSIUnlink(name.c_str()); }
    } mem_file{mem};
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(gpkg ? "GPKG" : "GeoJSON");
    if (!driver) throw Error(std::string("GDAL has no ") + (gpkg ? "GPKG" : "GeoJSON") + " driver");
    {
        // A GeoPackage records when it was written: a fixed date keeps it byte-identical.
        CPLConfigOptionSetter fixed_date("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z", false);
        CPLErrorReset();
        char** create_options = nullptr;
        if (gpkg) create_options = CSLSetNameValue(create_options, "METADATA_TABLES", "NO");
        GDALDatasetUniquePtr ds(driver->Create(mem.c_str(), 0, 0, 0, GDT_Unknown, create_options));
        CSLDestroy(create_options);
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
            if (names)
                for (const char* field : {"scenario_title", "party_name"}) {
                    OGRFieldDefn f(field, OFTString);
                    check(layer->CreateField(&f), target, std::string("field ") + field);
                }
        }
        auto write = [&](const char* kind, const std::string& scenario, const std::string& party,
                         std::unique_ptr<OGRGeometry> geom, double area) {
            OGRLayer* layer = layers.at(kind);
            OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            if (!gpkg) feature->SetField("layer", kind);
            feature->SetField("scenario", scenario.c_str());
            if (!party.empty()) feature->SetField("party", party.c_str());
            if (area >= 0) feature->SetField("area_km2", area);
            if (names) {
                if (auto it = names->scenario_title.find(scenario); it != names->scenario_title.end())
                    feature->SetField("scenario_title", it->second.c_str());
                if (auto it = names->party_name.find(party); it != names->party_name.end()) feature->SetField("party_name", it->second.c_str());
            }
            feature->SetGeometryDirectly(geom.release());
            check(layer->CreateFeature(feature.get()), target, std::string("a ") + kind + " feature");
        };
        // GeoJSON has no transactions: only GeoPackage's must succeed.
        const bool transaction = ds->StartTransaction() == OGRERR_NONE;
        for (const ScenarioClaims& c : claims) {
            for (const PartyClaim& p : c.parties) {
                write("land", c.scenario, p.party, to_ogr(model, p.land), p.land_km2);
                write("territorial_sea", c.scenario, p.party, to_ogr(model, p.territorial_sea), p.territorial_sea_km2);
                write("eez", c.scenario, p.party, to_ogr(model, p.eez), p.eez_km2);
            }
            if (!c.median_line.empty()) write("median_line", c.scenario, "", to_ogr(model, c.median_line), -1);
            if (!c.split_cut.empty()) write("split_cut", c.scenario, "", to_ogr(model, c.split_cut), -1);
        }
        if (transaction) check(ds->CommitTransaction(), target, "(the transaction)");
        CPLErrorReset();
        ds.reset();  // closing flushes the file
        if (CPLGetLastErrorType() >= CE_Failure) fail(target, std::string("cannot finish (") + CPLGetLastErrorMsg() + ")");
    }
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(mem.c_str(), &length, FALSE);
    if (!data) fail(target, "cannot write: GDAL produced no file");
    return std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(length));
}

void export_claims(const std::vector<ScenarioClaims>& claims, const ClaimModel& model,
                   const std::filesystem::path& target, VectorFormat format) {
    write_file_atomically(target, encode_claims(claims, model, target, format));
}

}  // namespace claimmap
