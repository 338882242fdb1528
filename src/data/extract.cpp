#include "data/extract.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "data/case_data.hpp"
#include "data/toml_util.hpp"

namespace claimmap {

std::string_view to_string(EventScenario s) {
    switch (s) {
        case EventScenario::two_island: return "two-island";
        case EventScenario::four_island: return "four-island";
        case EventScenario::none: return "none";
    }
    return "?";
}


namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Characters and calendar

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
char lower(char c) { return is_upper(c) ? char(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// Length of the UTF-8 sequence starting with lead byte `c` (1 for ASCII and for stray bytes).
size_t utf8_len(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) return 2;
    if ((c & 0xF0) == 0xE0) return 3;
    if ((c & 0xF8) == 0xF0) return 4;
    return 1;
}

// Offset of the first invalid UTF-8 byte, or npos.
size_t invalid_utf8_at(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = utf8_len(c);
        if (len == 1 || i + len > n) return i;
        uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len; ++k) {
            unsigned char cc = s[i + k];
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

// Non-ASCII white space: no-break space, the U+2000 spaces, ideographic space.
size_t unicode_space_len(std::string_view s, size_t i) {
    auto u = [&](size_t k) { return i + k < s.size() ? (unsigned char)s[i + k] : 0; };
    if (u(0) == 0xC2 && u(1) == 0xA0) return 2;
    if (u(0) == 0xE2 && u(1) == 0x80 && (u(2) <= 0x8A || u(2) == 0xAF)) return 3;
    if (u(0) == 0xE2 && u(1) == 0x81 && u(2) == 0x9F) return 3;
    if (u(0) == 0xE3 && u(1) == 0x80 && u(2) == 0x80) return 3;
    return 0;
}

// Non-ASCII punctuation (quotes, dashes, bullets, CJK punctuation): these end a word.
bool unicode_punct(std::string_view s, size_t i) {
    auto u = [&](size_t k) { return i + k < s.size() ? (unsigned char)s[i + k] : 0; };
    if (u(0) == 0xC2 && u(1) >= 0x80 && u(1) <= 0xBF) return true;  // Latin-1 symbols « » · etc.
    if (u(0) == 0xC3 && (u(1) == 0x97 || u(1) == 0xB7)) return true;  // × ÷
    if (u(0) == 0xE2 && u(1) >= 0x80 && u(1) <= 0xBF) return true;    // general punctuation, symbols
    if (u(0) == 0xE3 && u(1) == 0x80) return true;                    // CJK punctuation
    if (u(0) == 0xEF && u(1) == 0xBC && (u(2) <= 0x8F || (u(2) >= 0x9A && u(2) <= 0xA0))) return true;
    if (u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) return true;    // stray BOM
    return false;
}

std::string surname(const std::string& name);

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

// Days since 1970-01-01 (H. Hinnant's algorithms).
int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

EventDate civil_from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    EventDate e;
    e.day = int(doy - (153 * mp + 2) / 5 + 1);
    e.month = int(mp < 10 ? mp + 3 : mp - 9);
    e.year = int(yoe + era * 400 + (e.month <= 2));
    e.precision = EventDate::Precision::day;
    return e;
}

int weekday_of(int64_t days) { return int(((days % 7) + 7 + 3) % 7); }  // Monday = 0

EventDate day_date(int y, int m, int d) { return EventDate{y, m, d, EventDate::Precision::day}; }
EventDate month_date(int y, int m) { return EventDate{y, m, 0, EventDate::Precision::month}; }

const char* const weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokType : uint8_t { word, number, punct };

struct Tok {
    uint32_t b, e;
    TokType type;
};

// Words (ASCII letters and non-ASCII letters), digit runs, and single punctuation characters.
// White space separates tokens and is not kept; "21st" is the number 21 and the word "st".
std::vector<Tok> tokenize(std::string_view s, size_t from, size_t to) {
    std::vector<Tok> out;
    out.reserve((to - from) / 5 + 4);
    size_t i = from;
    while (i < to) {
        unsigned char c = s[i];
        if (is_space(char(c))) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            if (size_t sp = unicode_space_len(s, i)) {
                i += sp;
                continue;
            }
            size_t len = std::min(utf8_len(c), to - i);
            if (unicode_punct(s, i)) {
                out.push_back({uint32_t(i), uint32_t(i + len), TokType::punct});
                i += len;
                continue;
            }
        }
        if (is_digit(char(c))) {
            size_t j = i;
            while (j < to && is_digit(s[j])) ++j;
            out.push_back({uint32_t(i), uint32_t(j), TokType::number});
            i = j;
            continue;
        }
        if (is_alpha(char(c)) || c >= 0x80) {
            size_t j = i;
            while (j < to) {
                unsigned char d = s[j];
                if (is_alpha(char(d))) {
                    ++j;
                } else if (d >= 0x80 && !unicode_space_len(s, j) && !unicode_punct(s, j)) {
                    j += std::min(utf8_len(d), to - j);
                } else {
                    break;
                }
            }
            out.push_back({uint32_t(i), uint32_t(j), TokType::word});
            i = j;
            continue;
        }
        out.push_back({uint32_t(i), uint32_t(i + 1), TokType::punct});
        ++i;
    }
    return out;
}

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

// ---------------------------------------------------------------------------------------------
// Sentences

bool is_abbreviation(std::string_view w) {
    static const std::array<std::string_view, 44> abbr = {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Gen", "Gov", "Rep", "Lt", "Col", "Capt", "Sgt", "Jr",
        "Sr", "No", "Nos", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "Inc", "Corp", "Ltd", "Co", "approx", "Ave", "Mt", "Ft", "Adm", "Pres", "Amb", "Dept", "Gov't"};
    for (std::string_view a : abbr)
        if (w == a) return true;
    return false;
}

bool sentence_starter(std::string_view w) {
    static const std::array<std::string_view, 20> starters = {"The", "A", "An", "In", "It", "He", "She", "They",
                                                              "But", "On", "This", "That", "We", "I", "His",
                                                              "Her", "Their", "Its", "And", "At"};
    for (std::string_view s : starters)
        if (w == s) return true;
    return false;
}

// Closing quotes and brackets that may follow a sentence's final punctuation.
size_t closer_len(std::string_view t, size_t j) {
    char c = t[j];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (t.compare(j, 3, "\u2019") == 0 || t.compare(j, 3, "\u201D") == 0) return 3;
    if (t.compare(j, 2, "\u00BB") == 0) return 2;
    return 0;
}

// Lines whose next line is not blank, most of them at most 100 bytes: the text is hard-wrapped,
// so a single line break is a space and only blank lines separate paragraphs.
bool hard_wrapped(std::string_view t, size_t from) {
    size_t nonempty = 0, joined = 0, longest = 0;
    bool prev_nonempty = false;
    size_t i = from;
    while (i <= t.size()) {
        size_t j = t.find('\n', i);
        if (j == std::string_view::npos) j = t.size();
        std::string_view line = t.substr(i, j - i);
        bool ne = line.find_first_not_of(" \t\r") != std::string_view::npos;
        if (ne) {
            ++nonempty;
            longest = std::max(longest, line.size());
            if (prev_nonempty) ++joined;
        }
        prev_nonempty = ne;
        i = j + 1;
    }
    return joined >= 3 && joined * 2 >= nonempty && longest <= 110;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view t, size_t from) {
    std::vector<Sentence> out;
    const size_t n = t.size();
    if (from >= n) return out;
    const bool wrapped = hard_wrapped(t, from);
    int para = 0;
    bool para_has = false;
    auto emit = [&](size_t b, size_t e) {
        while (b < e && (is_space(t[b]) || unicode_space_len(t, b))) b += std::max<size_t>(1, unicode_space_len(t, b));
        while (e > b && is_space(t[e - 1])) --e;
        while (e >= b + 2 && (unsigned char)t[e - 2] == 0xC2 && (unsigned char)t[e - 1] == 0xA0) e -= 2;
        if (e > b) {
            out.push_back({{b, e}, para});
            para_has = true;
        }
    };
    auto paragraph_break = [&] {
        if (para_has) ++para;
        para_has = false;
    };
    size_t start = from, i = from;
    while (i < n) {
        char c = t[i];
        if (c == '\n') {
            size_t j = i + 1;
            while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
            bool blank = j >= n || t[j] == '\n';
            if (blank || !wrapped) {
                emit(start, i);
                paragraph_break();
                start = i + 1;
            }
            ++i;
            continue;
        }
        bool ellipsis = t.compare(i, 3, "\u2026") == 0;
        if (c == '.' || c == '!' || c == '?' || ellipsis) {
            size_t j = i + (ellipsis ? 3 : 1);
            for (;;) {
                if (j < n && (t[j] == '.' || t[j] == '!' || t[j] == '?')) {
                    ++j;
                } else if (size_t cl = j < n ? closer_len(t, j) : 0) {
                    j += cl;
                } else {
                    break;
                }
            }
            if (j < n && !is_space(t[j]) && !unicode_space_len(t, j)) {
                i = j;
                continue;
            }
            size_t k = j;
            while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
            bool at_line_end = k >= n || t[k] == '\n';
            if (!at_line_end && (is_lower(t[k]) || t[k] == ',' || t[k] == ';')) {
                i = j;
                continue;
            }
            if (c == '.' && j == i + 1 && !at_line_end) {
                // The word before the dot: an abbreviation or an initial does not end the sentence.
                size_t w = i;
                while (w > start && is_alpha(t[w - 1])) --w;
                std::string_view word = t.substr(w, i - w);
                size_t nb = k;
                while (nb < n && is_alpha(t[nb])) ++nb;
                std::string_view next = t.substr(k, nb - k);
                if (is_abbreviation(word)) {
                    i = j;
                    continue;
                }
                if (word.size() == 1 && is_upper(word[0])) {
                    bool dotted = w > start + 1 && t[w - 1] == '.';  // U.S., U.K.
                    if (!(dotted && sentence_starter(next))) {
                        i = j;
                        continue;
                    }
                }
            }
            emit(start, j);
            start = j;
            i = j;
            continue;
        }
        ++i;
    }
    emit(start, n);
    return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Dates

enum class DateKind { absolute_day, absolute_month, month_day, bare_month, weekday, rel_day, rel_month };

struct DateMention {
    size_t tb = 0, te = 0;  // tokens [tb, te)
    DateKind kind = DateKind::absolute_day;
    int year = 0, month = 0, day = 0, weekday = 0, offset = 0;
    int strict = 0;  // -1 "last", +1 "next", 2 "this"
};

int month_token(const TokView& v, size_t i) {
    if (!v.capital(i)) return 0;
    std::string_view w = v.str(i);
    if (w.size() < 3 || w.size() > 9) return 0;
    switch (lower(w[0])) {
        case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
        default: return 0;
    }
    static const std::array<std::string_view, 12> full = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};
    static const std::array<std::string_view, 12> abbr = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int m = 0; m < 12; ++m)
        if (ieq(w, full[m]) || ieq(w, abbr[m])) return m + 1;
    if (ieq(w, "sept")) return 9;
    return 0;
}

bool month_abbreviated(const TokView& v, size_t i) { return v.str(i).size() <= 4 && !ieq(v.str(i), "june") && !ieq(v.str(i), "july"); }

int weekday_token(const TokView& v, size_t i) {
    if (!v.capital(i)) return -1;
    for (int d = 0; d < 7; ++d)
        if (ieq(v.str(i), weekday_names[d])) return d;
    return -1;
}

int number_value(const TokView& v, size_t i, size_t max_digits) {
    if (!v.number(i)) return -1;
    std::string_view s = v.str(i);
    if (s.empty() || s.size() > max_digits) return -1;
    int x = 0;
    for (char c : s) x = x * 10 + (c - '0');
    return x;
}

