#include "pipeline/atlas.hpp"

#include <fmt/format.h>

#include <set>

#include "core/error.hpp"
#include "core/text_check.hpp"
#include "data/toml_util.hpp"
#include "pipeline/sizes.hpp"

namespace claimmap {
namespace {

// An array of strings; where `all` is given, the string "all" is accepted too.
std::vector<std::string> strings(const StrictTable& t, const std::string& key, bool* all = nullptr) {
    std::vector<std::string> out;
    const toml::node* node = t.raw(key);
    if (!node) return out;
    if (all && node->is_string()) {
        if (node->value<std::string>() != "all") t.fail_at(key, "must be \"all\" or an array of ids");
        *all = true;
        return out;
    }
    if (const toml::array* arr = node->as_array())
        for (const toml::node& n : *arr) {
            auto v = n.value<std::string>();
            if (!v) t.fail_at(key, "must be an array of strings");
            out.push_back(t.checked_text(key, *v));
        }
    else t.fail_at(key, all ? "must be \"all\" or an array of ids" : "must be an array of strings");
    return out;
}

std::vector<Format> formats_of(const StrictTable& t, const std::vector<Format>& fallback) {
    std::vector<std::string> names = strings(t, "formats");
    if (names.empty() && t.raw("formats")) t.fail_at("formats", "is empty: list at least one of png, svg, pdf");
    if (names.empty()) return fallback;
    std::vector<Format> out;
    for (const std::string& n : names) {
        auto f = parse_format(n);
        if (!f) t.fail_at("formats", "has unknown format '" + n + "' (use png, svg, pdf)");
        out.push_back(*f);
    }
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
    return s;
}

}  // namespace

std::string MapJob::describe() const {
    std::string out = fmt::format("name={} style={} size={}x{} dpi={} pov={}", name, style, options.width, options.height,
                                  options.dpi, options.pov);
    if (options.lang != "en") out += " lang=" + options.lang;  // English maps keep the key they had before languages
    if (request.scenario) out += " scenario=" + *request.scenario;
    if (request.compare) out += " compare=" + *request.compare;
    if (request.event) out += " event=" + *request.event;
    if (request.timeline) out += " timeline";
    for (Format f : formats) out += ' ' + format_extension(f);
    return out;
}

Atlas read_atlas(const std::filesystem::path& path, const std::filesystem::path& default_case) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    Atlas atlas;
    atlas.file = path;
    // The atlas's own case (relative to the atlas file) wins over the command line's.
    if (auto case_key = top.opt_string("case")) atlas.case_file = path.parent_path() / *case_key;
    else atlas.case_file = default_case;
    atlas.detail = top.opt_string("detail");
    std::vector<Format> formats = formats_of(top, {Format::png, Format::svg});
    std::string style = top.opt_string("style").value_or("default");
    const std::string top_size = top.opt_string("size").value_or("default");
    Size size = parse_size(top_size, path.string() + ": 'size'");
    const toml::array* maps = top.opt_array("map");
    if (!maps || maps->empty()) top.fail_at("map", "is missing: list the maps as [[map]] tables");
    top.reject_unknown_keys();
    for (size_t i = 0; i < maps->size(); ++i) {
        const toml::table* t = (*maps)[i].as_table();
        if (!t) top.fail_at("map", "must be an array of tables");
        StrictTable m(*t, path, "map[" + std::to_string(i) + "]");
        AtlasEntry e;
        e.line = static_cast<int>(t->source().begin.line);
        e.name = m.string("name");
        e.povs = strings(m, "povs");
        if (e.povs.empty() && m.raw("povs")) m.fail_at("povs", "is empty: name at least one point of view");
        if (auto pov = m.opt_string("pov")) e.povs.push_back(*pov);
        if (e.povs.empty()) e.povs.push_back("neutral");
        e.scenarios = strings(m, "scenarios", &e.all_scenarios);
        if (auto sc = m.opt_string("scenario")) e.scenarios.push_back(*sc);
        e.events = strings(m, "events", &e.all_events);
        if (auto ev = m.opt_string("event")) e.events.push_back(*ev);
        e.compare = strings(m, "compare");
        if (!e.compare.empty() && e.compare.size() != 2) m.fail_at("compare", "must name two scenarios");
        if (e.compare.size() == 2 && e.compare[0] == e.compare[1]) m.fail_at("compare", "names '" + e.compare[0] + "' twice: compare two different scenarios");
        for (const char* key : {"scenarios", "events"}) {
            std::set<std::string> seen;
            for (const std::string& id : key == std::string("scenarios") ? e.scenarios : e.events)
                if (!seen.insert(id).second) m.fail_at(key, "names '" + id + "' twice");
        }
        e.langs = strings(m, "langs");
        if (e.langs.empty() && m.raw("langs")) m.fail_at("langs", "is empty: name at least one language");
        if (auto lang = m.opt_string("lang")) e.langs.push_back(m.checked_text("lang", *lang));
        if (e.langs.empty()) e.langs.push_back("en");
        {
            std::set<std::string> seen;
            for (const std::string& l : e.langs) {
                if (!is_language_tag(l)) m.fail_at("langs", "has '" + l + "', which is not a language tag (en, ja, zh-Hant, ...)");
                if (!seen.insert(l).second) m.fail_at("langs", "names '" + l + "' twice");
            }
        }
        e.timeline = m.opt_bool("timeline").value_or(false);
        int kinds = (!e.scenarios.empty() || e.all_scenarios) + (!e.events.empty() || e.all_events) + !e.compare.empty() + e.timeline;
        if (kinds > 1) m.fail_at("name", "combines scenarios, events, compare and timeline: pick one per [[map]]");
        e.style = m.opt_string("style").value_or(style);
        Size sz = size;
        std::string size_text = m.opt_string("size").value_or(top_size);
        sz = parse_size(size_text, path.string() + ": line " + std::to_string(e.line) + ": 'size'");
        e.width = sz.width;
        e.height = sz.height;
        // The a4 preset is A4 at 300 dpi; `dpi` sets the PDF page size otherwise.
        e.dpi = m.opt_number("dpi").value_or(size_text == "a4" ? 300 : 96);
        if (e.dpi < 36 || e.dpi > 1200) m.fail_at("dpi", "must be between 36 and 1200");
        e.formats = formats_of(m, formats);
        m.reject_unknown_keys();
        atlas.entries.push_back(std::move(e));
    }
    return atlas;
}

