#pragma once
// Diplomatic events of a dispute, as data: geodata/<case>/events.toml lists [[event]] tables (when,
// where, who, what kind, which settlement scenario was on the table, and the source), and
// geodata/<case>/venues.toml lists the [[venue]] tables the events' `place` keys refer to.
// Reading is strict: every error names the file and the line.
#include <nlohmann/json_fwd.hpp>

#include <compare>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.hpp"
#include "data/case_data.hpp"

namespace claimmap {

// A city where events take place, named in the case's languages (`names`, keyed like place names).
struct Venue {
    std::string id;  // slug, e.g. "buenos-aires"
    std::string name;  // English: names["en"]
    Names names;
    std::vector<std::string> all_names() const { return names.all(); }
    LonLat lonlat;
    std::vector<std::string> aliases;  // other English names ("Russian capital"); optional in the file
};

struct Venues {
    std::filesystem::path file;
    std::vector<Venue> venues;  // in file order
    const Venue* find(const std::string& id) const;
};

// A calendar date known to the day ("2018-11-14") or only to the month ("2016-05").
struct EventDate {
    enum class Precision { month, day };
    int year = 0, month = 0, day = 0;  // day is 0 when precision is month
    Precision precision = Precision::day;

    std::string str() const;  // "YYYY-MM-DD" or "YYYY-MM"
    // Chronological; a month-precision date sorts before every day of that month.
    friend auto operator<=>(const EventDate& a, const EventDate& b) {
        if (auto c = a.year <=> b.year; c != 0) return c;
        if (auto c = a.month <=> b.month; c != 0) return c;
        return a.day <=> b.day;
    }
    friend bool operator==(const EventDate& a, const EventDate& b) = default;
};

// Parses "YYYY-MM-DD" or "YYYY-MM", checking that the day exists (no 2019-02-30).
std::optional<EventDate> parse_event_date(std::string_view text);
std::string_view to_string(EventDate::Precision p);

enum class EventKind { summit, ministerial, working_level, statement };
std::string_view to_string(EventKind k);  // "summit", "ministerial", "working-level", "statement"

// Where an event is taken from. A map quotes `headline` (in quotation marks) only because it is the
// piece's real published headline; otherwise `description` says in our words what the piece is.
struct EventSource {
    std::string outlet;
    EventDate date;
    std::string url;          // optional
    std::string headline;     // optional: the real published headline, never one of ours
    std::string description;  // optional: our words for the piece, when there is no headline
    std::string seed;         // optional: the seed article's file name
    // The headline in quotation marks, else the description as it is.
    std::string cited_title() const;
};

struct Event {
    std::string id;
    EventDate date;
    std::string place;  // a Venue id; empty when no source names the place
    std::vector<std::string> participants;  // empty when no source names who took part
    EventKind kind = EventKind::statement;
    std::string summary;
    std::string scenario = "none";  // a scenario id of the case, or "none" (checked by load_case)
    EventSource source;
    int line = 0;  // where the [[event]] table starts in its file
};

struct EventSet {
    std::filesystem::path file;
    std::vector<Event> events;  // sorted by date; events on the same date keep file order
    const Event* find(const std::string& id) const;
};

Venues read_venues(const std::filesystem::path& path);
// Every event's place, when given, must be a venue in `venues`.
EventSet read_events(const std::filesystem::path& path, const Venues& venues);

// One event as JSON; the place is expanded from `venue` when given.
nlohmann::ordered_json event_json(const Event& event, const Venue* venue);

std::filesystem::path default_events_file(const std::filesystem::path& data_dir);
std::filesystem::path default_venues_file(const std::filesystem::path& data_dir);

}  // namespace claimmap
