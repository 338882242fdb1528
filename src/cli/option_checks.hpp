#pragma once
// Checks on command-line values that the parsers of data files do not see.
#include <string>
#include <vector>

namespace claimmap {

// Fails naming `option` when `value` is not clean single-line text (see core/text_check.hpp).
void check_option_text(const std::string& option, const std::string& value);
// Fails naming `option` when `name` is not a safe base file name.
void check_option_file_name(const std::string& option, const std::string& name);
// Fails naming `option` when `crs` is not one a map can be drawn in.
void check_crs_option(const std::string& option, const std::string& crs);
// Fails naming `option` when it lists one value twice.
void check_distinct(const std::string& option, const std::vector<std::string>& values);

// The smallest extent a map may show, in degrees on each side: below it the map is all one
// sea or land, and the stroke work grows without bound (issue 13).
inline constexpr double min_extent_degrees = 0.01;

}  // namespace claimmap
