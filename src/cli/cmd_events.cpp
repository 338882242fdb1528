#include "cli/cmd_events.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "data/case_data.hpp"
#include "data/events.hpp"
#include "extract/extract.hpp"

namespace claimmap {

namespace {

namespace fs = std::filesystem;

struct EventsOptions {
    std::optional<std::string> case_id;
    std::optional<fs::path> events_file, venues_file;
    std::string format = "table";
    std::string show_id;
    fs::path article;
    std::string extract_date;
    std::string extract_format = "toml";
};

struct Loaded {
    Venues venues;
    EventSet events;
};

// The case --case names (or the default case): where its events and venues files are.
CaseConfig case_of(const EventsOptions& o, const std::function<fs::path()>& data_dir) {
    return read_case(resolve_case(o.case_id, data_dir()));
}

Loaded load(const EventsOptions& o, const std::function<fs::path()>& data_dir) {
    std::optional<CaseConfig> config;
    if (!o.venues_file || !o.events_file) config = case_of(o, data_dir);
    fs::path venues_file = o.venues_file ? *o.venues_file : config->venues;
    fs::path events_file = o.events_file ? *o.events_file : config->events;
    Loaded l{read_venues(venues_file), {}};
    l.events = read_events(events_file, l.venues);
    return l;
}

// "Shinzo Abe (Japan, prime minister)" -> "Shinzo Abe": the table shows names, the JSON everything.
std::string short_name(const std::string& participant) {
    size_t paren = participant.find(" (");
    return paren == std::string::npos ? participant : participant.substr(0, paren);
}

// Display width of UTF-8 text, counting code points (venue and participant names are Latin).
size_t width(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(const std::string& s, size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

void print_table(const Loaded& l) {
    struct Row {
        std::string date, id, kind, place, scenario;
        std::vector<std::string> people;
    };
    std::vector<Row> rows;
    for (const Event& e : l.events.events) {
        Row r{e.date.str(), e.id, std::string(to_string(e.kind)), e.place, e.scenario, {}};
        if (const Venue* v = l.venues.find(e.place)) r.place = v->name;
        else if (e.place.empty()) r.place = "(not named)";
        for (const std::string& p : e.participants) r.people.push_back(short_name(p));
        rows.push_back(std::move(r));
    }
    const std::vector<std::string> head = {"date", "id", "kind", "place", "scenario", "participants"};
    std::vector<size_t> w(head.size());
    for (size_t i = 0; i < head.size(); ++i) w[i] = width(head[i]);
    for (const Row& r : rows) {
        const std::string* cells[] = {&r.date, &r.id, &r.kind, &r.place, &r.scenario};
        for (size_t i = 0; i < 5; ++i) w[i] = std::max(w[i], width(*cells[i]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (size_t i = 0; i + 1 < cells.size(); ++i) out += pad(cells[i], w[i]) + "  ";
        out += cells.back();
        std::cout << out << "\n";
    };
    line(head);
    std::vector<std::string> rule;
    for (size_t i = 0; i + 1 < head.size(); ++i) rule.push_back(std::string(w[i], '-'));
    rule.push_back(std::string(width(head.back()), '-'));
    line(rule);
    // Participants one per line, so long lists stay readable in a terminal.
    for (const Row& r : rows)
        for (size_t k = 0; k < r.people.size(); ++k)
            if (k == 0)
                line({r.date, r.id, r.kind, r.place, r.scenario, r.people[0]});
            else
                line({"", "", "", "", "", r.people[k]});
    std::cout << fmt::format("{} events from {}\n", rows.size(), l.events.file.string());
}

void run_list(const EventsOptions& o, const std::function<fs::path()>& data_dir) {
    if (o.format != "table" && o.format != "json")
        throw Error("--format: unknown format '" + o.format + "' (use table or json)");
    Loaded l = load(o, data_dir);
    if (o.format == "table") return print_table(l);
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Event& e : l.events.events) out.push_back(event_json(e, l.venues.find(e.place)));
    std::cout << out.dump(2) << "\n";
}

void run_show(const EventsOptions& o, const std::function<fs::path()>& data_dir) {
    Loaded l = load(o, data_dir);
    const Event* e = l.events.find(o.show_id);
    if (!e) fail(l.events.file, "no event with id '" + o.show_id + "' (see: claimmap events list)");
    std::cout << event_json(*e, l.venues.find(e->place)).dump(2) << "\n";
}

// News articles are tens of kilobytes; extraction holds about 110 bytes per byte of text, so the
// limit keeps it under half a gigabyte. A pipe or a device (/dev/zero) could be endless.
constexpr std::uintmax_t max_article_bytes = 4 * 1024 * 1024;

void check_article_file(const fs::path& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || st.type() == fs::file_type::not_found || st.type() == fs::file_type::directory) return;  // read_article says why
    if (st.type() != fs::file_type::regular)
        fail(path, "is not a regular file (a pipe, a device or a socket): save the article to a text file first");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > max_article_bytes)
        fail(path, fmt::format("is {:.1f} MB: articles are limited to {} MB (split it, or give the article without the rest of the page)",
                               size / 1048576.0, max_article_bytes / 1048576));
}

void run_extract(const EventsOptions& o, const std::function<fs::path()>& data_dir) {
    if (o.extract_format != "toml" && o.extract_format != "json")
        throw Error("--format: unknown format '" + o.extract_format + "' (use toml or json)");
    std::optional<EventDate> date;
    if (!o.extract_date.empty()) {
        date = parse_event_date(o.extract_date);
        if (!date) throw Error("--date: expected a real date YYYY-MM-DD (or YYYY-MM), got '" + o.extract_date + "'");
    }
    check_article_file(o.article);
    std::string text = read_article(o.article);
    ExtractData data = load_extract_data(case_of(o, data_dir).file.parent_path(), o.venues_file);
    Extraction x = extract_events(text, data, date);
    x.file = o.article.string();
    if (o.extract_format == "json")
        std::cout << extraction_json(x, text).dump(2) << "\n";
    else
        std::cout << extraction_toml(x, text);
}

}  // namespace

void add_events_command(CLI::App& app, std::function<fs::path()> data_dir) {
    auto o = std::make_shared<EventsOptions>();
    CLI::App* events = app.add_subcommand(
        "events", "List the dispute's diplomatic events (summits, talks, statements), show one, or\n"
                  "draft new ones from an article. Without a subcommand, lists them.\n"
                  "Example: claimmap events list --format json\n"
                  "Example: claimmap events extract article.txt --date 2019-01-21");
    events->require_subcommand(0, 1);
    events->add_option("--case", o->case_id,
                       "The dispute: a case id from geodata/cases.toml or a path to a case.toml (default: the\n"
                       "index's default case); its events, venues and names are used. Example: --case mydispute/case.toml");
    events->add_option("--events", o->events_file,
                       "Events file, [[event]] tables (default: the case's events file).\n"
                       "Example: --events my-events.toml");
    events->add_option("--venues", o->venues_file,
                       "Venues file the events' places refer to, [[venue]] tables (default: the case's\n"
                       "venues file). Example: --venues my-venues.toml");

    CLI::App* list = events->add_subcommand(
        "list", "Print every event, oldest first. Example: claimmap events list --format json");
    list->fallthrough();  // --events/--venues may also follow the subcommand
    list->add_option("--format", o->format,
                     "Output format: table (readable, for a terminal) or json (an array of events).\n"
                     "Example: --format json")
        ->capture_default_str();

    CLI::App* show = events->add_subcommand(
        "show", "Print one event as JSON. Example: claimmap events show my-event-2019");
    show->fallthrough();
    show->add_option("id", o->show_id,
                     "Id of the event, as in the id column of `claimmap events list`.\n"
                     "Example: my-event-2019")
        ->required();

    CLI::App* extract = events->add_subcommand(
        "extract",
        "Draft event entries from a plain-text news article: dates (\"2019-01-14\", \"Jan. 21\",\n"
        "\"21st January, 2019\", \"Monday\" ...), venues, people, territories and scenario cues, each\n"
        "with the sentence it came from. Prints [[event]] tables in the events.toml format, to check\n"
        "and complete by hand.\n"
        "Example: claimmap events extract article.txt\n"
        "Example: claimmap events extract article.txt --date 2019-01-21 --format json");
    extract->fallthrough();
    extract->add_option("article", o->article, "The article, a UTF-8 text file of at most 4 MB. Example: article.txt")->required();
    extract->add_option("--date", o->extract_date,
                        "The article's date, YYYY-MM-DD (or YYYY-MM when only the month is known); it\n"
                        "resolves weekdays and dates without a year and wins over a dateline in the text.\n"
                        "Example: --date 2019-01-21");
    extract->add_option("--format", o->extract_format,
                        "Output format: toml (draft [[event]] tables with provenance comments) or json\n"
                        "(everything found, with byte spans). Example: --format json")
        ->capture_default_str();

    events->callback([o, data_dir, show, extract] {
        if (extract->parsed())
            run_extract(*o, data_dir);
        else if (show->parsed())
            run_show(*o, data_dir);
        else
            run_list(*o, data_dir);  // `events list`, and plain `events`
    });
}

}  // namespace claimmap
