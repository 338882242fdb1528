// Land data as GeoJSON through GDAL: read_land (layers, geometry types, CRS, coordinates,
// repair), then the land attribute checks against the shipped case (country, territory, region).
#include "data/case_data.hpp"
#include "data/land_checks.hpp"
#include "data/land_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const claimmap::CaseConfig config =
        claimmap::read_case(claimmap::fuzz::data_dir() / "geodata/kurils/case.toml");
    const auto& path = claimmap::fuzz::write_temp(data, size, ".geojson");
    try {
        claimmap::LandData land = claimmap::read_land(path);
        claimmap::check_land_attributes(land, config);
    } catch (const claimmap::Error&) {
    }
    return 0;
}
