#pragma once
// What the case's own land must say about every polygon, checked once it is read: who holds it
// (a party of the case) and, for disputed land, which of the case's territories it is. Without
// these the numbers are silently wrong (Japan with 0 km² of land), so each gap is an error
// naming the file, the feature and the field. Every polygon must also lie in the case's region.
#include "core/types.hpp"
#include "data/case_data.hpp"

namespace claimmap {

void check_land_attributes(const LandData& land, const CaseConfig& config);

}  // namespace claimmap
