#include "output/tables.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace claimmap {
namespace {

std::string signed_km2(double v) {
    if (std::abs(v) < 0.05) return "0";
    return fmt::format("{:+.1f}", v);
}

std::string pct(const TerritoryAreaRow& t) {
    if (t.official_km2 <= 0) return "";
    return fmt::format("{:+.1f}%", (t.computed_km2 - t.official_km2) / t.official_km2 * 100);
}

// Thousands separators make the six-digit EEZ figures readable in a terminal.
std::string grouped(double v) {
    std::string s = fmt::format("{:.1f}", v);
    size_t dot = s.find('.');
    size_t start = s[0] == '-' ? 1 : 0;
    for (long i = static_cast<long>(dot) - 3; i > static_cast<long>(start); i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

std::string table(const Comparison& c) {
    std::string out = fmt::format("Scenario comparison (km² on the WGS 84 ellipsoid; change against '{}')\n\n", c.baseline);
    out += fmt::format("{:<14} {:<6} {:>12} {:>9} {:>14} {:>9} {:>14} {:>9}\n", "scenario", "party", "land", "Δ land",
                       "terr. sea", "Δ sea", "EEZ 12-200nm", "Δ EEZ");
    std::string last;
    for (const ComparisonRow& r : c.rows) {
        if (!last.empty() && last != r.scenario) out += "\n";
        out += fmt::format("{:<14} {:<6} {:>12} {:>9} {:>14} {:>9} {:>14} {:>9}\n", last == r.scenario ? "" : r.scenario,
                           r.party, grouped(r.land_km2), signed_km2(r.d_land_km2), grouped(r.territorial_sea_km2),
                           signed_km2(r.d_territorial_sea_km2), grouped(r.eez_km2), signed_km2(r.d_eez_km2));
        last = r.scenario;
    }
    out += "\nDisputed land, computed from the data against the official figures\n\n";
    out += fmt::format("{:<12} {:>10} {:>10} {:>8}\n", "territory", "computed", "official", "diff");
    double total = 0, official = 0;
    for (const TerritoryAreaRow& t : c.territories) {
        out += fmt::format("{:<12} {:>10.1f} {:>10} {:>8}\n", t.territory, t.computed_km2,
                           t.official_km2 > 0 ? fmt::format("{:.1f}", t.official_km2) : "-", pct(t));
        total += t.computed_km2;
        official += t.official_km2;
    }
    out += fmt::format("{:<12} {:>10.1f} {:>10.1f}\n", "total", total, official);
    out += "\nOfficial: " + c.official_source + "\nData: " + c.data_source + "\nMethod: " + c.method + "\n";
    return out;
}

std::string csv(const Comparison& c) {
    std::string out =
        "scenario,party,land_km2,territorial_sea_km2,eez_km2,d_land_km2,d_territorial_sea_km2,d_eez_km2\n";
    for (const ComparisonRow& r : c.rows)
        out += fmt::format("{},{},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f}\n", r.scenario, r.party, r.land_km2,
                           r.territorial_sea_km2, r.eez_km2, r.d_land_km2, r.d_territorial_sea_km2, r.d_eez_km2);
    return out;
}

std::string json(const Comparison& c) {
    nlohmann::ordered_json j;
    j["baseline"] = c.baseline;
    j["units"] = "km2, WGS 84 ellipsoid";
    j["method"] = c.method;
    j["data_source"] = c.data_source;
    for (const ComparisonRow& r : c.rows)
        j["scenarios"].push_back({{"scenario", r.scenario},
                                  {"title", r.scenario_title},
                                  {"party", r.party},
                                  {"land_km2", r.land_km2},
                                  {"territorial_sea_km2", r.territorial_sea_km2},
                                  {"eez_km2", r.eez_km2},
                                  {"change", {{"land_km2", r.d_land_km2},
                                              {"territorial_sea_km2", r.d_territorial_sea_km2},
                                              {"eez_km2", r.d_eez_km2}}}});
    for (const TerritoryAreaRow& t : c.territories) {
        nlohmann::ordered_json row{{"territory", t.territory}, {"name", t.name}, {"computed_km2", t.computed_km2}};
        if (t.official_km2 > 0) {
            row["official_km2"] = t.official_km2;
            row["difference_percent"] = (t.computed_km2 - t.official_km2) / t.official_km2 * 100;
        }
        j["territories"].push_back(row);
    }
    j["official_source"] = c.official_source;
    return j.dump(2) + "\n";
}

std::string markdown(const Comparison& c) {
    std::string out = fmt::format("Change against **{}**; km² on the WGS 84 ellipsoid.\n\n", c.baseline);
    out += "| scenario | party | land | Δ land | territorial sea | Δ sea | EEZ (12–200 nm) | Δ EEZ |\n";
    out += "|---|---|---:|---:|---:|---:|---:|---:|\n";
    for (const ComparisonRow& r : c.rows)
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", r.scenario, r.party, grouped(r.land_km2),
                           signed_km2(r.d_land_km2), grouped(r.territorial_sea_km2), signed_km2(r.d_territorial_sea_km2),
                           grouped(r.eez_km2), signed_km2(r.d_eez_km2));
    out += "\n| territory | computed km² | official km² | difference |\n|---|---:|---:|---:|\n";
    for (const TerritoryAreaRow& t : c.territories)
        out += fmt::format("| {} | {:.1f} | {} | {} |\n", t.name, t.computed_km2,
                           t.official_km2 > 0 ? fmt::format("{:.1f}", t.official_km2) : "–", pct(t));
    out += "\nOfficial figures: " + c.official_source + ". Data: " + c.data_source + ".\n";
    return out;
}

}  // namespace

Comparison build_comparison(const std::vector<ScenarioClaims>& claims, const ScenarioSet& scenarios,
                            const LoadedCase& loaded, const ClaimModel& model, const std::string& baseline) {
    const ScenarioClaims* base = nullptr;
    for (const ScenarioClaims& c : claims)
        if (c.scenario == baseline) base = &c;
    if (!base) throw Error("--baseline: scenario '" + baseline + "' was not computed");
    Comparison out;
    out.baseline = baseline;
    for (const ScenarioClaims& c : claims) {
        const Scenario* s = scenarios.find(c.scenario);
        for (const PartyClaim& p : c.parties) {
            const PartyClaim* b = base->party(p.party);
            out.rows.push_back({c.scenario, s ? s->title : c.scenario, p.party, p.land_km2, p.territorial_sea_km2,
                                p.eez_km2, p.land_km2 - b->land_km2, p.territorial_sea_km2 - b->territorial_sea_km2,
                                p.eez_km2 - b->eez_km2});
        }
    }
    for (const std::string& t : loaded.config.territories) {
        const Place* place = loaded.gazetteer.find(t);
        std::string name = place ? english_label(*place, loaded.config) : t;
        auto it = loaded.config.official_area_km2.find(t);
        out.territories.push_back(
            {t, name, model.territory_km2().at(t), it == loaded.config.official_area_km2.end() ? 0.0 : it->second});
    }
    out.official_source = loaded.config.official_area_source;
    out.data_source = loaded.land.source;
    out.method = fmt::format(
        "land from the data's polygons; territorial sea 0-{:g} nm and EEZ {:g}-{:g} nm from the coastline, split by the "
        "median line between the parties' coasts; computed within lon {:g}..{:g}, lat {:g}..{:g} only",
        model.settings().territorial_sea_m / nautical_mile_m, model.settings().territorial_sea_m / nautical_mile_m,
        model.settings().eez_m / nautical_mile_m, loaded.config.region.min_x, loaded.config.region.max_x,
        loaded.config.region.min_y, loaded.config.region.max_y);
    if (!loaded.config.sea) out.method = "land from the data's polygons; a land dispute (sea = false): no sea zones";
    return out;
}

std::string format_comparison(const Comparison& c, TableFormat format) {
    switch (format) {
        case TableFormat::table: return table(c);
        case TableFormat::csv: return csv(c);
        case TableFormat::json: return json(c);
        case TableFormat::markdown: return markdown(c);
    }
    return {};
}

}  // namespace claimmap
