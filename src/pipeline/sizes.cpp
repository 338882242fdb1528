#include "pipeline/sizes.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <utility>

#include "core/error.hpp"

namespace claimmap {
namespace {

// Paper sizes in millimetres, portrait.
const std::map<std::string, std::pair<double, double>> paper_sizes = {
    {"a5", {148, 210}}, {"a4", {210, 297}}, {"a3", {297, 420}}, {"a2", {420, 594}}, {"letter", {215.9, 279.4}},
    {"tabloid", {279.4, 431.8}}};

}  // namespace

Size paper_size(const std::string& name, double dpi) {
    std::string base = name, orientation = "landscape";
    if (auto dash = name.rfind('-'); dash != std::string::npos) {
        base = name.substr(0, dash);
        orientation = name.substr(dash + 1);
    }
    auto it = paper_sizes.find(base);
    if (it == paper_sizes.end() || (orientation != "landscape" && orientation != "portrait"))
        throw Error("--paper: unknown paper '" + name + "' (use a5, a4, a3, a2, letter or tabloid, optionally with -portrait)");
    auto [w_mm, h_mm] = it->second;
    if (orientation == "landscape") std::swap(w_mm, h_mm);
    return {static_cast<int>(std::lround(w_mm / 25.4 * dpi)), static_cast<int>(std::lround(h_mm / 25.4 * dpi))};
}

Size parse_size(const std::string& text, const std::string& option) {
    if (text == "default") return {1600, 1200};
    if (text == "social") return {1200, 675};
    if (text == "a4") return {3508, 2480};  // A4 landscape at 300 dpi
    std::smatch m;
    static const std::regex pattern(R"((-?\d{1,9})x(-?\d{1,9}))");
    if (!std::regex_match(text, m, pattern))
        throw Error(option + ": expected WIDTHxHEIGHT in pixels (e.g. 1600x1200) or a preset (default, social, a4), got '" +
                    text + "'");
    return {std::stoi(m[1]), std::stoi(m[2])};
}

}  // namespace claimmap
