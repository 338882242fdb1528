#include "output/tables.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "i18n/catalog.hpp"
#include "pipeline/map_job.hpp"

namespace claimmap {
namespace {

const Catalog& words_of(const Comparison& c) { return c.words ? *c.words : catalog(data_dir(), "en"); }

std::string signed_km2(const Catalog& w, double v) {
    if (std::abs(v) < 0.05) return "0";
    return w.number(v, 1, {.sign = true, .group = false});
}

std::string one_decimal(const Catalog& w, double v) { return w.number(v, 1, {.group = false}); }

std::string pct(const Catalog& w, const TerritoryAreaRow& t) {
    if (t.official_km2 <= 0) return "";
    return w.number((t.computed_km2 - t.official_km2) / t.official_km2 * 100, 1, {.sign = true, .group = false}) + "%";
}

// Thousands separators make the six-digit EEZ figures readable in a terminal.
std::string grouped(const Catalog& w, double v) { return w.number(v, 1); }

std::string table(const Comparison& c) {
    const Catalog& w = words_of(c);
    std::string out = w.text("table.heading", {{"baseline", c.baseline}}) + "\n\n";
    out += fmt::format("{:<14} {:<6} {:>12} {:>9} {:>14} {:>9} {:>14} {:>9}\n", w.text("table.scenario"), w.text("table.party"),
                       w.text("table.land"), w.text("table.d_land"), w.text("table.territorial_sea"), w.text("table.d_sea"),
                       w.text("table.eez"), w.text("table.d_eez"));
    std::string last;
    for (const ComparisonRow& r : c.rows) {
        if (!last.empty() && last != r.scenario) out += "\n";
        out += fmt::format("{:<14} {:<6} {:>12} {:>9} {:>14} {:>9} {:>14} {:>9}\n", last == r.scenario ? "" : r.scenario,
                           r.party, grouped(w, r.land_km2), signed_km2(w, r.d_land_km2), grouped(w, r.territorial_sea_km2),
                           signed_km2(w, r.d_territorial_sea_km2), grouped(w, r.eez_km2), signed_km2(w, r.d_eez_km2));
        last = r.scenario;
    }
    out += '\n';
    out += w.text("table.territories_heading") + "\n\n";
    out += fmt::format("{:<12} {:>10} {:>10} {:>8}\n", w.text("table.territory"), w.text("table.computed"), w.text("table.official"),
                       w.text("table.diff"));
    double total = 0, official = 0;
    for (const TerritoryAreaRow& t : c.territories) {
        out += fmt::format("{:<12} {:>10} {:>10} {:>8}\n", t.territory, one_decimal(w, t.computed_km2),
                           t.official_km2 > 0 ? one_decimal(w, t.official_km2) : "-", pct(w, t));
        total += t.computed_km2;
        official += t.official_km2;
    }
    out += fmt::format("{:<12} {:>10} {:>10}\n", w.text("table.total"), one_decimal(w, total), one_decimal(w, official));
    out += '\n';
    out += w.text("table.official_source", {{"source", c.official_source}}) + "\n" +
           w.text("table.data_source", {{"source", c.data_source}}) + "\n" + w.text("table.method", {{"method", c.method}}) + "\n";
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
    const Catalog& w = words_of(c);
    std::string out = w.text("markdown.heading", {{"baseline", c.baseline}}) + "\n\n";
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", w.text("table.scenario"), w.text("table.party"), w.text("table.land"),
                       w.text("table.d_land"), w.text("markdown.territorial_sea"), w.text("table.d_sea"), w.text("markdown.eez"),
                       w.text("table.d_eez"));
    out += "|---|---|---:|---:|---:|---:|---:|---:|\n";
    for (const ComparisonRow& r : c.rows)
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", r.scenario, r.party, grouped(w, r.land_km2),
                           signed_km2(w, r.d_land_km2), grouped(w, r.territorial_sea_km2), signed_km2(w, r.d_territorial_sea_km2),
                           grouped(w, r.eez_km2), signed_km2(w, r.d_eez_km2));
    out += fmt::format("\n| {} | {} | {} | {} |\n|---|---:|---:|---:|\n", w.text("table.territory"), w.text("markdown.computed_km2"),
                       w.text("markdown.official_km2"), w.text("markdown.difference"));
    for (const TerritoryAreaRow& t : c.territories)
        out += fmt::format("| {} | {} | {} | {} |\n", t.name, one_decimal(w, t.computed_km2),
                           t.official_km2 > 0 ? one_decimal(w, t.official_km2) : "–", pct(w, t));
    out += '\n';
    out += w.text("markdown.sources", {{"official", c.official_source}, {"data", c.data_source}}) + "\n";
    return out;
}

}  // namespace

Comparison build_comparison(const std::vector<ScenarioClaims>& claims, const ScenarioSet& scenarios,
                            const LoadedCase& loaded, const ClaimModel& model, const std::string& baseline,
                            const std::string& lang, const std::optional<std::filesystem::path>& data) {
    const Catalog& w = catalog(data_dir(data), lang);
    const CaseText& terms = case_text(loaded, lang);
    const ScenarioClaims* base = nullptr;
    for (const ScenarioClaims& c : claims)
        if (c.scenario == baseline) base = &c;
    if (!base) throw Error("--baseline: scenario '" + baseline + "' was not computed");
    Comparison out;
    out.words = &w;
    out.baseline = baseline;
    for (const ScenarioClaims& c : claims) {
        const Scenario* s = scenarios.find(c.scenario);
        for (const PartyClaim& p : c.parties) {
            const PartyClaim* b = base->party(p.party);
            out.rows.push_back({c.scenario, s ? terms.get("scenario." + s->id + ".title", s->title) : c.scenario, p.party, p.land_km2, p.territorial_sea_km2,
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
    out.official_source = terms.get("official_area.source", loaded.config.official_area_source);
    out.data_source = loaded.land.source;
    const BBox& r = loaded.config.region;
    out.method = w.text("method.sea", {{"territorial_sea", w.plain(model.settings().territorial_sea_m / nautical_mile_m)},
                                       {"eez", w.plain(model.settings().eez_m / nautical_mile_m)},
                                       {"lon_min", w.plain(r.min_x)}, {"lon_max", w.plain(r.max_x)},
                                       {"lat_min", w.plain(r.min_y)}, {"lat_max", w.plain(r.max_y)}});
    if (!loaded.config.sea) out.method = w.text("method.land_only");
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
