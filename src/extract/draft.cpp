#include "extract/detail.hpp"

#include <algorithm>
#include <functional>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <map>
#include <set>

namespace claimmap {

using namespace extract_detail;

namespace {

// ---------------------------------------------------------------------------------------------
// Drafting


struct DateFind {
    int sentence;
    DateMention mention;
    Resolution res;
    Span span;
    std::string words;
    int venue = -1;  // index into venue mentions
    long venue_cost = 0;
    bool venue_adjacent = false;
    bool said = false;  // the date is when someone spoke: "said Friday", "told reporters on Tuesday"
    std::string venue_via;  // the named gathering whose place the date took: "Eastern Economic Forum"
    int speaker = -1;   // index into person hits: who spoke, when the text names a known person
    std::string body;   // the institution that spoke, when it is one: "Ministry" in "the Foreign Ministry said Sunday"
    Span body_span;     // its word in the text
};

// Verbs of speaking: a date right after one ("said Friday") is when something was said.
constexpr std::array<std::string_view, 17> speech_verbs = {"said", "says", "told", "tells", "announced", "stated", "added",
                                                           "reported", "reports", "noted", "stressed", "emphasized", "emphasised",
                                                           "declared", "warned", "insisted", "remarked"};
// Who speaks when the subject is one of these is the news's source, not a party: "a government
// source said Wednesday", "Russian media reported Friday" date the reporting, not an event.
constexpr std::array<std::string_view, 10> attribution_subjects = {"source", "sources", "media", "reports", "report",
                                                                   "newspaper", "daily", "agency", "agencies", "service"};

// The verb of speaking a date belongs to: up to five words back from the date ("told a regular
// press conference on Tuesday"), within its clause; npos when there is none.
size_t speech_verb_before(const TokView& v, size_t sentence_begin, size_t date_begin) {
    int words = 0;
    for (size_t k = date_begin; k > sentence_begin && words < 6;) {
        --k;
        if (!v.word(k)) {
            if (v.punct(k, '[') || v.punct(k, ']')) continue;
            return std::string_view::npos;  // another clause
        }
        ++words;
        if (in_list(v.str(k), speech_verbs)) return k;
    }
    return std::string_view::npos;
}

// Whether one of `list` is among the `max_words` words before token `from`, within its clause (a
// comma or semicolon ends it) and within `max_tokens` tokens, so a run of punctuation stays cheap.
template <size_t N>
bool word_before_in_clause(const TokView& v, size_t clause_begin, size_t from, int max_words, const std::array<std::string_view, N>& list,
                           size_t max_tokens = std::string_view::npos) {
    int words = 0;
    for (size_t k = from; k > clause_begin && words < max_words && from - k < max_tokens;) {
        --k;
        if (v.punct(k, ',') || v.punct(k, ';')) return false;
        if (!v.word(k)) continue;
        ++words;
        if (in_list(v.str(k), list)) return true;
    }
    return false;
}

// Words before a place or a name that make it an event still to come: "his upcoming meeting in
// Osaka", "ahead of the planned talks between Abe and Putin".
// ("proposed" only before a place: before a name it is mostly the verb, "Putin proposed to Abe".)
constexpr std::array<std::string_view, 6> to_come_marks = {"upcoming", "forthcoming", "planned", "next", "future", "coming"};

// "On January 20, the Russian Foreign Ministry said": a date that opens its sentence (after an
// "Earlier," or the like) is when the speaker of that sentence spoke, when the verb of speaking
// follows its subject of up to six words; npos otherwise.
size_t speech_verb_after_opening_date(const TokView& v, size_t sentence_begin, size_t sentence_end, size_t date_begin, size_t date_end) {
    size_t k = sentence_begin;
    // Only an adverb set off by a comma may come first ("Earlier, on January 20, ..."), and "on".
    if (k + 1 < date_begin && v.word(k) && v.punct(k + 1, ',')) k += 2;
    if (k < date_begin && (v.is(k, "on") || v.is(k, "in"))) ++k;
    if (k != date_begin) return std::string_view::npos;
    k = date_end;
    if (k < sentence_end && v.punct(k, ',')) ++k;
    for (int words = 0; k < sentence_end && words <= 6; ++k) {
        if (!v.word(k)) {
            if (v.apostrophe(k) || v.dash(k) || v.punct(k, '.')) continue;
            return std::string_view::npos;
        }
        if (in_list(v.str(k), speech_verbs)) return words > 0 ? k : std::string_view::npos;
        ++words;
    }
    return std::string_view::npos;
}

// The institutions whose statements are a party's: "the Foreign Ministry said Sunday".
constexpr std::array<std::string_view, 8> institutions = {"ministry", "government", "embassy",     "cabinet",
                                                          "office",   "council",    "secretariat", "parliament"};

// Words before a place that make it where something happens: "in Moscow", "visit to Tokyo".
constexpr std::array<std::string_view, 22> locative_words = {
    "in", "at", "to", "into", "visiting", "visit", "visits", "visited", "reach", "reached", "arrived",
    "arrive", "arrives", "toward", "towards", "near", "outside", "via", "hosted", "hosts", "host", "travel"};

struct VenueMention {
    RawHit hit;  // Cat::venue (owner: a venue) or Cat::city (owner: a name in ExtractData::city_names)
    int sentence;
    bool strong;
    bool claimed = false;
    bool metonym = false;  // "Kremlin aide", "Tokyo said": the government, not a place
};

}  // namespace

std::string_view to_string(DraftKind k) {
    switch (k) {
        case DraftKind::summit: return "summit";
        case DraftKind::ministerial: return "ministerial";
        case DraftKind::working_level: return "working-level";
        case DraftKind::phone_call: return "phone-call";
        case DraftKind::interview: return "interview";
        case DraftKind::statement: return "statement";
        case DraftKind::visit: return "visit";
    }
    return "?";
}

EventKind event_kind(DraftKind k) {
    switch (k) {
        case DraftKind::summit: return EventKind::summit;
        case DraftKind::ministerial: return EventKind::ministerial;
        case DraftKind::working_level: return EventKind::working_level;
        default: return EventKind::statement;
    }
}

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
    // "WASHINGTON, April 13 Kyodo - ... agreed Tuesday ... today's meeting", published on April 15:
    // the words of the text are relative to the day the dateline gives, when it is up to a week
    // before the article's date (the article's date itself stays --date's).
    std::optional<EventDate> dateline_day;
    if (date_option && date_option->precision == EventDate::Precision::day && dl && dl->mention) {
        Resolution r = resolve(*dl->mention, &*date_option, Tense::past);
        if (r.date && r.date->precision == EventDate::Precision::day) {
            const int64_t gap = days_from_civil(date_option->year, date_option->month, date_option->day) -
                                days_from_civil(r.date->year, r.date->month, r.date->day);
            if (gap >= 1 && gap <= 7) dateline_day = r.date, ref = &*dateline_day;
        }
    }
    // Where `ref` comes from, for the drafts dated by it: the article's date, or the dateline's day.
    const std::string ref_from = dateline_day ? "dateline \"" + dl->words + "\"" : x.reference_from;
    const std::string ref_what = dateline_day ? "the dateline's day" : "the article's own date";

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
    // The first token at or after byte `offset` (binary search: a huge sentence stays cheap).
    auto first_tok_from = [&](size_t offset) {
        return size_t(std::lower_bound(toks.begin(), toks.end(), offset, [](const Tok& t, size_t o) { return t.b < o; }) - toks.begin());
    };
    // The token after the last one ending by byte `offset`.
    auto tok_end_at = [&](size_t offset) {
        return size_t(std::upper_bound(toks.begin(), toks.end(), offset, [](size_t o, const Tok& t) { return o < t.e; }) - toks.begin());
    };
    auto sentence_at = [&](size_t offset) -> int {
        auto it = std::upper_bound(x.sentences.begin(), x.sentences.end(), offset,
                                   [](size_t o, const Sentence& s) { return o < s.span.begin; });
        if (it == x.sentences.begin()) return -1;
        --it;
        return offset < it->span.end ? int(it - x.sentences.begin()) : -1;
    };

