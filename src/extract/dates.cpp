#include "extract/detail.hpp"

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace claimmap {

using namespace extract_detail;

namespace extract_detail {

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

namespace {
// "G20", "G-20" at token i.
bool g20(const TokView& v, size_t i) {
    if (!v.is(i, "G") || i + 1 >= v.toks.size()) return false;
    size_t k = i + 1;
    if (v.dash(k) && k + 1 < v.toks.size()) ++k;
    return v.number(k) && v.str(k) == "20";
}
}  // namespace

// Nouns after a venue that make it the place of something ("the Moscow talks"); documents named
// after a city ("the Singapore agreement") do not.
bool gathering_noun(const TokView& v, size_t i) {
    static const std::array<std::string_view, 15> nouns = {
        "summit", "talks", "meeting", "meetings", "visit", "visits", "trip", "forum", "conference", "round",
        "session", "negotiations", "consultations", "dialogue", "ministerial"};
    return (v.word(i) && in_list(v.str(i), nouns)) || g20(v, i);
}

// A gathering, or a document or statement that comes out of one.
bool event_noun(const TokView& v, size_t i) {
    static const std::array<std::string_view, 6> outcomes = {"agreement", "declaration", "accord", "statement", "summits", "communique"};
    return gathering_noun(v, i) || (v.word(i) && in_list(v.str(i), outcomes));
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
            // "On [September] 4-6": a month an editor put in brackets inside a quotation.
            if (j < e && v.punct(j, ']') && v.adjacent(k, j) && k > 0 && v.punct(k - 1, '[')) ++j;
            size_t dj = j;
            int d = day_at(dj);
            // "on May 8 or 10": one of two days, so the month only.
            if (d > 0 && dj + 1 < e && v.is(dj, "or")) {
                size_t oj = dj + 1;
                if (int d2 = day_at(oj); d2 > 0 && d2 != d && (oj >= e || !v.number(oj) || year_value(v, oj) > 0)) {
                    size_t yj = oj;
                    int y = year_at(yj);
                    dm = DateMention{k, y > 0 ? yj : oj, y > 0 ? DateKind::absolute_month : DateKind::bare_month, std::max(y, 0), m, 0};
                    return true;
                }
            }
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
                // "January next year", "in May last year"
                if (i + 2 < e && v.is(i + 2, "year") && (v.is(i + 1, "next") || v.is(i + 1, "last") || v.is(i + 1, "this"))) {
                    dm.year_relative = true;
                    dm.year = v.is(i + 1, "next") ? 1 : v.is(i + 1, "last") ? -1 : 0;
                    dm.te = i + 3;
                }
                // "late January or early February": neither month is the date.
                if (!out.empty() && out.back().kind == DateKind::bare_month && out.back().te <= i) {
                    size_t k = out.back().te;
                    while (k < i && (v.is(k, "or") || v.is(k, "early") || v.is(k, "late") || v.is(k, "mid") || v.dash(k))) ++k;
                    if (k == i && v.is(out.back().te, "or")) dm.alternative = out.back().alternative = true;
                }
                out.push_back(dm);
                i = dm.te;
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
            // "two weeks ago", "three days ago", "a week ago"
            {
                static const std::array<std::string_view, 11> counts = {"a", "one", "two", "three", "four", "five",
                                                                        "six", "seven", "eight", "nine", "ten"};
                int n = 0;
                if (v.number(i)) n = number_value(v, i, 2);
                for (size_t k = 0; k < counts.size() && !n; ++k)
                    if (v.is(i, counts[k])) n = k == 0 ? 1 : int(k);
                if (n > 0 && i + 2 < e && v.is(i + 2, "ago") &&
                    (v.is(i + 1, "day") || v.is(i + 1, "days") || v.is(i + 1, "week") || v.is(i + 1, "weeks"))) {
                    dm = DateMention{i, i + 3, DateKind::rel_day};
                    dm.offset = -n * (v.is(i + 1, "week") || v.is(i + 1, "weeks") ? 7 : 1);
                    dm.strict = -1;
                    out.push_back(dm);
                    i += 3;
                    continue;
                }
            }
            // "last week", "this month", "next week", "later this week", "earlier this week",
            // "later in the month": one branch for weeks and months.
            auto unit_at = [&](size_t k) -> DateKind {
                if (k >= e) return DateKind::absolute_day;  // neither
                return v.is(k, "week")      ? DateKind::rel_week
                       : v.is(k, "weekend") ? DateKind::rel_weekend
                       : v.is(k, "month")   ? DateKind::rel_month
                                            : DateKind::absolute_day;
            };
            const bool which = v.is(i, "last") || v.is(i, "this") || v.is(i, "next") || v.is(i, "previous");
            const bool in_the = (v.is(i, "later") || v.is(i, "earlier")) && i + 3 < e && v.is(i + 1, "in") && v.is(i + 2, "the");
            if (DateKind unit = unit_at(in_the ? i + 3 : i + 1); (which || in_the) && unit != DateKind::absolute_day) {
                dm = DateMention{i, in_the ? i + 4 : i + 2, unit};
                dm.offset = in_the || v.is(i, "this") ? 0 : v.is(i, "next") ? 1 : -1;
                size_t p = prev_word(v, i, b);
                // "later this week", "earlier this month": after or before the reference.
                if (dm.offset == 0 && !in_the && p != std::string_view::npos && (v.is(p, "later") || v.is(p, "earlier"))) {
                    dm.tb = p;
                    dm.strict = v.is(p, "later") ? 1 : -1;
                }
                if (in_the) dm.strict = v.is(i, "later") ? 1 : -1;  // "later in the month"
                out.push_back(dm);
                i = dm.te;
                continue;
            }
        }
        ++i;
    }
    return out;
}

