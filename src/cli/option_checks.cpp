#include "cli/option_checks.hpp"

#include <set>

#include "core/error.hpp"
#include "core/text_check.hpp"
#include "geometry/projection.hpp"

namespace claimmap {

void check_option_text(const std::string& option, const std::string& value) {
    if (auto problem = text_problem(value, true)) throw Error(option + ": the text " + *problem);
}

void check_option_file_name(const std::string& option, const std::string& name) {
    if (auto problem = file_name_problem(name))
        throw Error(option + ": '" + name + "' must be a plain file name: it " + *problem);
}

void check_crs_option(const std::string& option, const std::string& crs) {
    try {
        Projection::cached(crs);
    } catch (const Error& e) {
        throw Error(option + ": " + e.what());
    }
}

void check_distinct(const std::string& option, const std::vector<std::string>& values) {
    std::set<std::string> seen;
    for (const std::string& v : values)
        if (!seen.insert(v).second) throw Error(option + ": names '" + v + "' twice");
}

}  // namespace claimmap