int year_value(const TokView& v, size_t i) {
    if (!v.number(i) || v.str(i).size() != 4) return -1;
    int y = number_value(v, i, 4);
    return y >= 1800 && y <= 2199 ? y : -1;
}

bool ordinal_suffix(const TokView& v, size_t i) {
    return v.word(i) && (v.is(i, "st") || v.is(i, "nd") || v.is(i, "rd") || v.is(i, "th"));
}

// The word before token i, skipping one hyphen ("mid-May"); npos at the start of the range.
size_t prev_word(const TokView& v, size_t i, size_t b) {
    if (i <= b) return std::string_view::npos;
    size_t k = i - 1;
    if (v.dash(k) && k > b) --k;
    return v.word(k) ? k : std::string_view::npos;
}

// Nouns after a venue that make it the place of something ("the Moscow talks"); documents named
// after a city ("the Singapore agreement") do not.
bool gathering_noun(const TokView& v, size_t i) {
    static const std::array<std::string_view, 15> nouns = {
        "summit", "talks", "meeting", "meetings", "visit", "visits", "trip", "forum", "conference", "round",
        "session", "negotiations", "consultations", "dialogue", "ministerial"};
    if (v.word(i) && in_list(v.str(i), nouns)) return true;
    if (v.is(i, "G") && i + 1 < v.toks.size()) {
        size_t k = i + 1;
        if (v.dash(k) && k + 1 < v.toks.size()) ++k;
        return v.number(k) && v.str(k) == "20";
    }
    return false;
}

bool event_noun(const TokView& v, size_t i) {
    static const std::array<std::string_view, 21> nouns = {
        "summit",     "talks",       "meeting",  "meetings",  "visit",       "visits",       "trip",
        "forum",      "conference",  "round",    "session",   "negotiations", "consultations", "agreement",
        "declaration", "accord",     "statement", "dialogue", "ministerial", "summits",      "communique"};
    if (v.word(i) && in_list(v.str(i), nouns)) return true;
    // G20, G-20
    if (v.is(i, "G") && i + 1 < v.toks.size()) {
        size_t k = i + 1;
        if (v.dash(k) && k + 1 < v.toks.size()) ++k;
        return v.number(k) && v.str(k) == "20";
    }
    return false;
}

// Words before a month that make a bare month name ("in December") a date rather than a name.
bool month_context(std::string_view w) {
    static const std::array<std::string_view, 24> ctx = {
        "in",   "since", "by",   "until", "till",   "of",     "early",  "mid",       "late",      "last",    "next",   "this",
        "from", "through", "during", "for", "before", "after", "around", "beginning", "end", "between", "coming", "previous"};
    return in_list(w, ctx);
}

// Scans tokens [b, e) for date expressions, in order, without overlaps.
std::vector<DateMention> scan_dates(const TokView& v, size_t b, size_t e) {
    std::vector<DateMention> out;
    size_t i = b;
    auto strictness = [&](size_t at) -> int {
        size_t p = prev_word(v, at, b);
        if (p == std::string_view::npos) return 0;
        if (v.is(p, "last") || v.is(p, "previous")) return -1;
        if (v.is(p, "next") || v.is(p, "coming")) return +1;
        if (v.is(p, "this")) return 2;
        return 0;
    };
    // Day [suffix] starting at k: returns the day and sets k past it.
    auto day_at = [&](size_t& k) -> int {
        if (k >= e) return -1;
        int d = number_value(v, k, 2);
        if (d < 1 || d > 31) return -1;
        size_t m = k + 1;
        if (m < e && ordinal_suffix(v, m) && v.adjacent(k, m)) ++m;
        k = m;
        return d;
    };
    // [,] year starting at k: returns the year and sets k past it.
    auto year_at = [&](size_t& k) -> int {
        size_t m = k;
        if (m < e && v.punct(m, ',')) ++m;
        if (m < e) {
            int y = year_value(v, m);
            if (y > 0) {
                k = m + 1;
                return y;
            }
        }
        return -1;
    };
    // Month-first or day-first forms at k; fills `dm` and returns true.
    auto calendar_at = [&](size_t k, DateMention& dm) -> bool {
        if (k >= e) return false;
        if (int m = month_token(v, k)) {
            size_t j = k + 1;
            if (j < e && v.punct(j, '.') && v.adjacent(k, j)) ++j;
            size_t dj = j;
            int d = day_at(dj);
            if (d > 0 && (dj >= e || !v.number(dj) || year_value(v, dj) > 0)) {
                if (d > (m == 2 ? 29 : days_in_month(2001, m))) return false;
                size_t yj = dj;
                int y = year_at(yj);
                if (y > 0 && d > days_in_month(y, m)) return false;
                dm = DateMention{k, y > 0 ? yj : dj, y > 0 ? DateKind::absolute_day : DateKind::month_day, std::max(y, 0), m, d};
                return true;
            }
            size_t yj = j;
            int y = year_at(yj);
            if (y > 0) {
                dm = DateMention{k, yj, DateKind::absolute_month, y, m, 0};
                return true;
            }
            return false;
        }
        if (v.number(k)) {
            size_t j = k;
            int d = day_at(j);
            if (d < 1) return false;
            if (j < e && v.is(j, "of")) ++j;
            if (j >= e) return false;
            int m = month_token(v, j);
            if (!m || d > (m == 2 ? 29 : days_in_month(2001, m))) return false;
            size_t mj = j + 1;
            if (mj < e && v.punct(mj, '.') && v.adjacent(j, mj)) ++mj;
            size_t yj = mj;
            int y = year_at(yj);
            if (y > 0 && d > days_in_month(y, m)) return false;
            dm = DateMention{k, y > 0 ? yj : mj, y > 0 ? DateKind::absolute_day : DateKind::month_day, std::max(y, 0), m, d};
            return true;
        }
        return false;
    };

    while (i < e) {
        DateMention dm;
        // ISO 2019-01-14, 2019-01, 2019/01/14
        if (int y = year_value(v, i); y > 0 && i + 2 < e && (v.punct(i + 1, '-') || v.punct(i + 1, '/')) &&
                                      v.adjacent(i, i + 1) && v.adjacent(i + 1, i + 2) && v.number(i + 2)) {
            char sep = v.text[v.toks[i + 1].b];
            int m = number_value(v, i + 2, 2);
            bool two = v.str(i + 2).size() == 2;
            if (m >= 1 && m <= 12 && (two || sep == '/')) {
                if (i + 4 < e && v.punct(i + 3, sep) &&
                    v.adjacent(i + 2, i + 3) && v.adjacent(i + 3, i + 4) && v.number(i + 4)) {
                    int d = number_value(v, i + 4, 2);
                    bool two_d = v.str(i + 4).size() == 2;
                    if (d >= 1 && d <= days_in_month(y, m) && (two_d || sep == '/')) {
                        out.push_back({i, i + 5, DateKind::absolute_day, y, m, d});
                        i += 5;
                        continue;
                    }
                } else if (sep == '-' && (i + 3 >= e || !v.punct(i + 3, '-') || !v.adjacent(i + 2, i + 3))) {
                    out.push_back({i, i + 3, DateKind::absolute_month, y, m, 0});
                    i += 3;
                    continue;
                }
            }
        }
        // Weekday, possibly followed by a calendar date ("Monday, Jan. 21")
        if (int wd = weekday_token(v, i); wd >= 0) {
            size_t j = i + 1;
            if (j < e && v.punct(j, ',')) ++j;
            if (calendar_at(j, dm)) {
                dm.tb = i;
                out.push_back(dm);
                i = dm.te;
                continue;
            }
            dm = DateMention{i, i + 1, DateKind::weekday};
            dm.weekday = wd;
            dm.strict = strictness(i);
            size_t p = prev_word(v, i, b);
            if (p != std::string_view::npos && (dm.strict != 0 || v.is(p, "on"))) dm.tb = p;
            out.push_back(dm);
            i += 1;
            continue;
        }
        if (calendar_at(i, dm)) {
            out.push_back(dm);
            i = dm.te;
            continue;
        }
        // Bare month: "in December", "last October", "mid-May", "a June summit"
        if (int m = month_token(v, i)) {
            size_t p = prev_word(v, i, b);
            bool abbreviated_alone = month_abbreviated(v, i) && !(ieq(v.str(i), "may"));
            bool ok = !abbreviated_alone &&
                      ((p != std::string_view::npos && month_context(v.str(p))) || (i + 1 < e && event_noun(v, i + 1)));
            if (ok) {
                dm = DateMention{i, i + 1, DateKind::bare_month, 0, m, 0};
                dm.strict = strictness(i);
                if (p != std::string_view::npos && (dm.strict != 0 || v.is(p, "in"))) dm.tb = p;
                out.push_back(dm);
                i += 1;
                continue;
            }
        }
        if (v.word(i)) {
            if (v.is(i, "yesterday") || v.is(i, "today") || v.is(i, "tomorrow") || v.is(i, "tonight")) {
                dm = DateMention{i, i + 1, DateKind::rel_day};
                dm.offset = v.is(i, "yesterday") ? -1 : v.is(i, "tomorrow") ? 1 : 0;
                out.push_back(dm);
                i += 1;
                continue;
            }
            // last month / this month / next month / later in the month
            if ((v.is(i, "last") || v.is(i, "this") || v.is(i, "next") || v.is(i, "previous")) && i + 1 < e &&
                v.is(i + 1, "month")) {
                dm = DateMention{i, i + 2, DateKind::rel_month};
                dm.offset = v.is(i, "next") ? 1 : v.is(i, "this") ? 0 : -1;
                out.push_back(dm);
                i += 2;
                continue;
            }
            if ((v.is(i, "later") || v.is(i, "earlier")) && i + 3 < e && v.is(i + 1, "in") && v.is(i + 2, "the") &&
                v.is(i + 3, "month")) {
                dm = DateMention{i, i + 4, DateKind::rel_month};
                dm.offset = 0;
                out.push_back(dm);
                i += 4;
                continue;
            }
        }
        ++i;
    }
    return out;
}

enum class Tense { none, past, future };