// The tense of the words around a date: the nearest cue before it (up to 20 words back), else a
// cue right after it (up to 4 words), within the range [b, e).
Tense tense_near(const TokView& v, size_t b, size_t e, size_t mb, size_t me) {
    static const std::array<std::string_view, 34> future = {
        "will",     "would",    "shall",     "expected", "expects",   "planned",    "planning", "plans",
        "plan",     "scheduled", "slated",   "proposed", "upcoming",  "forthcoming", "next",    "tentatively",
        "intends",  "aims",     "due",       "set",      "ahead",     "going",      "prepare",  "prepares",
        "preparing", "hopes",   "hope",      "coming",   "later",     "ll",       "considering", "intending",
        "intend",   "preparations"};
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
            // "a proposed summit" is planned; "Abe proposed to Putin" happened.
            // "Putin proposed concluding a treaty" too.
            if (ieq(w, "proposed") && k + 1 < e &&
                (v.is(k + 1, "to") || v.is(k + 1, "that") || v.is(k + 1, "by") ||
                 (v.word(k + 1) && v.str(k + 1).size() > 4 && ieq(v.str(k + 1).substr(v.str(k + 1).size() - 3), "ing"))))
                return Tense::past;
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
    // "would be published today", "is to be signed": a participle after "be" is to come.
    auto after_be = [&](size_t k) {
        size_t p = k;
        while (p > b && !v.word(p - 1)) --p;
        return p > b && v.is(p - 1, "be");
    };
    // "planned for June", "under discussion for May 9": a date after "for" is a target.
    if (mb > b && v.is(mb - 1, "for")) return Tense::future;
    // "reaffirmed Saturday", "met Monday": a verb in the past right before the date.
    if (mb > b && v.word(mb - 1) && cue(mb - 1) == Tense::none) {
        std::string_view w = v.str(mb - 1);
        if (w.size() > 4 && ieq(w.substr(w.size() - 2), "ed")) return after_be(mb - 1) ? Tense::future : Tense::past;
    }
    // Words inside the mention itself ("last", "next") are handled by `strict`.
    int words = 0;
    for (size_t k = mb; k > b && words < 20;) {
        --k;
        if (v.punct(k, ';')) break;
        if (!v.word(k)) continue;
        ++words;
        // What is agreed, decided or promised may still be to come: "agreed to hold talks in Moscow
        // on December 6" (in October), "decided to visit Moscow in May" (in February), "agreed to a
        // visit by Putin in May": neither the past nor the future, the nearest such date.
        static const std::array<std::string_view, 9> commit_verbs = {"agreed", "agree", "agrees", "decided", "decides",
                                                                     "vowed", "promised", "pledged", "arranged"};
        if (v.is(k, "to") && k > b && v.word(k - 1) && in_list(v.str(k - 1), commit_verbs)) return Tense::either;
        // "were to meet Monday", "is to visit on Friday": what was arranged is to come; but not
        // "was to have begun Sunday", nor the talks "that were to begin Monday were postponed"
        // (called off within a few words after the date: that day has passed).
        if (v.is(k, "to") && k > b && (v.is(k - 1, "was") || v.is(k - 1, "were") || v.is(k - 1, "is") || v.is(k - 1, "are")) &&
            !(k + 1 < e && v.is(k + 1, "have"))) {
            static const std::array<std::string_view, 8> called_off = {"postponed", "cancelled", "canceled", "scrapped",
                                                                        "delayed",   "off",       "shelved",  "suspended"};
            bool off = false;
            for (size_t j = me, after = 0; j < e && after < 6 && !off; ++j)
                if (v.word(j)) ++after, off = in_list(v.str(j), called_off);
            return off ? Tense::past : Tense::future;
        }
        if (Tense t = cue(k); t != Tense::none) return t;
        // A headline's infinitive is its future: "Kono to visit Moscow in May", "Abe to meet Putin".
        static const std::array<std::string_view, 10> plan_verbs = {"visit", "meet", "hold", "attend", "travel", "sign", "host", "head", "take", "be"};
        if (in_list(v.str(k), plan_verbs) && k > b + 1 && v.is(k - 1, "to") && v.capital(k - 2)) return Tense::future;
        // An infinitive of preparing governs the date after it: "held talks on Wednesday to lay the
        // groundwork for a summit in May". (Not "agreed to visit Moscow in March": that may be past.)
        static const std::array<std::string_view, 6> purpose_verbs = {"prepare", "lay", "pave", "arrange", "organize", "organise"};
        if (k > b && v.is(k - 1, "to") && !v.capital(k) && in_list(v.str(k), purpose_verbs)) return Tense::future;
        // Another verb in the past before the date: "indicated at a government meeting Thursday".
        std::string_view w = v.str(k);
        if (!v.capital(k) && w.size() > 4 && ieq(w.substr(w.size() - 2), "ed")) {
            return after_be(k) ? Tense::future : Tense::past;
        }
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
        // "... on February 15 in Tokyo," Kishida said: the reporting clause after a quotation is
        // when it was said, not the tense of what it quotes.
        if (v.punct(k, '"') || v.str(k) == "\u201d") break;
        if (!v.word(k)) continue;
        ++words;
        if (Tense t = cue(k); t != Tense::none) return t;
    }
    return Tense::none;
}