void expand_atlas(Atlas& atlas, const LoadedCase& loaded) {
    std::set<std::string> names;
    atlas.jobs.clear();
    for (const AtlasEntry& e : atlas.entries) {
        auto where = [&](const std::string& what) {
            fail(atlas.file, "line " + std::to_string(e.line) + ": map '" + e.name + "' " + what);
        };
        std::vector<std::string> scenarios = e.scenarios, events = e.events;
        if (e.all_scenarios)
            for (const Scenario& s : loaded.scenarios.scenarios) scenarios.push_back(s.id);
        if (e.all_events)
            for (const Event& ev : loaded.events.events) events.push_back(ev.id);
        for (const std::string& s : scenarios)
            if (!loaded.scenarios.find(s)) where("names unknown scenario '" + s + "'");
        for (const std::string& s : e.compare)
            if (!loaded.scenarios.find(s)) where("names unknown scenario '" + s + "'");
        for (const std::string& ev : events)
            if (!loaded.events.find(ev)) where("names unknown event '" + ev + "'");
        if (scenarios.empty()) scenarios.push_back("");
        if (events.empty()) events.push_back("");
        for (const std::string& lang : e.langs)
        for (const std::string& pov : e.povs) {
            bool known = false;
            for (const View& v : loaded.config.views) known = known || v.id == pov;
            if (!known) where("names unknown point of view '" + pov + "' (the case has: " + loaded.config.view_ids() + ")");
            for (const std::string& scenario : scenarios)
                for (const std::string& event : events) {
                    MapJob job;
                    job.name = replace_all(replace_all(replace_all(replace_all(e.name, "{pov}", pov), "{scenario}", scenario),
                                                       "{event}", event),
                                           "{style}", e.style);
                    job.name = replace_all(job.name, "{lang}", lang);
                    if (job.name.empty() || job.name.find('/') != std::string::npos || job.name.find("..") != std::string::npos ||
                        job.name.find('{') != std::string::npos)
                        where("gives the file name '" + job.name + "': names must be plain (no '/', '..' or unknown {fields})");
                    if (auto problem = file_name_problem(job.name))
                        where("gives the file name '" + job.name + "', which is not a plain file name: it " + *problem);
                    job.line = e.line;
                    if (!names.insert(job.name).second)
                        where("gives the file name '" + job.name + "' twice: add {pov}, {scenario}, {event} or {lang} to the name");
                    if (!scenario.empty()) job.request.scenario = scenario;
                    if (!event.empty()) job.request.event = event;
                    if (!e.compare.empty()) {
                        job.request.scenario = e.compare[0];
                        job.request.compare = e.compare[1];
                    }
                    job.request.timeline = e.timeline;
                    job.options.width = e.width;
                    job.options.height = e.height;
                    job.options.dpi = e.dpi;
                    job.options.pov = pov;
                    job.options.lang = lang;
                    if (job.options.width < 200 || job.options.height < 150 || job.options.width > max_image_side ||
                        job.options.height > max_image_side)
                        where(fmt::format("has an image size out of range: {}x{}", job.options.width, job.options.height));
                    job.style = e.style;
                    job.formats = e.formats;
                    atlas.jobs.push_back(std::move(job));
                }
        }
    }
}

}  // namespace claimmap
