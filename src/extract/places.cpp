#include "extract/detail.hpp"

#include <algorithm>

namespace claimmap::extract_detail {

std::string venue_for_city(std::string_view city, const ExtractData& data, const WorldCity** world_city) {
    std::string c = collapse_ws(city);
    if (c.rfind("St. ", 0) == 0 || c.rfind("ST. ", 0) == 0) c.replace(0, 3, "Saint");  // "St. X" -> "Saint X"
    for (const Venue& v : data.venues.venues)
        for (const std::string& n : venue_names(v))
            if (folded(c) == folded(n)) return v.id;
    const std::string key = folded(c);
    auto it = std::lower_bound(data.city_names.begin(), data.city_names.end(), key,
                               [](const auto& g, const std::string& n) { return g.first < n; });
    if (it != data.city_names.end() && it->first == key) {
        const WorldCity& w = data.world_cities[it->second.front()];  // the most populous
        if (world_city) *world_city = &w;
        return w.id();
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
    // Agency datelines and date-only lines among the first lines. A date-only line (the page's
    // date) may stand above the agency's dateline ("August 16, 2006" / "TOKYO (Reuters) - ..."):
    // the lines after it are still read for the city, which takes the page's date when it has none.
    std::optional<Dateline> date_only;
    int lines_after_date = 0;
    size_t line_start = 0;
    for (int line_no = 0; line_no < 15 && line_start < n && line_start < 6000; ++line_no) {
        if (date_only && lines_after_date++ >= 4) break;
        size_t line_end = t.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = n;
        size_t a = line_start;
        while (a < line_end && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r')) ++a;
        // City in capitals (or a known venue name), then ',' '(' or a dash.
        size_t c = a;
        int caps = 0;
        bool lowercase = false;
        while (c < line_end && (is_upper(t[c]) || t[c] == ' ' || t[c] == '.' || t[c] == '-' || t[c] == '\'' || t[c] == '/' || is_lower(t[c]))) {
            if (t[c] == '-' && c > a && t[c - 1] == ' ') break;  // "MOSCOW -- ": a dash after a space ends the city
            if (is_upper(t[c])) ++caps;
            if (is_lower(t[c])) lowercase = true;
            if (c - a > 40) break;
            ++c;
        }
        std::string_view city = t.substr(a, c - a);
        while (!city.empty() && (city.back() == ' ' || city.back() == '-')) city.remove_suffix(1);
        // "MOSCOW/OSAKA": the last city is where the news is.
        if (size_t slash = city.rfind('/'); slash != std::string_view::npos) city.remove_prefix(slash + 1);
        const WorldCity* world_city = nullptr;
        std::string venue = venue_for_city(city, data, &world_city);
        bool caps_city = caps >= 3 && !lowercase && city.size() <= 40;
        if (!caps_city && venue.empty()) {
            // "TOKYO Nov 1 Foreign ministers ...": the capitals stop where the month begins.
            size_t k = a;
            while (k < line_end && k - a <= 40 && (is_upper(t[k]) || t[k] == ' ' || t[k] == '-' || t[k] == '.')) ++k;
            size_t w = k;
            while (w > a && t[w - 1] != ' ') --w;
            std::string_view caps_run = t.substr(a, w - a);
            while (!caps_run.empty() && caps_run.back() == ' ') caps_run.remove_suffix(1);
            if (caps_run.size() >= 3 && w < line_end) {
                std::vector<Tok> toks = tokenize(t, w, std::min(line_end, w + 24));
                TokView v{t, toks};
                auto ms = scan_dates(v, 0, std::min<size_t>(toks.size(), 4));
                if (!ms.empty() && ms[0].tb == 0 && (ms[0].kind == DateKind::month_day || ms[0].kind == DateKind::absolute_day)) {
                    city = caps_run;
                    c = a + caps_run.size();
                    caps_city = true;
                    venue = venue_for_city(city, data, &world_city);
                }
            }
        }
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
                            // "MOSCOW, January 21 – RIA Novosti. Japan has ...": the outlet and its
                            // full stop after the dash belong to the dateline.
                            size_t stop = t.find('.', end);
                            if (stop != std::string_view::npos && stop < line_end && stop - end <= 30) {
                                std::string_view name = t.substr(end, stop - end);
                                while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
                                std::string found = outlets_in(name, data.outlets);
                                if (!found.empty() && found.size() == name.size()) outlet = found, end = stop + 1;
                            }
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
            } else if (end == std::string_view::npos && caps_city && q >= c && q > a && t[q - 1] == ' ' && dash_at(q) &&
                       q + dash_at(q) < line_end && t[q + dash_at(q)] == ' ') {
                end = q + dash_at(q);  // "TOKYO — " (the scan of the city took the space before the dash)
            } else if (end == std::string_view::npos && (caps_city || !venue.empty()) && q >= c && t.compare(q, 3, "\u2022") == 0) {
                end = q + 3;  // "NAGATO • "
            } else if (end == std::string_view::npos && caps_city && q == c && q < line_end && t[q] == ':') {
                end = q + 1;  // "MOSCOW: "
            } else if (end == std::string_view::npos && caps_city && q > c && q < line_end && is_upper(t[q])) {
                // "TOKYO Nov 1 Foreign ministers ...": the city, then the day, then the text.
                std::vector<Tok> toks = tokenize(t, q, std::min(line_end, q + 24));
                TokView v{t, toks};
                auto ms = scan_dates(v, 0, std::min<size_t>(toks.size(), 4));
                if (!ms.empty() && ms[0].tb == 0 && (ms[0].kind == DateKind::month_day || ms[0].kind == DateKind::absolute_day)) {
                    date_from = q;
                    date_to = end = toks[ms[0].te - 1].e;
                }
            }
            if (end != std::string_view::npos) {
                Dateline d;
                d.span = {a, end};
                d.venue = venue;
                d.city = world_city;
                d.outlet = outlet;
                d.words = collapse_ws(t.substr(a, end - a));
                std::vector<Tok> toks = tokenize(t, date_from, date_to);
                TokView v{t, toks};
                for (const DateMention& m : scan_dates(v, 0, toks.size()))
                    if (m.kind == DateKind::absolute_day || m.kind == DateKind::absolute_month || m.kind == DateKind::month_day) {
                        d.mention = m;
                        break;
                    }
                // The page's date line above is no event's date; its full date wins over the
                // agency's day without a year (or none).
                if (date_only) {
                    d.page_date = date_only->span;
                    if (!d.mention || d.mention->kind != DateKind::absolute_day) {
                        d.mention = date_only->mention;
                        d.words = date_only->words + " / " + d.words;
                    }
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
                if (!date_only && !ms.empty() && ms[0].tb <= 2 && ms[0].kind == DateKind::absolute_day) {
                    Dateline d;
                    d.span = {a, toks[ms[0].te - 1].e};
                    d.mention = ms[0];
                    d.words = collapse_ws(t.substr(d.span.begin, d.span.end - d.span.begin));
                    date_only = d;
                }
            }
        }
        line_start = line_end + 1;
    }
    return date_only;
}

}  // namespace claimmap::extract_detail
