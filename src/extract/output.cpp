#include "extract/detail.hpp"

#include <nlohmann/json.hpp>

namespace claimmap {

using namespace extract_detail;

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

std::string span_str(Span sp) {
    // Appended piece by piece: '"[" + std::to_string(...)' trips a false -Wrestrict warning of GCC 12.
    std::string out = "[";
    out += std::to_string(sp.begin);
    out += '-';
    out += std::to_string(sp.end);
    out += ']';
    return out;
}

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
    if (x.reference) {
        o << "# Article date: " << x.reference->str() << " (from " << x.reference_from;
        if (x.dateline && x.reference_from != "--date") o << ' ' << span_str(*x.dateline);
        o << ")\n";
    } else {
        o << "# Article date: unknown (no dateline); give --date YYYY-MM-DD to resolve weekdays and dates without a year\n";
    }
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
            for (size_t i = 0; i < e.participants.size(); ++i) o << (i ? ", " : "") << toml_string(e.participants[i]->participant(e.date ? &*e.date : nullptr));
            o << "]\n";
        }
        o << "# uncertain: kind guessed: " << e.kind_note << "\n";
        if (to_string(e.what) != to_string(e.kind))
            o << "# what happened: " << to_string(e.what) << " (events.toml has no such kind: drafted as "
              << to_string(e.kind) << ")\n";
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
        o << "scenario = " << toml_string(e.scenario) << "\n";
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
        for (const Person* p : e.participants) j["participants"].push_back(p->participant(e.date ? &*e.date : nullptr));
        j["participants_from"] = J::array();
        for (const Finding& f : e.participants_from) j["participants_from"].push_back(finding_json(f, x, text));
        j["kind"] = to_string(e.kind);
        j["what"] = to_string(e.what);
        j["kind_note"] = e.kind_note;
        j["summary"] = "TODO: summarise in your own words";
        j["scenario"] = e.scenario;
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
