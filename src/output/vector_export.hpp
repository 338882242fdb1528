#pragma once
// Every computed layer (land per party, territorial seas, EEZs, median lines, split cut lines)
// with scenario and party attributes, written through GDAL to GeoPackage or GeoJSON in WGS 84.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "compute/claims.hpp"

namespace claimmap {

enum class VectorFormat { gpkg, geojson };

// The file's bytes (`target` only names it in errors). GeoPackage: one layer per kind. GeoJSON
// (one layer per file by the format's nature): all features in one collection with a `layer`
// property.
// Readable names in one language (export --lang): each feature also gets `scenario_title` and
// `party_name` fields, looked up by scenario and party id.
struct ExportNames {
    std::map<std::string, std::string> scenario_title, party_name;
};
std::string encode_claims(const std::vector<ScenarioClaims>& claims, const ClaimModel& model,
                          const std::filesystem::path& target, VectorFormat format, const ExportNames* names = nullptr);
// encode_claims, published with write_file_atomically.
void export_claims(const std::vector<ScenarioClaims>& claims, const ClaimModel& model,
                   const std::filesystem::path& target, VectorFormat format);

}  // namespace claimmap
