// Learns the drafter's place model (geodata/world/place-model.toml) from the tuning part of the
// evaluation set: for every draft that the rules date right (paired with a gold event of the same
// date), which of its place candidates is the gold event's place. The model scores each candidate
// by a weighted sum of its features (extract.hpp's place_feature_names) and is fitted as a
// conditional logit (softmax over one draft's candidates) with an L2 penalty, by plain gradient
// descent from zero: the same data gives the same weights on any machine. The held-back articles
// are never read.
//
// `--cv` prints, set by set, how often the model trained on the other sets picks the gold place
// against how often the rules do (leave one set out); `--out FILE` writes the model trained on
// every tuning article.
//
// `--without FEATURE` (repeatable) leaves a feature out: `--without rule` is the model alone.
//
// Usage: build/bench/train_place_model [GOLD_TOML] [--case CASE_DIR] [--cv] [--without FEATURE]... [--out FILE]
#include <toml++/toml.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/extract.hpp"
#include "extract_gold.hpp"

using namespace claimmap;
using namespace claimmap::bench;
namespace fs = std::filesystem;

namespace {

constexpr size_t nf = place_feature_names.size();
using Features = std::array<double, nf>;

struct Example {
    int set;
    std::string what;  // article and draft, for --cv's list of misses
    std::vector<Features> candidates;
    int gold;  // index of the gold place among the candidates
    int rule;  // index of the rules' choice
};

double score(const std::array<double, nf>& w, const Features& f) {
    double s = 0;
    for (size_t i = 0; i < nf; ++i) s += w[i] * f[i];
    return s;
}

int best_of(const std::array<double, nf>& w, const Example& e) {
    int best = 0;
    for (int c = 1; c < int(e.candidates.size()); ++c)
        if (score(w, e.candidates[c]) > score(w, e.candidates[best])) best = c;
    return best;
}

// Mean negative log-likelihood + lambda/2 |w|^2, minimised by gradient descent.
double lambda = 0.01;  // --lambda

std::array<double, nf> fit(const std::vector<const Example*>& examples) {
    constexpr double rate = 0.5;
    constexpr int steps = 4000;
    std::array<double, nf> w{};
    for (int step = 0; step < steps; ++step) {
        std::array<double, nf> grad{};
        for (const Example* e : examples) {
            std::vector<double> s(e->candidates.size());
            double top = -1e300;
            for (size_t c = 0; c < s.size(); ++c) top = std::max(top, s[c] = score(w, e->candidates[c]));
            double z = 0;
            for (double& x : s) z += (x = std::exp(x - top));
            for (size_t c = 0; c < s.size(); ++c) {
                const double p = s[c] / z - (int(c) == e->gold ? 1.0 : 0.0);
                for (size_t i = 0; i < nf; ++i) grad[i] += p * e->candidates[c][i];
            }
        }
        for (size_t i = 0; i < nf; ++i) w[i] -= rate * (grad[i] / double(examples.size()) + lambda * w[i]);
    }
    return w;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path here = fs::path(CLAIMMAP_BENCH_DIR);
    fs::path gold_file = here / "extract_eval" / "gold.toml";
    fs::path case_dir = here.parent_path() / "geodata" / "kurils";
    bool cv = false;
    fs::path out;
    std::set<std::string> dropped;  // features left out (weight 0): what the model does without them
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--case" && i + 1 < argc)
            case_dir = argv[++i];
        else if (a == "--cv")
            cv = true;
        else if (a == "--lambda" && i + 1 < argc)
            lambda = std::stod(argv[++i]);
        else if (a == "--without" && i + 1 < argc) {
            dropped.insert(argv[++i]);
            if (std::find(place_feature_names.begin(), place_feature_names.end(), *dropped.rbegin()) == place_feature_names.end()) {
                std::fprintf(stderr, "train_place_model: --without: no place feature '%s'\n", argv[i]);
                return 2;
            }
        }
        else if (a == "--out" && i + 1 < argc)
            out = argv[++i];
        else if (!a.empty() && a[0] != '-')
            gold_file = a;
        else {
            std::fprintf(stderr, "usage: train_place_model [GOLD_TOML] [--case CASE_DIR] [--cv] [--out FILE]\n");
            return 2;
        }
    }
    try {
        ExtractData data = load_extract_data(case_dir);
        data.place_model.reset();  // the rules' drafts and choices, whatever model is shipped
        toml::table root = toml::parse_file(gold_file.string());
        const toml::array* articles = root["article"].as_array();
        if (!articles) throw Error(gold_file.string() + ": no [[article]] tables");
        std::vector<Example> examples;
        int articles_read = 0, paired = 0, missing = 0;
        for (const toml::node& an : *articles) {
            const toml::table& at = table_in(an, gold_file, "article");
            toml::node_view<const toml::node> a{at};
            if (str(a["part"], gold_file, "part") != "tune") continue;  // never the held-back part
            const std::string file = str(a["file"], gold_file, "file");
            const int set = int(a["set"].value_or(int64_t(1)));
            const std::optional<EventDate> date = parse_event_date(str(a["date"], gold_file, "date"));
            if (!date) throw Error(gold_file.string() + ": " + file + ": bad date");
            const std::vector<Ev> gold = events_of(at, gold_file);
            const Extraction x = extract_events(read_article(gold_file.parent_path() / "articles" / file), data, date);
            ++articles_read;
            std::vector<Ev> drafts;
            for (const DraftEvent& d : x.events) {
                Ev e{d.date ? d.date->str() : "", d.place, std::string(to_string(d.what)), d.scenario, {}};
                for (const Person* p : d.participants) e.people.push_back(p->name);
                drafts.push_back(std::move(e));
            }
            for (auto [di, gi] : pair_up(drafts, gold)) {
                if (drafts[di].date != gold[gi].date) continue;
                ++paired;
                const DraftEvent& d = x.events[size_t(di)];
                Example ex{set, file + " " + drafts[di].date + " " + drafts[di].kind, {}, -1, -1};
                std::vector<std::string> places;
                for (size_t c = 0; c < d.place_candidates.size(); ++c) {
                    const PlaceCandidate& pc = d.place_candidates[c];
                    ex.candidates.push_back(pc.features);
                    places.push_back(pc.place.empty() ? "-" : pc.place);
                    for (size_t f = 0; f < nf; ++f)
                        if (dropped.count(std::string(place_feature_names[f]))) ex.candidates.back()[f] = 0;
                    if (pc.place == gold[gi].place) ex.gold = int(c);
                    if (pc.place == d.place) ex.rule = int(c);
                }
                for (const std::string& p : places) ex.what += " " + p;
                if (ex.gold < 0 || ex.rule < 0) {
                    ++missing;
                    continue;
                }
                examples.push_back(std::move(ex));
            }
        }
        std::printf("train_place_model: %d tuning articles of %s; %d drafts dated right, %d with the gold place among "
                    "their candidates (%d without)\n",
                    articles_read, gold_file.string().c_str(), paired, int(examples.size()), missing);
        if (examples.empty()) throw Error(gold_file.string() + ": no tuning example to learn from");
        if (cv) {
            std::map<int, std::pair<int, int>> model_right, rule_right;  // set -> (right, of)
            std::set<int> sets;
            for (const Example& e : examples) sets.insert(e.set);
            int all_model = 0, all_rule = 0;
            for (int k : sets) {
                std::vector<const Example*> train;
                for (const Example& e : examples)
                    if (e.set != k) train.push_back(&e);
                const std::array<double, nf> w = fit(train);
                int m = 0, r = 0, n = 0;
                for (const Example& e : examples)
                    if (e.set == k) {
                        m += best_of(w, e) == e.gold, r += e.rule == e.gold, ++n;
                        if (getenv("PLACE_MODEL_MISSES") && best_of(w, e) != e.gold)
                            std::printf("    miss %s: gold #%d, model #%d, rules #%d\n", e.what.c_str(), e.gold, best_of(w, e), e.rule);
                    }
                all_model += m, all_rule += r;
                std::printf("  set %2d: %3d drafts; gold place chosen by the rules %3d, by the model trained on the other sets %3d\n", k, n, r, m);
            }
            std::printf("  all:    %3d drafts; rules %d (%.1f %%), model %d (%.1f %%)\n", int(examples.size()), all_rule,
                        100.0 * all_rule / double(examples.size()), all_model, 100.0 * all_model / double(examples.size()));
        }
        std::vector<const Example*> all;
        for (const Example& e : examples) all.push_back(&e);
        const std::array<double, nf> w = fit(all);
        int m = 0;
        for (const Example& e : examples) m += best_of(w, e) == e.gold;
        std::printf("  trained on all %d: gold place chosen %d times (%.1f %%)\n", int(examples.size()), m, 100.0 * m / double(examples.size()));
        std::string text = "# The drafter's place model (claimmap events extract): weights of the place features of\n"
                           "# src/extract/extract.hpp, learned by build/bench/train_place_model from the tuning part of\n"
                           "# bench/extract_eval/gold.toml (never the held-back part). Regenerate with\n"
                           "#   build/bench/train_place_model --out geodata/world/place-model.toml\n";
        text += "trained_on = \"" + std::to_string(examples.size()) + " drafts dated right in " + std::to_string(articles_read) +
                " tuning articles of bench/extract_eval/gold.toml\"\n\n[weights]\n";
        for (size_t i = 0; i < nf; ++i) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.6f", w[i]);
            text += std::string(place_feature_names[i]) + " = " + buf + "\n";
        }
        if (out.empty()) {
            std::fputs(text.c_str(), stdout);
        } else {
            const fs::path tmp = out.string() + ".tmp";
            std::ofstream f(tmp, std::ios::binary);
            f << text;
            f.close();
            if (!f) throw Error(tmp.string() + ": cannot be written");
            fs::rename(tmp, out);
            std::printf("  wrote %s\n", out.string().c_str());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "train_place_model: %s\n", e.what());
        return 1;
    }
    return 0;
}
