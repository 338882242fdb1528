#include "extract/detail.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace claimmap {

using namespace extract_detail;
namespace fs = std::filesystem;

namespace extract_detail {

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

// ASCII letters of U+00C0..U+017F (Latin-1 and Latin Extended-A), lower case; "" keeps the character.
static const char* const latin_ascii[192] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

std::string folded(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        if (c < 0x80) {
            out += lower(char(c));
            ++i;
            continue;
        }
        size_t len = std::min(utf8_len(c), s.size() - i);
        if (len == 2) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x180 && *latin_ascii[cp - 0xC0]) {
                out += latin_ascii[cp - 0xC0];
                i += 2;
                continue;
            }
        }
        out.append(s.substr(i, len));
        i += len;
    }
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

// Lower-case ASCII letters and digits, runs of anything else as one dash: "Saint Petersburg" ->
// "saint-petersburg".
std::string slug(std::string_view s) {
    std::string out;
    bool dash = false;
    for (char c : folded(s)) {  // "A Coruña" -> "a-coruna"
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

}  // namespace extract_detail

namespace {

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

}  // namespace claimmap
