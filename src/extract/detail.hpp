#pragma once
// Internals of the article drafter shared by its source files: characters, the calendar, tokens,
// date mentions, the phrase matcher and datelines. Not part of the library's interface.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/toml_util.hpp"
#include "extract/extract.hpp"

namespace claimmap::extract_detail {

// Characters and calendar

inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
inline char lower(char c) { return is_upper(c) ? char(c - 'A' + 'a') : c; }
std::string lowered(std::string_view s);
// Lower case with the Latin letters of other languages spelled in ASCII: "A Coruña" -> "a coruna",
// "Kraków" -> "krakow", "Düsseldorf" -> "dusseldorf". Other scripts are kept as they are.
std::string folded(std::string_view s);
bool ieq(std::string_view a, std::string_view b);
size_t utf8_len(unsigned char c);
size_t invalid_utf8_at(std::string_view s);
size_t unicode_space_len(std::string_view s, size_t i);
bool unicode_punct(std::string_view s, size_t i);
inline bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m);
int64_t days_from_civil(int y, int m, int d);
EventDate civil_from_days(int64_t z);
inline int weekday_of(int64_t days) { return int(((days % 7) + 7 + 3) % 7); }  // Monday = 0
inline EventDate day_date(int y, int m, int d) { return EventDate{y, m, d, EventDate::Precision::day}; }
inline EventDate month_date(int y, int m) { return EventDate{y, m, 0, EventDate::Precision::month}; }

inline const char* const weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
inline const char* const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokType : uint8_t { word, number, punct };

struct Tok {
    uint32_t b, e;
    TokType type;
};

std::vector<Tok> tokenize(std::string_view s, size_t from, size_t to);

struct TokView {
    std::string_view text;
    const std::vector<Tok>& toks;

    std::string_view str(size_t i) const { return text.substr(toks[i].b, toks[i].e - toks[i].b); }
    bool word(size_t i) const { return toks[i].type == TokType::word; }
    bool number(size_t i) const { return toks[i].type == TokType::number; }
    bool punct(size_t i, char c) const { return toks[i].type == TokType::punct && toks[i].e - toks[i].b == 1 && text[toks[i].b] == c; }
    bool is(size_t i, std::string_view w) const { return word(i) && ieq(str(i), w); }
    bool capital(size_t i) const { return word(i) && is_upper(text[toks[i].b]); }
    bool adjacent(size_t i, size_t j) const { return toks[i].e == toks[j].b; }
    // Dashes of any kind: - – —
    bool dash(size_t i) const {
        if (toks[i].type != TokType::punct) return false;
        std::string_view s = str(i);
        return s == "-" || s == "\u2013" || s == "\u2014";
    }
    bool apostrophe(size_t i) const {
        if (toks[i].type != TokType::punct) return false;
        std::string_view s = str(i);
        return s == "'" || s == "\u2019";
    }
};

template <size_t N>
bool in_list(std::string_view w, const std::array<std::string_view, N>& list) {
    for (std::string_view x : list)
        if (ieq(w, x)) return true;
    return false;
}

std::string collapse_ws(std::string_view s);
std::string slug(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Dates

enum class DateKind { absolute_day, absolute_month, month_day, bare_month, weekday, rel_day, rel_week, rel_weekend, rel_month };

struct DateMention {
    size_t tb = 0, te = 0;  // tokens [tb, te)
    DateKind kind = DateKind::absolute_day;
    int year = 0, month = 0, day = 0, weekday = 0, offset = 0;
    int strict = 0;  // -1 "last", +1 "next", 2 "this"
    bool year_relative = false;  // a month with "next year", "last year", "this year": year = reference + year
    bool alternative = false;    // one of "late January or early February": not known to the month
};
int month_token(const TokView& v, size_t i);
bool month_abbreviated(const TokView& v, size_t i);
int weekday_token(const TokView& v, size_t i);
int number_value(const TokView& v, size_t i, size_t max_digits);
int year_value(const TokView& v, size_t i);
bool ordinal_suffix(const TokView& v, size_t i);
size_t prev_word(const TokView& v, size_t i, size_t b);
bool gathering_noun(const TokView& v, size_t i);
bool event_noun(const TokView& v, size_t i);
bool month_context(std::string_view w);
std::vector<DateMention> scan_dates(const TokView& v, size_t b, size_t e);

// `either`: what was agreed or decided ("agreed to visit Moscow in March"), which may have come
// since: the nearest such date, before or after the reference.
enum class Tense { none, past, future, either };

Tense tense_near(const TokView& v, size_t b, size_t e, size_t mb, size_t me);

struct Resolution {
    std::optional<EventDate> date;
    bool relative = false, year_inferred = false, future = false, uncertain = false;
    std::string how;
};
Resolution resolve(const DateMention& m, const EventDate* ref, Tense tense);

// Data files

std::string line_string(const StrictTable& s, const std::string& key);
const toml::array& tables(const StrictTable& top, const std::string& key, bool required);

// People

std::string surname(const std::string& name);
bool role_head(const std::string& role);
bool role_minister(const std::string& role);
bool role_working(const std::string& role);

// ---------------------------------------------------------------------------------------------
// Phrase matching over tokens

enum class Cat { venue, city, person, territory, group, cue, outlet, country, dispute, settlement, title, count };

struct Pattern {
    std::vector<std::string> toks;  // lower case; "*" is a one-word wildcard
    Cat cat;
    int owner;  // index into the category's list
    bool proper;
};

struct RawHit {
    Cat cat;
    int owner;
    Span span;
    size_t first_tok, last_tok;  // token indices (npos for substring hits)
};

// Finds the names of the case's data files in tokenized text: per category the longest phrase at
// each position, without overlaps. Phrases are indexed by their first token, so a scan is linear
// in the text for a fixed set of names.
class Matcher {
public:
    void add(std::string_view phrase, Cat cat, int owner, bool proper);
    // All hits, per category the longest at each position and without overlaps; hits that would
    // cross a sentence boundary (`sentence_of`: a sentence index per token) are dropped.
    std::vector<RawHit> run(std::string_view text, const std::vector<Tok>& toks, const std::vector<int>& sentence_of) const;
    // Cyrillic and CJK phrases include letters that tokenize as words: search them as substrings.
    void add_raw(std::string_view phrase, Cat cat, int owner) { raw_.push_back({std::string(phrase), cat, owner}); }

private:
    struct Raw {
        std::string phrase;
        Cat cat;
        int owner;
    };
    std::vector<Pattern> patterns_;
    std::unordered_map<std::string, std::vector<int>> index_;
    std::vector<Raw> raw_;
};
std::vector<std::string> phrase_tokens(std::string_view phrase);
bool non_ascii(std::string_view s);
void add_name(Matcher& m, std::string_view phrase, Cat cat, int owner, bool proper);

// ---------------------------------------------------------------------------------------------
// Datelines

struct Dateline {
    Span span;
    std::optional<DateMention> mention;
    std::string words;
    std::string venue;                     // a venue id or a world city's id
    const WorldCity* city = nullptr;       // when it is a world city
    std::string outlet;
    std::optional<Span> page_date;         // a date-only line above an agency dateline, whose date it lent
};
// The venue id, else the world city's id (the most populous of that name), of a dateline's city.
std::string venue_for_city(std::string_view city, const ExtractData& data, const WorldCity** world_city);
std::string outlets_in(std::string_view s, const std::vector<std::string>& outlets);
std::optional<Dateline> find_dateline(std::string_view t, const ExtractData& data);

}  // namespace claimmap::extract_detail
