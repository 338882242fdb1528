#include "data/events.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>

#include "core/error.hpp"
#include "data/toml_util.hpp"

namespace claimmap {

namespace {

bool is_slug(const std::string& s) {
    static const std::regex slug(R"([a-z0-9]+(-[a-z0-9]+)*)");
    return std::regex_match(s, slug);
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string slug_id(const StrictTable& s, const std::string& key) {
    std::string id = s.string(key);
    if (!is_slug(id)) s.fail_at(key, "must be a slug of lower-case letters, digits and single hyphens, got '" + id + "'");
    return id;
}

std::string nonempty_line(const StrictTable& s, const std::string& key) {
    std::string v = s.string(key);
    if (v.find_first_not_of(" \t") == std::string::npos) s.fail_at(key, "must not be empty");
    if (v.find_first_of("\r\n") != std::string::npos) s.fail_at(key, "must be a single line");
    return v;
}

EventDate read_date(const toml::table& t, const StrictTable& s, const std::string& key) {
    if (const toml::node* n = t.get(key); n && (n->is_date() || n->is_date_time()))
        s.fail_at(key, "must be a quoted string \"YYYY-MM-DD\" or \"YYYY-MM\", not a TOML date");
    std::string text = s.string(key);
    auto d = parse_event_date(text);
    if (!d) s.fail_at(key, "must be a real date \"YYYY-MM-DD\" or \"YYYY-MM\", got '" + text + "'");
    return *d;
}

template <typename Enum, size_t N>
Enum read_enum(const StrictTable& s, const std::string& key, const Enum (&values)[N]) {
    std::string text = s.string(key);
    std::string allowed;
    for (size_t i = 0; i < N; ++i) {
        if (to_string(values[i]) == text) return values[i];
        allowed += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(to_string(values[i]));
    }
    s.fail_at(key, "must be " + allowed + ", got '" + text + "'");
}

const toml::array& array_of_tables(const StrictTable& top, const std::string& key, const std::string& what) {
    const toml::array* arr = top.opt_array(key);
    if (!arr) top.fail_at(key, "is missing: " + what);
    for (const toml::node& n : *arr)
        if (!n.is_table()) top.fail_at(key, "must be an array of tables ([[" + key + "]])");
    return *arr;
}

}  // namespace

std::optional<EventDate> parse_event_date(std::string_view text) {
    static const std::regex pattern(R"((\d{4})-(\d{2})(?:-(\d{2}))?)");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
    EventDate d;
    d.year = std::stoi(m[1].str());
    d.month = std::stoi(m[2].str());
    if (d.year < 1 || d.month < 1 || d.month > 12) return std::nullopt;
    if (m[3].matched) {
        d.day = std::stoi(m[3].str());
        d.precision = EventDate::Precision::day;
        if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    } else {
        d.day = 0;
        d.precision = EventDate::Precision::month;
    }
    return d;
}

std::string EventDate::str() const {
    char buf[32];
    if (precision == Precision::day)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::string_view to_string(EventDate::Precision p) { return p == EventDate::Precision::day ? "day" : "month"; }

std::string_view to_string(EventKind k) {
    switch (k) {
        case EventKind::summit: return "summit";
        case EventKind::ministerial: return "ministerial";
        case EventKind::working_level: return "working-level";
        case EventKind::statement: return "statement";
    }
    return "?";
}

const Venue* Venues::find(const std::string& id) const {
    auto it = std::find_if(venues.begin(), venues.end(), [&](const Venue& v) { return v.id == id; });
    return it == venues.end() ? nullptr : &*it;
}

const Event* EventSet::find(const std::string& id) const {
    auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.id == id; });
    return it == events.end() ? nullptr : &*it;
}

Venues read_venues(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    const toml::array& arr = array_of_tables(top, "venue", "a venue file lists [[venue]] tables");
    top.reject_unknown_keys();
    Venues out;
    out.file = path;
    std::map<std::string, int> first_line;
    for (size_t i = 0; i < arr.size(); ++i) {
        const toml::table& t = *arr[i].as_table();
        StrictTable s(t, path, "venue[" + std::to_string(i) + "]");
        Venue v;
        v.id = slug_id(s, "id");
        v.names = read_names(s, "names", path, "venue[" + std::to_string(i) + "]");
        const std::string* english = v.names.find("en");
        if (!english) s.fail_at("names", "needs an English name: en = \"...\"");
        v.name = *english;
        auto ll = s.opt_lonlat("lonlat");
        if (!ll) s.fail_at("lonlat", "is missing");
        v.lonlat = *ll;
        if (const toml::array* aliases = s.opt_array("aliases")) {
            for (const toml::node& n : *aliases) {
                auto a = n.value<std::string>();
                if (!a || a->find_first_not_of(" \t") == std::string::npos || a->find_first_of("\r\n") != std::string::npos)
                    s.fail_at("aliases", "must be an array of non-empty single-line strings");
                v.aliases.push_back(s.checked_text("aliases", *a));
            }
        }
        s.reject_unknown_keys();
        if (auto [it, fresh] = first_line.emplace(v.id, t.source().begin.line); !fresh)
            s.fail_at("id", "repeats '" + v.id + "' (first at line " + std::to_string(it->second) + ")");
        out.venues.push_back(std::move(v));
    }
    return out;
}

EventSet read_events(const std::filesystem::path& path, const Venues& venues) {
    static const EventKind kinds[] = {EventKind::summit, EventKind::ministerial, EventKind::working_level,
                                      EventKind::statement};

    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    const toml::array& arr = array_of_tables(top, "event", "an events file lists [[event]] tables");
    top.reject_unknown_keys();
    EventSet out;
    out.file = path;
    std::map<std::string, int> first_line;
    for (size_t i = 0; i < arr.size(); ++i) {
        const toml::table& t = *arr[i].as_table();
        const std::string where = "event[" + std::to_string(i) + "]";
        StrictTable s(t, path, where);
        Event e;
        e.line = static_cast<int>(t.source().begin.line);
        e.id = slug_id(s, "id");
        if (auto [it, fresh] = first_line.emplace(e.id, e.line); !fresh)
            s.fail_at("id", "repeats '" + e.id + "' (first at line " + std::to_string(it->second) + ")");
        e.date = read_date(t, s, "date");
        // Place and participants are left out where no source supports them.
        if (t.contains("place")) {
            e.place = s.string("place");
            if (!venues.find(e.place))
                s.fail_at("place", "names no venue '" + e.place + "' in " + venues.file.string());
        }

        const toml::array* people = s.opt_array("participants");
        if (t.contains("participants") && (!people || people->empty()))
            s.fail_at("participants", "must be a non-empty array of strings (leave the key out when no source names anyone)");
        if (people) for (const toml::node& n : *people) {
            auto v = n.value<std::string>();
            if (!v || v->find_first_not_of(' ') == std::string::npos)
                s.fail_at("participants", "must be a non-empty array of non-empty strings");
            e.participants.push_back(s.checked_text("participants", *v));
        }
        e.kind = read_enum(s, "kind", kinds);
        e.summary = nonempty_line(s, "summary");
        e.scenario = slug_id(s, "scenario");

        const toml::table* src = s.opt_table("source");
        if (!src) s.fail_at("source", "is missing: every event needs an [event.source] table (outlet, date, headline or description)");
        StrictTable ss(*src, path, where + ".source");
        e.source.outlet = nonempty_line(ss, "outlet");
        e.source.date = read_date(*src, ss, "date");
        auto optional_line = [&](const std::string& key) { return src->contains(key) ? nonempty_line(ss, key) : std::string(); };
        e.source.url = optional_line("url");
        e.source.headline = optional_line("headline");
        e.source.description = optional_line("description");
        e.source.seed = optional_line("seed");
        // `title` is what `events extract` still writes: whether it is the real headline is unchecked,
        // so it is read as a description and never quoted.
        if (src->contains("title")) {
            if (!e.source.description.empty()) ss.fail_at("title", "and description both given: keep description");
            e.source.description = nonempty_line(ss, "title");
        }
        if (!e.source.url.empty() && e.source.url.rfind("https://", 0) != 0 && e.source.url.rfind("http://", 0) != 0)
            ss.fail_at("url", "must start with http:// or https://, got '" + e.source.url + "'");
        if (e.source.headline.empty() == e.source.description.empty())
            ss.fail_at(e.source.headline.empty() ? "headline" : "description",
                       "needs exactly one of headline (the real published headline) or description (our words)");
        ss.reject_unknown_keys();
        s.reject_unknown_keys();
        out.events.push_back(std::move(e));
    }
    std::stable_sort(out.events.begin(), out.events.end(),
                     [](const Event& a, const Event& b) { return a.date < b.date; });
    return out;
}

namespace {

nlohmann::ordered_json source_json(const EventSource& s) {
    nlohmann::ordered_json j = {{"outlet", s.outlet}, {"date", s.date.str()}};
    for (auto [key, value] : {std::pair{"url", &s.url}, {"headline", &s.headline}, {"description", &s.description}, {"seed", &s.seed}})
        if (!value->empty()) j[key] = *value;
    return j;
}

}  // namespace

nlohmann::ordered_json event_json(const Event& e, const Venue* venue) {
    nlohmann::ordered_json place = e.place.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.place);
    if (venue)
        place = {{"id", venue->id},
                 {"name", venue->name},
                 {"names", venue->names.by_key},
                 {"lonlat", {venue->lonlat.lon, venue->lonlat.lat}}};
    return {{"id", e.id},
            {"date", e.date.str()},
            {"precision", to_string(e.date.precision)},
            {"place", place},
            {"participants", e.participants},
            {"kind", to_string(e.kind)},
            {"summary", e.summary},
            {"scenario", e.scenario},
            {"source", source_json(e.source)}};
}

std::string EventSource::cited_title() const {
    return headline.empty() ? description : "\u201c" + headline + "\u201d";
}

std::filesystem::path default_events_file(const std::filesystem::path& data_dir) {
    return read_case(default_case_file(data_dir)).events;
}

std::filesystem::path default_venues_file(const std::filesystem::path& data_dir) {
    return read_case(default_case_file(data_dir)).venues;
}

}  // namespace claimmap
