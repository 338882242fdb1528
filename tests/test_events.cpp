#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <toml++/toml.h>

#include <array>
#include <cctype>
#include <map>
#include <set>
#include <fstream>

#include "core/error.hpp"
#include "data/case_data.hpp"
#include "data/events.hpp"
#include "helpers.hpp"
#include "pipeline/atlas.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

fs::path shipped_events() { return default_events_file(CLAIMMAP_DATA_DIR); }
fs::path shipped_venues() { return default_venues_file(CLAIMMAP_DATA_DIR); }

const Venues& venue_set() {
    static const Venues v = read_venues(shipped_venues());
    return v;
}

const EventSet& event_set() {
    static const EventSet e = read_events(shipped_events(), venue_set());
    return e;
}


// "Name (country, role)": the bracket's first part, or "" when there is no bracket.
std::string bracketed_country(const std::string& participant) {
    for (auto [open, comma, close] : {std::array<std::string, 3>{" (", ", ", ")"}, {"（", "、", "）"}, {"(", ", ", ")"}}) {
        const size_t at = participant.find(open);
        if (at == std::string::npos) continue;
        std::string inside = participant.substr(at + open.size());
        if (size_t end = inside.find(close); end != std::string::npos) inside.resize(end);
        if (size_t c = inside.find(comma); c != std::string::npos) inside.resize(c);
        return inside;
    }
    return "";
}


// Whether a text opens with a capital letter (Latin or Cyrillic; scripts without case never do).
bool opens_with_capital(const std::string& text) {
    if (text.empty()) return false;
    const unsigned char c0 = static_cast<unsigned char>(text[0]);
    if (c0 < 0x80) return std::isupper(c0);
    if (text.size() < 2) return false;
    // Two-byte UTF-8: U+0400..U+042F (Ѐ..Я) are the capital Cyrillic letters.
    const unsigned cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(text[1]) & 0x3Fu);
    return (c0 & 0xE0u) == 0xC0u && cp >= 0x400 && cp <= 0x42F;
}

// A valid one-event file; line numbers matter to the tests below.
const std::string minimal_event =
    "[[event]]\n"                               // 1
    "id = \"talks\"\n"                          // 2
    "date = \"2019-01-14\"\n"                   // 3
    "place = \"moscow\"\n"                      // 4
    "participants = [\"A (Japan, minister)\"]\n"  // 5
    "kind = \"ministerial\"\n"                  // 6
    "summary = \"They talked.\"\n"              // 7
    "scenario = \"none\"\n"                     // 8
    "[event.source]\n"                          // 9
    "outlet = \"Somewhere\"\n"                  // 10
    "headline = \"Talks\"\n"                    // 11
    "date = \"2019-01-15\"\n";                  // 12

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "test text lacks: " << from);
    return text.replace(at, from.size(), to);
}

fs::path write(const std::string& dir, const std::string& name, const std::string& text) {
    fs::path p = test::scratch_dir(dir) / name;
    std::ofstream(p) << text;
    return p;
}

// Reads `text` as an events file (with the shipped venues) and returns the error message.
std::string events_error(const std::string& dir, const std::string& text, fs::path* file = nullptr) {
    fs::path p = write(dir, "events.toml", text);
    if (file) *file = p;
    try {
        read_events(p, venue_set());
    } catch (const Error& e) {
        return e.what();
    }
    BOOST_FAIL("no error for " << p);
    return "";
}

// The error contract: one line that starts with the file, then the line number, then the key.
void expect_error(const std::string& msg, const fs::path& file, int line, const std::string& key) {
    BOOST_TEST(msg.rfind(file.string() + ": ", 0) == 0, "should start with the file: " << msg);
    BOOST_TEST(msg.find("line " + std::to_string(line) + ":") != std::string::npos, "should name line " << line << ": " << msg);
    BOOST_TEST(msg.find(key) != std::string::npos, "should name " << key << ": " << msg);
    BOOST_TEST(msg.find('\n') == std::string::npos, "should be one line: " << msg);
}

