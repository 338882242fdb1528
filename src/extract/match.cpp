#include "extract/detail.hpp"

#include <algorithm>

namespace claimmap::extract_detail {

// Tokens of a phrase as matched: hyphens and dots dropped, apostrophes normalised, Latin letters
// folded to ASCII (so "Coruña" and "Coruna" are one name).
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
        out.push_back(folded(v.str(i)));
    }
    return out;
}

bool non_ascii(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (unsigned char)c >= 0x80; });
}

void add_name(Matcher& m, std::string_view phrase, Cat cat, int owner, bool proper) {
    if (non_ascii(folded(phrase)))
        m.add_raw(phrase, cat, owner);  // other scripts: substring search
    else
        m.add(phrase, cat, owner, proper);
}

void Matcher::add(std::string_view phrase, Cat cat, int owner, bool proper) {
    Pattern p{phrase_tokens(phrase), cat, owner, proper};
    if (p.toks.empty() || p.toks[0] == "*") return;
    index_[p.toks[0]].push_back(int(patterns_.size()));
    patterns_.push_back(std::move(p));
}


std::vector<RawHit> Matcher::run(std::string_view text, const std::vector<Tok>& toks, const std::vector<int>& sentence_of) const {
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
        key = v.apostrophe(t0) ? "'" : folded(v.str(t0));
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
                    ok = toks[t].type != TokType::punct && (non_ascii(v.str(t)) ? folded(v.str(t)) == p.toks[q] : ieq(v.str(t), p.toks[q]));
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


}  // namespace claimmap::extract_detail
