// How well `claimmap events extract` drafts events from articles it was not written against: runs
// the drafter on the excerpts in bench/extract_eval/ (with each article's publication date, as
// `--date` gives it) and scores the drafts against the gold events in gold.toml, separately on the
// part the drafter was tuned on and on the held-back part.
//
// Drafts are paired one to one with gold events of the same article, the best pairs first (same
// date, then same place, then shared participants and kind); a pair needs the same date, or the
// same named place. Per field, precision = pairs with that field right / drafts, recall = the same /
// gold events; participants are counted person by person. "date+place" counts the pairs with both
// right: the issue's measure of an event found.
//
// Articles may say `set = N` (default 1), the batch they were added in: the numbers are printed
// for all sets together and, when there are several, for each set alone, so every earlier
// held-back score stays comparable. `--verbose` lists each draft against its gold event; `--verbose-part tune` lists only
// the tuning part (keep the held-back part unseen while tuning). `--part tune` scores and prints
// the tuning part only: the held-back articles are not even drafted, so tuning runs cannot peek.
//
// `--reader FILE` scores a second person's labels (FILE, the same [[article]] / [[article.event]]
// tables as gold.toml) instead of the drafter's drafts, on the articles FILE lists: how far two
// readers following the same written rules agree, the ceiling of what the drafter can score.
//
// Usage: build/bench/extract_eval [GOLD_TOML] [--case CASE_DIR] [--part PART] [--reader FILE]
//                                 [--verbose | --verbose-part PART]
#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/extract.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

struct Ev {
    std::string date, place, kind, scenario;
    std::vector<std::string> people;
};

struct Counts {
    int drafts = 0, gold = 0, date = 0, place = 0, date_place = 0, kind = 0, scenario = 0;
    int people_drafted = 0, people_gold = 0, people_right = 0;
};

std::string str(const toml::node_view<const toml::node>& n, const fs::path& file, const std::string& key) {
    auto v = n.value<std::string>();
    if (!v) throw Error(file.string() + ": " + key + " is missing or not a string");
    return *v;
}

int shared_people(const Ev& a, const Ev& b) {
    int n = 0;
    for (const std::string& p : a.people) n += std::count(b.people.begin(), b.people.end(), p) ? 1 : 0;
    return n;
}

// Pairs drafts with gold events, best first; returns (draft, gold) index pairs.
std::vector<std::pair<int, int>> pair_up(const std::vector<Ev>& drafts, const std::vector<Ev>& gold) {
    struct Cand {
        int score, d, g;
    };
    std::vector<Cand> cands;
    for (int d = 0; d < int(drafts.size()); ++d)
        for (int g = 0; g < int(gold.size()); ++g) {
            bool date = drafts[d].date == gold[g].date;
            bool place = drafts[d].place == gold[g].place;
            if (!date && !(place && !gold[g].place.empty())) continue;
            int score = 1000 * date + 100 * place + 10 * shared_people(drafts[d], gold[g]) + (drafts[d].kind == gold[g].kind);
            cands.push_back({score, d, g});
        }
    std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.score > b.score; });
    std::vector<std::pair<int, int>> out;
    std::set<int> used_d, used_g;
    for (const Cand& c : cands)
        if (!used_d.count(c.d) && !used_g.count(c.g)) {
            used_d.insert(c.d), used_g.insert(c.g);
            out.push_back({c.d, c.g});
        }
    return out;
}

void row(const char* name, int right, int drafts, int gold) {
    double p = drafts ? 100.0 * right / drafts : 0, r = gold ? 100.0 * right / gold : 0;
    std::printf("  %-13s precision %5.1f %% (%2d/%2d)   recall %5.1f %% (%2d/%2d)\n", name, p, right, drafts, r, right, gold);
}

std::string show(const Ev& e) {
    std::string s = e.date + " @" + (e.place.empty() ? "-" : e.place) + " " + e.kind + " " + e.scenario + " [";
    for (size_t i = 0; i < e.people.size(); ++i) s += (i ? ", " : "") + e.people[i];
    return s + "]";
}

}  // namespace