void expect_event_error(const std::string& dir, const std::string& text, int line, const std::string& key) {
    fs::path file;
    std::string msg = events_error(dir, text, &file);
    expect_error(msg, file, line, key);
}

int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(events)

BOOST_AUTO_TEST_CASE(shipped_files_validate_and_every_place_resolves) {
    BOOST_TEST_REQUIRE(event_set().events.size() >= 11u);
    for (const Event& e : event_set().events) {
        // A place is left out only where no source names it; one given must resolve.
        if (!e.place.empty()) BOOST_TEST(venue_set().find(e.place) != nullptr, e.id << " at " << e.place);
        BOOST_TEST(!e.source.outlet.empty(), e.id);
        BOOST_TEST(e.source.headline.empty() != e.source.description.empty(), e.id);
        // Every shipped event can be looked up: a seed article or a public address.
        BOOST_TEST((!e.source.url.empty() || !e.source.seed.empty()), e.id);
        if (!e.source.seed.empty()) BOOST_TEST(fs::exists(fs::path(CLAIMMAP_DATA_DIR) / "tests/data/articles" / e.source.seed), e.id);
        // A source cannot report something before it happened... unless it reports a plan; a plan
        // is at most a few months ahead of the article.
        BOOST_TEST(e.date.year <= e.source.date.year + 1, e.id);
    }
    for (const std::string id : {"moscow", "tokyo", "singapore", "buenos-aires", "osaka", "vladivostok", "sochi"})
        BOOST_TEST(venue_set().find(id) != nullptr, id);
}

BOOST_AUTO_TEST_CASE(shipped_events_are_sorted_by_date) {
    const auto& ev = event_set().events;
    for (size_t i = 1; i < ev.size(); ++i) BOOST_TEST(!(ev[i].date < ev[i - 1].date), ev[i - 1].id << " / " << ev[i].id);
    BOOST_TEST(ev.front().id == "joint-declaration-1956");
}

