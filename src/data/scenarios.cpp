#include "data/scenarios.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "data/toml_util.hpp"

namespace claimmap {

LonLat TerritorySplit::direction() const {
    double e = 0, n = 0;
    if (from.find("north") != std::string::npos) n = 1;
    if (from.find("south") != std::string::npos) n = -1;
    if (from.find("east") != std::string::npos) e = 1;
    if (from.find("west") != std::string::npos) e = -1;
    double len = std::hypot(e, n);
    return {e / len, n / len};
}

std::string Scenario::holder(const std::string& territory) const {
    for (const auto& [party, list] : holds)
        if (std::find(list.begin(), list.end(), territory) != list.end()) return party;
    return "";
}

const Scenario* ScenarioSet::find(const std::string& id) const {
    for (const Scenario& s : scenarios)
        if (s.id == id) return &s;
    return nullptr;
}

std::string ScenarioSet::ids() const {
    std::string out;
    for (const Scenario& s : scenarios) out += (out.empty() ? "" : ", ") + s.id;
    return out;
}

ScenarioSet read_scenarios(const std::filesystem::path& path, const CaseConfig& config) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    ScenarioSet set;
    set.file = path;
    const toml::array* list = top.opt_array("scenario");
    if (!list || list->empty()) top.fail_at("scenario", "is missing: list scenarios as [[scenario]] tables");
    std::optional<std::string> baseline = top.opt_string("baseline");
    top.reject_unknown_keys();
    for (size_t i = 0; i < list->size(); ++i) {
        const toml::table* t = (*list)[i].as_table();
        if (!t) top.fail_at("scenario", "must be an array of tables");
        StrictTable st(*t, path, "scenario[" + std::to_string(i) + "]");
        Scenario sc;
        sc.id = st.string("id");
        if (sc.id.empty() || sc.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
            st.fail_at("id", "must be lower-case letters, digits and '-'");
        if (set.find(sc.id)) st.fail_at("id", "repeats '" + sc.id + "'");
        sc.title = st.string("title");
        sc.description = st.opt_string("description").value_or("");
        sc.on_the_table = st.opt_string("on_the_table").value_or(sc.title);
        std::map<std::string, std::string> assigned;  // territory -> party
        auto assign = [&](const StrictTable& where, const std::string& key, const std::string& territory,
                          const std::string& party) {
            if (std::find(config.territories.begin(), config.territories.end(), territory) == config.territories.end())
                where.fail_at(key, "names unknown territory '" + territory + "'");
            if (auto it = assigned.find(territory); it != assigned.end())
                where.fail_at(key, "assigns '" + territory + "' again (already to " + it->second + ")");
            assigned[territory] = party;
        };
        const toml::table* holds = st.opt_table("holds");
        if (!holds) st.fail_at("holds", "is missing: a table of party = [territories]");
        StrictTable ht(*holds, path, "scenario[" + std::to_string(i) + "].holds");
        for (const auto& [key, node] : *holds) {
            std::string party(key.str());
            if (!config.party(party)) ht.fail_at(party, "is not a party of the case");
            const toml::array* arr = ht.opt_array(party);
            std::vector<std::string> territories;
            for (const toml::node& n : *arr) {
                auto v = n.value<std::string>();
                if (!v) ht.fail_at(party, "must be an array of territory ids");
                ht.checked_text(party, *v);
                assign(ht, party, *v, party);
                territories.push_back(*v);
            }
            sc.holds[party] = territories;
        }
        if (const toml::table* split = st.opt_table("split")) {
            StrictTable sp(*split, path, "scenario[" + std::to_string(i) + "].split");
            TerritorySplit s;
            s.territory = sp.string("territory");
            s.party = sp.string("party");
            s.rest = sp.string("rest");
            s.share = sp.number("share_of_disputed");
            s.from = sp.string("from");
            if (!config.party(s.party)) sp.fail_at("party", "is not a party of the case");
            if (!config.party(s.rest) || s.rest == s.party) sp.fail_at("rest", "must be another party of the case");
            if (!(s.share > 0 && s.share < 1)) sp.fail_at("share_of_disputed", "must be between 0 and 1");
            static const std::vector<std::string> dirs = {"north", "south", "east", "west", "northeast",
                                                          "northwest", "southeast", "southwest"};
            if (std::find(dirs.begin(), dirs.end(), s.from) == dirs.end())
                sp.fail_at("from", "must be a compass direction such as southwest");
            assign(sp, "territory", s.territory, s.party + "+" + s.rest);
            sp.reject_unknown_keys();
            sc.split = s;
        }
        for (const std::string& t : config.territories)
            if (!assigned.count(t)) st.fail_at("holds", "does not assign territory '" + t + "' to any party");
        st.reject_unknown_keys();
        set.scenarios.push_back(std::move(sc));
    }
    set.baseline = baseline.value_or(set.scenarios.front().id);
    if (!set.find(set.baseline)) top.fail_at("baseline", "names no scenario of this file");
    return set;
}

}  // namespace claimmap