// The tense of the words around a date: the nearest cue before it (up to 20 words back), else a
// cue right after it (up to 4 words), within the range [b, e).
Tense tense_near(const TokView& v, size_t b, size_t e, size_t mb, size_t me) {
    static const std::array<std::string_view, 30> future = {
        "will",     "would",    "shall",     "expected", "expects",   "planned",    "planning", "plans",
        "plan",     "scheduled", "slated",   "proposed", "upcoming",  "forthcoming", "next",    "tentatively",
        "intends",  "aims",     "due",       "set",      "ahead",     "going",      "prepare",  "prepares",
        "preparing", "hopes",   "hope",      "coming",   "later",     "ll"};
    static const std::array<std::string_view, 54> past = {
        "said",     "told",      "held",      "met",       "was",       "were",      "had",       "did",
        "agreed",   "signed",    "reported",  "announced", "visited",   "appointed", "tapped",    "stressed",
        "noted",    "confirmed", "expressed", "discussed", "spoke",     "talked",    "ended",     "concluded",
        "began",    "started",   "opened",    "last",      "ago",       "earlier",   "previously", "took",
        "made",     "arrived",   "left",      "returned",  "urged",     "accused",   "called",    "marked",
        "launched", "fell",      "came",      "went",      "gave",      "saw",       "sent",      "sought",
        "decided",  "failed",    "refused",   "rejected",  "warned",    "insisted"};
    // One hash look-up per word instead of a scan of both lists.
    static const std::unordered_map<std::string, Tense> cues = [] {
        std::unordered_map<std::string, Tense> m;
        for (std::string_view w : future) m.emplace(std::string(w), Tense::future);
        for (std::string_view w : past) m.emplace(std::string(w), Tense::past);
        return m;
    }();
    std::string key;
    auto cue = [&](size_t k) -> Tense {
        if (!v.word(k)) return Tense::none;
        std::string_view w = v.str(k);
        if (w.size() > 12) return Tense::none;
        key.assign(w);
        for (char& c : key) c = lower(c);
        auto found = cues.find(key);
        if (found == cues.end()) return Tense::none;
        if (found->second == Tense::future) {
            // "set" and "due" only as "is set to", "is due to"; "ahead" only as "ahead of"
            if ((ieq(w, "set") || ieq(w, "due") || ieq(w, "going")) && !(k + 1 < e && v.is(k + 1, "to"))) return Tense::none;
            if (ieq(w, "ahead") && !(k + 1 < e && v.is(k + 1, "of"))) return Tense::none;
            if (ieq(w, "ll") && !(k > b && v.apostrophe(k - 1))) return Tense::none;
            return Tense::future;
        }
        {
            // "is to be held", "will be signed": a participle after "be" is not the past.
            size_t p = k;
            while (p > b && !v.word(p - 1)) --p;
            if (p > b && v.is(p - 1, "be")) return Tense::future;
            return Tense::past;
        }
        return Tense::none;
    };
    // "planned for June", "under discussion for May 9": a date after "for" is a target.
    if (mb > b && v.is(mb - 1, "for")) return Tense::future;
    // Words inside the mention itself ("last", "next") are handled by `strict`.
    int words = 0;
    for (size_t k = mb; k > b && words < 20;) {
        --k;
        if (v.punct(k, ';')) break;
        if (!v.word(k)) continue;
        ++words;
        if (Tense t = cue(k); t != Tense::none) return t;
    }
    // "the Nov. 14 agreement would ...": a date used as an adjective takes no tense from what follows.
    if (mb > b) {
        size_t p = mb - 1;
        if (v.is(p, "the") || v.is(p, "a") || v.is(p, "an") || v.is(p, "its") || v.is(p, "their") || v.is(p, "his") ||
            v.is(p, "her") || v.apostrophe(p))
            return Tense::none;
    }
    words = 0;
    for (size_t k = me; k < e && words < 4; ++k) {
        if (v.punct(k, ';')) break;
        if (!v.word(k)) continue;
        ++words;
        if (Tense t = cue(k); t != Tense::none) return t;
    }
    return Tense::none;
}

struct Resolution {
    std::optional<EventDate> date;
    bool relative = false, year_inferred = false, future = false, uncertain = false;
    std::string how;
};

Resolution resolve(const DateMention& m, const EventDate* ref, Tense tense) {
    Resolution r;
    r.future = m.strict == 1 || (m.strict != -1 && tense == Tense::future);
    const bool past = m.strict == -1 || (!r.future && tense == Tense::past);
    const bool ref_day = ref && ref->precision == EventDate::Precision::day;
    const std::string ref_s = ref ? ref->str() : "";
    switch (m.kind) {
        case DateKind::absolute_day:
            r.date = day_date(m.year, m.month, m.day);
            r.how = "a full date";
            return r;
        case DateKind::absolute_month:
            r.date = month_date(m.year, m.month);
            r.how = "a month and year";
            return r;
        case DateKind::month_day: {
            if (!ref) {
                r.how = "no year given, and no reference date";
                return r;
            }
            r.year_inferred = true;
            int rd = ref_day ? ref->day : 15;
            int64_t pivot = days_from_civil(ref->year, ref->month, rd);
            std::optional<EventDate> best;
            int64_t best_dist = 0;
            for (int y = ref->year - 1; y <= ref->year + 1; ++y) {
                if (m.day > days_in_month(y, m.month)) continue;
                int64_t d = days_from_civil(y, m.month, m.day);
                if (r.future && d < pivot) continue;
                if (past && d > pivot) continue;
                int64_t dist = std::llabs(d - pivot);
                if (!best || dist < best_dist) best = day_date(y, m.month, m.day), best_dist = dist;
            }
            r.date = best;
            r.how = std::string("year from the reference ") + ref_s +
                    (r.future ? " (the next such date: future tense)" : past ? " (the last such date: past tense)" : " (the nearest such date)");
            if (!ref_day) r.uncertain = true;
            return r;
        }
        case DateKind::bare_month: {
            if (!ref) {
                r.how = "no year given, and no reference date";
                return r;
            }
            r.year_inferred = true;
            int y = ref->year;
            if (m.strict == 2) {
                y = ref->year;
            } else if (r.future) {
                if (m.month < ref->month || (m.strict == 1 && m.month == ref->month)) ++y;
            } else {
                if (m.month > ref->month || (m.strict == -1 && m.month == ref->month)) --y;
            }
            r.date = month_date(y, m.month);
            r.how = std::string("year from the reference ") + ref_s +
                    (r.future ? " (the next such month: future tense)" : " (the last such month not after it)");
            return r;
        }
        case DateKind::weekday: {
            if (!ref) {
                r.how = "a weekday, and no reference date";
                return r;
            }
            r.relative = true;
            if (!ref_day) {
                r.date = month_date(ref->year, ref->month);
                r.uncertain = true;
                r.how = std::string("a weekday against a reference known only to the month (") + ref_s + ")";
                return r;
            }
            int64_t rd = days_from_civil(ref->year, ref->month, ref->day);
            int rw = weekday_of(rd);
            int64_t d;
            if (r.future) {
                int64_t ahead = (m.weekday - rw + 7) % 7;
                if (ahead == 0 && m.strict == 1) ahead = 7;
                d = rd + ahead;
            } else {
                int64_t back = (rw - m.weekday + 7) % 7;
                if (back == 0 && m.strict == -1) back = 7;
                d = rd - back;
            }
            r.date = civil_from_days(d);
            r.how = std::string(weekday_names[m.weekday]) + (r.future ? " on or after" : " on or before") +
                    " the reference " + ref_s + " (" + weekday_names[rw] + ")" + (r.future ? ": future tense" : "");
            return r;
        }
        case DateKind::rel_day: {
            if (!ref) {
                r.how = "relative to a date not known (no reference date)";
                return r;
            }
            r.relative = true;
            if (!ref_day) {
                r.date = month_date(ref->year, ref->month);
                r.uncertain = true;
                r.how = "relative to a reference known only to the month (" + ref_s + ")";
                return r;
            }
            r.date = civil_from_days(days_from_civil(ref->year, ref->month, ref->day) + m.offset);
            r.how = "relative to the reference " + ref_s;
            return r;
        }
        case DateKind::rel_month: {
            if (!ref) {
                r.how = "relative to a date not known (no reference date)";
                return r;
            }
            r.relative = true;
            int total = ref->year * 12 + (ref->month - 1) + m.offset;
            r.date = month_date(total / 12, total % 12 + 1);
            r.how = "month relative to the reference " + ref_s;
            return r;
        }
    }
    return r;
}

std::string collapse_ws(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (size_t i = 0; i < s.size();) {
        if (is_space(s[i]) || unicode_space_len(s, i)) {
            space = true;
            i += std::max<size_t>(1, unicode_space_len(s, i));
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += s[i++];
    }
    return out;
}

}  // namespace

std::optional<ResolvedDate> parse_news_date(std::string_view text, const EventDate* reference) {
    std::vector<Tok> toks = tokenize(text, 0, text.size());
    TokView v{text, toks};
    for (const DateMention& m : scan_dates(v, 0, toks.size())) {
        Tense tense = tense_near(v, 0, toks.size(), m.tb, m.te);
        Resolution r = resolve(m, reference, tense);
        if (!r.date) return std::nullopt;
        ResolvedDate out;
        out.date = *r.date;
        out.span = {toks[m.tb].b, toks[m.te - 1].e};
        out.text = collapse_ws(text.substr(out.span.begin, out.span.end - out.span.begin));
        out.relative = r.relative;
        out.year_inferred = r.year_inferred;
        out.future = r.future;
        out.uncertain = r.uncertain;
        out.how = r.how;
        return out;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Data files

std::string Person::participant() const { return name + " (" + country + ", " + role + ")"; }

namespace {

std::vector<std::string> string_list(const StrictTable& s, const std::string& key, bool required) {
    std::vector<std::string> out;
    const toml::array* arr = s.opt_array(key);
    if (!arr) {
        if (required) s.fail_at(key, "is missing");
        return out;
    }
    for (const toml::node& n : *arr) {
        auto v = n.value<std::string>();
        if (!v || v->find_first_not_of(" \t") == std::string::npos || v->find_first_of("\r\n") != std::string::npos)
            s.fail_at(key, "must be an array of non-empty single-line strings");
        out.push_back(*v);
    }
    return out;
}

std::string line_string(const StrictTable& s, const std::string& key) {
    std::string v = s.string(key);
    if (v.find_first_not_of(" \t") == std::string::npos) s.fail_at(key, "must not be empty");
    if (v.find_first_of("\r\n") != std::string::npos) s.fail_at(key, "must be a single line");
    return v;
}

const toml::array& tables(const StrictTable& top, const std::string& key, bool required) {
    static const toml::array empty;
    const toml::array* arr = top.opt_array(key);
    if (!arr) {
        if (required) top.fail_at(key, "is missing: the file lists [[" + key + "]] tables");
        return empty;
    }
    for (const toml::node& n : *arr)
        if (!n.is_table()) top.fail_at(key, "must be an array of tables ([[" + key + "]])");
    return *arr;
}

}  // namespace

std::vector<Person> read_people(const fs::path& path) {
    toml::table root = parse_toml_file(path);
    StrictTable top(root, path, "");
    const toml::array& arr = tables(top, "person", true);
    top.reject_unknown_keys();
    std::vector<Person> out;
    std::set<std::string> names;
    for (size_t i = 0; i < arr.size(); ++i) {
        StrictTable s(*arr[i].as_table(), path, "person[" + std::to_string(i) + "]");
        Person p;
        p.name = line_string(s, "name");
        p.aliases = string_list(s, "aliases", false);
        p.role = line_string(s, "role");
        p.country = line_string(s, "country");
        s.reject_unknown_keys();
        if (!names.insert(p.name).second) s.fail_at("name", "repeats '" + p.name + "'");
        out.push_back(std::move(p));
    }
    return out;
}

ExtractData load_extract_data(const fs::path& case_dir, const std::optional<fs::path>& venues_file) {
    ExtractData d;
    d.venues = read_venues(venues_file ? *venues_file : case_dir / "venues.toml");
    d.people = read_people(case_dir / "people.toml");
    Gazetteer gaz = read_gazetteer(case_dir / "gazetteer.toml");
    for (const Place& p : gaz.places) {
        if (p.kind != "territory") continue;
        NamedThing t{p.id, {}};
        for (const std::string& n : p.all_names())
            if (std::find(t.names.begin(), t.names.end(), n) == t.names.end()) t.names.push_back(n);
        d.territories.push_back(std::move(t));
    }

    const fs::path lex = case_dir / "lexicon.toml";
    toml::table root = parse_toml_file(lex);
    StrictTable top(root, lex, "");
    const toml::array& terr = tables(top, "territory", false);
    const toml::array& groups = tables(top, "group", false);
    const toml::array& cues = tables(top, "cue", false);
    const toml::table* outlets = top.opt_table("outlets");
    const toml::table* cities = top.opt_table("cities");
    top.reject_unknown_keys();
    for (size_t i = 0; i < terr.size(); ++i) {
        StrictTable s(*terr[i].as_table(), lex, "territory[" + std::to_string(i) + "]");
        std::string id = s.string("id");
        auto it = std::find_if(d.territories.begin(), d.territories.end(), [&](const NamedThing& t) { return t.id == id; });
        if (it == d.territories.end())
            s.fail_at("id", "names no place of kind territory '" + id + "' in " + (case_dir / "gazetteer.toml").string());
        for (std::string& n : string_list(s, "names", true)) it->names.push_back(std::move(n));
        s.reject_unknown_keys();
    }
    for (size_t i = 0; i < groups.size(); ++i) {
        StrictTable s(*groups[i].as_table(), lex, "group[" + std::to_string(i) + "]");
        d.groups.push_back({line_string(s, "id"), string_list(s, "names", true)});
        s.reject_unknown_keys();
    }
    for (size_t i = 0; i < cues.size(); ++i) {
        StrictTable s(*cues[i].as_table(), lex, "cue[" + std::to_string(i) + "]");
        std::string sc = s.string("scenario");
        EventScenario scenario;
        if (sc == "two-island")
            scenario = EventScenario::two_island;
        else if (sc == "four-island")
            scenario = EventScenario::four_island;
        else
            s.fail_at("scenario", "must be two-island or four-island, got '" + sc + "'");
        for (std::string& p : string_list(s, "phrases", true)) d.cues.push_back({scenario, std::move(p)});
        s.reject_unknown_keys();
    }
    if (cities) {
        StrictTable s(*cities, lex, "cities");
        d.cities = string_list(s, "names", true);
        s.reject_unknown_keys();
    }
    if (outlets) {
        StrictTable s(*outlets, lex, "outlets");
        d.outlets = string_list(s, "names", true);
        s.reject_unknown_keys();
    }
    return d;
}

std::string read_article(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) fail(path, "no such file");
    if (fs::is_directory(path, ec)) fail(path, "is a directory, not an article text file");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot be read");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) fail(path, "cannot be read");
    std::string text = ss.str();
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) fail(path, "is empty: no article text to read");
    if (size_t nul = text.find('\0'); nul != std::string::npos)
        fail(path, "contains a NUL byte at offset " + std::to_string(nul) + ": not a plain-text article");
    if (size_t bad = invalid_utf8_at(text); bad != std::string::npos)
        fail(path, "is not valid UTF-8 text (bad byte at offset " + std::to_string(bad) + ")");
    return text;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Phrase matching over tokens

enum class Cat { venue, city, person, territory, group, cue, outlet, count };

struct Pattern {
    std::vector<std::string> toks;  // lower case; "*" is a one-word wildcard
    Cat cat;
    int owner;  // index into the category's list
    bool proper;
};

// Tokens of a phrase as matched: hyphens and dots dropped, apostrophes normalised.
std::vector<std::string> phrase_tokens(std::string_view phrase) {
    std::vector<Tok> toks = tokenize(phrase, 0, phrase.size());
    TokView v{phrase, toks};
    std::vector<std::string> out;
    for (size_t i = 0; i < toks.size(); ++i) {
        if (v.dash(i) || v.punct(i, '.')) continue;
        if (v.apostrophe(i)) {
            out.push_back("'");
            continue;
        }
        out.push_back(lowered(v.str(i)));
    }
    return out;
}

bool non_ascii(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (unsigned char)c >= 0x80; });
}