BOOST_AUTO_TEST_CASE(known_events_have_the_right_dates_and_places) {
    struct Known {
        const char *id, *date, *place, *kind;
    };
    const Known known[] = {
        {"joint-declaration-1956", "1956-10-19", "moscow", "statement"},
        {"tokyo-vice-ministerial-2014", "2014-01-31", "tokyo", "working-level"},
        {"moscow-vice-ministerial-2015", "2015-10-08", "moscow", "working-level"},
        {"sochi-new-approach-2016", "2016-05-06", "sochi", "summit"},
        {"naryshkin-abe-tokyo-2016", "2016-06-16", "tokyo", "ministerial"},
        {"harada-morgulov-tokyo-2016", "2016-06-22", "tokyo", "working-level"},
        {"vladivostok-eef-2016", "2016-09-02", "vladivostok", "summit"},
        {"singapore-abe-putin-2018", "2018-11-14", "singapore", "summit"},
        {"buenos-aires-g20-2018", "2018-12-01", "buenos-aires", "summit"},
        {"russia-summons-japanese-ambassador-2019", "2019-01-09", "moscow", "statement"},
        // Zakharova spoke on television; no source says where, so no place.
        {"russian-mfa-statement-2019-01", "2019-01-13", "", "statement"},
        {"kono-lavrov-moscow-2019", "2019-01-14", "moscow", "ministerial"},
        {"abe-putin-moscow-2019", "2019-01-22", "moscow", "summit"},
        // The article names no venue for the talks of Monday 22 April 2019.
        {"mori-morgulov-2019-04", "2019-04-22", "", "working-level"},
        {"morgulov-kanasugi-2019-04", "2019-04-22", "", "working-level"},
        {"osaka-g20-2019", "2019-06-29", "osaka", "summit"},
    };
    for (const Known& k : known) {
        const Event* e = event_set().find(k.id);
        BOOST_TEST_REQUIRE(e != nullptr, k.id);
        BOOST_TEST(e->date.str() == k.date, k.id);
        BOOST_TEST(e->place == k.place, k.id);
        BOOST_TEST(to_string(e->kind) == k.kind, k.id);
    }
    const Event* sg = event_set().find("singapore-abe-putin-2018");
    BOOST_TEST((sg->date == EventDate{2018, 11, 14, EventDate::Precision::day}));
    BOOST_TEST(sg->scenario == "two-island");
    // The two-island cue of seed 002 belongs to the June summit, not to the April talks.
    BOOST_TEST(event_set().find("mori-morgulov-2019-04")->scenario == "none");
    BOOST_TEST(event_set().find("osaka-g20-2019")->scenario == "two-island");
    // Kono–Lavrov's outcomes are reported by the later article, seed 001.
    BOOST_TEST(event_set().find("kono-lavrov-moscow-2019")->source.seed == "001_26d2624a16a05ffd.txt");
    BOOST_TEST(event_set().find("russian-mfa-statement-2019-01")->participants.at(0).rfind("Maria Zakharova", 0) == 0);
    // "is expected to", not "should"; and no remark of 17 June in the meeting of 16 June.
    BOOST_TEST(event_set().find("naryshkin-abe-tokyo-2016")->summary.find("before the year") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(source_headline_is_quoted_and_description_is_not) {
    fs::path p = write("events-headline", "events.toml", minimal_event);
    const EventSet set = read_events(p, venue_set());
    const Event& e = set.events.at(0);
    BOOST_TEST(e.source.headline == "Talks");
    BOOST_TEST(e.source.cited_title() == "\u201cTalks\u201d");
    p = write("events-description", "events.toml", replaced(minimal_event, "headline = ", "description = "));
    BOOST_TEST(read_events(p, venue_set()).events.at(0).source.cited_title() == "Talks");
    // What `events extract` writes (`title`) is unchecked, so it is never quoted.
    p = write("events-title", "events.toml", replaced(minimal_event, "headline = ", "title = "));
    BOOST_TEST(read_events(p, venue_set()).events.at(0).source.cited_title() == "Talks");
    auto j = event_json(e, venue_set().find(e.place));
    BOOST_TEST(j["source"]["headline"] == "Talks");
    BOOST_TEST(!j["source"].contains("description"));
}

BOOST_AUTO_TEST_CASE(headline_or_description_exactly_one) {
    expect_event_error("events-both", replaced(minimal_event, "headline = \"Talks\"\n", "headline = \"Talks\"\ndescription = \"a piece\"\n"),
                       12, "exactly one of headline");
    expect_event_error("events-neither", replaced(minimal_event, "headline = \"Talks\"\n", ""), 9, "exactly one of headline");
    expect_event_error("events-bad-url", minimal_event + "url = \"tass.com/x\"\n", 13, "event[0].source.url");
}

BOOST_AUTO_TEST_CASE(place_and_participants_may_be_left_out) {
    std::string text = replaced(replaced(minimal_event, "place = \"moscow\"\n", ""), "participants = [\"A (Japan, minister)\"]\n", "");
    fs::path p = write("events-no-place", "events.toml", text);
    const EventSet set = read_events(p, venue_set());
    const Event& e = set.events.at(0);
    BOOST_TEST(e.place.empty());
    BOOST_TEST(e.participants.empty());
    BOOST_TEST(event_json(e, nullptr)["place"].is_null());
}

BOOST_AUTO_TEST_CASE(dates_are_checked_against_the_calendar) {
    for (const std::string ok : {"2019-01-14", "2016-05", "2020-02-29", "2000-02-29", "1956-10-19", "2019-12-31"})
        BOOST_TEST(parse_event_date(ok).has_value(), ok);
    for (const std::string bad : {"2019-02-30", "2019-02-29", "1900-02-29", "2019-04-31", "2019-13", "2019-00",
                                  "2019-01-00", "2019-1-5", "2019", "19-01-14", "2019-01-14T00:00", " 2019-01-14", ""})
        BOOST_TEST(!parse_event_date(bad).has_value(), bad);
    auto d = parse_event_date("2016-05");
    BOOST_TEST(d->str() == "2016-05");
    BOOST_TEST((d < parse_event_date("2016-05-01")));
    BOOST_TEST((parse_event_date("2016-05-31") < parse_event_date("2016-06")));
}

BOOST_AUTO_TEST_CASE(minimal_file_reads) {
    fs::path p = write("events-minimal", "events.toml", minimal_event);
    EventSet set = read_events(p, venue_set());
    BOOST_TEST_REQUIRE(set.events.size() == 1u);
    BOOST_TEST(set.events[0].line == 1);
    BOOST_TEST(set.events[0].source.date.str() == "2019-01-15");
}

BOOST_AUTO_TEST_CASE(bad_date_names_file_and_line) {
    expect_event_error("events-bad-date", replaced(minimal_event, "2019-01-14", "2019-02-30"), 3, "event[0].date");
    expect_event_error("events-bad-source-date", replaced(minimal_event, "2019-01-15", "2019-13"), 12,
                       "event[0].source.date");
    // An unquoted TOML date is refused with a hint rather than silently accepted.
    expect_event_error("events-toml-date", replaced(minimal_event, "\"2019-01-14\"", "2019-01-14"), 3, "quoted");
}

BOOST_AUTO_TEST_CASE(unknown_key_names_file_and_line) {
    expect_event_error("events-unknown-key", replaced(minimal_event, "[event.source]\n", "colour = \"red\"\n[event.source]\n"),
                       9, "event[0].colour");
    expect_event_error("events-unknown-source-key", minimal_event + "link = \"http://example.org\"\n", 13,
                       "event[0].source.link");
    expect_event_error("events-unknown-top-key", "version = 2\n" + minimal_event, 1, "'version'");
}

BOOST_AUTO_TEST_CASE(unknown_venue_kind_and_scenario_name_file_and_line) {
    expect_event_error("events-unknown-venue", replaced(minimal_event, "\"moscow\"", "\"atlantis\""), 4, "atlantis");
    expect_event_error("events-unknown-kind", replaced(minimal_event, "\"ministerial\"", "\"banquet\""), 6,
                       "event[0].kind");
    expect_event_error("events-unknown-scenario", replaced(minimal_event, "\"none\"", "\"Three Islands\""), 8,
                       "event[0].scenario");
}

BOOST_AUTO_TEST_CASE(duplicate_id_names_file_and_line) {
    // The second copy starts at line 13, so its id is on line 14.
    std::string msg;
    fs::path file;
    msg = events_error("events-duplicate", minimal_event + minimal_event, &file);
    expect_error(msg, file, 14, "repeats 'talks'");
    BOOST_TEST(msg.find("first at line 1") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(toml_syntax_error_names_file_and_line) {
    fs::path file;
    std::string msg = events_error("events-syntax", replaced(minimal_event, "\"They talked.\"", "\"They talked."), &file);
    BOOST_TEST(msg.rfind(file.string() + ": line 7", 0) == 0, msg);
}

BOOST_AUTO_TEST_CASE(missing_parts_are_errors) {
    expect_event_error("events-no-participants", replaced(minimal_event, "[\"A (Japan, minister)\"]", "[]"), 5,
                       "participants");
    expect_event_error("events-bad-id", replaced(minimal_event, "\"talks\"", "\"Big Talks\""), 2, "event[0].id");
    fs::path file;
    std::string msg = events_error("events-no-source", minimal_event.substr(0, minimal_event.find("[event.source]")), &file);
    BOOST_TEST(msg.rfind(file.string() + ": ", 0) == 0, msg);
    BOOST_TEST(msg.find("source") != std::string::npos, msg);
    msg = events_error("events-empty", "", &file);
    BOOST_TEST(msg.find("'event' is missing") != std::string::npos, msg);
    BOOST_CHECK_THROW(read_events("/nonexistent/events.toml", venue_set()), Error);
}

BOOST_AUTO_TEST_CASE(bad_venues_name_file_and_line) {
    const std::string venue = "[[venue]]\nid = \"x\"\nnames = { en = \"X\" }\n\n\nlonlat = [10.0, 20.0]\n";
    auto venue_error = [](const std::string& dir, const std::string& text, fs::path& p) -> std::string {
        p = write(dir, "venues.toml", text);
        try {
            read_venues(p);
        } catch (const Error& e) {
            return e.what();
        }
        BOOST_FAIL("no error for " << p);
        return "";
    };
    fs::path p;
    std::string msg = venue_error("venues-dup", venue + venue, p);
    expect_error(msg, p, 8, "repeats 'x'");
    msg = venue_error("venues-lonlat", replaced(venue, "[10.0, 20.0]", "[20.0, 100.0]"), p);
    expect_error(msg, p, 6, "venue[0].lonlat");
    msg = venue_error("venues-key", venue + "population = 3\n", p);
    expect_error(msg, p, 7, "venue[0].population");
}

BOOST_AUTO_TEST_CASE(event_json_expands_the_venue) {
    const Event* e = event_set().find("buenos-aires-g20-2018");
    BOOST_TEST_REQUIRE(e != nullptr);
    auto j = event_json(*e, venue_set().find(e->place));
    BOOST_TEST(j["date"] == "2018-12-01");
    BOOST_TEST(j["precision"] == "day");
    BOOST_TEST(j["place"]["name"] == "Buenos Aires");
    BOOST_TEST(j["place"]["lonlat"][0].get<double>() < 0);
    BOOST_TEST(j["source"]["outlet"].is_string());
}

// The command line (needs `events` wired into src/cli/main.cpp).

BOOST_AUTO_TEST_CASE(cli_list_table_and_json) {
    auto r = test::run_claimmap("events list");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    for (const std::string s : {"2018-11-14", "singapore-abe-putin-2018", "Buenos Aires", "two-island", "Vladimir Putin"})
        BOOST_TEST(r.out.find(s) != std::string::npos, s);
    auto plain = test::run_claimmap("events");
    BOOST_TEST(plain.exit_code == 0, plain.err);
    BOOST_TEST(plain.out == r.out);

    auto j = test::run_claimmap("events list --format json");
    BOOST_TEST_REQUIRE(j.exit_code == 0, j.err);
    auto parsed = nlohmann::json::parse(j.out);
    BOOST_TEST(parsed.is_array());
    BOOST_TEST(parsed.size() == event_set().events.size());
}

BOOST_AUTO_TEST_CASE(cli_show_and_unknown_id) {
    auto r = test::run_claimmap("events show kono-lavrov-moscow-2019");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    BOOST_TEST(j["date"] == "2019-01-14");
    BOOST_TEST(j["place"]["id"] == "moscow");

    auto bad = test::run_claimmap("events show no-such-event");
    BOOST_TEST(bad.exit_code == 1);
    BOOST_TEST(count_lines(bad.err) == 1, bad.err);
    BOOST_TEST(bad.err.find("no-such-event") != std::string::npos, bad.err);
    BOOST_TEST(bad.out.empty());
}

BOOST_AUTO_TEST_CASE(cli_bad_events_file_is_one_line_naming_it) {
    fs::path p = write("events-cli-bad", "events.toml", replaced(minimal_event, "2019-01-14", "2019-02-30"));
    auto r = test::run_claimmap("events list --events '" + p.string() + "'");
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(count_lines(r.err) == 1, r.err);
    BOOST_TEST(r.err.find(p.string() + ": line 3") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(cli_help_gives_examples) {
    for (const std::string cmd : {"events --help", "events list --help", "events show --help"}) {
        auto r = test::run_claimmap(cmd);
        BOOST_TEST(r.exit_code == 0, cmd);
        BOOST_TEST(r.out.find("Example:") != std::string::npos, cmd);
    }
    auto r = test::run_claimmap("events --help");
    for (const std::string opt : {"--events", "--venues"}) BOOST_TEST(r.out.find(opt) != std::string::npos, opt);
}

// A participant that is itself a government or ministry of a country ("Government of Japan",
// "Russian Foreign Ministry") is not followed by its own country in brackets: "Government of Japan
// (Japan)" on a map reads as a mistake. English, the reference, is checked word by word (the name
// holds a word of the bracketed country: "Russian" holds "Russia"); every translation brackets a
// country exactly where English does, so that it follows the English form in every language.
BOOST_AUTO_TEST_CASE(a_participant_is_not_followed_by_its_own_country) {
    int participants = 0, translated = 0;
    for (const CaseIndexEntry& entry : read_case_index(case_index_file(fs::path(CLAIMMAP_DATA_DIR))).cases) {
        const LoadedCase& loaded = test::built_in_case(entry.id);
        std::map<std::string, const Event*> by_id;
        for (const Event& e : loaded.events.events) {
            by_id[e.id] = &e;
            for (const std::string& p : e.participants) {
                ++participants;
                const std::string country = bracketed_country(p), name = p.substr(0, p.find(" ("));
                std::string word;
                for (char ch : country + " ") {
                    if (std::isalpha(static_cast<unsigned char>(ch))) {
                        word += ch;
                        continue;
                    }
                    if (word.size() >= 4) BOOST_TEST(name.find(word) == std::string::npos, entry.id << ": \"" << p << "\" names its own country twice");
                    word.clear();
                }
            }
        }
        for (const auto& file : fs::directory_iterator(entry.file.parent_path() / "i18n")) {
            const toml::table t = toml::parse_file(file.path().string());
            const toml::table* events = t["event"].as_table();
            if (!events) continue;
            for (const auto& [id, node] : *events) {
                const toml::array* people = node.as_table() ? (*node.as_table())["participants"].as_array() : nullptr;
                auto e = by_id.find(std::string(id.str()));
                if (!people || e == by_id.end()) continue;
                for (size_t i = 0; i < people->size() && i < e->second->participants.size(); ++i) {
                    ++translated;
                    const std::string p = people->get(i)->value_or(std::string());
                    const bool english_brackets = !bracketed_country(e->second->participants[i]).empty();
                    BOOST_TEST(!bracketed_country(p).empty() == english_brackets,
                               file.path().filename().string() << " " << id.str() << ": \"" << p << "\" against \"" << e->second->participants[i] << "\"");
                }
            }
        }
    }
    BOOST_TEST(participants > 30);
    BOOST_TEST(translated > 30);
}

// Our own description of a source is read inside the callout's source line ("Source: Kyodo, news
// report on ..., 10 April 2013"): it starts with a small letter, in every language, unless a name
// opens it (a party, a venue). "Source: Kyodo, News report on ..." was on the Senkaku maps.
BOOST_AUTO_TEST_CASE(a_source_description_reads_inside_a_sentence) {
    int checked = 0;
    for (const CaseIndexEntry& entry : read_case_index(case_index_file(fs::path(CLAIMMAP_DATA_DIR))).cases) {
        const LoadedCase& loaded = test::built_in_case(entry.id);
        std::set<std::string> names;
        for (const Party& p : loaded.config.parties) names.insert(p.name);
        for (const Venue& v : loaded.venues.venues) names.insert(v.name);
        auto check = [&](const std::string& where, const std::string& description) {
            if (description.empty()) return;
            ++checked;
            const std::string first_word = description.substr(0, description.find_first_of(" '’"));
            BOOST_TEST((!opens_with_capital(description) || names.count(first_word)), where << ": \"" << description << "\" starts with a capital mid-sentence");
        };
        for (const Event& e : loaded.events.events) check(entry.id + " " + e.id, e.source.description);
        for (const auto& file : fs::directory_iterator(entry.file.parent_path() / "i18n")) {
            const toml::table t = toml::parse_file(file.path().string());
            if (const toml::table* events = t["event"].as_table())
                for (const auto& [id, node] : *events)
                    if (const toml::table* e = node.as_table())
                        check(file.path().filename().string() + " " + std::string(id.str()), (*e)["source_description"].value_or(std::string()));
        }
    }
    BOOST_TEST(checked >= 8);
    BOOST_TEST(opens_with_capital("News report"));
    BOOST_TEST(opens_with_capital("Сообщение"));
    BOOST_TEST(!opens_with_capital("сообщение"));
    BOOST_TEST(!opens_with_capital("報道"));
}

BOOST_AUTO_TEST_SUITE_END()
