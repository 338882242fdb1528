#include "pipeline/map_job.hpp"

#include "core/error.hpp"
#include "data/land_reader.hpp"

namespace claimmap {

LoadedCase load_case(const std::filesystem::path& case_file, const std::optional<std::filesystem::path>& land_override) {
    CaseConfig config = read_case(case_file);
    LandData land = read_land(land_override.value_or(config.land));
    Gazetteer gazetteer = read_gazetteer(config.gazetteer);
    for (const std::string& id : config.territories) {
        bool found = false;
        for (const LandFeature& f : land.features) found = found || f.territory == id;
        if (!found) fail(land.source, "has no polygon with territory '" + id + "' named in " + case_file.string());
    }
    ScenarioSet scenarios = read_scenarios(config.scenarios, config);
    return {std::move(config), std::move(land), std::move(gazetteer), std::move(scenarios)};
}

std::vector<std::filesystem::path> render_map(const LoadedCase& loaded, const Style& style, const MapOptions& options,
                                              const std::vector<OutputTarget>& targets) {
    Scene scene = build_map_scene({loaded.config, loaded.land, loaded.gazetteer, style}, options);
    // Encode everything before writing anything: an encoding error must not leave half a set.
    std::vector<std::string> encoded;
    for (const OutputTarget& t : targets) encoded.push_back(encode_scene(scene, t.format));
    std::vector<std::filesystem::path> written;
    for (size_t i = 0; i < targets.size(); ++i) {
        write_file_atomically(targets[i].path, encoded[i]);
        written.push_back(targets[i].path);
    }
    return written;
}

}  // namespace claimmap