struct RawHit {
    Cat cat;
    int owner;
    Span span;
    size_t first_tok, last_tok;  // token indices (npos for substring hits)
};

class Matcher {
public:
    void add(std::string_view phrase, Cat cat, int owner, bool proper) {
        Pattern p{phrase_tokens(phrase), cat, owner, proper};
        if (p.toks.empty() || p.toks[0] == "*") return;
        index_[p.toks[0]].push_back(int(patterns_.size()));
        patterns_.push_back(std::move(p));
    }

    // All hits, per category the longest at each position and without overlaps; hits that would
    // cross `boundary` (a sentence index per token) are dropped.
    std::vector<RawHit> run(std::string_view text, const std::vector<Tok>& toks, const std::vector<int>& sentence_of) const {
        TokView v{text, toks};
        std::vector<size_t> stream;  // tokens that take part in matching
        stream.reserve(toks.size());
        for (size_t i = 0; i < toks.size(); ++i) {
            // "four-island", "St. Petersburg": a hyphen inside a word and the dot of an abbreviation
            // are not matched; a spaced dash is a token.
            bool hyphen = v.punct(i, '-') && i > 0 && i + 1 < toks.size() && v.adjacent(i - 1, i) && v.adjacent(i, i + 1);
            bool dot = v.punct(i, '.') && i > 0 && v.adjacent(i - 1, i) && v.word(i - 1);
            if (!hyphen && !dot) stream.push_back(i);
        }
        std::vector<RawHit> hits;
        std::array<size_t, size_t(Cat::count)> next_free{};
        std::string key;
        for (size_t k = 0; k < stream.size(); ++k) {
            size_t t0 = stream[k];
            if (toks[t0].type == TokType::punct && !v.apostrophe(t0)) continue;
            key = v.apostrophe(t0) ? "'" : lowered(v.str(t0));
            auto it = index_.find(key);
            if (it == index_.end()) continue;
            std::array<int, size_t(Cat::count)> best;
            std::array<size_t, size_t(Cat::count)> best_len{};
            best.fill(-1);
            for (int pi : it->second) {
                const Pattern& p = patterns_[pi];
                size_t c = size_t(p.cat);
                if (k < next_free[c] || p.toks.size() <= best_len[c]) continue;
                if (k + p.toks.size() > stream.size()) continue;
                if (p.proper && !(is_upper(text[toks[t0].b]) || (unsigned char)text[toks[t0].b] >= 0x80)) continue;
                bool ok = true;
                for (size_t q = 1; q < p.toks.size() && ok; ++q) {
                    size_t t = stream[k + q];
                    if (p.toks[q] == "*")
                        ok = toks[t].type != TokType::punct;
                    else if (p.toks[q] == "'")
                        ok = v.apostrophe(t);
                    else
                        ok = toks[t].type != TokType::punct && ieq(v.str(t), p.toks[q]);
                }
                if (!ok) continue;
                size_t t1 = stream[k + p.toks.size() - 1];
                if (sentence_of[t0] != sentence_of[t1]) continue;
                best[c] = pi;
                best_len[c] = p.toks.size();
            }
            for (size_t c = 0; c < size_t(Cat::count); ++c) {
                if (best[c] < 0) continue;
                const Pattern& p = patterns_[best[c]];
                size_t t1 = stream[k + p.toks.size() - 1];
                hits.push_back({p.cat, p.owner, {toks[t0].b, toks[t1].e}, t0, t1});
                next_free[c] = k + p.toks.size();
            }
        }
        // Names in other scripts (Cyrillic, Japanese): plain substring search.
        for (const auto& r : raw_) {
            for (size_t at = text.find(r.phrase); at != std::string_view::npos; at = text.find(r.phrase, at + r.phrase.size()))
                hits.push_back({r.cat, r.owner, {at, at + r.phrase.size()}, std::string_view::npos, std::string_view::npos});
        }
        return hits;
    }

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

void add_name(Matcher& m, std::string_view phrase, Cat cat, int owner, bool proper) {
    if (non_ascii(phrase))
        m.add_raw(phrase, cat, owner);  // other scripts: substring search
    else
        m.add(phrase, cat, owner, proper);
}

// ---------------------------------------------------------------------------------------------
// Datelines

struct Dateline {
    Span span;
    std::optional<DateMention> mention;
    std::string words;
    std::string venue;
    std::string outlet;
};

std::string venue_for_city(std::string_view city, const Venues& venues) {
    std::string c = collapse_ws(city);
    for (const Venue& v : venues.venues) {
        if (ieq(c, v.name)) return v.id;
        for (const std::string& a : v.aliases)
            if (ieq(c, a)) return v.id;
    }
    return "";
}

std::string outlets_in(std::string_view s, const std::vector<std::string>& outlets) {
    std::string found;
    std::vector<Span> taken;
    // Longest names first, so "Kyodo News" wins over "Kyodo".
    std::vector<const std::string*> sorted;
    for (const std::string& o : outlets) sorted.push_back(&o);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->size() > b->size(); });
    std::vector<std::pair<size_t, std::string>> hits;
    for (const std::string* o : sorted) {
        for (size_t at = s.find(*o); at != std::string_view::npos; at = s.find(*o, at + 1)) {
            size_t end = at + o->size();
            bool left = at == 0 || !is_alpha(s[at - 1]);
            bool right = end >= s.size() || !is_alpha(s[end]);
            bool overlap = std::any_of(taken.begin(), taken.end(), [&](const Span& t) { return at < t.end && end > t.begin; });
            if (left && right && !overlap) {
                taken.push_back({at, end});
                hits.push_back({at, *o});
            }
        }
    }
    std::sort(hits.begin(), hits.end());
    for (auto& [at, name] : hits) found += (found.empty() ? "" : " / ") + name;
    return found;
}

