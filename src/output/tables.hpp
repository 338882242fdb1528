#pragma once
// The comparison of scenarios as a terminal table, CSV, JSON or Markdown.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compute/claims.hpp"

namespace claimmap {

class Catalog;

struct ComparisonRow {
    std::string scenario, scenario_title, party;
    double land_km2, territorial_sea_km2, eez_km2;
    double d_land_km2, d_territorial_sea_km2, d_eez_km2;  // change against the baseline
};

struct TerritoryAreaRow {
    std::string territory, name;
    double computed_km2;
    double official_km2;  // 0 when none is published
};

struct Comparison {
    std::string baseline;
    std::vector<ComparisonRow> rows;
    std::vector<TerritoryAreaRow> territories;
    std::string official_source, data_source, method;
    const Catalog* words = nullptr;  // the language of headers and notes; null: English
};

// `claims` must include the baseline scenario.
Comparison build_comparison(const std::vector<ScenarioClaims>& claims, const ScenarioSet& scenarios,
                            const LoadedCase& loaded, const ClaimModel& model, const std::string& baseline,
                            const std::string& lang = "en", const std::optional<std::filesystem::path>& data = std::nullopt);

enum class TableFormat { table, csv, json, markdown };
std::string format_comparison(const Comparison& c, TableFormat format);

}  // namespace claimmap
