#pragma once
// `claimmap new-case`: a case folder to start a new dispute from. Land is the shipped world land
// clipped to a box, with country codes from the Debian iso-codes list; the other files are
// commented templates that load and render as they are.
#include <filesystem>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace claimmap {

struct NewCaseOptions {
    std::string name;                  // case id and folder name
    BBox bbox;                         // lon/lat
    std::vector<std::string> parties;  // ISO alpha-3; default: the countries with land in the box
    std::filesystem::path out_dir = ".";
    std::filesystem::path world;      // world land with a `name` field (geodata/world/countries.shp)
    std::filesystem::path data_dir;   // where i18n/en.toml is: the template writes coordinates in its words
    std::filesystem::path iso_codes = "/usr/share/iso-codes/json/iso_3166-1.json";
};

// Writes out_dir/name/ and returns its case.toml. Nothing is written when an input is wrong.
std::filesystem::path write_new_case(const NewCaseOptions& options);

}  // namespace claimmap