// A dateline: "date 2019-01-14" at the start (the seed articles' form), or an agency dateline at
// the start of one of the first lines ("MOSCOW (Reuters) -", "TOKYO, Jan 21 (Kyodo) -",
// "MOSCOW (UrduPoint News / Sputnik - 21st January, 2019)", "MOSCOW, January 21. /TASS/."), or a
// line at the top that holds nothing but a full date.
std::optional<Dateline> find_dateline(std::string_view t, const ExtractData& data) {
    const size_t n = t.size();
    size_t p = 0;
    while (p < n && is_space(t[p])) ++p;
    // "date 2019-01-14", "Date: January 14, 2019", "Published 2019-01-14"
    for (std::string_view lead : {"date", "published", "updated", "posted"}) {
        if (p + lead.size() < n && ieq(t.substr(p, lead.size()), lead) && !is_alpha(t[p + lead.size()])) {
            size_t q = p + lead.size();
            if (q < n && t[q] == ':') ++q;
            size_t line_end = t.find('\n', q);
            if (line_end == std::string_view::npos) line_end = n;
            size_t lim = std::min(line_end, q + 60);
            std::vector<Tok> toks = tokenize(t, q, lim);
            TokView v{t, toks};
            auto ms = scan_dates(v, 0, std::min<size_t>(toks.size(), 6));
            if (!ms.empty() && ms[0].tb == 0 &&
                (ms[0].kind == DateKind::absolute_day || ms[0].kind == DateKind::absolute_month || ms[0].kind == DateKind::month_day)) {
                Dateline d;
                d.span = {p, toks[ms[0].te - 1].e};
                d.mention = ms[0];
                d.mention->tb = d.mention->te = 0;
                d.words = collapse_ws(t.substr(d.span.begin, d.span.end - d.span.begin));
                return d;
            }
        }
    }
    // Agency datelines and date-only lines among the first lines.
    size_t line_start = 0;
    for (int line_no = 0; line_no < 15 && line_start < n && line_start < 6000; ++line_no) {
        size_t line_end = t.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = n;
        size_t a = line_start;
        while (a < line_end && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r')) ++a;
        // City in capitals (or a known venue name), then ',' '(' or a dash.
        size_t c = a;
        int caps = 0;
        bool lowercase = false;
        while (c < line_end && (is_upper(t[c]) || t[c] == ' ' || t[c] == '.' || t[c] == '-' || t[c] == '\'' || is_lower(t[c]))) {
            if (is_upper(t[c])) ++caps;
            if (is_lower(t[c])) lowercase = true;
            if (c - a > 40) break;
            ++c;
        }
        std::string_view city = t.substr(a, c - a);
        while (!city.empty() && (city.back() == ' ' || city.back() == '-')) city.remove_suffix(1);
        std::string venue = venue_for_city(city, data.venues);
        bool caps_city = caps >= 3 && !lowercase && city.size() <= 40;
        if ((caps_city || !venue.empty()) && c < line_end && c - a <= 41) {
            size_t q = c;
            while (q < line_end && t[q] == ' ') ++q;
            size_t end = std::string_view::npos;
            size_t date_from = q, date_to = q;
            std::string outlet;
            auto dash_at = [&](size_t k) -> size_t {
                if (k < line_end && t[k] == '-') return k + 1 < line_end && t[k + 1] == '-' ? 2 : 1;  // "-" or "--"
                if (t.compare(k, 3, "\u2014") == 0 || t.compare(k, 3, "\u2013") == 0) return 3;
                return 0;
            };
            size_t close = std::string_view::npos;
            if (q < line_end && t[q] == ',') {
                // ", Jan 21 (Reuters) -" or ", January 21. /TASS/."
                size_t lim = std::min(line_end, q + 80);
                size_t open = t.substr(0, lim).find('(', q);
                size_t tass = t.substr(0, lim).find("/TASS/", q);
                if (tass != std::string_view::npos && (open == std::string_view::npos || tass < open)) {
                    date_from = q + 1;
                    date_to = tass;
                    end = tass + 6;
                    if (end < line_end && t[end] == '.') ++end;
                    outlet = "TASS";
                } else if (open != std::string_view::npos) {
                    date_from = q + 1;
                    date_to = open;
                    close = t.substr(0, std::min(line_end, open + 120)).find(')', open);
                    if (close != std::string_view::npos) outlet = outlets_in(t.substr(open, close - open), data.outlets);
                    q = open;
                } else {
                    for (size_t k = q + 1; k < lim; ++k)
                        if (t[k - 1] == ' ' && dash_at(k)) {
                            date_from = q + 1;
                            date_to = k;
                            end = k + dash_at(k);
                            break;
                        }
                }
            }
            if (end == std::string_view::npos && q < line_end && t[q] == '(') {
                if (close == std::string_view::npos) close = t.substr(0, std::min(line_end, q + 120)).find(')', q);
                if (close != std::string_view::npos) {
                    if (date_to == date_from) {
                        date_from = q + 1;
                        date_to = close;
                    }
                    if (outlet.empty()) outlet = outlets_in(t.substr(q, close - q), data.outlets);
                    end = close + 1;
                    size_t k = end;
                    while (k < line_end && t[k] == ' ') ++k;
                    if (size_t dl = dash_at(k)) end = k + dl;
                }
            } else if (end == std::string_view::npos && caps_city && q > c && dash_at(q) && q + dash_at(q) < line_end &&
                       t[q + dash_at(q)] == ' ') {
                end = q + dash_at(q);  // "TOKYO — "
            }
            if (end != std::string_view::npos) {
                Dateline d;
                d.span = {a, end};
                d.venue = venue;
                d.outlet = outlet;
                d.words = collapse_ws(t.substr(a, end - a));
                std::vector<Tok> toks = tokenize(t, date_from, date_to);
                TokView v{t, toks};
                for (const DateMention& m : scan_dates(v, 0, toks.size()))
                    if (m.kind == DateKind::absolute_day || m.kind == DateKind::absolute_month || m.kind == DateKind::month_day) {
                        d.mention = m;
                        break;
                    }
                return d;
            }
        }
        // A line holding only a full date ("January 14, 2019", "14 Jan 2019 10:32 JST").
        if (line_end - a > 0 && line_end - a < 60) {
            std::vector<Tok> toks = tokenize(t, a, line_end);
            TokView v{t, toks};
            size_t words = std::count_if(toks.begin(), toks.end(), [](const Tok& k) { return k.type != TokType::punct; });
            if (words <= 8) {
                auto ms = scan_dates(v, 0, toks.size());
                if (!ms.empty() && ms[0].tb <= 2 && ms[0].kind == DateKind::absolute_day) {
                    Dateline d;
                    d.span = {a, toks[ms[0].te - 1].e};
                    d.mention = ms[0];
                    d.words = collapse_ws(t.substr(d.span.begin, d.span.end - d.span.begin));
                    return d;
                }
            }
        }
        line_start = line_end + 1;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Drafting

std::string slug(std::string_view s) {
    std::string out;
    bool dash = false;
    for (char c : s) {
        if (is_alpha(c) || is_digit(c)) {
            if (dash && !out.empty()) out += '-';
            out += lower(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

std::string surname(const std::string& name) {
    size_t sp = name.rfind(' ');
    return sp == std::string::npos ? name : name.substr(sp + 1);
}

bool role_head(const std::string& role) {
    return role == "president" || role == "prime minister";
}
bool role_minister(const std::string& role) {
    return role.find("minister") != std::string::npos && role.find("deputy") == std::string::npos &&
           role.find("vice") == std::string::npos && role.find("prime") == std::string::npos;
}
bool role_working(const std::string& role) {
    for (const char* w : {"deputy", "vice", "ambassador", "director", "representative"})
        if (role.find(w) != std::string::npos) return true;
    return false;
}

struct DateFind {
    int sentence;
    DateMention mention;
    Resolution res;
    Span span;
    std::string words;
    int venue = -1;  // index into venue mentions
    bool venue_adjacent = false;
};

struct VenueMention {
    RawHit hit;  // Cat::venue (owner: a venue) or Cat::city (owner: a name in ExtractData::cities)
    int sentence;
    bool strong;
    bool claimed = false;
};

}  // namespace

Extraction extract_events(std::string_view text, const ExtractData& data, const std::optional<EventDate>& date_option) {
    Extraction x;
    const size_t n = text.size();

    // Reference date and dateline
    std::optional<Dateline> dl = find_dateline(text, data);
    if (dl) {
        x.dateline = dl->span;
        x.dateline_venue = dl->venue;
        x.outlet = dl->outlet;
        if (dl->mention) {
            Resolution r = resolve(*dl->mention, date_option ? &*date_option : nullptr, Tense::none);
            if (r.date) {
                x.reference = r.date;
                x.reference_from = "dateline \"" + dl->words + "\"";
            } else if (dl->mention->kind == DateKind::month_day && !date_option) {
                // "MOSCOW, Jan 21 (Reuters)": no year. Take the latest year the article mentions,
                // and say so.
                int latest = 0;
                for (size_t i = 0; i + 4 <= n; ++i)
                    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1])) && i + 4 <= n && is_digit(text[i + 1]) &&
                        is_digit(text[i + 2]) && is_digit(text[i + 3]) && (i + 4 == n || !is_digit(text[i + 4]))) {
                        int y = std::atoi(std::string(text.substr(i, 4)).c_str());
                        if (y >= 1990 && y <= 2099) latest = std::max(latest, y);
                    }
                const DateMention& m = *dl->mention;
                if (latest && m.day <= days_in_month(latest, m.month)) {
                    x.reference = day_date(latest, m.month, m.day);
                    x.reference_from = "dateline \"" + dl->words + "\", year " + std::to_string(latest) +
                                       " guessed from the latest year the article mentions: check it, or give --date";
                }
            }
        }
    }
    if (date_option) {
        x.reference = date_option;
        x.reference_from = "--date";
    }
    const EventDate* ref = x.reference ? &*x.reference : nullptr;

    // Sentences; the "date ..." prefix and agency datelines are not part of any sentence.
    size_t body_from = 0;
    if (dl && dl->span.begin < 64 && text.substr(0, dl->span.begin).find('\n') == std::string_view::npos)
        body_from = dl->span.end;
    x.sentences = split_sentences(text, body_from);
    if (dl) {
        for (Sentence& s : x.sentences) {
            if (s.span.begin >= dl->span.begin && s.span.begin < dl->span.end) {
                size_t b = std::min(dl->span.end, s.span.end);
                while (b < s.span.end && is_space(text[b])) ++b;
                s.span.begin = b;
            }
        }
        x.sentences.erase(std::remove_if(x.sentences.begin(), x.sentences.end(),
                                         [](const Sentence& s) { return s.span.end <= s.span.begin; }),
                          x.sentences.end());
    }

    // Outlet and title from the top of the article.
    {
        size_t line_start = body_from;
        int nonempty = 0;
        for (int line_no = 0; line_no < 8 && line_start < n && nonempty < 4; ++line_no) {
            size_t line_end = text.find('\n', line_start);
            if (line_end == std::string_view::npos) line_end = n;
            std::string line = collapse_ws(text.substr(line_start, line_end - line_start));
            if (!line.empty()) {
                ++nonempty;
                std::string o = line.size() <= 60 ? outlets_in(line, data.outlets) : "";
                bool dateline_line = dl && dl->span.begin >= line_start && dl->span.begin < line_end;
                if (!o.empty() && x.outlet.empty()) {
                    x.outlet = o;
                } else if (x.title.empty() && o.empty() && !dateline_line && nonempty <= 2 && line.size() <= 200 &&
                           line.back() != '.' && std::count(line.begin(), line.end(), ' ') >= 2 &&
                           (line_end >= n || text.substr(line_end + 1).find_first_not_of(" \t\r") == 0 ||
                            text.compare(line_end + 1, 1, "\n") == 0 || text.compare(line_end + 1, 2, "\r\n") == 0) &&
                           line.find('(') != 0) {
                    x.title = line;
                }
            }
            line_start = line_end + 1;
        }
    }

    // Tokens, each with its sentence.
    std::vector<Tok> toks = tokenize(text, 0, n);
    TokView v{text, toks};
    std::vector<int> sentence_of(toks.size(), -1);
    std::vector<size_t> sent_tb(x.sentences.size()), sent_te(x.sentences.size());
    {
        size_t s = 0;
        for (size_t i = 0; i < toks.size(); ++i) {
            while (s < x.sentences.size() && x.sentences[s].span.end <= toks[i].b) ++s;
            if (s < x.sentences.size() && toks[i].b >= x.sentences[s].span.begin) sentence_of[i] = int(s);
        }
        size_t i = 0;
        for (size_t k = 0; k < x.sentences.size(); ++k) {
            while (i < toks.size() && toks[i].b < x.sentences[k].span.begin) ++i;
            sent_tb[k] = i;
            while (i < toks.size() && toks[i].e <= x.sentences[k].span.end) ++i;
            sent_te[k] = i;
        }
    }
    auto sentence_at = [&](size_t offset) -> int {
        auto it = std::upper_bound(x.sentences.begin(), x.sentences.end(), offset,
                                   [](size_t o, const Sentence& s) { return o < s.span.begin; });
        if (it == x.sentences.begin()) return -1;
        --it;
        return offset < it->span.end ? int(it - x.sentences.begin()) : -1;
    };

    // Names
    Matcher matcher;
    for (size_t i = 0; i < data.venues.venues.size(); ++i) {
        const Venue& ve = data.venues.venues[i];
        add_name(matcher, ve.name, Cat::venue, int(i), true);
        for (const std::string& a : ve.aliases) add_name(matcher, a, Cat::venue, int(i), true);
        for (const std::string& n : ve.all_names())
            if (n != ve.name) add_name(matcher, n, Cat::venue, int(i), true);
    }
    for (size_t i = 0; i < data.cities.size(); ++i) add_name(matcher, data.cities[i], Cat::city, int(i), true);
    // A surname shared by several people belongs to all of them; resolved below.
    std::map<std::string, std::vector<int>> alias_owners;
    std::vector<std::string> person_aliases;
    for (size_t i = 0; i < data.people.size(); ++i) {
        const Person& p = data.people[i];
        std::set<std::string> seen;
        for (const std::string* a : {&p.name}) seen.insert(lowered(*a));
        alias_owners[lowered(p.name)].push_back(int(i));
        for (const std::string& a : p.aliases)
            if (seen.insert(lowered(a)).second) alias_owners[lowered(a)].push_back(int(i));
    }
    for (auto& [alias, owners] : alias_owners) {
        person_aliases.push_back(alias);
        add_name(matcher, alias, Cat::person, int(person_aliases.size() - 1), true);
    }
    for (size_t i = 0; i < data.territories.size(); ++i)
        for (const std::string& nm : data.territories[i].names) add_name(matcher, nm, Cat::territory, int(i), false);
    for (size_t i = 0; i < data.groups.size(); ++i)
        for (const std::string& nm : data.groups[i].names) add_name(matcher, nm, Cat::group, int(i), false);
    for (size_t i = 0; i < data.cues.size(); ++i) add_name(matcher, data.cues[i].phrase, Cat::cue, int(i), false);

    std::vector<RawHit> hits = matcher.run(text, toks, sentence_of);
    std::sort(hits.begin(), hits.end(), [](const RawHit& a, const RawHit& b) { return a.span.begin < b.span.begin; });

    auto finding = [&](const std::string& what, Span sp) {
        return Finding{what, collapse_ws(text.substr(sp.begin, sp.end - sp.begin)), sp, sentence_at(sp.begin)};
    };

    // People: an alias shared by several people goes to whoever the article names in full.
    // People named in full, by surname, with where they were first named in full.
    std::map<std::string, std::vector<std::pair<size_t, int>>> full_by_surname;
    std::set<int> named_in_full;
    for (const RawHit& h : hits)
        if (h.cat == Cat::person)
            for (int o : alias_owners[person_aliases[h.owner]])
                if (lowered(data.people[o].name) == person_aliases[h.owner] && named_in_full.insert(o).second)
                    full_by_surname[lowered(surname(data.people[o].name))].push_back({h.span.begin, o});
    struct PersonHit {
        int person;
        Finding f;
    };
    std::vector<PersonHit> person_hits;
    std::vector<VenueMention> venue_mentions;
    for (const RawHit& h : hits) {
        int s = sentence_at(h.span.begin);
        if (s < 0) continue;
        switch (h.cat) {
            case Cat::person: {
                const std::string& alias = person_aliases[h.owner];
                const std::vector<int>& owners = alias_owners[alias];
                int who = owners[0];
                for (int o : owners)
                    if (named_in_full.count(o)) {
                        who = o;
                        break;
                    }
                // A bare surname is whoever with that surname the article last named in full.
                if (auto fb = full_by_surname.find(alias); fb != full_by_surname.end() &&
                                                          std::find(owners.begin(), owners.end(), who) != owners.end() &&
                                                          lowered(data.people[who].name) != alias) {
                    int pick = fb->second.front().second;
                    for (const auto& [at, o] : fb->second)
                        if (at < h.span.begin) pick = o;
                    who = pick;
                }
                Finding f = finding(data.people[who].name, h.span);
                x.people.push_back(f);
                person_hits.push_back({who, f});
                break;
            }
            case Cat::territory: x.territories.push_back(finding(data.territories[h.owner].id, h.span)); break;
            case Cat::group: x.groups.push_back(finding(data.groups[h.owner].id, h.span)); break;
            case Cat::cue: x.cues.push_back(finding(std::string(to_string(data.cues[h.owner].scenario)), h.span)); break;
            case Cat::venue:
            case Cat::city: {
                // Strong: after a word of place ("in Moscow", "visit to Moscow") or before an event
                // ("the Moscow summit"); a bare capital is often the government ("Moscow said").
                bool strong = false;
                if (h.first_tok != std::string_view::npos) {
                    size_t b = sent_tb[s];
                    size_t p = prev_word(v, h.first_tok, b);
                    if (p != std::string_view::npos && v.is(p, "the")) p = prev_word(v, p, b);
                    if (p != std::string_view::npos && v.is(p, "of")) {
                        size_t pp = prev_word(v, p, b);
                        if (pp != std::string_view::npos && (v.is(pp, "city") || v.is(pp, "capital"))) {
                            p = prev_word(v, pp, b);
                            if (p != std::string_view::npos && v.is(p, "the")) p = prev_word(v, p, b);
                        }
                    }
                    static const std::array<std::string_view, 22> locative = {
                        "in", "at", "to", "into", "visiting", "visit", "visits", "visited", "reach", "reached",
                        "arrived", "arrive", "arrives", "toward", "towards", "near", "outside", "via", "hosted",
                        "hosts", "host", "travel"};
                    if (p != std::string_view::npos && in_list(v.str(p), locative)) strong = true;
                    size_t nx = h.last_tok + 1;
                    if (nx < toks.size() && gathering_noun(v, nx)) strong = true;
                }
                venue_mentions.push_back({h, s, strong});
                break;
            }
            default: break;
        }
    }

    // Dates
    std::vector<DateFind> dates;
    for (size_t s = 0; s < x.sentences.size(); ++s) {
        for (const DateMention& m : scan_dates(v, sent_tb[s], sent_te[s])) {
            DateFind d;
            d.sentence = int(s);
            d.mention = m;
            d.res = resolve(m, ref, tense_near(v, sent_tb[s], sent_te[s], m.tb, m.te));
            d.span = {toks[m.tb].b, toks[m.te - 1].e};
            d.words = collapse_ws(text.substr(d.span.begin, d.span.end - d.span.begin));
            dates.push_back(std::move(d));
        }
    }

    // Pair each date with the nearest strong venue of its clause, else with an unclaimed venue of
    // the sentence after or before it.
    std::vector<std::vector<int>> venues_in(x.sentences.size());
    for (size_t i = 0; i < venue_mentions.size(); ++i)
        if (venue_mentions[i].strong) venues_in[venue_mentions[i].sentence].push_back(int(i));
    // Clause separators, counted by prefix sums over tokens.
    std::vector<uint32_t> seps(toks.size() + 1, 0);
    for (size_t i = 0; i < toks.size(); ++i) {
        bool sep = v.punct(i, ',') || v.punct(i, ';') || v.punct(i, ':') || v.punct(i, '(') || v.punct(i, ')') ||
                   (v.dash(i) && v.str(i).size() > 1);
        seps[i + 1] = seps[i] + (sep ? 1 : 0);
    }
    auto cost = [&](const DateFind& d, const VenueMention& vm) -> long {
        size_t a, b;
        const size_t sb = sent_tb[d.sentence];
        if (vm.hit.first_tok >= d.mention.te) {
            a = d.mention.te;
            b = vm.hit.first_tok;
            // "On Tuesday, ..." opening the sentence is not a clause of its own.
            if (a < b && v.punct(a, ',') && (d.mention.tb == sb || (d.mention.tb == sb + 1 && v.is(sb, "on")))) ++a;
        } else {
            a = vm.hit.last_tok + 1;
            b = d.mention.tb;
        }
        // Another date between the two takes the venue.
        // Dates are in text order, so only the neighbours need a look.
        size_t k = size_t(&d - dates.data());
        for (size_t o : {k - 1, k + 1}) {
            if (o >= dates.size() || dates[o].sentence != d.sentence) continue;
            if (dates[o].mention.tb >= a && dates[o].mention.te <= b) return 1000;
        }
        long words = long(b > a ? b - a : 0);
        long clauses = long(seps[b] - seps[std::min(a, b)]);
        return words + 20 * clauses;
    };
    for (DateFind& d : dates) {
        const std::vector<int>& vs = venues_in[d.sentence];
        if (vs.empty()) continue;
        // nearest before and after
        auto it = std::lower_bound(vs.begin(), vs.end(), d.mention.tb,
                                   [&](int vi, size_t tb) { return venue_mentions[vi].hit.first_tok < tb; });
        long best = 26;
        int pick = -1;
        for (auto c : {it, it == vs.begin() ? vs.end() : std::prev(it)}) {
            if (c == vs.end()) continue;
            long k = cost(d, venue_mentions[*c]);
            if (k < best) best = k, pick = *c;
        }
        if (pick >= 0) {
            d.venue = pick;
            venue_mentions[pick].claimed = true;
        }
    }
    // Only for the news itself (a date near the article's date, or one that needs the article's
    // date): a lead often names the place in the sentence after the date.
    auto near_reference = [&](const DateFind& d) {
        if (!d.res.date) return true;
        if (!ref) return false;
        if (ref->precision == EventDate::Precision::month || d.res.date->precision == EventDate::Precision::month)
            return d.res.date->year == ref->year && d.res.date->month == ref->month;
        return std::llabs(days_from_civil(ref->year, ref->month, ref->day) -
                          days_from_civil(d.res.date->year, d.res.date->month, d.res.date->day)) <= 7;
    };
    for (DateFind& d : dates) {
        if (d.venue >= 0 || !near_reference(d)) continue;
        for (int s : {d.sentence + 1, d.sentence - 1}) {
            if (s < 0 || s >= int(x.sentences.size())) continue;
            const std::vector<int>& vs = venues_in[s];
            auto free = std::find_if(vs.begin(), vs.end(), [&](int vi) { return !venue_mentions[vi].claimed; });
            if (s < d.sentence) {
                auto rfree = std::find_if(vs.rbegin(), vs.rend(), [&](int vi) { return !venue_mentions[vi].claimed; });
                free = rfree == vs.rend() ? vs.end() : std::prev(rfree.base());
            }
            if (free != vs.end()) {
                d.venue = *free;
                d.venue_adjacent = true;
                venue_mentions[*free].claimed = true;
                break;
            }
        }
    }

    // Group into draft events by (date, venue).
    std::map<std::pair<std::string, std::string>, size_t> by_key;
    std::vector<std::vector<const DateFind*>> sources;
    for (const DateFind& d : dates) {
        std::string dkey = d.res.date ? d.res.date->str() : "?" + lowered(d.words);
        std::string vkey;
        bool city = false;
        if (d.venue >= 0) {
            const RawHit& h = venue_mentions[d.venue].hit;
            city = h.cat == Cat::city;
            vkey = city ? "city:" + data.cities[h.owner] : data.venues.venues[h.owner].id;
        }
        auto [it, fresh] = by_key.emplace(std::make_pair(dkey, vkey), x.events.size());
        if (fresh) {
            DraftEvent e;
            e.date = d.res.date;
            e.date_from = Finding{d.res.date ? d.res.date->str() : "", d.words, d.span, d.sentence};
            e.date_how = d.res.how;
            e.date_uncertain = d.res.uncertain || !d.res.date;
            if (d.venue >= 0) {
                const VenueMention& vm = venue_mentions[d.venue];
                e.place = city ? "" : vkey;
                e.place_from = finding(vkey, vm.hit.span);
                e.place_uncertain = d.venue_adjacent;
                if (d.venue_adjacent) e.place_note = "named in the " + std::string(vm.sentence > d.sentence ? "next" : "previous") + " sentence";
                if (city)
                    e.place_note = "the article names " + data.cities[vm.hit.owner] +
                                   ", which venues.toml does not list yet: add it there and use its id";
            }
            x.events.push_back(std::move(e));
            sources.emplace_back();
        }
        DraftEvent& e = x.events[it->second];
        sources[it->second].push_back(&d);
        e.sentences.push_back(d.sentence);  // sorted and made unique below
        if (d.venue >= 0 && d.venue_adjacent == false && e.place_uncertain && !city) {
            e.place_uncertain = false;
            e.place_note.clear();
            e.place_from = finding(vkey, venue_mentions[d.venue].hit.span);
        }
        if (d.venue >= 0) {
            e.sentences.push_back(venue_mentions[d.venue].sentence);
        }
    }
    // A date without a venue joins the one event of that date that has a venue.
    {
        std::vector<bool> drop(x.events.size(), false);
        std::map<std::string, std::vector<int>> placed_on;
        for (size_t j = 0; j < x.events.size(); ++j)
            if (x.events[j].place_from && x.events[j].date) placed_on[x.events[j].date->str()].push_back(int(j));
        for (size_t i = 0; i < x.events.size(); ++i) {
            DraftEvent& e = x.events[i];
            if (e.place_from || !e.date) continue;
            auto it = placed_on.find(e.date->str());
            if (it == placed_on.end() || it->second.size() != 1) continue;
            int target = it->second[0];
            x.events[target].sentences.insert(x.events[target].sentences.end(), e.sentences.begin(), e.sentences.end());
            drop[i] = true;
        }
        std::vector<DraftEvent> kept;
        for (size_t i = 0; i < x.events.size(); ++i)
            if (!drop[i]) kept.push_back(std::move(x.events[i]));
        x.events = std::move(kept);
    }
    // An event mentioned over and over keeps its first sentences only.
    for (DraftEvent& e : x.events) {
        std::sort(e.sentences.begin(), e.sentences.end());
        e.sentences.erase(std::unique(e.sentences.begin(), e.sentences.end()), e.sentences.end());
        if (e.sentences.size() > DraftEvent::max_sentences) {
            e.more_sentences = e.sentences.size() - DraftEvent::max_sentences;
            e.sentences.resize(DraftEvent::max_sentences);
        }
    }

    // Keep events with a venue, a person or an event word; a lone year-old fact is not an event.
    // Per sentence, in one pass: event words, "summit", "ministerial"; people, territories and
    // cues (at most 50 of each per sentence, so a huge unpunctuated text stays linear).
    const size_t ns = x.sentences.size();
    std::vector<char> event_word(ns, 0);
    std::vector<std::string> summit_word(ns), ministerial_word(ns);
    for (size_t k = 0; k < ns; ++k)
        for (size_t i = sent_tb[k]; i < sent_te[k]; ++i) {
            if (!v.word(i)) continue;
            if (!event_word[k] && (event_noun(v, i) || v.is(i, "met") || v.is(i, "meet") || v.is(i, "talked"))) event_word[k] = 1;
            if (summit_word[k].empty() && (v.is(i, "summit") || v.is(i, "summits"))) summit_word[k] = std::string(v.str(i));
            if (ministerial_word[k].empty() && v.is(i, "ministerial")) ministerial_word[k] = std::string(v.str(i));
        }
    auto sentence_has_event_word = [&](int k) { return event_word[k] != 0; };
    auto per_sentence = [&](const std::vector<Finding>& fs) {
        std::vector<std::vector<int>> in(ns);
        for (size_t i = 0; i < fs.size(); ++i)
            if (fs[i].sentence >= 0 && in[fs[i].sentence].size() < 50) in[fs[i].sentence].push_back(int(i));
        return in;
    };
    std::vector<std::vector<int>> people_in(ns);
    for (size_t i = 0; i < person_hits.size(); ++i)
        if (people_in[person_hits[i].f.sentence].size() < 50) people_in[person_hits[i].f.sentence].push_back(int(i));
    const std::vector<std::vector<int>> territories_in = per_sentence(x.territories);
    const std::vector<std::vector<int>> cues_in = per_sentence(x.cues);

    // The main event: the date that matches the article's own date, with a venue, early on.
    int main_index = -1;
    {
        long best = LONG_MIN;
        for (size_t i = 0; i < x.events.size(); ++i) {
            const DraftEvent& e = x.events[i];
            long score = 0;
            if (ref && e.date) {
                if (ref->precision == EventDate::Precision::month || e.date->precision == EventDate::Precision::month) {
                    if (e.date->year == ref->year && e.date->month == ref->month) score += 100;
                } else {
                    int64_t a = days_from_civil(ref->year, ref->month, ref->day);
                    int64_t b = days_from_civil(e.date->year, e.date->month, e.date->day);
                    if (a == b)
                        score += 100;
                    else if (std::llabs(a - b) <= 7)
                        score += 60;
                    else if (e.date->year == ref->year && e.date->month == ref->month)
                        score += 30;
                }
            }
            if (!e.date) score -= 50;
            if (e.place_from) score += e.place_uncertain ? 30 : 40;
            if (e.date && e.date->precision == EventDate::Precision::day) score += 10;
            score -= 2 * std::min<long>(e.sentences.front(), 30);
            if (score > best) best = score, main_index = int(i);
        }
    }
    // Nothing dated, but the article has a date and names a venue: the dateline date and that venue.
    bool any_venue = std::any_of(venue_mentions.begin(), venue_mentions.end(), [](const VenueMention& vm) { return vm.hit.cat == Cat::venue; });
    if (main_index < 0 && ref && (!x.dateline_venue.empty() || any_venue)) {
        DraftEvent e;
        e.date = *ref;
        e.date_from = Finding{ref->str(), x.reference_from, x.dateline ? *x.dateline : Span{}, -1};
        e.date_how = "no date in the text: the article's own date";
        e.date_uncertain = true;
        if (!venue_mentions.empty()) e.sentences.push_back(venue_mentions[0].sentence);
        x.events.push_back(std::move(e));
        main_index = int(x.events.size() - 1);
    }
    if (main_index >= 0) {
        DraftEvent& m = x.events[main_index];
        m.main = true;
        // Its lead context: the sentence after its first one.
        int next = m.sentences.empty() ? -1 : m.sentences.front() + 1;
        if (next >= 0 && next < int(x.sentences.size()) &&
            std::find(m.sentences.begin(), m.sentences.end(), next) == m.sentences.end())
            m.sentences.push_back(next), std::sort(m.sentences.begin(), m.sentences.end());
        if (!m.place_from) {
            if (!x.dateline_venue.empty()) {
                m.place = x.dateline_venue;
                m.place_from = Finding{m.place, "dateline", *x.dateline, -1};
                m.place_uncertain = true;
                m.place_note = "the dateline's city; the text does not say where the event was";
            } else {
                const VenueMention* pick = nullptr;
                for (const VenueMention& vm : venue_mentions)
                    if (vm.strong && vm.hit.cat == Cat::venue) {
                        pick = &vm;
                        break;
                    }
                for (const VenueMention& vm : venue_mentions)
                    if (!pick && vm.hit.cat == Cat::venue) pick = &vm;
                if (pick) {
                    m.place = data.venues.venues[pick->hit.owner].id;
                    m.place_from = finding(m.place, pick->hit.span);
                    m.place_uncertain = true;
                    m.place_note = std::string("a guess: the first ") + (pick->strong ? "place" : "city") +
                                   " the article names; the text does not say where the event was";
                }
            }
        }
    }

    // Drop non-events, then fill in participants, kind, scenario and territories.
    {
        std::vector<DraftEvent> kept;
        for (DraftEvent& e : x.events) {
            bool has_people = std::any_of(e.sentences.begin(), e.sentences.end(), [&](int s) { return !people_in[s].empty(); });
            bool has_word = std::any_of(e.sentences.begin(), e.sentences.end(), sentence_has_event_word);
            if (e.main || e.place_from || has_people || has_word) kept.push_back(std::move(e));
        }
        x.events = std::move(kept);
    }
    std::map<EventScenario, int> article_cues;
    for (const Finding& f : x.cues)
        article_cues[f.what == "two-island" ? EventScenario::two_island : EventScenario::four_island]++;
    for (DraftEvent& e : x.events) {
        std::set<int> seen;
        for (int s : e.sentences)
            for (int pi : people_in[s])
                if (seen.insert(person_hits[pi].person).second) {
                    e.participants.push_back(&data.people[person_hits[pi].person]);
                    e.participants_from.push_back(person_hits[pi].f);
                }
        // (Lists are capped: a huge article may name a territory in one "sentence" many times.)
        for (int k : e.sentences)
            for (int ti : territories_in[k])
                if (e.territories.size() < 12) e.territories.push_back(x.territories[ti]);
        // Kind
        int date_sentence = e.date_from && e.date_from->sentence >= 0 ? e.date_from->sentence : (e.sentences.empty() ? -1 : e.sentences.front());
        std::set<std::string> head_countries, minister_countries, working_countries;
        for (const Person* p : e.participants) {
            if (role_head(p->role)) head_countries.insert(p->country);
            if (role_minister(p->role)) minister_countries.insert(p->country);
            if (role_working(p->role)) working_countries.insert(p->country);
        }
        // Words of level close to the date: 12 words before it, 6 after.
        auto near_date = [&](std::initializer_list<std::string_view> words) -> std::string {
            if (!e.date_from || e.date_from->sentence < 0) return "";
            int s = e.date_from->sentence;
            size_t first = sent_tb[s], last = sent_te[s];
            size_t mb = first;
            while (mb < last && toks[mb].b < e.date_from->span.begin) ++mb;
            size_t lo = mb, count = 0;
            while (lo > first && count < 12) {
                --lo;
                if (v.punct(lo, ';')) { ++lo; break; }
                if (v.word(lo)) ++count;
            }
            size_t hi = mb;
            count = 0;
            while (hi < last && count < 8) {
                if (v.punct(hi, ';')) break;
                if (v.word(hi)) ++count;
                ++hi;
            }
            for (size_t i = lo; i < hi; ++i)
                for (std::string_view w : words)
                    if (v.is(i, w) && !(i + 1 < hi && (v.is(i + 1, "said") || v.is(i + 1, "say") || v.is(i + 1, "says") ||
                                                       v.is(i + 1, "told"))))
                        return std::string(v.str(i));
            return "";
        };
        std::string working_word = near_date({"officials", "deputy", "vice", "working", "consultations", "representatives",
                                              "director", "envoys", "diplomats"});
        if (std::string w = date_sentence >= 0 ? summit_word[date_sentence] : ""; !w.empty()) {
            e.kind = EventKind::summit;
            e.kind_note = "the sentence of the date says \"" + w + "\"";
        } else if (!working_word.empty()) {
            e.kind = EventKind::working_level;
            e.kind_note = "the words around the date say \"" + working_word + "\"";
        } else if (head_countries.size() >= 2) {
            e.kind = EventKind::summit;
            e.kind_note = "leaders of both countries are named";
        } else if (date_sentence >= 0 && !ministerial_word[date_sentence].empty()) {
            e.kind = EventKind::ministerial;
            e.kind_note = "the sentence of the date says \"ministerial\"";
        } else if (minister_countries.size() >= 2) {
            e.kind = EventKind::ministerial;
            e.kind_note = "ministers of both countries are named";
        } else if (!working_countries.empty()) {
            e.kind = EventKind::working_level;
            e.kind_note = "deputy ministers or officials are named";
        } else {
            e.kind = EventKind::statement;
            e.kind_note = "no summit, ministers or officials found";
        }
        // Scenario: cues near the event, else the article's prevailing cue.
        std::map<EventScenario, int> local;
        for (int k : e.sentences)
            for (int ci : cues_in[k]) {
                const Finding& f = x.cues[ci];
                if (e.scenario_from.size() < 12) e.scenario_from.push_back(f);
                local[f.what == "two-island" ? EventScenario::two_island : EventScenario::four_island]++;
            }
        auto prevailing = [](const std::map<EventScenario, int>& c) {
            int two = c.count(EventScenario::two_island) ? c.at(EventScenario::two_island) : 0;
            int four = c.count(EventScenario::four_island) ? c.at(EventScenario::four_island) : 0;
            return two > four ? EventScenario::two_island : four > two ? EventScenario::four_island : EventScenario::none;
        };
        if (!local.empty()) {
            e.scenario = prevailing(local);
            e.scenario_uncertain = e.scenario == EventScenario::none || local.size() > 1;
        } else if (!article_cues.empty()) {
            e.scenario = prevailing(article_cues);
            e.scenario_uncertain = true;
            for (const Finding& f : x.cues) {
                if (e.scenario_from.size() >= 3) break;
                if (f.what == to_string(e.scenario)) e.scenario_from.push_back(f);
            }
        }
    }
    // Main event first, the others in order of appearance; at most max_events drafts.
    std::stable_sort(x.events.begin(), x.events.end(), [](const DraftEvent& a, const DraftEvent& b) {
        if (a.main != b.main) return a.main;
        return a.sentences.front() < b.sentences.front();
    });
    if (x.events.size() > Extraction::max_events) {
        x.events_omitted = x.events.size() - Extraction::max_events;
        x.events.resize(Extraction::max_events);
    }
    // Ids: participants' surnames, the venue, the date.
    std::set<std::string> ids;
    for (DraftEvent& e : x.events) {
        std::string id;
        for (size_t i = 0; i < e.participants.size() && i < 2; ++i) id += (id.empty() ? "" : "-") + slug(surname(e.participants[i]->name));
        if (!e.place.empty()) id += (id.empty() ? "" : "-") + e.place;
        if (id.empty()) id = "event";
        id += "-" + (e.date ? e.date->str() : std::string("undated"));
        id = slug(id);
        std::string unique = id;
        for (int k = 2; !ids.insert(unique).second; ++k) unique = id + "-" + std::to_string(k);
        e.id = unique;
    }
    return x;
}

// ---------------------------------------------------------------------------------------------
// Output

namespace {

std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if ((unsigned char)c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", (unsigned)(unsigned char)c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

// Sentence text for a comment: one line, at most ~400 bytes, cut at a UTF-8 boundary.
std::string excerpt(std::string_view text, Span sp, size_t max = 400) {
    const size_t len = sp.end - sp.begin, window = 2 * max + 8;
    const bool cut = len > window;
    std::string s = collapse_ws(text.substr(sp.begin, cut ? window : len));
    for (char& c : s)
        if ((unsigned char)c < 0x20) c = ' ';
    if (s.size() > max || cut) {
        size_t c = std::min(max, s.size());
        while (c > 0 && c < s.size() && ((unsigned char)s[c] & 0xC0) == 0x80) --c;
        s = s.substr(0, c) + "\u2026";
    }
    return s;
}

std::string span_str(Span sp) { return "[" + std::to_string(sp.begin) + "-" + std::to_string(sp.end) + "]"; }

std::string quoted_finding(const Finding& f) { return "\"" + f.matched + "\" " + span_str(f.span); }

nlohmann::ordered_json finding_json(const Finding& f, const Extraction& x, std::string_view text, bool with_text = true) {
    nlohmann::ordered_json j = {{"text", f.matched}, {"span", {f.span.begin, f.span.end}}};
    if (!f.what.empty() && f.what != f.matched) j["value"] = f.what;
    if (f.sentence >= 0) {
        const Span& s = x.sentences[f.sentence].span;
        j["sentence"] = {{"index", f.sentence}, {"span", {s.begin, s.end}}};
        if (with_text) j["sentence"]["text"] = excerpt(text, s, 2000);
    }
    return j;
}

}  // namespace

std::string extraction_toml(const Extraction& x, std::string_view text) {
    std::ostringstream o;
    o << "# Draft events from " << x.file << " (claimmap events extract).\n"
      << "# Check every field against the article, write the summary in your own words, replace each\n"
      << "# TODO, then move the entries into events.toml. Spans [start-end] are byte offsets in the article.\n";
    if (x.reference)
        o << "# Article date: " << x.reference->str() << " (from " << x.reference_from
          << (x.dateline && x.reference_from != "--date" ? " " + span_str(*x.dateline) : "") << ")\n";
    else
        o << "# Article date: unknown (no dateline); give --date YYYY-MM-DD to resolve weekdays and dates without a year\n";
    auto list = [&](const char* label, const std::vector<Finding>& fs) {
        if (fs.empty()) return;
        o << "# " << label << ":";
        size_t shown = 0;
        for (const Finding& f : fs) {
            if (shown == 12) {
                o << " (+" << fs.size() - shown << " more)";
                break;
            }
            o << (shown ? "," : "") << " " << f.what << " \"" << f.matched << "\" " << span_str(f.span);
            ++shown;
        }
        o << "\n";
    };
    list("Territories named", x.territories);
    list("The islands named as a whole", x.groups);
    list("Scenario cues", x.cues);
    if (x.events_omitted)
        o << "# " << x.events.size() + x.events_omitted << " events found; the first " << x.events.size()
          << " are drafted below (the article is unusually long).\n";
    if (x.events.empty()) {
        o << "# No events found: the article names no date of an event (nor a venue to pair with its dateline).\n";
        return o.str();
    }
    for (const DraftEvent& e : x.events) {
        o << "\n" << (e.main ? "# The article's main event.\n" : "");
        o << "[[event]]\n";
        for (int s : e.sentences) o << "# from: \"" << excerpt(text, x.sentences[s].span) << "\" " << span_str(x.sentences[s].span) << "\n";
        if (e.more_sentences) o << "# (and " << e.more_sentences << " more sentences with this date)\n";
        o << "id = " << toml_string(e.id) << "\n";
        if (e.date_from) o << "# date: \"" << e.date_from->matched << "\" " << span_str(e.date_from->span) << ": " << e.date_how << "\n";
        if (!e.date) {
            o << "# uncertain: the date cannot be resolved without the article's date; give --date YYYY-MM-DD\n";
            o << "date = \"TODO\"\n";
        } else {
            if (e.date_uncertain) o << "# uncertain: check the date\n";
            o << "date = " << toml_string(e.date->str()) << "\n";
        }
        if (e.place_from) o << "# place: \"" << e.place_from->matched << "\" " << span_str(e.place_from->span) << "\n";
        if (e.place.empty()) {
            o << "# uncertain: " << (e.place_note.empty() ? "no venue from venues.toml is named near this date" : e.place_note) << "\n";
            o << "place = \"TODO\"\n";
        } else {
            if (e.place_uncertain) o << "# uncertain: " << e.place_note << "\n";
            o << "place = " << toml_string(e.place) << "\n";
        }
        if (e.participants.empty()) {
            o << "# TODO: nobody from people.toml is named near this event\n";
            o << "participants = []\n";
        } else {
            o << "# participants: named in the sentences above, not necessarily present:";
            for (size_t i = 0; i < e.participants_from.size(); ++i) o << (i ? ";" : "") << " " << quoted_finding(e.participants_from[i]);
            o << "\n";
            o << "participants = [";
            for (size_t i = 0; i < e.participants.size(); ++i) o << (i ? ", " : "") << toml_string(e.participants[i]->participant());
            o << "]\n";
        }
        o << "# uncertain: kind guessed: " << e.kind_note << "\n";
        o << "kind = " << toml_string(to_string(e.kind)) << "\n";
        o << "summary = \"TODO: summarise in your own words\"\n";
        if (!e.scenario_from.empty()) {
            o << (e.scenario_uncertain ? "# uncertain: scenario from cues " : "# scenario: cues ")
              << (e.scenario_uncertain && !std::any_of(e.scenario_from.begin(), e.scenario_from.end(), [&](const Finding& f) {
                     return std::binary_search(e.sentences.begin(), e.sentences.end(), f.sentence);
                 })
                      ? "elsewhere in the article:"
                      : "near the event:");
            for (size_t i = 0; i < e.scenario_from.size(); ++i)
                o << (i ? ";" : "") << " " << e.scenario_from[i].what << " " << quoted_finding(e.scenario_from[i]);
            o << "\n";
        }
        o << "scenario = " << toml_string(to_string(e.scenario)) << "\n";
        if (!e.territories.empty()) {
            o << "# territories:";
            for (size_t i = 0; i < e.territories.size(); ++i)
                o << (i ? ";" : "") << " " << e.territories[i].what << " " << quoted_finding(e.territories[i]);
            o << "\n";
        }
        o << "[event.source]\n";
        o << "outlet = " << toml_string(x.outlet.empty() ? "TODO" : x.outlet) << "\n";
        if (x.title.empty()) o << "# TODO: the article's title, or a descriptive title of your own\n";
        o << "title = " << toml_string(x.title.empty() ? "TODO" : x.title) << "\n";
        o << "date = " << toml_string(x.reference ? x.reference->str() : "TODO") << "\n";
    }
    return o.str();
}

nlohmann::ordered_json extraction_json(const Extraction& x, std::string_view text) {
    using J = nlohmann::ordered_json;
    J out;
    out["file"] = x.file;
    if (x.reference) {
        out["reference"] = {{"date", x.reference->str()}, {"from", x.reference_from}};
        if (x.dateline) out["reference"]["dateline_span"] = {x.dateline->begin, x.dateline->end};
    } else {
        out["reference"] = nullptr;
    }
    out["outlet"] = x.outlet.empty() ? J(nullptr) : J(x.outlet);
    out["title"] = x.title.empty() ? J(nullptr) : J(x.title);
    J events = J::array();
    for (const DraftEvent& e : x.events) {
        J j;
        j["id"] = e.id;
        j["main"] = e.main;
        j["date"] = e.date ? J(e.date->str()) : J(nullptr);
        j["precision"] = e.date ? J(to_string(e.date->precision)) : J(nullptr);
        if (e.date_from) j["date_from"] = finding_json(*e.date_from, x, text), j["date_from"]["how"] = e.date_how;
        j["place"] = e.place.empty() ? J(nullptr) : J(e.place);
        if (e.place_from) j["place_from"] = finding_json(*e.place_from, x, text);
        j["participants"] = J::array();
        for (const Person* p : e.participants) j["participants"].push_back(p->participant());
        j["participants_from"] = J::array();
        for (const Finding& f : e.participants_from) j["participants_from"].push_back(finding_json(f, x, text));
        j["kind"] = to_string(e.kind);
        j["kind_note"] = e.kind_note;
        j["summary"] = "TODO: summarise in your own words";
        j["scenario"] = to_string(e.scenario);
        j["scenario_from"] = J::array();
        for (const Finding& f : e.scenario_from) j["scenario_from"].push_back(finding_json(f, x, text));
        j["territories"] = J::array();
        for (const Finding& f : e.territories) j["territories"].push_back(finding_json(f, x, text));
        J uncertain = J::array();
        if (e.date_uncertain) uncertain.push_back("date");
        if (e.place.empty() || e.place_uncertain) uncertain.push_back("place");
        if (e.participants.empty()) uncertain.push_back("participants");
        uncertain.push_back("kind");
        if (e.scenario_uncertain) uncertain.push_back("scenario");
        j["uncertain"] = uncertain;
        if (!e.place_note.empty()) j["place_note"] = e.place_note;
        j["sentences"] = J::array();
        for (int s : e.sentences)
            j["sentences"].push_back({{"index", s},
                                      {"span", {x.sentences[s].span.begin, x.sentences[s].span.end}},
                                      {"text", excerpt(text, x.sentences[s].span, 2000)}});
        j["source"] = {{"outlet", x.outlet.empty() ? J(nullptr) : J(x.outlet)},
                       {"title", x.title.empty() ? J(nullptr) : J(x.title)},
                       {"date", x.reference ? J(x.reference->str()) : J(nullptr)}};
        events.push_back(std::move(j));
    }
    out["events"] = std::move(events);
    out["events_omitted"] = x.events_omitted;
    // Article-wide findings, the first 1000 of each (a count says how many there are).
    auto arr = [&](const char* key, const std::vector<Finding>& fs) {
        J a = J::array();
        for (size_t i = 0; i < fs.size() && i < 1000; ++i) a.push_back(finding_json(fs[i], x, text, false));
        out[key] = std::move(a);
        out[std::string(key) + "_count"] = fs.size();
    };
    arr("territories", x.territories);
    arr("groups", x.groups);
    arr("scenario_cues", x.cues);
    arr("people", x.people);
    return out;
}

}  // namespace claimmap
