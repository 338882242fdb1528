// The evaluation set's gold events (bench/extract_eval/gold.toml) and how drafts are paired with
// them: shared by extract_eval (the scores) and train_place_model (the place model's examples).
#pragma once
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace claimmap::bench {

namespace fs = std::filesystem;

struct Ev {
    std::string date, place, kind, scenario;
    std::vector<std::string> people;
};

inline std::string str(const toml::node_view<const toml::node>& n, const fs::path& file, const std::string& key) {
    auto v = n.value<std::string>();
    if (!v) throw Error(file.string() + ": " + key + " is missing or not a string");
    return *v;
}

inline int shared_people(const Ev& a, const Ev& b) {
    int n = 0;
    for (const std::string& p : a.people) n += std::count(b.people.begin(), b.people.end(), p) ? 1 : 0;
    return n;
}

// Pairs drafts with gold events, best first (same date, then same place, then shared
// participants and kind); a pair needs the same date or the same named place; returns (draft, gold) index pairs.
inline std::vector<std::pair<int, int>> pair_up(const std::vector<Ev>& drafts, const std::vector<Ev>& gold) {
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

// An element of an array of tables ([[article]], [[article.event]]), or a one-line error.
inline const toml::table& table_in(const toml::node& n, const fs::path& file, const char* key) {
    if (!n.is_table()) throw Error(file.string() + ": " + key + " must be an array of tables ([[" + key + "]])");
    return *n.as_table();
}

// The [[article.event]] tables of one article of `file` (gold.toml or a second reader's labels).
inline std::vector<Ev> events_of(const toml::table& article, const fs::path& file) {
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

}  // namespace claimmap::bench
