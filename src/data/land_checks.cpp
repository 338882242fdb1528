#include "data/land_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/text_check.hpp"

namespace claimmap {

void check_land_attributes(const LandData& land, const CaseConfig& config) {
    if (land.country_field.empty())
        fail(land.source, "has no 'country' field: every land polygon needs the ISO 3166 alpha-3 code of the country "
                          "holding it (read from 'country', 'A3', 'ISO_A3' or 'ADM0_A3')");
    std::string parties;
    for (const Party& p : config.parties) parties += (parties.empty() ? "" : ", ") + p.id;
    for (const LandFeature& f : land.features) {
        const std::string feature = "feature " + std::to_string(f.fid);
        if (f.country.empty()) fail(land.source, feature + " has no '" + land.country_field + "' value (null or empty)");
        for (const auto& [field, value] : {std::pair{land.country_field, &f.country}, {"territory", &f.territory}, {"name", &f.name}})
            if (auto problem = text_problem(*value, true)) fail(land.source, feature + ": field '" + field + "' " + *problem);
        if (!config.party(f.country) &&
            std::find(config.other_countries.begin(), config.other_countries.end(), f.country) == config.other_countries.end())
            fail(land.source, feature + " has " + land.country_field + " '" + f.country + "', which is not a party of " +
                                  config.file.string() + " (" + parties + ") nor listed in its other_countries");
        if (!f.territory.empty() &&
            std::find(config.territories.begin(), config.territories.end(), f.territory) == config.territories.end())
            fail(land.source, feature + " has territory '" + f.territory + "', which is not a territory of " +
                                  config.file.string());
        // Zones are computed inside the region: land beyond it (a world-sized polygon) would only
        // make the computation slow and wrong, so it is refused before any work starts.
        const BBox& r = config.region;
        for (const LonLat& p : f.shape.outer)
            if (p.lon < r.min_x || p.lon > r.max_x || p.lat < r.min_y || p.lat > r.max_y)
                fail(land.source, fmt::format("{} reaches beyond the case's region [{}, {}, {}, {}] of {} (at {}, {}): clip the "
                                              "land to the region",
                                              feature, r.min_x, r.min_y, r.max_x, r.max_y, config.file.string(), p.lon, p.lat));
    }
}

}  // namespace claimmap