// An element of an array of tables ([[article]], [[article.event]]), or a one-line error.
const toml::table& table_in(const toml::node& n, const fs::path& file, const char* key) {
    if (!n.is_table()) throw Error(file.string() + ": " + key + " must be an array of tables ([[" + key + "]])");
    return *n.as_table();
}

// The [[article.event]] tables of one article of `file` (gold.toml or a second reader's labels).
std::vector<Ev> events_of(const toml::table& article, const fs::path& file) {
    std::vector<Ev> out;
    if (const toml::array* evs = article["event"].as_array())
        for (const toml::node& en : *evs) {
            table_in(en, file, "article.event");
            toml::node_view<const toml::node> e{en};
            Ev g{str(e["date"], file, "event.date"), str(e["place"], file, "event.place"), str(e["kind"], file, "event.kind"),
                 str(e["scenario"], file, "event.scenario"), {}};
            if (const toml::array* ps = en.as_table()->get_as<toml::array>("participants"))
                for (const toml::node& p : *ps) g.people.push_back(p.value_or(std::string()));
            out.push_back(std::move(g));
        }
    return out;
}

int main(int argc, char** argv) {
    const fs::path here = fs::path(CLAIMMAP_BENCH_DIR);
    fs::path gold_file = here / "extract_eval" / "gold.toml";
    fs::path case_dir = here.parent_path() / "geodata" / "kurils";
    bool verbose = false;
    std::string verbose_part;  // empty: every part
    std::string only_part;     // empty: every part
    fs::path reader_file;      // empty: score the drafter
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--case" && i + 1 < argc)
            case_dir = argv[++i];
        else if (a == "--verbose")
            verbose = true;
        else if (a == "--verbose-part" && i + 1 < argc)
            verbose = true, verbose_part = argv[++i];
        else if (a == "--part" && i + 1 < argc)
            only_part = argv[++i];
        else if (a == "--reader" && i + 1 < argc)
            reader_file = argv[++i];
        else if (!a.empty() && a[0] != '-')
            gold_file = a;
        else {
            std::fprintf(stderr, "usage: extract_eval [GOLD_TOML] [--case CASE_DIR] [--part tune|held] [--reader FILE] [--verbose | --verbose-part tune|held]\n");
            return 2;
        }
    }
    if (!only_part.empty() && only_part != "tune" && only_part != "held") {
        std::fprintf(stderr, "extract_eval: --part must be tune or held, not '%s'\n", only_part.c_str());
        return 2;
    }
    try {
        const ExtractData data = load_extract_data(case_dir);
        toml::table root = toml::parse_file(gold_file.string());
        const toml::array* articles = root["article"].as_array();
        if (!articles) throw Error(gold_file.string() + ": no [[article]] tables");
        // A second reader's labels by file name.
        std::map<std::string, std::vector<Ev>> reader;
        if (!reader_file.empty()) {
            const toml::table reader_root = toml::parse_file(reader_file.string());
            const toml::array* listed = reader_root["article"].as_array();
            if (!listed) throw Error(reader_file.string() + ": no [[article]] tables");
            for (const toml::node& an : *listed) {
                const toml::table& at = table_in(an, reader_file, "article");
                const std::string file = str(toml::node_view<const toml::node>{at}["file"], reader_file, "file");
                if (!reader.emplace(file, events_of(at, reader_file)).second)
                    throw Error(reader_file.string() + ": " + file + " is listed twice");
            }
        }
        std::map<std::string, Counts> parts;
        int max_set = 1;
        int article_count = 0;
        std::set<std::string> matched;  // the reader's articles that the gold has
        for (const toml::node& an : *articles) {
            const toml::table& at = table_in(an, gold_file, "article");
            toml::node_view<const toml::node> a{at};
            const std::string file = str(a["file"], gold_file, "file"), part = str(a["part"], gold_file, "part");
            const int set = int(a["set"].value_or(int64_t(1)));
            if (part != "tune" && part != "held") throw Error(gold_file.string() + ": " + file + ": part must be tune or held");
            if (!only_part.empty() && part != only_part) continue;
            max_set = std::max(max_set, set);
            const std::optional<EventDate> date = parse_event_date(str(a["date"], gold_file, "date"));
            if (!date) throw Error(gold_file.string() + ": " + file + ": bad date");
            const std::vector<Ev> gold = events_of(at, gold_file);
            std::vector<Ev> drafts;
            if (!reader_file.empty()) {
                auto it = reader.find(file);
                if (it == reader.end()) continue;  // scored on the articles the reader labelled
                matched.insert(file);
                drafts = it->second;
            } else {
                const std::string text = read_article(gold_file.parent_path() / "articles" / file);
                const Extraction x = extract_events(text, data, date);
                for (const DraftEvent& d : x.events) {
                    Ev e{d.date ? d.date->str() : "", d.place, std::string(to_string(d.what)), d.scenario, {}};
                    for (const Person* p : d.participants) e.people.push_back(p->name);
                    drafts.push_back(std::move(e));
                }
            }
            ++article_count;
            const std::vector<std::pair<int, int>> pairs = pair_up(drafts, gold);
            std::set<int> paired_d, paired_g;
            for (auto [di, gi] : pairs) paired_d.insert(di), paired_g.insert(gi);
            for (const std::string& key : {part, part + " set " + std::to_string(set)}) {
                Counts& c = parts[key];
                c.drafts += int(drafts.size());
                c.gold += int(gold.size());
                for (const Ev& d : drafts) c.people_drafted += int(d.people.size());
                for (const Ev& g : gold) c.people_gold += int(g.people.size());
                for (auto [di, gi] : pairs) {
                    const Ev &d = drafts[di], &g = gold[gi];
                    c.date += d.date == g.date;
                    c.place += d.place == g.place;
                    c.date_place += d.date == g.date && d.place == g.place;
                    c.kind += d.kind == g.kind;
                    c.scenario += d.scenario == g.scenario;
                    c.people_right += shared_people(d, g);
                }
            }
            if (verbose && (verbose_part.empty() || verbose_part == part)) {
                std::printf("%s (%s)\n", file.c_str(), part.c_str());
                for (auto [di, gi] : pairs)
                    std::printf("  %s draft %s\n  %*s gold  %s\n", drafts[di].date == gold[gi].date && drafts[di].place == gold[gi].place ? "ok " : "~  ",
                                show(drafts[di]).c_str(), 3, "", show(gold[gi]).c_str());
                for (size_t di = 0; di < drafts.size(); ++di)
                    if (!paired_d.count(int(di))) std::printf("  +  draft %s (no gold event)\n", show(drafts[di]).c_str());
                for (size_t gi = 0; gi < gold.size(); ++gi)
                    if (!paired_g.count(int(gi))) std::printf("  -  gold  %s (not drafted)\n", show(gold[gi]).c_str());
            }
        }
        if (only_part.empty())
            for (const auto& [file, events] : reader)
                if (!matched.count(file)) throw Error(reader_file.string() + ": " + file + " is not an article of " + gold_file.string());
        std::printf("extract_eval: %d articles in %s%s%s\n", article_count, gold_file.string().c_str(),
                    reader_file.empty() ? "" : ", scored against the second reader's labels in ", reader_file.string().c_str());
        std::vector<std::string> part_names{"tune", "held"};
        if (!only_part.empty()) part_names = {only_part};
        std::vector<std::string> shown = part_names;
        for (int set = 1; max_set > 1 && set <= max_set; ++set)
            for (const std::string& part : part_names) shown.push_back(part + " set " + std::to_string(set));
        for (const std::string& part : shown) {
            const Counts& c = parts[part];
            std::printf("%s part: %d gold events, %d drafts\n", part.c_str(), c.gold, c.drafts);
            row("date+place", c.date_place, c.drafts, c.gold);
            row("date", c.date, c.drafts, c.gold);
            row("place", c.place, c.drafts, c.gold);
            row("kind", c.kind, c.drafts, c.gold);
            row("scenario", c.scenario, c.drafts, c.gold);
            row("participants", c.people_right, c.people_drafted, c.people_gold);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "extract_eval: %s\n", e.what());
        return 1;
    }
    return 0;
}