Resolution resolve(const DateMention& m, const EventDate* ref, Tense tense) {
    Resolution r;
    r.future = m.strict == 1 || (m.strict != -1 && tense == Tense::future);
    const bool past = m.strict == -1 || (!r.future && tense == Tense::past);
    const bool ref_day = ref && ref->precision == EventDate::Precision::day;
    const std::string ref_s = ref ? ref->str() : "";
    // Weekdays and "yesterday" need the reference's day: without a reference there is no date, and
    // against one known only to the month the date is that month, uncertain. True when it is so.
    auto without_day_reference = [&](const std::string& what) {
        if (!ref) {
            r.how = what + ", and no reference date";
            return true;
        }
        r.relative = true;
        if (ref_day) return false;
        r.date = month_date(ref->year, ref->month);
        r.uncertain = true;
        r.how = what + " against a reference known only to the month (" + ref_s + ")";
        return true;
    };
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
            if (tense == Tense::either && best && m.strict == 0) r.future = days_from_civil(best->year, best->month, best->day) > pivot;
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
            if (m.year_relative) {
                r.date = month_date(ref->year + m.year, m.month);
                r.future = m.year > 0;
                r.how = "the year relative to the reference " + ref_s;
                return r;
            }
            if (m.strict == 2) {
                y = ref->year;
            } else if (tense == Tense::either && m.strict == 0) {
                // The nearest such month; half a year either way is the past one.
                const int ahead = (m.month - ref->month + 12) % 12;
                if (ahead != 0 && ahead < 6) {
                    r.future = true;
                    if (m.month < ref->month) ++y;
                } else if (m.month > ref->month) {
                    --y;
                }
            } else if (r.future) {
                if (m.month < ref->month || (m.strict == 1 && m.month == ref->month)) ++y;
            } else {
                if (m.month > ref->month || (m.strict == -1 && m.month == ref->month)) --y;
            }
            r.date = month_date(y, m.month);
            r.how = std::string("year from the reference ") + ref_s +
                    (tense == Tense::either && m.strict == 0 ? " (the nearest such month: agreed or decided, before or after)"
                     : r.future                            ? " (the next such month: future tense)"
                                                           : " (the last such month not after it)");
            return r;
        }
        case DateKind::weekday: {
            if (without_day_reference("a weekday")) return r;
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
            if (without_day_reference("a day relative to the reference")) return r;
            r.date = civil_from_days(days_from_civil(ref->year, ref->month, ref->day) + m.offset);
            r.how = "relative to the reference " + ref_s;
            return r;
        }
        case DateKind::rel_week: {
            if (!ref || !ref_day) {
                r.how = "a week relative to a date not known to the day (give --date)";
                return r;
            }
            // The days of that week (Monday to Sunday) that the words allow; "later this week" is
            // after the reference, "earlier this week" before it. Known to the day only when one
            // day is left; else to the month, when the days fall in one month.
            r.relative = true;
            r.uncertain = true;
            const int64_t rd = days_from_civil(ref->year, ref->month, ref->day);
            const int64_t monday = rd - weekday_of(rd) + 7 * m.offset;
            int64_t first = monday, last = monday + 6;
            if (m.offset == 0 && m.strict == 1) first = rd + 1;
            if (m.offset == 0 && m.strict == -1) last = rd - 1;
            if (first > last) {
                r.how = "no day of that week is left";
                return r;
            }
            EventDate a = civil_from_days(first), z = civil_from_days(last);
            r.future = first > rd;
            r.date = first == last ? a : month_date(a.year, a.month);
            r.how = "the week of " + civil_from_days(monday).str() + " relative to the reference " + ref_s +
                    (a.month != z.month ? " (it runs into the next month)" : "");
            return r;
        }
        case DateKind::rel_weekend: {
            // "this weekend", "last weekend", "next weekend": a gathering over a weekend is dated
            // by its first day, the Saturday of that week (Monday to Sunday).
            if (without_day_reference("a weekend relative to the reference")) return r;
            r.relative = true;
            r.uncertain = true;
            // "This weekend" in the past tense, written on a weekday, is the weekend just gone; in
            // the future tense ("later this weekend"), written on its Sunday, it is that day.
            const int64_t rd = days_from_civil(ref->year, ref->month, ref->day);
            int64_t saturday = rd - weekday_of(rd) + 5 + 7 * m.offset;
            if (m.offset == 0 && past && saturday > rd) saturday -= 7;
            const int64_t day = m.offset == 0 && r.future && saturday < rd ? rd : saturday;
            r.future = day > rd;
            r.date = civil_from_days(day);
            r.how = std::string(day == saturday ? "the Saturday of the weekend" : "the weekend's last day") + " relative to the reference " +
                    ref_s + " (" + weekday_names[weekday_of(rd)] + ")" + (past ? ": past tense" : r.future ? ": future tense" : "");
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

}  // namespace extract_detail

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

}  // namespace claimmap
