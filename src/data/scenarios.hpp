#pragma once
// Claim scenarios as data: which party holds each disputed territory under each scenario.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"
#include "data/case_data.hpp"

namespace claimmap {

// One territory divided by a straight cut across its long axis, placed so that `party` ends up
// with `share` of all disputed land; the piece at the `from` end goes to `party`, the rest to `rest`.
struct TerritorySplit {
    std::string territory;
    std::string party;
    std::string rest;
    double share = 0.5;
    std::string from;  // southwest | northeast | west | east | south | north | ...
    LonLat direction() const;  // unit vector in (east, north) pointing to the `from` end
};

struct Scenario {
    std::string id, title, description;
    std::string on_the_table;  // how an event callout names it (default: the title)
    std::map<std::string, std::vector<std::string>> holds;  // party -> whole territories
    std::optional<TerritorySplit> split;
    // The party holding a whole territory, or "" if the territory is split.
    std::string holder(const std::string& territory) const;
};

struct ScenarioSet {
    std::filesystem::path file;
    std::vector<Scenario> scenarios;
    std::string baseline;  // the scenario changes are measured against (default: the first)
    const Scenario* find(const std::string& id) const;
    std::string ids() const;  // "a, b, c" for error messages
};

// Every disputed territory of the case must be assigned exactly once in every scenario.
ScenarioSet read_scenarios(const std::filesystem::path& path, const CaseConfig& config);

}  // namespace claimmap