    // Names
    Matcher matcher;
    for (size_t i = 0; i < data.venues.venues.size(); ++i)
        for (const std::string& name : venue_names(data.venues.venues[i])) add_name(matcher, name, Cat::venue, int(i), true);
    // World cities by their English (ASCII) names; "Saint X" is also written "St. X".
    for (size_t g = 0; g < data.city_names.size(); ++g) {
        const std::string& name = data.city_names[g].first;
        if (non_ascii(name)) continue;
        matcher.add(name, Cat::city, int(g), true);
        if (name.rfind("saint ", 0) == 0) matcher.add("st " + name.substr(6), Cat::city, int(g), true);
    }
    // A surname shared by several people belongs to all of them; resolved below.
    std::map<std::string, std::vector<int>> alias_owners;
    std::vector<std::string> person_aliases;
    for (size_t i = 0; i < data.people.size(); ++i) {
        const Person& p = data.people[i];
        std::set<std::string> seen;
        seen.insert(lowered(p.name));
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
    for (size_t i = 0; i < data.countries.size(); ++i) add_name(matcher, data.countries[i].first, Cat::country, int(i), true);
    for (size_t i = 0; i < data.dispute_words.size(); ++i) add_name(matcher, data.dispute_words[i], Cat::dispute, int(i), false);
    for (size_t i = 0; i < data.settlement_words.size(); ++i) add_name(matcher, data.settlement_words[i], Cat::settlement, int(i), false);
    for (size_t i = 0; i < data.titles.size(); ++i)
        for (const std::string& phrase : data.titles[i].phrases) add_name(matcher, phrase, Cat::title, int(i), false);

    std::vector<RawHit> hits = matcher.run(text, toks, sentence_of);
    std::sort(hits.begin(), hits.end(), [](const RawHit& a, const RawHit& b) { return a.span.begin < b.span.begin; });
    // The sentence speaks of a settlement: a [settlement] phrase, or a cue that needs none ("two
    // islands" beside "the 1956 declaration").
    std::vector<char> settlement_in(x.sentences.size(), 0);
    for (const RawHit& h : hits)
        if (h.cat == Cat::settlement || (h.cat == Cat::cue && !data.cues[h.owner].needs_settlement))
            if (int k = sentence_at(h.span.begin); k >= 0) settlement_in[k] = 1;

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
    // A city name inside a person's name, a territory or another place is not a city.
    std::vector<Span> other_spans;
    for (const RawHit& h : hits)
        if (h.cat == Cat::person || h.cat == Cat::territory || h.cat == Cat::group || h.cat == Cat::venue) other_spans.push_back(h.span);
    auto overlaps_other = [&](Span sp) {
        auto it = std::lower_bound(other_spans.begin(), other_spans.end(), sp.end,
                                   [](const Span& o, size_t e) { return o.begin < e; });
        for (int k = 0; k < 3 && it != other_spans.begin(); ++k) {
            --it;
            if (it->begin < sp.end && it->end > sp.begin) return true;
        }
        return false;
    };
    // Countries the article's places are in: the context that picks among cities of one name.
    std::set<std::string> place_countries;
    for (const RawHit& h : hits) {
        if (h.cat == Cat::venue) {
            if (!data.venue_countries[h.owner].empty()) place_countries.insert(data.venue_countries[h.owner]);
        } else if (h.cat == Cat::city && data.city_names[h.owner].second.size() == 1) {
            place_countries.insert(data.world_cities[data.city_names[h.owner].second[0]].country);
        } else if (h.cat == Cat::country) {
            place_countries.insert(data.countries[h.owner].second);
        }
    }
    auto resolve_city = [&](int group) -> const WorldCity* {
        const std::vector<int>& ids = data.city_names[group].second;
        for (int i : ids)
            if (place_countries.count(data.world_cities[i].country)) return &data.world_cities[i];
        return &data.world_cities[ids.front()];  // the most populous
    };
    std::vector<PersonHit> person_hits;
    struct TitleHit {
        int title;
        size_t last_tok;
        Finding f;
    };
    std::vector<TitleHit> title_hits;  // "the Russian president", resolved per event by its date
    std::vector<VenueMention> venue_mentions;
    std::vector<std::set<std::string>> countries_in(x.sentences.size());  // "in Japan", "to Russia": where, by country
    std::vector<char> tied(x.sentences.size(), 0);  // says a dispute word, or names a territory, group or cue
    std::vector<char> foreign(x.sentences.size(), 0);  // names a country that is not a party
    std::vector<char> country_tok(toks.size(), 0);  // tokens of a country's name
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
            case Cat::territory:
                x.territories.push_back(finding(data.territories[h.owner].id, h.span));
                tied[s] = 1;
                break;
            case Cat::group:
                x.groups.push_back(finding(data.groups[h.owner].id, h.span));
                tied[s] = 1;
                break;
            case Cat::cue: {
                // "Iturup, Kunashir, Shikotan and Habomai": two names inside a list of all the
                // islands are not a two-island cue. A cue made of territory names counts only when
                // no other territory is named just before it.
                bool of_names = false, listed = false;
                const size_t at = size_t(&h - hits.data());  // hits are in text order: look at the neighbours only
                for (size_t k = at > 24 ? at - 24 : 0; k < hits.size() && k < at + 24; ++k) {
                    const RawHit& t = hits[k];
                    if (t.cat != Cat::territory || t.first_tok == std::string_view::npos || h.first_tok == std::string_view::npos) continue;
                    if (t.span.begin >= h.span.begin && t.span.end <= h.span.end) of_names = true;
                    else if (t.span.end <= h.span.begin && t.first_tok + 8 >= h.first_tok && sentence_at(t.span.begin) == s) listed = true;
                }
                if (of_names && listed) break;
                if (data.cues[h.owner].needs_settlement && !settlement_in[s]) break;  // counting the islands
                x.cues.push_back(finding(data.cues[h.owner].scenario, h.span));
                tied[s] = 1;
                break;
            }
            case Cat::venue:
            case Cat::city: {
                bool metonym = false;
                // Strong: after a word of place ("in Moscow", "visit to Moscow") or before an event
                // ("the Moscow summit"); a bare capital is often the government ("Moscow said").
                bool strong = false;
                if (h.first_tok != std::string_view::npos) {
                    size_t b = sent_tb[s];
                    size_t p = prev_word(v, h.first_tok, b);
                    if (p != std::string_view::npos && v.is(p, "the")) p = prev_word(v, p, b);
                    // "in Japan's Nagato": a possessive before the city names where it is.
                    if (p != std::string_view::npos && v.is(p, "s") && p >= b + 2 && v.apostrophe(p - 1) && v.capital(p - 2))
                        p = prev_word(v, p - 2, b);
                    // The nouns that name a kind of place: "the city of", "his hometown of".
                    static const std::array<std::string_view, 8> place_nouns = {"city", "capital", "town", "port", "hometown",
                                                                                "village", "resort", "island"};
                    auto place_noun = [&](size_t k) { return in_list(v.str(k), place_nouns); };
                    if (p != std::string_view::npos && v.is(p, "of")) {
                        size_t pp = prev_word(v, p, b);
                        if (pp != std::string_view::npos && place_noun(pp)) {
                            // "in the Russian city of Vladivostok", "to the far eastern port city of":
                            // up to four describing words between the article and "city".
                            p = prev_word(v, pp, b);
                            for (int k = 0; k < 4 && p != std::string_view::npos && !v.is(p, "the") && !v.is(p, "a") &&
                                            !in_list(v.str(p), locative_words);
                                 ++k)
                                p = prev_word(v, p, b);
                            if (p != std::string_view::npos && (v.is(p, "the") || v.is(p, "a"))) p = prev_word(v, p, b);
                        }
                    }
                    if (p != std::string_view::npos && in_list(v.str(p), locative_words)) strong = true;
                    size_t nx = h.last_tok + 1;
                    if (nx < toks.size() && gathering_noun(v, nx)) strong = true;
                    // A gathering named after its city: "the Munich Security Conference", "the
                    // Vladivostok Economic Forum" (up to two capitalised words between).
                    for (size_t k = nx; !strong && k < std::min(toks.size(), nx + 2) && v.capital(k); ++k)
                        if (k + 1 < toks.size() && gathering_noun(v, k + 1)) strong = true;
                    // A place that speaks or has aides is its government: "Kremlin aide", "Tokyo said".
                    static const std::array<std::string_view, 30> government = {
                        "aide", "aides", "spokesman", "spokeswoman", "spokesperson", "press", "official", "officials",
                        "source", "sources", "said", "says", "say", "has", "have", "is", "was", "will", "would",
                        "wants", "insists", "claims", "considers", "refuses", "maintains", "argues", "sees",
                        "government", "leadership", "chief"};
                    bool speaks = nx < toks.size() && (in_list(v.str(nx), government) || v.apostrophe(nx));
                    // "the talks in Kazan will focus on", "his meeting in Sochi is planned": after a word
                    // of place, an auxiliary verb follows the phrase the place belongs to.
                    static const std::array<std::string_view, 6> auxiliaries = {"is", "was", "has", "have", "will", "would"};
                    if (speaks && strong && in_list(v.str(nx), auxiliaries)) speaks = false;
                    // (Not after a word of place: "in Singapore today said" is a place.)
                    if (!speaks && !strong && nx + 1 < toks.size() && v.word(nx) && !v.capital(nx) && in_list(v.str(nx + 1), government) &&
                        !v.is(nx + 1, "is") && !v.is(nx + 1, "was") && !v.is(nx + 1, "has"))
                        speaks = true;  // "Kremlin economic aide", "Tokyo firmly insists"
                    if (speaks) {
                        strong = false;
                        metonym = true;
                    }
                }
                if (h.cat == Cat::city && (!strong || overlaps_other(h.span))) break;  // cities need a word of place
                venue_mentions.push_back({h, s, strong, false, metonym});
                break;
            }
            case Cat::dispute: tied[s] = 1; break;
            case Cat::title:
                if (h.first_tok != std::string_view::npos && title_hits.size() < 1000) title_hits.push_back({h.owner, h.last_tok, finding("", h.span)});
                break;
            case Cat::country: {
                if (h.first_tok != std::string_view::npos)
                    for (size_t k = h.first_tok; k <= h.last_tok; ++k) country_tok[k] = 1;
                const std::string& code = data.countries[h.owner].second;
                if (std::find(data.party_countries.begin(), data.party_countries.end(), code) == data.party_countries.end()) foreign[s] = 1;
                size_t p = h.first_tok == std::string_view::npos ? h.first_tok : prev_word(v, h.first_tok, sent_tb[s]);
                if (p != std::string_view::npos && (v.is(p, "in") || v.is(p, "to"))) countries_in[s].insert(data.countries[h.owner].second);
                break;
            }
            default: break;
        }
    }

    // For the speaker of a date of speaking, found without scanning the whole sentence for every
    // date (a megabyte-long sentence of "X said Monday that Y said ..." stays near linear): the
    // person hits ordered by where they end; for each token, the next word after it in its sentence
    // that says a meeting happened; per sentence, where each country's last named person begins.
    std::vector<size_t> person_by_end(person_hits.size());
    for (size_t i = 0; i < person_by_end.size(); ++i) person_by_end[i] = i;
    std::stable_sort(person_by_end.begin(), person_by_end.end(),
                     [&](size_t a, size_t b) { return person_hits[a].f.span.end < person_hits[b].f.span.end; });
    std::vector<size_t> next_meeting_word(toks.size() + 1, toks.size());
    for (size_t k = toks.size(); k-- > 0;) {
        const bool meeting = event_noun(v, k) || v.is(k, "met") || v.is(k, "discussions") || v.is(k, "discussion") || v.is(k, "talked");
        next_meeting_word[k] = meeting ? k : next_meeting_word[k + 1];
    }
    std::vector<std::map<std::string, size_t>> last_person_of_country(x.sentences.size());
    for (const PersonHit& ph : person_hits) {
        size_t& at = last_person_of_country[size_t(ph.f.sentence)][data.people[ph.person].country];
        at = std::max(at, ph.f.span.begin);
    }

    // Dates
    std::vector<DateFind> dates;
    // A page's own date line near the top ("Published: 21:31, September 29, 2020 | Updated: 15:48,
    // June 5, 2023", "March 29, 2022 Updated: March 29, 2022"): one line of nothing but dates, times
    // and the page's words for them says when the page was written, not when anything happened.
    auto page_date_line = [&](size_t s, const std::vector<DateMention>& mentions) {
        // (A page's line of dates is short: a long one is text, and is not scanned word by word.)
        if (s >= 4 || mentions.empty() || x.sentences[s].span.end - x.sentences[s].span.begin > 200) return false;
        if (text.substr(x.sentences[s].span.begin, x.sentences[s].span.end - x.sentences[s].span.begin).find('\n') !=
            std::string_view::npos)
            return false;
        // (The page's words, and the abbreviations of time zones a page's time may carry.)
        static const std::array<std::string_view, 28> page_words = {
            "published", "updated", "posted", "last", "date", "am",  "pm",  "gmt",  "utc", "jst", "kst", "cst", "hkt", "sgt",
            "ist",       "pst",     "pdt",    "est",  "edt",  "cet", "cest", "bst", "msk", "eet", "eest", "aest", "aedt", "wib"};
        // Every other word must be inside a mention: the mentions ordered by start, swept once (a
        // megabyte-long first sentence of dates stays linear).
        std::vector<std::pair<size_t, size_t>> spans;
        for (const DateMention& m : mentions) spans.emplace_back(m.tb, m.te);
        std::sort(spans.begin(), spans.end());
        size_t next = 0, covered_to = 0;
        for (size_t k = sent_tb[s]; k < sent_te[s]; ++k) {
            for (; next < spans.size() && spans[next].first <= k; ++next) covered_to = std::max(covered_to, spans[next].second);
            if (!v.word(k) || in_list(v.str(k), page_words)) continue;
            if (k >= covered_to) return false;
        }
        return true;
    };
    for (size_t s = 0; s < x.sentences.size(); ++s) {
        const std::vector<DateMention> mentions = scan_dates(v, sent_tb[s], sent_te[s]);
        if (page_date_line(s, mentions)) continue;
        // The page's date line that lent the dateline its date, wherever it stands.
        if (dl && dl->page_date && x.sentences[s].span.begin < dl->page_date->end && x.sentences[s].span.end > dl->page_date->begin) continue;
        Tense listed_tense = Tense::none;
        size_t listed_end = 0;
        std::optional<bool> sentence_to_come;  // whether the sentence says its news is yet to come (found once)
        for (const DateMention& m : mentions) {
            DateFind d;
            d.sentence = int(s);
            d.mention = m;
            // "to meet in Canada in June, in Russia in September and in Japan in November": a date
            // with no tense words of its own (or only an "agreed to" before the list), listed right
            // after another (within 15 tokens, no semicolon between), shares that one's tense.
            Tense tense = tense_near(v, sent_tb[s], sent_te[s], m.tb, m.te);
            if ((tense == Tense::none || (tense == Tense::either && listed_tense == Tense::future)) && listed_tense != Tense::none &&
                listed_end + 15 >= m.tb &&
                std::none_of(toks.begin() + long(listed_end), toks.begin() + long(m.tb), [&](const Tok& t) {
                    return t.type == TokType::punct && text[t.b] == ';';
                }))
                tense = listed_tense;
            d.res = resolve(m, ref, tense);
            listed_tense = d.res.future ? Tense::future : tense, listed_end = m.te;
            // "invited Abe to attend the forum in Vladivostok in September", "offered an invitation
            // to visit in May": what is offered is no event yet (unless it was accepted). The
            // invitation must govern the date: up to 20 words before it, no verb of another event
            // between them.
            {
                bool offered = false;
                int words = 0;
                for (size_t k = m.tb; k > sent_tb[s] && words < 20;) {
                    --k;
                    if (v.punct(k, ';')) break;
                    if (!v.word(k)) continue;
                    ++words;
                    static const std::array<std::string_view, 8> other_events = {"met", "held", "talked", "visited", "said", "told", "agreed", "and"};
                    if (in_list(v.str(k), other_events) && !(k > sent_tb[s] && (v.is(k - 1, "be") || v.is(k - 1, "been")))) break;
                    static const std::array<std::string_view, 6> invitation = {"invited", "invite", "invites", "inviting", "invitation", "invitations"};
                    if (in_list(v.str(k), invitation)) {
                        size_t p1 = prev_word(v, k, sent_tb[s]), p2 = p1 == std::string_view::npos ? p1 : prev_word(v, p1, sent_tb[s]);
                        auto accepted = [&](size_t w) { return w != std::string_view::npos && (v.is(w, "accepted") || v.is(w, "accepts") || v.is(w, "accept")); };
                        offered = !accepted(p1) && !accepted(p2);
                        break;
                    }
                }
                if (offered) continue;
            }
            // "the Agreement ... dated February 21, 1998": the date of a document, not an event.
            if (m.tb > sent_tb[s] && v.is(m.tb - 1, "dated")) continue;
            // "October will mark 60 years since ...": an anniversary, not an event.
            {
                size_t k = m.te;
                if (k < sent_te[s] && (v.is(k, "will") || v.is(k, "would"))) ++k;
                if (k + 1 < sent_te[s] && (v.is(k, "mark") || v.is(k, "marks") || v.is(k, "marked"))) {
                    bool years = false;
                    for (size_t j = k + 1; j < std::min(sent_te[s], k + 5); ++j)
                        years = years || v.is(j, "years") || v.is(j, "anniversary");
                    if (years) continue;
                }
            }
            size_t verb = speech_verb_before(v, sent_tb[s], m.tb);
            if (verb == std::string_view::npos) verb = speech_verb_after_opening_date(v, sent_tb[s], sent_te[s], m.tb, m.te);
            if (verb != std::string_view::npos) {
                d.said = true;
                // The subject: a person named just before the verb ("Fumio Kishida said Friday"),
                // or the words that show the news's own source ("a government source said").
                size_t subject = prev_word(v, verb, sent_tb[s]);
                bool attribution = false;
                if (subject != std::string_view::npos) {
                    const std::string_view w = v.str(subject);
                    attribution = in_list(w, attribution_subjects) ||
                                  std::any_of(data.outlets.begin(), data.outlets.end(), [&](const std::string& o) { return ieq(o, w); });
                }
                // The source's day is dropped when the sentence dates its news otherwise ("plans to
                // visit in mid-May, a source said Wednesday") or its news is yet to come ("reported
                // Friday that Lavrov would receive him"); else it is the news's day ("held a phone
                // conversation, the press service said on Monday").
                if (attribution && !sentence_to_come) {
                    bool to_come = false;
                    for (size_t k = sent_tb[s]; k < sent_te[s] && !to_come; ++k)
                        to_come = v.is(k, "will") || v.is(k, "would") || v.is(k, "plans") || v.is(k, "planned") || v.is(k, "expected") ||
                                  v.is(k, "scheduled") || v.is(k, "considering");
                    sentence_to_come = to_come;
                }
                if (attribution && (mentions.size() > 1 || *sentence_to_come)) continue;
                // A ministry, an embassy or a government saying something is a statement of a party.
                // ("the foreign ministry said" as much as "the Foreign Ministry said".)
                if (subject != std::string_view::npos && in_list(v.str(subject), institutions)) {
                    d.body = std::string(v.str(subject));
                    d.body_span = {toks[subject].b, toks[subject].e};
                    d.body[0] = char(std::toupper(static_cast<unsigned char>(d.body[0])));
                }
                if (attribution) {
                    d.said = false;
                } else {
                    // The nearest person named up to eight words before the verb: "Yoshihide Suga,
                    // the chief cabinet secretary, told".
                    // (The last such hit in the order found, as the nearest ends last.)
                    auto ends_after = std::upper_bound(person_by_end.begin(), person_by_end.end(), toks[verb].b,
                                                       [&](size_t at, size_t i) { return at < person_hits[i].f.span.end; });
                    for (auto it = ends_after; it != person_by_end.begin();) {
                        const PersonHit& ph = person_hits[*--it];
                        if (ph.f.sentence != int(s)) break;
                        size_t words = 0;
                        for (size_t k = verb; k > sent_tb[s] && toks[k - 1].b >= ph.f.span.end && words <= 8; --k) words += v.word(k - 1);
                        if (words > 8) break;
                        d.speaker = std::max(d.speaker, int(*it));
                    }
                    // "Mori told reporters Monday that he had discussions with Morgulov": what he tells
                    // is a meeting with the other side that day, and that is the event.
                    if (d.speaker >= 0) {
                        const std::string& side = data.people[person_hits[d.speaker].person].country;
                        const bool meeting = next_meeting_word[verb + 1] < sent_te[s];
                        bool other = false;
                        for (const auto& [country, at] : last_person_of_country[s]) other = other || (country != side && at > toks[verb].e);
                        if (meeting && other) d.said = false, d.speaker = -1;
                    }
                }
            }
            // A week against a reference known only to the month is too vague to be an event.
            if (m.kind == DateKind::rel_week && !d.res.date) continue;
            if (m.alternative) continue;  // "late January or early February": no month to draft
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
            // (Also after an opening quotation mark or an editor's bracket: "\"On [September] 4-6, ...".)
            bool opens = true;
            for (size_t k = sb; k < d.mention.tb && opens; ++k) opens = !v.word(k) || (v.is(k, "on") && k + 3 >= d.mention.tb);
            if (a < b && v.punct(a, ',') && opens) ++a;
            // "4-6": the end of a range is part of the date.
            if (a + 2 < b && v.dash(a) && v.number(a + 1) && v.punct(a + 2, ',') && opens) a += 3;
        } else {
            a = vm.hit.last_tok + 1;
            b = d.mention.tb;
            // "in Chino, Japan, on Monday": the country belongs to the city.
            if (a + 1 < b && v.punct(a, ',') && country_tok[a + 1]) {
                a += 1;
                while (a < b && country_tok[a]) ++a;
                if (a < b && v.punct(a, ',')) ++a;
            }
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
        // "in Sochi, not Moscow, in May": the place set aside is no clause between the two.
        for (size_t k = a; k + 2 < b; ++k)
            if (v.punct(k, ',') && v.is(k + 1, "not") && v.capital(k + 2)) {
                size_t j = k + 2;
                while (j < b && v.capital(j)) ++j;
                if (j < b && v.punct(j, ',')) clauses -= 2, words -= long(j - k + 1);
            }
        // "a summit in June, to be held in Osaka": the place of a gathering "held in" belongs to
        // the gathering's date across the comma.
        if (vm.hit.first_tok > a && vm.hit.first_tok >= 2 && v.is(vm.hit.first_tok - 1, "in") &&
            (v.is(vm.hit.first_tok - 2, "held") || v.is(vm.hit.first_tok - 2, "place")))
            clauses = std::min<long>(clauses, 0);
        return std::max<long>(words, 0) + 20 * std::max<long>(clauses, 0);
    };
    std::vector<int> venue_owner(venue_mentions.size(), -1);  // the date a venue went to
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
            // A venue is one date's: "agreed Saturday in Moscow ... later this month" puts only
            // Saturday there.
            if (int rival = venue_owner[pick]; rival >= 0) {
                if (dates[rival].venue_cost <= best) continue;
                dates[rival].venue = -1;
            }
            venue_owner[pick] = int(&d - dates.data());
            d.venue = pick;
            d.venue_cost = best;
            venue_mentions[pick].claimed = true;
        }
    }
    // Only for the news itself (a date near the article's date, or one that needs the article's
    // date): a lead often names the place in the sentence after the date.
    auto near_reference_date = [&](const EventDate& date) {
        if (!ref) return false;
        if (ref->precision == EventDate::Precision::month || date.precision == EventDate::Precision::month)
            return date.year == ref->year && date.month == ref->month;
        return std::llabs(days_from_civil(ref->year, ref->month, ref->day) - days_from_civil(date.year, date.month, date.day)) <= 7;
    };
    auto near_reference = [&](const DateFind& d) { return !d.res.date || near_reference_date(*d.res.date); };
    // A place the text puts an event to come at ("his upcoming meeting ... in Osaka", "talks in
    // Osaka are still being coordinated") is where that event will be, not where a past event of a
    // neighbouring sentence was; and a past place is not where an event to come will be.
    auto venue_to_come = [&](const VenueMention& vm) {
        if (vm.hit.first_tok == std::string_view::npos) return false;
        const size_t sb = sent_tb[vm.sentence], se = sent_te[vm.sentence];
        // "to be held in", "will be hosted in": a participle after "be", then the word of place.
        {
            size_t k = vm.hit.first_tok;
            std::array<size_t, 3> w{};
            size_t found = 0;
            while (k > sb && found < 3) {
                --k;
                if (v.word(k)) w[found++] = k;
                else break;
            }
            if (found == 3 && in_list(v.str(w[0]), locative_words) && v.str(w[1]).size() > 3 &&
                (ieq(v.str(w[1]).substr(v.str(w[1]).size() - 2), "ed") || v.is(w[1], "held")) && v.is(w[2], "be"))
                return true;
        }
        int words = 0;
        for (size_t k = vm.hit.first_tok; k > sb && words < 8;) {
            --k;
            if (v.punct(k, ',') || v.punct(k, ';')) break;
            if (!v.word(k)) continue;
            ++words;
            if (in_list(v.str(k), to_come_marks) || v.is(k, "proposed")) return true;
        }
        static const std::array<std::string_view, 10> after = {"will",     "would",  "being", "scheduled", "planned",
                                                               "expected", "slated", "due",   "next",      "later"};
        words = 0;
        for (size_t k = vm.hit.last_tok + 1; k < se && words < 6; ++k) {
            if (v.punct(k, ';')) break;
            if (!v.word(k)) continue;
            ++words;
            if (in_list(v.str(k), after)) return true;
        }
        return false;
    };
    // "the 1997 agreement made in Krasnoyarsk": a year in the place's own phrase (up to eight words
    // before it, within its clause) dates what happened there; 0 when there is none.
    auto venue_year = [&](const VenueMention& vm) {
        if (vm.hit.first_tok == std::string_view::npos) return 0;
        const size_t sb = sent_tb[vm.sentence];
        int words = 0;
        for (size_t k = vm.hit.first_tok; k > sb && words < 8;) {
            --k;
            if (v.punct(k, ',') || v.punct(k, ';')) break;
            if (v.number(k))
                if (int y = year_value(v, k); y > 0) return y;
            if (v.word(k)) ++words;
        }
        return 0;
    };
    // A guessed place for a draft: the venue or world city a mention names.
    auto place_guess = [&](DraftEvent& e, const VenueMention& vm, std::string note) {
        if (vm.hit.cat == Cat::city) {
            e.place_city = resolve_city(vm.hit.owner);
            e.place = e.place_city->id();
        } else {
            e.place = data.venues.venues[vm.hit.owner].id;
        }
        e.place_from = finding(e.place, vm.hit.span);
        e.place_uncertain = true;
        e.place_note = std::move(note);
    };
    for (DateFind& d : dates) {
        // When someone spoke is not where the next sentence's events are.
        if (d.venue >= 0 || d.said || !near_reference(d)) continue;
        auto lendable = [&](int vi) {
            return !venue_mentions[vi].claimed && venue_to_come(venue_mentions[vi]) == d.res.future &&
                   !(d.res.date && venue_year(venue_mentions[vi]) > 0 && venue_year(venue_mentions[vi]) != d.res.date->year);
        };
        for (int s : {d.sentence + 1, d.sentence - 1}) {
            if (s < 0 || s >= int(x.sentences.size())) continue;
            const std::vector<int>& vs = venues_in[s];
            auto free = std::find_if(vs.begin(), vs.end(), lendable);
            if (s < d.sentence) {
                auto rfree = std::find_if(vs.rbegin(), vs.rend(), lendable);
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

    // A named gathering ("the Eastern Economic Forum") is where the article first places it: a
    // date at it ("on September 5 on the sidelines of the Eastern Economic Forum") is there too.
    {
        static const std::array<std::string_view, 9> gathering_heads = {"Forum", "Summit", "Conference", "Olympics", "Games",
                                                                        "Expo", "Congress", "Assembly", "Festival"};
        struct Gathering {
            std::string name, shown;  // lower case (the key), and as written
            int sentence;
            size_t tok;
        };
        std::vector<Gathering> gatherings;
        for (size_t s = 0; s < x.sentences.size(); ++s)
            for (size_t i = sent_tb[s]; i < sent_te[s]; ++i) {
                if (!v.capital(i) || !in_list(v.str(i), gathering_heads)) continue;
                // At most max_name_words capitalised words before the head (a run of capitals as
                // long as the text must not make every head's name as long as the run).
                constexpr size_t max_name_words = 12;
                size_t b = i;
                while (b > sent_tb[s] && v.capital(b - 1) && b > sent_tb[s] + 1 && i - b < max_name_words) --b;  // not the sentence's first word
                if (b == i) continue;  // "Summit" alone says no name
                std::string shown;
                for (size_t k = b; k <= i; ++k) shown += (shown.empty() ? "" : " ") + std::string(v.str(k));
                gatherings.push_back({lowered(shown), shown, int(s), i});
            }
        std::map<std::string, int> gathering_venue;  // name -> venue mention
        // Its nearest venue mention in its sentence (the first listed of the nearest): each
        // sentence's venue mentions ordered by token, then a binary search per gathering.
        std::vector<std::vector<std::pair<size_t, int>>> venue_toks(x.sentences.size());
        for (const Gathering& g : gatherings) {
            if (gathering_venue.count(g.name) || venues_in[g.sentence].empty()) continue;
            std::vector<std::pair<size_t, int>>& vt = venue_toks[size_t(g.sentence)];
            if (vt.empty()) {
                // Keyed by token + 1: a mention with no token (npos) counts as at token -1, as before.
                for (int vi : venues_in[g.sentence]) vt.emplace_back(venue_mentions[vi].hit.first_tok + 1, vi);
                std::sort(vt.begin(), vt.end());
            }
            const size_t key = g.tok + 1;
            auto after = std::lower_bound(vt.begin(), vt.end(), std::pair<size_t, int>{key, INT_MIN});
            size_t best = SIZE_MAX;
            if (after != vt.end()) best = after->first - key;
            if (after != vt.begin()) best = std::min(best, key - std::prev(after)->first);
            int pick = INT_MAX;  // venues_in lists mentions in increasing index: the first listed is the least
            for (size_t tok : {key - best, key + best}) {
                auto at = std::lower_bound(vt.begin(), vt.end(), std::pair<size_t, int>{tok, INT_MIN});
                if (at != vt.end() && at->first == tok) pick = std::min(pick, at->second);
            }
            gathering_venue[g.name] = pick;
        }
        // The gatherings of each sentence (found in order of sentence): [first_gathering[s], first_gathering[s + 1]).
        std::vector<size_t> first_gathering(x.sentences.size() + 1, gatherings.size());
        for (size_t gi = gatherings.size(); gi-- > 0;) first_gathering[size_t(gatherings[gi].sentence)] = gi;
        for (size_t s = x.sentences.size(); s-- > 0;) first_gathering[s] = std::min(first_gathering[s], first_gathering[s + 1]);
        for (DateFind& d : dates) {
            if (d.venue >= 0 || d.said || !venues_in[d.sentence].empty()) continue;
            for (size_t gi = first_gathering[size_t(d.sentence)]; gi < first_gathering[size_t(d.sentence) + 1]; ++gi) {
                const Gathering& g = gatherings[gi];
                auto it = gathering_venue.find(g.name);
                if (it == gathering_venue.end()) continue;
                d.venue = it->second;
                d.venue_adjacent = true;
                d.venue_via = g.shown;
                break;
            }
        }
    }

    // "The two-day visit from May 11": a sentence opening with "The" and an event noun refers back
    // to the event of the sentence before; a day within that event's month is its day.
    for (DateFind& d : dates) {
        if (!d.res.date || d.res.date->precision != EventDate::Precision::day || d.venue >= 0) continue;
        const size_t sb = sent_tb[d.sentence];
        if (!v.is(sb, "the") || d.mention.tb > sb + 6) continue;
        bool noun = false;
        for (size_t k = sb + 1; k < d.mention.tb && !noun; ++k) noun = event_noun(v, k);
        if (!noun) continue;
        for (DateFind& p : dates) {
            if (p.sentence != d.sentence - 1 || !p.res.date || p.res.date->precision != EventDate::Precision::month ||
                p.res.date->year != d.res.date->year || p.res.date->month != d.res.date->month)
                continue;
            p.res.date = d.res.date;
            p.res.how += "; the day from the next sentence, \"" + d.words + "\"";
            d.venue = p.venue;
            break;
        }
    }

    // Group into draft events by (date, venue).
    std::vector<char> names_territory(x.sentences.size(), 0);
    for (const Finding& f : x.territories)
        if (f.sentence >= 0 && size_t(f.sentence) < names_territory.size()) names_territory[size_t(f.sentence)] = 1;
    auto visits_territory = [&](const DateFind& d) {
        if (d.sentence < 0 || d.mention.tb <= sent_tb[d.sentence] || !names_territory[size_t(d.sentence)]) return false;
        static const std::array<std::string_view, 6> visit_verbs = {"visited", "visits", "landed", "toured", "arrived", "travelled"};
        return word_before_in_clause(v, sent_tb[d.sentence], d.mention.tb, 6, visit_verbs, 16);
    };
    std::vector<char> territory_visit;  // per draft made here: a visit to the disputed land
    std::map<std::pair<std::string, std::string>, size_t> by_key;
    std::vector<std::vector<const DateFind*>> sources;
    for (const DateFind& d : dates) {
        std::string dkey = d.res.date ? d.res.date->str() : "?" + lowered(d.words);
        // Someone speaking on the day of another unplaced event ("visited the island on Monday ...
        // Kan told Parliament on Monday") is an event of its own; with a placed one it joins it below.
        if (d.said && d.venue < 0) dkey += " said";
        // So is a visit to the disputed land ("Medvedev visited Kunashiri Island early Monday") on
        // the day the other side protested against it: a visit word up to six words before the
        // date, in its clause, and a territory named in the sentence.
        const bool to_territory = d.venue < 0 && !d.said && visits_territory(d);
        if (to_territory) dkey += " visit";
        std::string vkey;
        bool city = false;
        if (d.venue >= 0) {
            const RawHit& h = venue_mentions[d.venue].hit;
            city = h.cat == Cat::city;
            vkey = city ? resolve_city(h.owner)->id() : data.venues.venues[h.owner].id;
        }
        auto [it, fresh] = by_key.emplace(std::make_pair(dkey, vkey), x.events.size());
        if (fresh) {
            territory_visit.push_back(to_territory);
            DraftEvent e;
            e.date = d.res.date;
            e.date_from = Finding{d.res.date ? d.res.date->str() : "", d.words, d.span, d.sentence};
            e.date_how = d.res.how;
            e.date_uncertain = d.res.uncertain || !d.res.date;
            if (d.mention.kind == DateKind::rel_month && d.mention.offset == 0 && (d.mention.strict == 1 || d.mention.strict == -1))
                e.side_of_reference = d.mention.strict;
            if (d.venue >= 0) {
                const VenueMention& vm = venue_mentions[d.venue];
                e.place = vkey;
                e.place_from = finding(vkey, vm.hit.span);
                e.place_uncertain = d.venue_adjacent;
                if (d.venue_adjacent)
                    e.place_note = !d.venue_via.empty() ? "where the article places the " + d.venue_via
                                                        : "named in the " + std::string(vm.sentence > d.sentence ? "next" : "previous") + " sentence";
                if (city) {
                    e.place_city = resolve_city(vm.hit.owner);
                    e.place_note = e.place_city->name + " (" + e.place_city->country +
                                   ", GeoNames) is not in venues.toml yet: add it there with this id";
                }
            }
            e.said = d.said && d.venue < 0;
            if (e.said && d.speaker < 0) e.said_by = d.body, e.said_by_at = d.body_span;
            if (e.said && d.speaker >= 0) {
                e.speaker = &data.people[person_hits[d.speaker].person];
                e.speaker_from = person_hits[d.speaker].f;
            }
            x.events.push_back(std::move(e));
            sources.emplace_back();
        } else {
            x.events[it->second].said = x.events[it->second].said && d.said && d.venue < 0;
        }
        DraftEvent& e = x.events[it->second];
        sources[it->second].push_back(&d);
        e.sentences.push_back(d.sentence);  // sorted and made unique below
        if (d.venue >= 0 && d.venue_adjacent == false && e.place_uncertain) {
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
            if (e.place_from || !e.date || territory_visit[i]) continue;
            auto it = placed_on.find(e.date->str());
            if (it == placed_on.end() || it->second.size() != 1) continue;
            // "indicated at a government meeting Thursday": a date with an occasion of its own
            // right before it is another event of that day.
            if (e.date_from && e.date_from->sentence >= 0) {
                const int s = e.date_from->sentence;
                size_t tb = sent_tb[s];
                tb = std::min(std::max(tb, first_tok_from(e.date_from->span.begin)), sent_te[s]);
                bool occasion = false, noun = false;
                int words = 0;
                for (size_t k = tb; k > sent_tb[s] && words < 5 && !occasion;) {
                    --k;
                    if (!v.word(k)) break;
                    ++words;
                    noun = noun || event_noun(v, k) || v.is(k, "conference") || v.is(k, "briefing");
                    occasion = noun && v.is(k, "at");
                }
                if (occasion) continue;
            }
            int target = it->second[0];
            x.events[target].sentences.insert(x.events[target].sentences.end(), e.sentences.begin(), e.sentences.end());
            drop[i] = true;
        }
        std::vector<DraftEvent> kept;
        for (size_t i = 0; i < x.events.size(); ++i)
            if (!drop[i]) kept.push_back(std::move(x.events[i]));
        x.events = std::move(kept);
    }
    // One draft per real event: a month ("this week", "in June") at a place is the day at that
    // place within the month, when there is exactly one such day.
    {
        std::map<std::string, std::vector<int>> days_at;  // "place YYYY-MM" -> day-precision events
        for (size_t j = 0; j < x.events.size(); ++j) {
            const DraftEvent& e = x.events[j];
            if (e.date && e.date->precision == EventDate::Precision::day && !e.place.empty())
                days_at[e.place + " " + month_date(e.date->year, e.date->month).str()].push_back(int(j));
        }
        std::vector<bool> drop(x.events.size(), false);
        for (size_t i = 0; i < x.events.size(); ++i) {
            DraftEvent& e = x.events[i];
            if (!e.date || e.date->precision != EventDate::Precision::month || e.place.empty()) continue;
            auto it = days_at.find(e.place + " " + e.date->str());
            if (it == days_at.end() || it->second.size() != 1) continue;
            DraftEvent& target = x.events[it->second[0]];
            // "visited Moscow earlier this month" is not the talks in Moscow today.
            if (e.side_of_reference != 0 && ref && ref->precision == EventDate::Precision::day) {
                int64_t day = days_from_civil(target.date->year, target.date->month, target.date->day);
                int64_t r = days_from_civil(ref->year, ref->month, ref->day);
                if (e.side_of_reference < 0 ? day >= r : day <= r) continue;
            }
            target.sentences.insert(target.sentences.end(), e.sentences.begin(), e.sentences.end());
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
    std::vector<std::string> summit_word(ns), ministerial_word(ns), phone_word(ns);
    for (size_t k = 0; k < ns; ++k)
        for (size_t i = sent_tb[k]; i < sent_te[k]; ++i) {
            if (!v.word(i)) continue;
            if (!event_word[k] && (event_noun(v, i) || v.is(i, "met") || v.is(i, "meet") || v.is(i, "talked") || v.is(i, "visited") ||
                                   v.is(i, "landed") || v.is(i, "traveled") || v.is(i, "travelled")))
                event_word[k] = 1;
            if (summit_word[k].empty() && (v.is(i, "summit") || v.is(i, "summits"))) summit_word[k] = std::string(v.str(i));
            if (ministerial_word[k].empty() && v.is(i, "ministerial")) ministerial_word[k] = std::string(v.str(i));
            if (phone_word[k].empty() && (v.is(i, "phone") || v.is(i, "telephone") || v.is(i, "phoned")))
                phone_word[k] = std::string(v.str(i));
        }
    auto sentence_has_event_word = [&](int k) { return event_word[k] != 0; };
    std::vector<int> dates_per_sentence(ns, 0);
    for (const DateFind& d : dates) ++dates_per_sentence[d.sentence];
    auto per_sentence = [&](const std::vector<Finding>& fs) {
        std::vector<std::vector<int>> in(ns);
        for (size_t i = 0; i < fs.size(); ++i)
            if (fs[i].sentence >= 0 && in[fs[i].sentence].size() < 50) in[fs[i].sentence].push_back(int(i));
        return in;
    };
    std::vector<std::vector<int>> people_in(ns);
    for (size_t i = 0; i < person_hits.size(); ++i)
        if (people_in[person_hits[i].f.sentence].size() < 50) people_in[person_hits[i].f.sentence].push_back(int(i));
    // Whose event a person is, in a sentence with several dates: the nearest date to the name (or,
    // for "X said"/"X told", to the verb), counting a clause as 20 words. And a person outside a
    // quotation that names people and holds every date of the sentence only speaks of it.
    const std::vector<std::string> person_date = [&] {
        std::vector<std::string> out(person_hits.size());
        std::vector<std::vector<const DateFind*>> dates_in(ns);
        for (const DateFind& d : dates)
            if (d.res.date && dates_in[d.sentence].size() < 50) dates_in[d.sentence].push_back(&d);  // a huge "sentence" stays linear
        auto tok_at = [&](size_t offset) {
            return size_t(std::lower_bound(toks.begin(), toks.end(), offset, [](const Tok& t, size_t o) { return t.b < o; }) - toks.begin());
        };
        for (size_t s = 0; s < ns; ++s) {
            if (dates_in[s].empty() || people_in[s].empty()) continue;
            std::vector<char> quoted(sent_te[s] - sent_tb[s], 0);
            bool in = false;
            for (size_t i = sent_tb[s]; i < sent_te[s]; ++i) {
                std::string_view w = v.str(i);
                bool mark = toks[i].type == TokType::punct && (w == "\"" || w == "\u201c" || w == "\u201d");
                if (mark) in = w == "\u201c" ? true : w == "\u201d" ? false : !in;
                quoted[i - sent_tb[s]] = in && !mark;
            }
            auto is_quoted = [&](size_t t) { return t >= sent_tb[s] && t < sent_te[s] && quoted[t - sent_tb[s]]; };
            bool dates_quoted = std::all_of(dates_in[s].begin(), dates_in[s].end(), [&](const DateFind* d) { return is_quoted(d->mention.tb); });
            bool people_quoted = std::any_of(people_in[s].begin(), people_in[s].end(),
                                             [&](int pi) { return is_quoted(tok_at(person_hits[pi].f.span.begin)); });
            std::set<std::string> distinct;
            for (const DateFind* d : dates_in[s]) distinct.insert(d->res.date->str());
            for (int pi : people_in[s]) {
                const size_t pt = tok_at(person_hits[pi].f.span.begin);
                if (dates_quoted && people_quoted && !is_quoted(pt)) {
                    out[pi] = "-";  // belongs to no event drafted from this sentence
                    continue;
                }
                // "X said", "X, who is ... with Russia, told": the verb of speaking stands for the person.
                auto speaking_after = [&](size_t within) {
                    for (size_t k = pt + 1; k < std::min(sent_te[s], pt + within); ++k)
                        if (v.word(k) && in_list(v.str(k), speech_verbs)) return k;
                    return pt;
                };
                if (distinct.size() < 2) {
                    // One date: when its clause names people, those outside it (and whose verb of
                    // speaking is outside it) only frame the news ("Suga said Abe received a message,
                    // which Putin handed to Kishida ... on December 2"). A clause opened by "who" is
                    // about the person before it.
                    const DateFind& d = *dates_in[s].front();
                    auto clause_of = [&](size_t t) { return seps[t + 1]; };
                    auto in_clause = [&](size_t t) {
                        uint32_t c = clause_of(t), dc = clause_of(d.mention.tb);
                        if (c == dc) return true;
                        // the clause right before a "who" clause holding the date
                        if (c + 1 == dc) {
                            size_t k = d.mention.tb;
                            while (k > sent_tb[s] && clause_of(k - 1) == dc) --k;
                            if (v.punct(k, ',')) ++k;  // the comma opens the clause
                            return k < sent_te[s] && v.is(k, "who");
                        }
                        return false;
                    };
                    bool clause_has_people = std::any_of(people_in[s].begin(), people_in[s].end(),
                                                         [&](int q) { return in_clause(tok_at(person_hits[q].f.span.begin)); });
                    // "met his Japanese counterpart, Taro Kono, on ...": a name set off by commas right
                    // after a common noun is that noun again, in the noun's clause.
                    auto appositive = [&]() {
                        if (pt < sent_tb[s] + 2 || !v.punct(pt - 1, ',') || !v.word(pt - 2) || v.capital(pt - 2)) return false;
                        size_t end = tok_at(person_hits[pi].f.span.end);
                        return (end >= sent_te[s] || v.punct(end, ',') || v.punct(end, '.')) && in_clause(pt - 2);
                    };
                    // "Lavrov, speaking after talks with Kono on Monday, said": the subject of a
                    // participle set off by a comma is in the participle's clause.
                    auto participle_subject = [&]() {
                        size_t end = tok_at(person_hits[pi].f.span.end);
                        if (end + 1 >= sent_te[s] || !v.punct(end, ',') || !v.word(end + 1) || v.capital(end + 1)) return false;
                        std::string_view w = v.str(end + 1);
                        return w.size() > 5 && ieq(w.substr(w.size() - 3), "ing") && in_clause(end + 1);
                    };
                    if (appositive() || participle_subject()) out[pi] = d.res.date->str();
                    else if (clause_has_people && !in_clause(pt) && !in_clause(speaking_after(16))) out[pi] = "-";
                    // One in the clause of the date is at that date's event, not at another event
                    // whose sentences reach this one ("Kono visited Moscow earlier this month").
                    else if (in_clause(pt)) out[pi] = d.res.date->str();
                    continue;
                }
                const size_t anchor = speaking_after(9);
                long best = LONG_MAX;
                for (const DateFind* d : dates_in[s]) {
                    size_t a = std::min(anchor, d->mention.tb), b = std::max(anchor, d->mention.te);
                    long k = long(b - a) + 20 * long(seps[b] - seps[a]);
                    if (k < best) best = k, out[pi] = d->res.date->str();
                }
            }
        }
        return out;
    }();
    const std::vector<std::vector<int>> territories_in = per_sentence(x.territories);
    const std::vector<std::vector<int>> cues_in = per_sentence(x.cues);

    // The lead (the sentence a dateline opens) happened where the dateline says, unless it names a place.
    if (dl && !x.dateline_venue.empty()) {
        int lead = -1;
        for (size_t k = 0; k < x.sentences.size() && lead < 0; ++k)
            if (x.sentences[k].span.begin >= dl->span.end) lead = int(k);
        for (DraftEvent& e : x.events)
            if (lead >= 0 && !e.place_from && !e.said && e.date_from && e.date_from->sentence == lead &&
                (!e.date || near_reference_date(*e.date))) {  // (the news, not a month recalled in the lead)
                e.place = x.dateline_venue;
                e.place_city = dl->city;
                e.place_from = Finding{e.place, "dateline", *x.dateline, -1};
                e.place_uncertain = true;
                e.place_note = "the dateline's city: the lead does not say where";
            }
    }
    // The dateline city's country: its world city's, else its venue's.
    const std::string dateline_country = [&]() -> std::string {
        if (!dl || x.dateline_venue.empty()) return "";
        if (dl->city) return dl->city->country;
        for (size_t i = 0; i < data.venues.venues.size(); ++i)
            if (data.venues.venues[i].id == x.dateline_venue) return data.venue_countries[i];
        return "";
    }();
    // "slated for Saturday" in a sentence that says the event is "in Japan": when the dateline's
    // city is in that country, it is the best guess for where.
    if (dl && !x.dateline_venue.empty()) {
        for (DraftEvent& e : x.events)
            // (Only for the news itself: "met Putin in Russia's Far East in September", recalled
            // in a Moscow report, was not in Moscow.)
            if (!e.place_from && !e.said && !dateline_country.empty() && e.date_from && e.date_from->sentence >= 0 &&
                (!e.date || near_reference_date(*e.date)) && countries_in[e.date_from->sentence].count(dateline_country)) {
                e.place = x.dateline_venue;
                e.place_city = dl->city;
                e.place_from = Finding{e.place, "dateline", *x.dateline, -1};
                e.place_uncertain = true;
                e.place_note = "the dateline's city: the text says only the country";
            }
    }
    // "Russia's president visits Japan", "Abe meets Putin in Osaka": a lead in the present tense
    // with no date of its own reports the news of the article's day, when no draft is within a day
    // of it.
    if (ref && ref->precision == EventDate::Precision::day) {
        const int64_t rd = days_from_civil(ref->year, ref->month, ref->day);
        bool near = std::any_of(x.events.begin(), x.events.end(), [&](const DraftEvent& e) {
            return e.date && e.date->precision == EventDate::Precision::day &&
                   std::llabs(days_from_civil(e.date->year, e.date->month, e.date->day) - rd) <= 1;
        });
        static const std::array<std::string_view, 8> present = {"visits", "meets", "arrives", "holds", "hosts", "tours", "lands", "welcomes"};
        for (size_t k = 0; k < std::min<size_t>(3, x.sentences.size()) && !near; ++k) {
            if (std::any_of(dates.begin(), dates.end(), [&](const DateFind& d) { return d.sentence == int(k); })) continue;
            for (size_t i = sent_tb[k]; i < sent_te[k]; ++i) {
                if (!v.word(i) || v.capital(i) || !in_list(v.str(i), present)) continue;
                // A plural noun, not a verb: "high-level visits", "the visits", "their tours".
                if (i > sent_tb[k]) {
                    static const std::array<std::string_view, 14> before_noun = {"the", "a", "an", "his", "her", "their", "its", "our",
                                                                                 "of", "such", "these", "those", "two", "regular"};
                    const size_t p = i - 1;
                    if (v.dash(p) || (v.word(p) && in_list(v.str(p), before_noun)) ||
                        (v.word(p) && p > sent_tb[k] && v.dash(p - 1) && v.adjacent(p - 1, p)))
                        continue;
                }
                DraftEvent e;
                e.date = *ref;
                e.date_from = Finding{ref->str(), std::string(v.str(i)), Span{toks[i].b, toks[i].e}, int(k)};
                e.date_how = "no date in the lead, which speaks in the present tense (\"" + std::string(v.str(i)) + "\"): " + ref_what;
                e.date_uncertain = true;
                for (int vi : venues_in[k])
                    if (!venue_mentions[vi].claimed && !venue_to_come(venue_mentions[vi])) {
                        const RawHit& h = venue_mentions[vi].hit;
                        if (h.cat == Cat::city) e.place_city = resolve_city(h.owner);
                        e.place = h.cat == Cat::city ? e.place_city->id() : data.venues.venues[h.owner].id;
                        e.place_from = finding(e.place, h.span);
                        break;
                    }
                e.sentences.push_back(int(k));
                x.events.push_back(std::move(e));
                near = true;
                break;
            }
        }
    }
    // The main event: the date that matches the article's own date, with a venue, early on.
    int main_index = -1;
    {
        long best = LONG_MIN;
        for (size_t i = 0; i < x.events.size(); ++i) {
            const DraftEvent& e = x.events[i];
            long score = 0;
            if (ref && e.date) {
                if (ref->precision == EventDate::Precision::month || e.date->precision == EventDate::Precision::month) {
                    // A month against a day's reference is vaguer than a day within the week of it.
                    bool vague = ref->precision == EventDate::Precision::day;
                    if (e.date->year == ref->year && e.date->month == ref->month) score += vague ? 50 : 100;
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
        e.date_from = Finding{ref->str(), ref_from, x.dateline ? *x.dateline : Span{}, -1};
        e.date_how = "no date in the text: " + ref_what;
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
        // (Only for the news: a main event the article recalls from long before happened elsewhere
        // for all the dateline or the first place says.)
        if (!m.place_from && !m.said && (!m.date || !ref || near_reference_date(*m.date))) {  // where a statement was made, the text does not say
            if (!x.dateline_venue.empty()) {
                m.place = x.dateline_venue;
                m.place_city = dl->city;
                m.place_from = Finding{m.place, "dateline", *x.dateline, -1};
                m.place_uncertain = true;
                m.place_note = "the dateline's city; the text does not say where the event was";
            } else {
                // The first place after a word of place (any city of the world), else the first
                // venue named; not where an event still to come will be ("invited him to Moscow next
                // year").
                // Nor where a thing of another year happened ("the 1999 accord signed in Omsk").
                const VenueMention* pick = nullptr;
                auto other_time = [&](const VenueMention& vm) {
                    const int y = venue_year(vm);
                    return venue_to_come(vm) || (y > 0 && m.date && y != m.date->year);
                };
                for (const VenueMention& vm : venue_mentions)
                    if (vm.strong && !other_time(vm)) {
                        pick = &vm;
                        break;
                    }
                for (const VenueMention& vm : venue_mentions)
                    if (!pick && vm.hit.cat == Cat::venue && !vm.metonym && !other_time(vm)) pick = &vm;
                if (pick)
                    place_guess(m, *pick,
                                std::string("a guess: the first ") + (pick->strong ? "place" : "city") +
                                    " the article names; the text does not say where the event was");
            }
        }
    }

    // "SINGAPORE, November 15. /TASS/. Talks ... require serious groundwork, Putin said": a lead
    // that reports someone speaking, with no date of its own, is a statement made where and when
    // the dateline says (unless a draft of that day already has the speaker).
    if (dl && ref && ref->precision == EventDate::Precision::day && !x.dateline_venue.empty()) {
        int lead = -1;
        for (size_t k = 0; k < x.sentences.size() && lead < 0; ++k)
            if (x.sentences[k].span.begin >= dl->span.end) lead = int(k);
        const bool dated = lead >= 0 && std::any_of(dates.begin(), dates.end(), [&](const DateFind& d) { return d.sentence == lead; });
        int speaker = -1;
        std::string body;  // or an institution: "..., the Japanese Embassy in Moscow told RIA Novosti"
        // No lead (an article that is only its dateline) or a dated one: nothing to look at.
        const size_t lead_end = lead >= 0 && !dated ? sent_te[lead] : 0;
        for (size_t k = lead >= 0 && !dated ? sent_tb[lead] : 0; k < lead_end && speaker < 0 && body.empty(); ++k) {
            if (!in_list(v.str(k), speech_verbs) || !v.word(k)) continue;
            for (size_t pi = 0; pi < person_hits.size(); ++pi)
                if (person_hits[pi].f.sentence == lead && person_hits[pi].f.span.end <= toks[k].b && toks[k].b - person_hits[pi].f.span.end <= 2)
                    speaker = int(pi);
            // (The institution's own words: up to four words back, "in Moscow" among them.)
            for (size_t j = k, words = 0; speaker < 0 && j > sent_tb[lead] && words < 4;) {
                --j;
                if (!v.word(j)) break;
                ++words;
                if (v.capital(j) && in_list(v.str(j), institutions)) body = std::string(v.str(j));
            }
        }
        if (speaker >= 0 || !body.empty()) {
            const Person* who = speaker >= 0 ? &data.people[person_hits[speaker].person] : nullptr;
            auto known = std::find_if(x.events.begin(), x.events.end(), [&](const DraftEvent& e) {
                return e.date && e.date->str() == ref->str() &&
                       ((who && std::find(e.participants.begin(), e.participants.end(), who) != e.participants.end()) ||
                        std::any_of(e.sentences.begin(), e.sentences.end(), [&](int k) { return k == lead; }));
            });
            auto made_there = [&](DraftEvent& e) {
                e.place = x.dateline_venue;
                e.place_city = dl->city;
                e.place_from = Finding{e.place, "dateline", *x.dateline, -1};
                e.place_uncertain = true;
                e.place_note = "the dateline's city: the lead reports the statement from there";
                e.said = true;
                e.speaker = who;
                if (who) e.speaker_from = person_hits[speaker].f;
                else e.said_by = body;
            };
            // The article's own day drafted for want of a date in the text is the statement.
            auto placeholder = [&](const DraftEvent& e) {
                return !e.said && e.date && e.date->str() == ref->str() && e.date_from && e.date_from->sentence < 0 &&
                       (!e.place_from || e.place_from->sentence < 0);
            };
            if (known == x.events.end()) known = std::find_if(x.events.begin(), x.events.end(), placeholder);
            if (known != x.events.end() && placeholder(*known)) {
                made_there(*known);
                if (std::find(known->sentences.begin(), known->sentences.end(), lead) == known->sentences.end()) {
                    known->sentences.push_back(lead);
                    std::sort(known->sentences.begin(), known->sentences.end());
                }
            } else if (known == x.events.end()) {
                DraftEvent e;
                e.date = *ref;
                e.date_from = Finding{ref->str(), ref_from, x.dateline ? *x.dateline : Span{}, -1};
                e.date_how = "no date in the lead: " + ref_what;
                e.date_uncertain = true;
                made_there(e);
                e.sentences.push_back(lead);
                x.events.push_back(std::move(e));
            }
        }
    }

    // Drop non-events, then fill in participants, kind, scenario and territories.
    {
        std::vector<DraftEvent> kept;
        for (DraftEvent& e : x.events) {
            bool has_people = std::any_of(e.sentences.begin(), e.sentences.end(), [&](int s) { return !people_in[s].empty(); });
            bool has_word = std::any_of(e.sentences.begin(), e.sentences.end(), sentence_has_event_word);
            if (e.main || e.place_from || has_people || has_word || (e.said && !e.said_by.empty())) kept.push_back(std::move(e));
        }
        x.events = std::move(kept);
    }
    std::map<std::string, int> article_cues;
    for (const Finding& f : x.cues)
        article_cues[f.what]++;
    // "Ahead of the planned talks between Abe and Putin": people of an event still to come, not of
    // one that happened.
    auto person_to_come = [&](int pi) {
        const int s = person_hits[pi].f.sentence;
        size_t k = size_t(std::lower_bound(toks.begin(), toks.end(), person_hits[pi].f.span.begin,
                                           [](const Tok& t, size_t o) { return t.b < o; }) -
                          toks.begin());
        return word_before_in_clause(v, sent_tb[s], k, 6, to_come_marks);
    };
    for (DraftEvent& e : x.events) {
        std::set<int> seen;
        const bool past = e.date && ref && e.date->str() <= ref->str();
        for (int s : e.sentences)
            for (int pi : people_in[s])
                if ((person_date[pi].empty() || (e.date && person_date[pi] == e.date->str())) && !(past && person_to_come(pi)) &&
                    seen.insert(person_hits[pi].person).second) {
                    e.participants.push_back(&data.people[person_hits[pi].person]);
                    e.participants_from.push_back(person_hits[pi].f);
                }
        // "Russia's president visits Japan": a title in the sentence of the date is whoever of that
        // country held the post on the event's date (people.toml's [[person.roles]]), when exactly
        // one person did and no one of that country is named; not a title right before a name
        // ("Russian President Vladimir Putin").
        if (e.date && e.date_from && e.date_from->sentence >= 0) {
            const EventDate* on = &*e.date;
            const int key = on->year * 10000 + on->month * 100 + (on->precision == EventDate::Precision::day ? on->day : 15);
            for (const TitleHit& th : title_hits) {
                if (th.f.sentence != e.date_from->sentence) continue;
                bool named = std::any_of(person_hits.begin(), person_hits.end(), [&](const PersonHit& ph) {
                    return ph.f.sentence == th.f.sentence && ph.f.span.begin >= th.f.span.end && ph.f.span.begin <= th.f.span.end + 2;
                });
                if (named) continue;
                const Title& t = data.titles[th.title];
                // (Only for a country no one is named for.)
                if (std::any_of(e.participants.begin(), e.participants.end(), [&](const Person* p) { return p->country == t.country; }))
                    continue;
                const Person* who = nullptr;
                int found = 0;
                for (const Person& p : data.people)
                    if (p.country == t.country && std::any_of(p.roles.begin(), p.roles.end(), [&](const Tenure& r) {
                            return r.role == t.role && r.from <= key && (r.to == 0 || key <= r.to);
                        }))
                        who = &p, ++found;
                if (found != 1 || std::find(e.participants.begin(), e.participants.end(), who) != e.participants.end()) continue;
                e.participants.push_back(who);
                Finding f = th.f;
                f.what = who->name;
                e.participants_from.push_back(f);
            }
        }
        // Who reports on an event (a spokesman, an aide, a press secretary) was not part of it,
        // unless no one else is named.
        const EventDate* when = e.date ? &*e.date : nullptr;  // people's posts that day
        auto reporter = [&](const Person* p) {
            const std::string& role = p->role_on(when);
            return role.find("spokes") != std::string::npos || role.find("press") != std::string::npos ||
                   role.find("aide") != std::string::npos;
        };
        if (std::any_of(e.participants.begin(), e.participants.end(), [&](const Person* p) { return !reporter(p); })) {
            for (size_t i = e.participants.size(); i-- > 0;)
                if (reporter(e.participants[i])) {
                    e.participants.erase(e.participants.begin() + long(i));
                    e.participants_from.erase(e.participants_from.begin() + long(i));
                }
        }
        // "They last met in Buenos Aires in December", "the two leaders met in May": a plural
        // pronoun or "the two leaders" in the sentence of the date, and no one named there, speaks
        // of the two sides named in the sentences just before (up to two back).
        if (e.participants.empty() && !e.said && e.date_from && e.date_from->sentence > 0) {
            const int s = e.date_from->sentence;
            bool plural = false;
            for (size_t k = sent_tb[s]; k < sent_te[s] && !plural; ++k) {
                // ("their foreign ministers", "their officials" are others than the two named.)
                static const std::array<std::string_view, 11> others = {"foreign", "ministers", "officials", "deputies", "envoys", "aides",
                                                                        "diplomats", "negotiators", "countries", "governments", "nations"};
                if (v.is(k, "they") || v.is(k, "both") || (v.is(k, "their") && !(k + 1 < sent_te[s] && in_list(v.str(k + 1), others))))
                    plural = true;
                if ((v.is(k, "two") || v.is(k, "the")) && k + 1 < sent_te[s] &&
                    (v.is(k + 1, "leaders") || v.is(k + 1, "men") || v.is(k + 1, "ministers") || v.is(k + 1, "pair") ||
                     (v.is(k + 1, "foreign") && k + 2 < sent_te[s] && v.is(k + 2, "ministers"))))
                    plural = true;
                // "The two last met in Vladivostok": "the two" as the subject of a verb.
                static const std::array<std::string_view, 12> verbs_after = {"last", "met", "held", "have", "had", "agreed",
                                                                             "spoke", "talked", "also", "discussed", "will", "were"};
                if (v.is(k, "the") && k + 2 < sent_te[s] && v.is(k + 1, "two") && in_list(v.str(k + 2), verbs_after)) plural = true;
            }
            for (int back = s - 1; plural && back >= 0 && back >= s - 2; --back) {
                std::vector<int> named;
                std::set<std::string> sides;
                std::set<int> distinct;
                for (int pi : people_in[back])
                    if (person_date[pi] != "-" && distinct.insert(person_hits[pi].person).second) {
                        named.push_back(pi);
                        sides.insert(data.people[person_hits[pi].person].country);
                    }
                if (named.empty()) continue;
                if (sides.size() >= 2)
                    for (int pi : named) {
                        e.participants.push_back(&data.people[person_hits[pi].person]);
                        e.participants_from.push_back(person_hits[pi].f);
                    }
                break;
            }
        }
        // "Lavrov said the islands are Russian. He made the remarks on Tuesday": "he" or "she" in
        // the sentence of the date, where no one is named, is the one person named in the sentence
        // before.
        if (e.participants.empty() && e.date_from && e.date_from->sentence > 0 && people_in[e.date_from->sentence].empty()) {
            const int s = e.date_from->sentence;
            bool singular = false;
            for (size_t k = sent_tb[s]; k < sent_te[s] && !singular; ++k) singular = v.is(k, "he") || v.is(k, "she");
            std::vector<int> named;
            std::set<int> distinct;
            for (int pi : singular ? people_in[s - 1] : std::vector<int>{})
                if (person_date[pi] != "-" && distinct.insert(person_hits[pi].person).second) named.push_back(pi);
            if (named.size() == 1) {
                e.participants.push_back(&data.people[person_hits[named[0]].person]);
                e.participants_from.push_back(person_hits[named[0]].f);
                if (e.said && !e.speaker) e.speaker = e.participants.back(), e.speaker_from = e.participants_from.back(), e.said_by.clear();
            }
        }
        // (Lists are capped: a huge article may name a territory in one "sentence" many times.)
        for (int k : e.sentences)
            for (int ti : territories_in[k])
                if (e.territories.size() < 12) e.territories.push_back(x.territories[ti]);
        // Kind
        int date_sentence = e.date_from && e.date_from->sentence >= 0 ? e.date_from->sentence : (e.sentences.empty() ? -1 : e.sentences.front());
        std::set<std::string> head_countries, minister_countries, working_countries;
        for (const Person* p : e.participants) {
            if (role_head(p->role_on(when))) head_countries.insert(p->country);
            if (role_minister(p->role_on(when))) minister_countries.insert(p->country);
            if (role_working(p->role_on(when))) working_countries.insert(p->country);
        }
        // Words of level close to the date: 12 words before it, 6 after.
        // (`skip` rejects a word where it stands, e.g. a trip that was called off.)
        auto near_date = [&](std::initializer_list<std::string_view> words, size_t before = 12,
                             const std::function<bool(size_t)>& skip = nullptr) -> std::string {
            if (!e.date_from || e.date_from->sentence < 0) return "";
            int s = e.date_from->sentence;
            size_t first = sent_tb[s], last = sent_te[s];
            size_t mb = std::min(std::max(first, first_tok_from(e.date_from->span.begin)), last);
            size_t lo = mb, count = 0;
            while (lo > first && count < before) {
                --lo;
                if (v.punct(lo, ';')) { ++lo; break; }
                if (v.word(lo)) ++count;
            }
            // A date that opens its sentence ("In January, Inada, a party official often touted as
            // Abe's successor, travelled to Russia") governs the clause after it as far as the words
            // before a date reach.
            bool opens = true;
            for (size_t k = first; k < mb && opens; ++k) opens = !v.word(k) || v.is(k, "on") || v.is(k, "in");
            const size_t after = opens ? std::max<size_t>(before, 8) : 8;
            size_t hi = mb;
            count = 0;
            while (hi < last && count < after) {
                if (v.punct(hi, ';')) break;
                if (v.word(hi)) ++count;
                ++hi;
            }
            for (size_t i = lo; i < hi; ++i)
                for (std::string_view w : words)
                    if (v.is(i, w) && !(i + 1 < hi && v.word(i + 1) && (in_list(v.str(i + 1), speech_verbs) || v.is(i + 1, "say"))) &&
                        !(skip && skip(i)))
                        return std::string(v.str(i));
            return "";
        };
        std::string working_word = near_date({"officials", "deputy", "vice", "working", "consultations", "representatives",
                                              "director", "envoys", "diplomats"});
        std::string interview_word = near_date({"interview", "interviews"});
        // A visit's verb often opens a long clause ("visited an island in the Pacific Ocean claimed by
        // both Russia and Japan on Monday"): look further back for it.
        // A visit called off is no visit: "called off a crucial trip to Tokyo", "cancelled his visit"
        // (what happened that day is the announcement).
        size_t trip_called_off = std::string_view::npos;  // the word of such a trip
        auto called_off = [&](size_t i) {
            static const std::array<std::string_view, 12> cancel = {"cancelled", "canceled", "cancel", "cancels", "cancelling", "canceling",
                                                                    "postponed", "postpone", "postpones", "scrapped", "scrap", "scraps"};
            static const std::array<std::string_view, 6> negation = {"not", "never", "no", "refused", "declined", "t"};
            const size_t tb = sent_tb[size_t(e.date_from->sentence)], te = sent_te[size_t(e.date_from->sentence)];
            // "called off", "put off", "calls off" ending at k; not "did not cancel", "refused to postpone".
            auto cancels_at = [&](size_t k) {
                const bool off_verb = v.is(k, "off") && k > tb && (v.is(k - 1, "called") || v.is(k - 1, "call") || v.is(k - 1, "calls") || v.is(k - 1, "put"));
                if (!in_list(v.str(k), cancel) && !off_verb) return false;
                size_t first = off_verb ? k - 1 : k;
                for (size_t j = first, words = 0; j > tb && words < 3;) {
                    --j;
                    if (!v.word(j)) continue;
                    ++words;
                    if (in_list(v.str(j), negation)) return false;
                }
                return true;
            };
            // Before the trip ("called off a crucial trip"), or after it ("the trip was called off").
            for (size_t k = i, words = 0; k > tb && words < 4;) {
                --k;
                if (!v.word(k)) continue;
                ++words;
                if (cancels_at(k)) return trip_called_off = i, true;
            }
            for (size_t k = i + 1, words = 0; k < te && words < 6; ++k) {  // "trip to Tokyo was called off"
                if (!v.word(k)) continue;
                ++words;
                if (cancels_at(k)) return trip_called_off = i, true;
            }
            return false;
        };
        std::string visit_word = near_date({"visit", "visited", "visiting", "visits", "arrived", "trip", "toured", "landed", "traveled",
                                             "travelled", "flew"},
                                            20, called_off);
        std::string ministers_word = near_date({"ministerial", "ministers"});
        if (date_sentence >= 0 && !phone_word[date_sentence].empty()) {
            e.what = DraftKind::phone_call;
            e.kind_note = "the sentence of the date says \"" + phone_word[date_sentence] + "\"";
        } else if (!interview_word.empty()) {
            e.what = DraftKind::interview;
            e.kind_note = "the words around the date say \"" + interview_word + "\"";
        } else if (e.said) {
            // "Kishida said Friday": what happened that day is that he spoke, whoever he spoke of.
            e.what = DraftKind::statement;
            e.kind_note = "the date is when " + (e.speaker ? e.speaker->name : !e.said_by.empty() ? "the " + e.said_by : std::string("someone")) + " spoke";
            if (e.speaker) {  // else those named near the date, as for any event
                e.participants.clear();
                e.participants_from.clear();
                e.participants.push_back(e.speaker);
                e.participants_from.push_back(*e.speaker_from);
            }
        } else if (std::string w = date_sentence >= 0 && dates_per_sentence[date_sentence] < 2 ? summit_word[date_sentence]
                                                                                             : near_date({"summit", "summits"});
                   !w.empty()) {
            // "summit" anywhere in the sentence of the date; near the date when the sentence has
            // others ("agreed Saturday to talk until the summit later this month").
            e.what = DraftKind::summit;
            e.kind_note = "the words around the date say \"" + w + "\"";
        } else if (!working_word.empty()) {
            e.what = DraftKind::working_level;
            e.kind_note = "the words around the date say \"" + working_word + "\"";
        } else if (head_countries.size() >= 2) {
            e.what = DraftKind::summit;
            e.kind_note = "leaders of both countries are named";
        } else if (date_sentence >= 0 && !ministerial_word[date_sentence].empty()) {
            e.what = DraftKind::ministerial;
            e.kind_note = "the sentence of the date says \"ministerial\"";
        } else if (std::any_of(head_countries.begin(), head_countries.end(), [&](const std::string& h) {
                       return std::any_of(minister_countries.begin(), minister_countries.end(), [&](const std::string& m) { return m != h; });
                   })) {
            e.what = DraftKind::ministerial;
            e.kind_note = "a minister meets the other country's leader";
        } else if (!ministers_word.empty()) {
            e.what = DraftKind::ministerial;
            e.kind_note = "the words around the date say \"" + ministers_word + "\"";
        } else if (minister_countries.size() >= 2) {
            e.what = DraftKind::ministerial;
            e.kind_note = "ministers of both countries are named";
        } else if (!visit_word.empty()) {
            e.what = DraftKind::visit;
            e.kind_note = "the words around the date say \"" + visit_word + "\"";
        } else if (!working_countries.empty()) {
            e.what = DraftKind::working_level;
            e.kind_note = "deputy ministers or officials are named";
        } else {
            e.what = DraftKind::statement;
            e.kind_note = "no summit, ministers or officials found";
        }
        e.kind = event_kind(e.what);
        // "called off a trip to Tokyo": Tokyo is where the trip was to go, not where it was called off.
        if (trip_called_off != std::string_view::npos && visit_word.empty() && e.place_from && e.place_from->sentence == date_sentence &&
            e.place_from->span.begin > toks[trip_called_off].b) {
            size_t words = 0;
            for (size_t k = trip_called_off + 1; k < toks.size() && toks[k].b < e.place_from->span.begin && words <= 2; ++k) words += v.word(k);
            if (words <= 2) {
                e.place.clear();
                e.place_city = nullptr;
                e.place_from.reset();
                e.place_uncertain = false;
                e.place_note = "where a trip called off was to go is not where it was called off";
            }
        }
        // A phone call has no venue, and a visit or a statement goes where the text says: a
        // dateline's city, a guess or a place lent by the next sentence is where the news was
        // written or something else happened. (Not the lead's statement reported from the dateline's
        // city, "SINGAPORE, November 15. /TASS/. ..., Putin said": that is where it was made; and a
        // statement of the dateline's day gets the dateline's city back below, as its news.)
        if ((e.what == DraftKind::phone_call || e.what == DraftKind::visit || (e.what == DraftKind::statement && !e.said)) &&
            e.place_from && e.place_uncertain) {
            e.place.clear();
            e.place_city = nullptr;
            e.place_from.reset();
            e.place_uncertain = false;
            e.place_note = e.what == DraftKind::phone_call ? "a phone call: no venue"
                                                            : std::string("a ") + std::string(to_string(e.what)) +
                                                                  ": the text does not say where; the dateline is where the news was written";
        }
        // Scenario: cues near the event, else the article's prevailing cue.
        std::map<std::string, int> local;
        for (int k : e.sentences)
            for (int ci : cues_in[k]) {
                const Finding& f = x.cues[ci];
                if (e.scenario_from.size() < 12) e.scenario_from.push_back(f);
                local[f.what]++;
            }
        // The scenario with the most cues; a tie between the leaders is no scenario.
        auto prevailing = [](const std::map<std::string, int>& c) {
            std::string best = "none";
            int most = 0;
            bool tie = false;
            for (const auto& [id, n] : c) {
                if (n > most) best = id, most = n, tie = false;
                else if (n == most) tie = true;
            }
            return tie ? std::string("none") : best;
        };
        if (!local.empty()) {
            e.scenario = prevailing(local);
            e.scenario_uncertain = e.scenario == "none" || local.size() > 1;
        } else if (e.main && !article_cues.empty()) {
            // The article's framing is its main event's; other events take only their own cues.
            e.scenario = prevailing(article_cues);
            e.scenario_uncertain = true;
            for (const Finding& f : x.cues) {
                if (e.scenario_from.size() >= 3) break;
                if (f.what == e.scenario) e.scenario_from.push_back(f);
            }
        }
    }
    // The news of the day reported under a dateline: a dateline says where the report was filed,
    // so a statement or interview the text dates to the dateline's day (or the day before) and does
    // not place was made there ("MOSCOW, January 23. /TASS/. ... Peskov told journalists on
    // Monday"). Not when the speaker is of a party whose country the dateline's city is not in,
    // under a dateline in another party's country ("Russia's Foreign Ministry said" under TOKYO):
    // that was said at home. A call or a visit has a place of its own (or none).
    if (dl && !x.dateline_venue.empty() && ref && ref->precision == EventDate::Precision::day) {
        auto is_party = [&](const std::string& code) {
            return std::find(data.party_countries.begin(), data.party_countries.end(), code) != data.party_countries.end();
        };
        auto code_of_word = [&](std::string_view w) -> std::string {  // ("Russia's" is "Russia", "'", "s")
            for (const auto& [name, code] : data.countries)
                if (ieq(name, w)) return code;
            for (const auto& [word, code] : data.nationalities)
                if (ieq(word, w)) return code;
            return "";
        };
        // Whose the speaker is: a person's country, or the country named up to three words before
        // the institution that spoke ("Russia's Foreign Ministry", "the Japanese Embassy").
        auto speaker_country = [&](const DraftEvent& e) -> std::string {
            if (e.speaker) {
                for (const auto& [name, code] : data.countries)
                    if (name == e.speaker->country) return code;
                return "";
            }
            // (The institution that spoke, not another of its kind earlier in the sentence.)
            if (e.said_by.empty() || e.said_by_at.end == 0) return "";
            const size_t k = first_tok_from(e.said_by_at.begin);
            if (k >= toks.size() || sentence_of[k] < 0) return "";
            const size_t tb = sent_tb[size_t(sentence_of[k])];
            size_t j = k;
            for (int words = 0; j > tb && words < 4;) {  // "Russia 's Foreign Ministry"
                --j;
                if (!v.word(j)) continue;
                ++words;
                if (std::string code = code_of_word(v.str(j)); !code.empty()) return code;
            }
            return "";
        };
        // The news days: the dateline's day (or the article's) and the article's own date, each
        // with the day before.
        std::vector<int64_t> news_days{days_from_civil(ref->year, ref->month, ref->day)};
        if (x.reference && x.reference->precision == EventDate::Precision::day)
            news_days.push_back(days_from_civil(x.reference->year, x.reference->month, x.reference->day));
        for (DraftEvent& e : x.events) {
            if (e.place_from || !e.place.empty() || (e.what != DraftKind::statement && e.what != DraftKind::interview)) continue;
            if (!e.date || e.date->precision != EventDate::Precision::day) continue;
            const int64_t day = days_from_civil(e.date->year, e.date->month, e.date->day);
            if (std::none_of(news_days.begin(), news_days.end(), [&](int64_t n) { return n - day == 0 || n - day == 1; })) continue;
            const std::string whose = speaker_country(e);
            if (!whose.empty() && !dateline_country.empty() && whose != dateline_country && is_party(whose) && is_party(dateline_country))
                continue;
            e.place = x.dateline_venue;
            e.place_city = dl->city;
            e.place_from = Finding{e.place, "dateline", *x.dateline, -1};
            e.place_uncertain = true;
            e.place_note = "the dateline's city: the news of its day, reported from there";
        }
    }
    // "The two leaders met in Krasnoyarsk, ...": a lead gives the day of the news, a later sentence
    // with no date of its own says where the meeting was ("met in", "talks in", "summit in" right
    // before the city). Only when the article has one meeting of the news without a place, and such
    // sentences name one city; not a sentence of another time ("first met in Tokyo in 2016", "their
    // previous meeting took place in Tokyo").
    {
        static const std::array<std::string_view, 9> meeting_words = {"met", "meet", "meets", "meeting", "talks",
                                                                      "summit", "held", "hosted", "summits"};
        static const std::array<std::string_view, 7> other_time = {"previous", "first", "last", "earlier", "former", "past", "ago"};
        auto meeting_kind = [](DraftKind k) { return k == DraftKind::summit || k == DraftKind::ministerial || k == DraftKind::working_level; };
        DraftEvent* target = nullptr;
        int targets = 0;
        for (DraftEvent& e : x.events)
            if (meeting_kind(e.what) && !e.place_from && e.date && near_reference_date(*e.date)) target = &e, ++targets;
        const VenueMention* pick = nullptr;
        std::set<std::string> places;
        std::vector<char> another_time(ns, 0);  // per sentence, computed once: a huge sentence of many cities stays linear
        if (targets == 1 && ref)
            for (size_t k = 0; k < ns; ++k)
                for (size_t i = sent_tb[k]; i < sent_te[k] && !another_time[k]; ++i)
                    another_time[k] = (v.word(i) && in_list(v.str(i), other_time)) || (v.number(i) && year_value(v, i) > 0);
        if (targets == 1 && ref) {
            const bool future = target->date->precision == EventDate::Precision::day && ref->precision == EventDate::Precision::day &&
                                days_from_civil(target->date->year, target->date->month, target->date->day) >
                                    days_from_civil(ref->year, ref->month, ref->day);
            for (const VenueMention& vm : venue_mentions) {
                if (!vm.strong || vm.claimed || vm.metonym || dates_per_sentence[size_t(vm.sentence)] > 0 || venue_to_come(vm) != future ||
                    vm.hit.first_tok == std::string_view::npos)
                    continue;
                if (another_time[size_t(vm.sentence)]) continue;
                // The meeting word within four words before the city, in its clause.
                if (!word_before_in_clause(v, sent_tb[vm.sentence], vm.hit.first_tok, 4, meeting_words, 12)) continue;
                places.insert(vm.hit.cat == Cat::city ? resolve_city(vm.hit.owner)->id() : data.venues.venues[vm.hit.owner].id);
                if (!pick) pick = &vm;
            }
        }
        if (pick && places.size() == 1) place_guess(*target, *pick, "where a sentence without a date of its own says the meeting was");
    }
    // Out of the dispute: an event of one side alone (or of no one named), in a sentence that names
    // another country, whose paragraph says nothing of the dispute. Only with the lexicon's
    // [dispute] words, and never the main event.
    if (!data.dispute_words.empty()) {
        std::vector<char> para_tied;
        for (size_t k = 0; k < ns; ++k) {
            size_t p = size_t(x.sentences[k].paragraph);
            if (para_tied.size() <= p) para_tied.resize(p + 1, 0);
            if (tied[k]) para_tied[p] = 1;
        }
        std::vector<DraftEvent> kept;
        for (DraftEvent& e : x.events) {
            std::set<std::string> sides;
            for (const Person* p : e.participants) sides.insert(p->country);
            bool elsewhere = std::any_of(e.sentences.begin(), e.sentences.end(), [&](int s) { return foreign[s] != 0; });
            bool about = e.main || sides.size() >= 2 || !elsewhere ||
                         std::any_of(e.sentences.begin(), e.sentences.end(), [&](int s) { return para_tied[size_t(x.sentences[s].paragraph)] != 0; });
            if (about) kept.push_back(std::move(e));
        }
        x.events = std::move(kept);
    }
    // Taking or leaving office is no event between the parties: "since Kono took up his post last
    // month", "On August 28, Abe announced his plans to step down". The words must be in the date's
    // own clause (up to six words before it, eight after; a date that opens the sentence governs
    // its first clause after the comma).
    {
        auto career_at = [&](size_t k, size_t end) -> bool {
            // ("was appointed", "was elected"; not "the newly appointed minister", who is at the event)
            if ((v.is(k, "appointed") || v.is(k, "elected")) && k > 0) {
                size_t p = k - 1;
                return v.word(p) && (v.is(p, "was") || v.is(p, "were") || v.is(p, "been") || v.is(p, "is") || v.is(p, "are") ||
                                     v.is(p, "be") || v.is(p, "being"));
            }
            if (v.is(k, "resign") || v.is(k, "resigned") || v.is(k, "resigns") ||
                v.is(k, "resignation") || v.is(k, "resigning") || v.is(k, "inaugurated") || v.is(k, "inauguration"))
                return true;
            auto next_is = [&](std::string_view w) { return k + 1 < end && v.is(k + 1, w); };
            // "took office", "took up his post" (not "took up the issue with Putin")
            auto post_at = [&](size_t j) {
                return j < end && (v.is(j, "post") || v.is(j, "office") || v.is(j, "duties") || v.is(j, "position"));
            };
            if ((v.is(k, "took") || v.is(k, "take") || v.is(k, "takes") || v.is(k, "taking") || v.is(k, "assumed")) &&
                (next_is("office") || next_is("power") || (next_is("up") && (post_at(k + 2) || post_at(k + 3)))))
                return true;
            if ((v.is(k, "step") || v.is(k, "stepped") || v.is(k, "stepping") || v.is(k, "steps")) && next_is("down")) return true;
            return v.is(k, "sworn") && next_is("in");
        };
        auto career = [&](const DraftEvent& e) {
            if (!e.date_from || e.date_from->sentence < 0) return false;
            const int s = e.date_from->sentence;
            size_t tb = sent_tb[s];
            tb = std::min(std::max(tb, first_tok_from(e.date_from->span.begin)), sent_te[s]);
            size_t te = tb;
            te = std::min(std::max(te, tok_end_at(e.date_from->span.end)), sent_te[s]);
            bool opens = true;
            for (size_t k = sent_tb[s]; k < tb && opens; ++k) opens = !v.word(k) || v.is(k, "on") || v.is(k, "in");
            int words = 0;
            for (size_t k = tb; k > sent_tb[s] && words < 6;) {
                --k;
                if (v.punct(k, ',') || v.punct(k, ';')) break;
                if (!v.word(k)) continue;
                ++words;
                if (career_at(k, sent_te[s])) return true;
            }
            words = 0;
            for (size_t k = te; k < sent_te[s] && words < 8; ++k) {
                if (v.punct(k, ';') || (v.punct(k, ',') && !(opens && k == te))) break;
                if (!v.word(k)) continue;
                ++words;
                if (career_at(k, sent_te[s])) return true;
            }
            return false;
        };
        // "as agreed to last September", "as announced in May": the date of what the text points
        // back to, not an event it reports.
        auto pointer_back = [&](const DraftEvent& e) {
            if (!e.date_from || e.date_from->sentence < 0 || e.place_from) return false;
            const int s = e.date_from->sentence;
            size_t tb = sent_tb[s];
            tb = std::min(std::max(tb, first_tok_from(e.date_from->span.begin)), sent_te[s]);
            size_t k = tb;
            int words = 0;
            while (k > sent_tb[s] && words < 3) {
                --k;
                if (!v.word(k)) break;
                ++words;
                // (Verbs of agreeing and announcing: "the talks went ahead as planned on Monday" did
                // happen on Monday.)
                static const std::array<std::string_view, 10> pointing = {"agreed", "announced", "promised", "pledged", "stated",
                                                                          "decided", "stipulated", "envisaged", "outlined", "reported"};
                if (v.is(k, "as") && k + 1 < tb) return in_list(v.str(k + 1), pointing);
            }
            return false;
        };
        std::vector<DraftEvent> kept;
        for (DraftEvent& e : x.events)
            if (e.main || (!career(e) && !pointer_back(e))) kept.push_back(std::move(e));
        x.events = std::move(kept);
    }
    // Two or more people of one side and nothing else (no place, no speaking, no word of a kind):
    // a meeting inside one government ("Kishida informed Abe on Monday"), not an event between the
    // parties.
    {
        std::vector<DraftEvent> kept;
        for (DraftEvent& e : x.events) {
            std::set<std::string> sides;
            for (const Person* p : e.participants) sides.insert(p->country);
            bool internal = !e.main && !e.said && e.place.empty() && e.participants.size() >= 2 && sides.size() == 1 &&
                            e.what == DraftKind::statement;
            if (!internal) kept.push_back(std::move(e));
        }
        x.events = std::move(kept);
    }
    // A date whose sentence names people, all of them at another date of it ("... in their first
    // phone talks since he took office earlier this month"), is no event of its own.
    {
        std::vector<DraftEvent> kept;
        for (DraftEvent& e : x.events) {
            // (Unless the date is an event's own: "to prepare a leaders' summit in May", "the May talks".)
            bool own_noun = false;
            if (e.date_from && e.date_from->sentence >= 0) {
                const int s = e.date_from->sentence;
                size_t tb = sent_tb[s];
                tb = std::min(std::max(tb, first_tok_from(e.date_from->span.begin)), sent_te[s]);
                size_t te = tb;
                te = std::min(std::max(te, tok_end_at(e.date_from->span.end)), sent_te[s]);
                own_noun = (tb > sent_tb[s] && event_noun(v, tb - 1)) || (te < sent_te[s] && event_noun(v, te));
            }
            bool others = !e.main && !own_noun && e.place.empty() && e.participants.empty() && e.date &&
                          std::all_of(e.sentences.begin(), e.sentences.end(), [&](int s) {
                              return !people_in[s].empty() && std::all_of(people_in[s].begin(), people_in[s].end(), [&](int pi) {
                                  return !person_date[pi].empty() && person_date[pi] != e.date->str();
                              });
                          });
            if (!others) kept.push_back(std::move(e));
        }
        x.events = std::move(kept);
    }
    // One draft per real event: a month without a place ("earlier this month", "later this month")
    // naming people of an event drafted to a day of that month is that event again.
    {
        std::map<std::pair<int, int>, std::set<const Person*>> people_of_days;  // (year, month) -> people of its day events
        for (const DraftEvent& d : x.events)
            if (d.date && d.date->precision == EventDate::Precision::day)
                people_of_days[{d.date->year, d.date->month}].insert(d.participants.begin(), d.participants.end());
        std::vector<bool> drop(x.events.size(), false);
        for (size_t i = 0; i < x.events.size(); ++i) {
            const DraftEvent& e = x.events[i];
            if (e.main || !e.date || e.date->precision != EventDate::Precision::month || !e.place.empty()) continue;
            auto it = people_of_days.find({e.date->year, e.date->month});
            if (it == people_of_days.end()) continue;
            for (const Person* p : e.participants)
                if (it->second.count(p)) drop[i] = true;
            // "later this month" in the article's month, beside the one day of it still to come that
            // has no place either ("who will meet on Dec. 15"): the same event.
            if (drop[i] || !ref || ref->precision != EventDate::Precision::day || e.date->year != ref->year || e.date->month != ref->month)
                continue;
            int later = -1, count = 0;
            for (size_t j = 0; j < x.events.size(); ++j) {
                const DraftEvent& d = x.events[j];
                if (d.date && d.date->precision == EventDate::Precision::day && d.date->year == ref->year &&
                    d.date->month == ref->month && d.date->day > ref->day)
                    ++count, later = int(j);
            }
            if (count != 1 || later < 0) continue;
            DraftEvent& target = x.events[size_t(later)];
            for (size_t k = 0; k < e.participants.size(); ++k)
                if (std::find(target.participants.begin(), target.participants.end(), e.participants[k]) == target.participants.end()) {
                    target.participants.push_back(e.participants[k]);
                    target.participants_from.push_back(e.participants_from[k]);
                }
            if (target.what == DraftKind::statement && e.what != DraftKind::statement) {
                target.what = e.what, target.kind = e.kind;
                target.kind_note = e.kind_note + " (in the sentence that names the month)";
            }
            drop[i] = true;
        }
        std::vector<DraftEvent> kept;
        for (size_t i = 0; i < x.events.size(); ++i)
            if (!drop[i]) kept.push_back(std::move(x.events[i]));
        x.events = std::move(kept);
    }
    // One draft per real event: "their two-day summit", "the two days of talks" make the drafts of
    // those days one event, when they are of one kind, with the same people of both sides, at one
    // place or with no place of their own. The draft kept is the one the text places best (a place
    // in the text, else the dateline's city, else none), else the earlier.
    {
        int span_days = 0;  // the longest "N-day" gathering the article speaks of
        for (size_t i = 0; i + 2 < toks.size(); ++i) {
            int days = v.is(i, "two") || v.str(i) == "2" ? 2 : v.is(i, "three") || v.str(i) == "3" ? 3 : 0;
            if (!days) continue;
            size_t k = i + 1;
            if (v.dash(k)) ++k;
            bool gathering = false;
            if (k < toks.size() && v.is(k, "day"))
                for (size_t j = k + 1; j < std::min(toks.size(), k + 4) && !gathering; ++j) gathering = gathering_noun(v, j);
            else if (k + 2 < toks.size() && v.is(k, "days") && v.is(k + 1, "of"))
                gathering = gathering_noun(v, k + 2);
            if (gathering) span_days = std::max(span_days, days);
        }
        auto placed = [](const DraftEvent& e) { return e.place.empty() ? 0 : !e.place_from || e.place_from->sentence < 0 ? 1 : 2; };
        auto same_people = [](const DraftEvent& a, const DraftEvent& b) {
            std::set<const Person*> pa(a.participants.begin(), a.participants.end()), pb(b.participants.begin(), b.participants.end());
            std::set<std::string> sides;
            for (const Person* p : pa) sides.insert(p->country);
            return pa == pb && sides.size() >= 2;
        };
        std::vector<bool> drop(x.events.size(), false);
        for (size_t i = 0; span_days > 1 && i < x.events.size(); ++i)
            for (size_t j = i + 1; j < x.events.size() && !drop[i]; ++j) {
                DraftEvent &a = x.events[i], &b = x.events[j];
                if (drop[j] || !a.date || !b.date || a.date->precision != EventDate::Precision::day ||
                    b.date->precision != EventDate::Precision::day || a.what != b.what ||
                    (a.what != DraftKind::summit && a.what != DraftKind::ministerial && a.what != DraftKind::working_level) ||
                    (!a.place.empty() && !b.place.empty() && a.place != b.place) || !same_people(a, b))
                    continue;
                const int64_t da = days_from_civil(a.date->year, a.date->month, a.date->day);
                const int64_t db = days_from_civil(b.date->year, b.date->month, b.date->day);
                if (da == db || std::llabs(da - db) > span_days - 1) continue;
                const bool keep_a = placed(a) != placed(b) ? placed(a) > placed(b) : da < db;
                DraftEvent &kept = keep_a ? a : b, &gone = keep_a ? b : a;
                kept.main = kept.main || gone.main;
                kept.sentences.insert(kept.sentences.end(), gone.sentences.begin(), gone.sentences.end());
                std::sort(kept.sentences.begin(), kept.sentences.end());
                kept.sentences.erase(std::unique(kept.sentences.begin(), kept.sentences.end()), kept.sentences.end());
                if (kept.sentences.size() > DraftEvent::max_sentences) kept.sentences.resize(DraftEvent::max_sentences);
                drop[keep_a ? j : i] = true;
            }
        std::vector<DraftEvent> kept;
        for (size_t i = 0; i < x.events.size(); ++i)
            if (!drop[i]) kept.push_back(std::move(x.events[i]));
        x.events = std::move(kept);
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

}  // namespace claimmap
