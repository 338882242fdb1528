// Maps in the reader's language: the catalogs (i18n/<lang>.toml, geodata/<case>/i18n/<lang>.toml),
// their completeness, fallback and errors, dates and numbers, line breaking, fonts, and maps whose
// words are all in their language. Every shipped catalog is found by listing the folders, so a
// catalog added later is checked without touching this file.
#include <boost/test/unit_test.hpp>
#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>

#include "data/toml_util.hpp"
#include "helpers.hpp"
#include "i18n/catalog.hpp"
#include "output/writers.hpp"
#include "pipeline/atlas.hpp"
#include "render/text.hpp"

using namespace claimmap;
namespace fs = std::filesystem;

namespace {

const fs::path data_root = CLAIMMAP_DATA_DIR;

std::shared_ptr<const Catalog> english() { return Catalog::read(data_root / "i18n/en.toml", nullptr); }

std::vector<fs::path> shipped_catalogs() {
    std::vector<fs::path> out;
    for (const std::string& lang : catalog_languages(data_root)) out.push_back(data_root / "i18n" / (lang + ".toml"));
    return out;
}

// The built-in cases' ids, from geodata/cases.toml.
std::vector<std::string> built_in_cases() {
    std::vector<std::string> out;
    for (const CaseIndexEntry& e : read_case_index(case_index_file(data_root)).cases) out.push_back(e.id);
    return out;
}

// One claim cache per case for the whole run: the zone model is computed once.
Scene scene_of(const std::string& id, const MapOptions& o, const MapRequest& r) {
    static std::map<std::string, std::unique_ptr<ClaimCache>> caches;
    auto& cache = caches[id];
    if (!cache) cache = std::make_unique<ClaimCache>(test::built_in_case(id));
    cache->prepare(test::built_in_case(id), o, r);
    return build_scene(test::built_in_case(id), test::default_style(), o, r, *cache);
}

// A catalog file in a scratch folder, named <lang>.toml.
fs::path write_catalog(const std::string& folder, const std::string& lang, const std::string& text) {
    fs::path dir = test::scratch_dir(folder);
    fs::path file = dir / (lang + ".toml");
    write_file_atomically(file, text);
    return file;
}

// en.toml with `edit` applied (a regex replacement), as another language.
std::string english_text_as(const std::string& lang, const std::string& pattern = "", const std::string& replacement = "") {
    std::string text = test::read_file(data_root / "i18n/en.toml");
    text = std::regex_replace(text, std::regex("language = \"en\""), "language = \"" + lang + "\"");
    if (!pattern.empty()) text = std::regex_replace(text, std::regex(pattern), replacement);
    return text;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// The text content of every <text> element of an SVG, tags removed, entities decoded.
std::vector<std::string> svg_texts(const std::string& svg) {
    std::vector<std::string> out;
    static const std::regex text_element("<text[^>]*>([\\s\\S]*?)</text>");
    static const std::regex tag("<[^>]*>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_element); it != std::sregex_iterator(); ++it) {
        std::string s = std::regex_replace((*it)[1].str(), tag, "");
        for (auto [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}})
            for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
        out.push_back(s);
    }
    return out;
}

// Words of Latin letters (two or more), e.g. "Held", "OpenStreetMap".
std::vector<std::string> latin_words(const std::string& text) {
    std::vector<std::string> out;
    static const std::regex word("[A-Za-z]{2,}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) out.push_back(it->str());
    return out;
}

// What a map in another language may still show in Latin letters: proper names only. Place and
// venue names in their English forms (the point of view shows them), the data's and licences' names
// in the credits, the ellipsoid, the program's name, and SI unit symbols.
std::set<std::string> allowed_latin_words(const LoadedCase& loaded) {
    std::set<std::string> allowed{"OpenStreetMap", "ODbL", "Natural", "Earth", "GSHHG", "WGS", "claimmap",
                                  // the coastline packages' names: geo-maps countries-coastline-10m, earth-lands-10m
                                  "geo", "maps", "countries", "coastline", "earth", "lands",
                                  // GSHHG's authors and licence
                                  "Wessel", "Smith", "LGPL",
                                  // SI unit symbols
                                  "km"};
    for (const Place& p : loaded.gazetteer.places)
        for (const auto& [key, name] : p.names.by_key)
            if (key == "en" || key.starts_with("en@"))
                for (const std::string& w : latin_words(name)) allowed.insert(w);
    for (const Venue& v : loaded.venues.venues)
        for (const std::string& w : latin_words(v.name)) allowed.insert(w);
    return allowed;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(i18n)

BOOST_AUTO_TEST_CASE(every_shipped_catalog_has_every_english_key_with_the_same_placeholders) {
    auto en = english();
    const std::vector<fs::path> files = shipped_catalogs();
    std::set<std::string> langs;
    for (const fs::path& f : files) langs.insert(f.stem().string());
    // The languages of the built-in cases' parties at least.
    for (const char* required : {"en", "ja", "ru"}) BOOST_TEST(langs.count(required), "i18n/" << required << ".toml is not shipped");
    for (const fs::path& file : files) {
        if (file.stem() == "en") continue;
        BOOST_TEST_CONTEXT(file.string()) {
            // Catalog::read fails on a key en.toml lacks, a placeholder that differs, a wrong language tag.
            std::shared_ptr<const Catalog> c;
            BOOST_CHECK_NO_THROW(c = Catalog::read(file, en, [&](const std::string& w) { BOOST_ERROR("warning: " << w); }));
            if (!c) continue;
            for (const std::string& key : en->keys()) BOOST_TEST(c->has(key), file.filename().string() << " lacks \"" << key << "\"");
            BOOST_TEST(c->keys().size() == en->keys().size());
            BOOST_TEST(!c->name().empty());
        }
    }
}

// The words overview and scenario maps show (parties, wording, views, scenarios, credits) are in
// every case catalog; event summaries may fall back to English.
BOOST_AUTO_TEST_CASE(every_case_catalog_has_the_words_of_overview_and_scenario_maps) {
    int catalogs = 0;
    for (const std::string& id : built_in_cases()) {
        const LoadedCase& loaded = test::built_in_case(id);
        const fs::path dir = loaded.config.file.parent_path() / "i18n";
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() != ".toml") continue;
            ++catalogs;
            const std::string lang = entry.path().stem().string();
            BOOST_TEST_CONTEXT(entry.path().string()) {
                BOOST_TEST(fs::exists(data_root / "i18n" / (lang + ".toml")), "no program catalog i18n/" << lang << ".toml");
                std::vector<std::string> warnings;
                auto text = CaseText::read(dir.parent_path(), lang, case_text_keys(loaded), [&](const std::string& w) { warnings.push_back(w); });
                // A scenario without words of its own for callouts is named by its title there.
                std::set<std::string> optional;
                for (const Scenario& s : loaded.scenarios.scenarios)
                    if (s.on_the_table == s.title) optional.insert("scenario." + s.id + ".on_the_table");
                for (const std::string& key : case_text_keys(loaded))
                    if (!key.starts_with("event.") && !optional.count(key)) text->get(key, "(English)");
                for (const std::string& w : warnings) BOOST_ERROR("missing: " << w);
            }
        }
    }
    BOOST_TEST(catalogs >= 2, "the Kuril case ships ja and ru catalogs");
}

BOOST_AUTO_TEST_CASE(a_missing_string_falls_back_to_english_with_one_warning_naming_the_key) {
    fs::path file = write_catalog("i18n-fallback", "xx", english_text_as("xx", "\"legend.held_by\" = [^\\n]*\\n", ""));
    std::vector<std::string> warnings;
    auto c = Catalog::read(file, english(), [&](const std::string& w) { warnings.push_back(w); });
    BOOST_TEST(warnings.empty(), "warned before the string was used");
    BOOST_TEST(c->text("legend.held_by", {{"party", "Japan"}}) == "Held by Japan");
    BOOST_TEST(c->text("legend.held_by", {{"party", "Russia"}}) == "Held by Russia");
    BOOST_REQUIRE_EQUAL(warnings.size(), 1u);
    BOOST_TEST(warnings[0].find("legend.held_by") != std::string::npos);
    BOOST_TEST(warnings[0].find(file.string()) != std::string::npos);
    BOOST_TEST(warnings[0].find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_case_catalog_missing_a_term_falls_back_with_one_warning) {
    const LoadedCase& loaded = test::built_in_case("kurils");
    fs::path dir = test::scratch_dir("i18n-case-fallback");
    fs::create_directories(dir / "i18n");
    write_file_atomically(dir / "i18n/ja.toml", "language = \"ja\"\n[party.JPN]\nname = \"日本\"\n");
    std::vector<std::string> warnings;
    auto text = CaseText::read(dir, "ja", case_text_keys(loaded), [&](const std::string& w) { warnings.push_back(w); });
    BOOST_TEST(text->get("party.JPN.name", "Japan") == "日本");
    BOOST_TEST(text->get("party.RUS.name", "Russia") == "Russia");
    BOOST_TEST(text->get("party.RUS.name", "Russia") == "Russia");
    BOOST_REQUIRE_EQUAL(warnings.size(), 1u);
    BOOST_TEST(warnings[0].find("party.RUS.name") != std::string::npos);
    BOOST_TEST(warnings[0].find("ja.toml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bad_catalog_is_one_error_naming_the_file_and_the_key) {
    auto en = english();
    struct Bad {
        std::string what, text, expect;
    };
    const std::vector<Bad> bad{
        {"key en.toml lacks", english_text_as("xx", "\\[strings\\]\\n", "[strings]\n\"legend.no_such\" = \"x\"\n"), "legend.no_such"},
        {"placeholder differs", english_text_as("xx", "\"legend.held_by\" = \"Held by \\{party\\}\"", "\"legend.held_by\" = \"Held by {side}\""),
         "legend.held_by"},
        {"language is not the file name", english_text_as("yy"), "language"},
        {"not a string", english_text_as("xx", "\"legend.dividing_line\" = [^\\n]*", "\"legend.dividing_line\" = 3"), "legend.dividing_line"},
        {"eleven months", english_text_as("xx", "\"December\"\\]", "]"), "months"},
        {"not TOML", "language = \"xx\"\n[strings\n", "xx.toml"},
    };
    for (const Bad& b : bad) {
        BOOST_TEST_CONTEXT(b.what) {
            fs::path file = write_catalog("i18n-bad", "xx", b.text);
            std::string e = error_of([&] { Catalog::read(file, en); });
            BOOST_TEST(e.find(file.string()) != std::string::npos, e);
            BOOST_TEST(e.find(b.expect) != std::string::npos, e);
            BOOST_TEST(e.find('\n') == std::string::npos, e);
        }
    }
    // A case catalog naming a scenario the case does not have.
    fs::path dir = test::scratch_dir("i18n-bad-case");
    fs::create_directories(dir / "i18n");
    write_file_atomically(dir / "i18n/ja.toml", "language = \"ja\"\n[scenario.no-such]\ntitle = \"x\"\n");
    std::string e = error_of([&] { CaseText::read(dir, "ja", case_text_keys(test::built_in_case("kurils"))); });
    BOOST_TEST(e.find("ja.toml") != std::string::npos, e);
    BOOST_TEST(e.find("scenario.no-such.title") != std::string::npos, e);
}

// Through the command line: a broken ja.toml in a data folder is one line on stderr, a non-zero
// exit and no map; an unknown language lists the shipped ones.
BOOST_AUTO_TEST_CASE(the_command_line_rejects_a_bad_or_unknown_language) {
    fs::path data = test::scratch_dir("i18n-cli-data"), out = test::scratch_dir("i18n-cli-out");
    for (const char* d : {"geodata", "styles", "atlas"}) fs::create_directory_symlink(data_root / d, data / d);
    fs::create_directories(data / "i18n");
    fs::copy_file(data_root / "i18n/en.toml", data / "i18n/en.toml");
    write_file_atomically(data / "i18n/ja.toml", english_text_as("ja", "\"title.compare\" = [^\\n]*", "\"title.compare\" = \"{title} {x}\""));
    auto r = test::run_claimmap("--data-dir '" + data.string() + "' render --lang ja --out-dir '" + out.string() + "'");
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("ja.toml") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("title.compare") != std::string::npos, r.err);
    BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
    BOOST_TEST(fs::is_empty(out));
    r = test::run_claimmap("render --lang tlh --out-dir '" + out.string() + "'");
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("--lang") != std::string::npos, r.err);
    // The error lists the languages there are: every shipped catalog is named.
    for (const auto& entry : fs::directory_iterator(data_root / "i18n"))
        if (entry.path().extension() == ".toml")
            BOOST_TEST(r.err.find(entry.path().stem().string()) != std::string::npos, entry.path().stem() << ": " << r.err);
    BOOST_TEST(fs::is_empty(out));
}

// Dates and numbers in each language's conventions; a shipped language missing from this table fails.
// Coordinates are written from the number: a case west of Greenwich or south of the equator gets
// its own hemisphere ("5°W", "西経5°", "5° з. д."), and no other string of a catalog bakes a degree
// sign or a hemisphere word into a sentence (the credits once read "within {lon_min}–{lon_max}°E").
BOOST_AUTO_TEST_CASE(coordinates_take_their_hemisphere_from_the_number_in_every_language) {
    const Catalog& en = catalog(data_root, "en");
    BOOST_TEST(longitude_range_text(en, 139, 157) == "139–157°E");
    BOOST_TEST(longitude_range_text(en, -10, -5.5) == "5.5–10°W");
    BOOST_TEST(longitude_range_text(en, -5.5, 3) == "5.5°W–3°E");
    BOOST_TEST(latitude_range_text(en, -40, -30) == "30–40°S");
    BOOST_TEST(latitude_range_text(en, 0, 12) == "0–12°N");
    BOOST_TEST(latitude_range_text(en, -12, 0) == "0–12°S");
    BOOST_TEST(longitude_text(en, 0) == "0°");
    for (const std::string& lang : catalog_languages(data_root)) {
        BOOST_TEST_CONTEXT(lang) {
            const Catalog& c = catalog(data_root, lang);
            // The hemisphere words of the language: "E", "東経", "в. д." ...
            auto word = [&](const char* key) {
                std::string w = c.text(key, {{"deg", ""}});
                for (const std::string mark : {"°", " "})
                    for (size_t p; (p = w.find(mark)) != std::string::npos;) w.erase(p, mark.size());
                return w;
            };
            const std::string east = word("coordinates.east"), west = word("coordinates.west"), north = word("coordinates.north"),
                              south = word("coordinates.south");
            auto squeezed = [](std::string s) {
                for (size_t p; (p = s.find(' ')) != std::string::npos;) s.erase(p, 1);
                return s;
            };
            const std::string w = squeezed(longitude_range_text(c, -10, -5)), s = squeezed(latitude_range_text(c, -40, -30)),
                              across = squeezed(longitude_range_text(c, -5, 3));
            BOOST_TEST((w.find(west) != std::string::npos && w.find(east) == std::string::npos), w);
            BOOST_TEST((s.find(south) != std::string::npos && s.find(north) == std::string::npos), s);
            BOOST_TEST((across.find(west) != std::string::npos && across.find(east) != std::string::npos), across);
            BOOST_TEST((w.find('5') < w.find("10")), "the smaller number of degrees first: " << w);
            for (const std::string& key : c.keys()) {
                if (key.starts_with("coordinates.")) continue;
                const std::string text = c.text(key);
                BOOST_TEST(text.find("°") == std::string::npos, key << " writes a degree sign: " << text);
                if (lang != "en")  // English "E", "N" are letters of any word
                    for (const std::string& h : {east, west, north, south})
                        BOOST_TEST(squeezed(text).find(h) == std::string::npos, key << " writes a hemisphere (" << h << "): " << text);
            }
        }
    }
}

// Text that reaches a map is set with each language's marks (“ ” ’ in English, 「」 in Japanese,
// « » in Russian ...), never the typewriter's ' and ": every string of the program's catalogs
// (but the terminal and CSV tables'), and every string of each built-in case's files, its
// translations included (but the extractor's lists, addresses and the venue aliases it matches).
BOOST_AUTO_TEST_CASE(no_shipped_text_on_a_map_has_straight_quotes) {
    const std::set<std::string> not_on_maps{"aliases", "url", "seed", "crs", "land", "world", "inset", "gazetteer", "scenarios",
                                            "events", "venues", "atlas", "file", "output_name", "id"};
    int strings = 0;
    std::vector<std::string> straight;
    std::function<void(const toml::node&, const std::string&)> walk = [&](const toml::node& node, const std::string& where) {
        if (const toml::table* t = node.as_table()) {
            for (const auto& [key, child] : *t)
                if (!not_on_maps.count(std::string(key.str()))) walk(child, where + "." + std::string(key.str()));
        } else if (const toml::array* a = node.as_array()) {
            for (size_t i = 0; i < a->size(); ++i) walk(*a->get(i), where + "[" + std::to_string(i) + "]");
        } else if (const auto* v = node.as_string()) {
            ++strings;
            if (v->get().find_first_of("'\"") != std::string::npos) straight.push_back(where + ": " + v->get());
        }
    };
    for (const fs::path& file : shipped_catalogs()) {
        const toml::table t = toml::parse_file(file.string());
        for (const auto& [key, value] : *t["strings"].as_table()) {
            const std::string k(key.str());
            if (k.starts_with("table.") || k.starts_with("markdown.") || k.starts_with("method.")) continue;
            walk(value, file.filename().string() + " " + k);
        }
    }
    for (const std::string& id : built_in_cases()) {
        const fs::path dir = test::built_in_case(id).config.file.parent_path();
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".toml" && e.path().stem() != "lexicon" && e.path().stem() != "people") files.push_back(e.path());
        for (const auto& e : fs::directory_iterator(dir / "i18n")) files.push_back(e.path());
        for (const fs::path& f : files) walk(toml::parse_file(f.string()), id + "/" + f.filename().string());
    }
    for (const std::string& s : straight) BOOST_TEST(false, "straight quote: " << s);
    BOOST_TEST(strings > 500);
}

// A scenario's title inside a line reads as a title in every language: at the start, after a
// colon, or in the language's quotation marks (those of callout.headline). "Median line, Two islands
// (1956 Joint Declaration)" and "Changes hands under Four islands" read as broken sentences.
BOOST_AUTO_TEST_CASE(a_scenario_title_inside_a_line_reads_as_a_title_in_every_language) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> title_slots{
        {"title.scenario", {"scenario"}},          {"subtitle.compare", {"scenario", "other"}}, {"callout.on_the_table", {"scenario"}},
        {"legend.median_line", {"scenario"}},      {"legend.median_line_pair", {"scenario"}},   {"legend.median_lines_pairs", {"scenario"}},
        {"legend.changes_hands", {"scenario"}},    {"figures.change_from_to", {"from", "to"}},  {"figures.change_against", {"to"}}};
    for (const std::string& lang : catalog_languages(data_root)) {
        BOOST_TEST_CONTEXT(lang) {
            const Catalog& c = catalog(data_root, lang);
            const std::string quoted = c.text("callout.headline");
            const size_t at_headline = quoted.find("{headline}");
            BOOST_TEST_REQUIRE(at_headline != std::string::npos);
            const std::string open = quoted.substr(0, at_headline), close = quoted.substr(at_headline + std::string("{headline}").size());
            BOOST_TEST_REQUIRE((!open.empty() && !close.empty()), "callout.headline has no quotation marks: " << quoted);
            for (const auto& [key, slots] : title_slots)
                for (const std::string& slot : slots) {
                    const std::string pattern = c.text(key), placeholder = "{" + slot + "}";
                    const size_t at = pattern.find(placeholder);
                    BOOST_TEST_REQUIRE(at != std::string::npos, key);
                    const std::string before = pattern.substr(0, at), after = pattern.substr(at + placeholder.size());
                    const bool reads_as_title = before.empty() || before.ends_with(": ") || before.ends_with("：") ||
                                                (before.ends_with(open) && after.starts_with(close));
                    BOOST_TEST(reads_as_title, key << " = \"" << pattern << "\": " << placeholder << " neither opens it, follows a colon nor is quoted "
                                                   << open << "…" << close);
                }
        }
    }
}

BOOST_AUTO_TEST_CASE(dates_and_numbers_follow_each_language) {
    struct Expected {
        std::string day, month, number, signed_number;
    };
    const std::map<std::string, Expected> expected{
        {"en", {"22 January 2019", "May 2016", "12,345.6", "+1,234"}},
        {"ja", {"2019年1月22日", "2016年5月", "12,345.6", "+1,234"}},
        {"ru", {"22 января 2019 г.", "май 2016 г.", "12\u00a0345,6", "+1\u00a0234"}},
        {"ko", {"2019년 1월 22일", "2016년 5월", "12,345.6", "+1,234"}},
        {"zh-Hans", {"2019年1月22日", "2016年5月", "12,345.6", "+1,234"}},
        {"zh-Hant", {"2019年1月22日", "2016年5月", "12,345.6", "+1,234"}},
    };
    const EventDate day{2019, 1, 22, EventDate::Precision::day}, month{2016, 5, 0, EventDate::Precision::month};
    for (const std::string& lang : catalog_languages(data_root)) {
        BOOST_TEST_CONTEXT(lang) {
            auto it = expected.find(lang);
            BOOST_TEST_REQUIRE(bool(it != expected.end()), "no expected date and number for i18n/" << lang << ".toml: add them here");
            const Catalog& c = catalog(data_root, lang);
            BOOST_TEST(c.date(day) == it->second.day);
            BOOST_TEST(c.date(month) == it->second.month);
            BOOST_TEST(c.number(12345.6, 1) == it->second.number);
            BOOST_TEST(c.number(1234.4, 0, {.sign = true}) == it->second.signed_number);
        }
    }
    BOOST_TEST(catalog(data_root, "en").number(-0.04, 1) == "0.0");
    BOOST_TEST(catalog(data_root, "ru").plain(146.5) == "146,5");
}

// Japanese has no spaces: a callout line breaks between characters, and no line is wider than asked.
BOOST_AUTO_TEST_CASE(cjk_text_wraps_between_characters_and_latin_between_words) {
    FontSpec f{"Noto Sans CJK JP", 16, false, false, "ja"};
    const std::string text = "平和条約締結後に色丹島と歯舞群島を日本に引き渡すことで合意した共同宣言の規定";
    const double width = 160;
    std::vector<std::string> lines = wrap_text(text, f, width);
    BOOST_TEST(lines.size() >= 3u);
    std::string joined;
    for (const std::string& l : lines) {
        BOOST_TEST(measure_text(l, f).width <= width + 0.5, l);
        joined += l;
    }
    BOOST_TEST(joined == text);
    FontSpec en{"Noto Sans CJK JP", 16, false, false, "en"};
    std::vector<std::string> words = wrap_text("Shikotan and the Habomai islets handed to Japan", en, 150);
    BOOST_TEST(words.size() >= 2u);
    for (const std::string& l : words) {
        BOOST_TEST(l.front() != ' ');
        BOOST_TEST(l.back() != ' ');
    }
    BOOST_TEST(words.front().starts_with("Shikotan and"));
}

// Every character of every catalog is drawn with a pinned font (tests/fonts.conf), not a fallback
// and not a missing-glyph box: the font fontconfig picks for the style's family in that language.
BOOST_AUTO_TEST_CASE(the_pinned_fonts_cover_every_catalog) {
    const std::string family = test::default_style().font_family;
    for (const std::string& lang : catalog_languages(data_root)) {
        BOOST_TEST_CONTEXT(lang) {
            std::string pattern_text = family + ":lang=" + lang;
            FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(pattern_text.c_str()));
            FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
            FcDefaultSubstitute(pattern);
            FcResult result;
            FcPattern* match = FcFontMatch(nullptr, pattern, &result);
            BOOST_REQUIRE(match);
            FcChar8* file = nullptr;
            FcCharSet* charset = nullptr;
            FcPatternGetString(match, FC_FILE, 0, &file);
            FcPatternGetCharSet(match, FC_CHARSET, 0, &charset);
            const std::string path = file ? reinterpret_cast<const char*>(file) : "";
            BOOST_TEST_MESSAGE(lang << ": " << path);
            BOOST_TEST((path.starts_with("/usr/share/fonts/opentype/noto/") || path.starts_with("/usr/share/fonts/truetype/dejavu/")), path);
            const Catalog& c = catalog(data_root, lang);
            std::string all;
            for (const std::string& k : c.keys()) all += c.text(k);
            for (int m = 1; m <= 12; ++m) all += c.date({2019, m, 22, EventDate::Precision::day});
            for (size_t i = 0; i < all.size();) {
                FcChar32 ch;
                int n = FcUtf8ToUcs4(reinterpret_cast<const FcChar8*>(all.data() + i), &ch, static_cast<int>(all.size() - i));
                BOOST_REQUIRE(n > 0);
                if (ch > 0x20) BOOST_TEST(FcCharSetHasChar(charset, ch), "U+" << std::hex << ch << " is not in " << path);
                i += static_cast<size_t>(n);
            }
            FcPatternDestroy(match);
            FcPatternDestroy(pattern);
        }
    }
}

// Maps in each shipped language, of every built-in case that has its words in that language: the
// SVG carries the language, and its text has no English word outside proper names.
BOOST_AUTO_TEST_CASE(maps_in_other_languages_have_no_english_words) {
    for (const std::string& lang : catalog_languages(data_root)) {
        if (lang == "en") continue;
        int cases = 0;
        for (const std::string& id : built_in_cases()) {
            const LoadedCase& loaded = test::built_in_case(id);
            if (!fs::exists(loaded.config.file.parent_path() / "i18n" / (lang + ".toml"))) continue;
            ++cases;
            const std::set<std::string> allowed = allowed_latin_words(loaded);
            std::vector<std::pair<std::string, MapRequest>> maps;
            for (const View& v : loaded.config.views) maps.push_back({v.id, {}});
            MapRequest scenario, compare;
            scenario.scenario = loaded.scenarios.scenarios.back().id;
            compare.scenario = loaded.scenarios.baseline;
            compare.compare = loaded.scenarios.scenarios.back().id;
            maps.push_back({"neutral", scenario});
            maps.push_back({"neutral", compare});
            for (const auto& [pov, request] : maps) {
                BOOST_TEST_CONTEXT(lang << " " << id << " pov " << pov << " scenario " << request.scenario.value_or("-")) {
                    MapOptions o;
                    o.width = 1200;
                    o.height = 900;
                    o.pov = pov;
                    o.lang = lang;
                    const std::string svg = encode_scene(scene_of(id, o, request), Format::svg);
                    BOOST_TEST(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" xml:lang=\"" + lang + "\"") != std::string::npos);
                    for (const std::string& text : svg_texts(svg))
                        for (const std::string& w : latin_words(text))
                            BOOST_TEST(allowed.count(w), "English word \"" << w << "\" in \"" << text << "\"");
                }
            }
        }
        BOOST_TEST(cases > 0, "no built-in case has its words in " << lang << " (geodata/<case>/i18n/" << lang << ".toml)");
    }
}

// Event maps and the timeline in each shipped language: every word is the reader's but the
// outlet's name and a real headline (a quotation, in the language's quotation marks). Our own
// description of a source without a headline is translated like the summary.
BOOST_AUTO_TEST_CASE(event_maps_in_other_languages_have_no_english_words_but_outlets_and_headlines) {
    for (const std::string& lang : catalog_languages(data_root)) {
        if (lang == "en") continue;
        const std::string quote_pattern = catalog(data_root, lang).text("callout.headline");
        const std::string opening_quote = quote_pattern.substr(0, quote_pattern.find("{headline}"));
        for (const std::string& id : built_in_cases()) {
            const LoadedCase& loaded = test::built_in_case(id);
            if (!fs::exists(loaded.config.file.parent_path() / "i18n" / (lang + ".toml"))) continue;
            std::vector<MapRequest> maps;
            for (const Event& e : loaded.events.events) {
                MapRequest request;
                request.event = e.id;
                maps.push_back(request);
            }
            MapRequest timeline;
            timeline.timeline = true;
            maps.push_back(timeline);
            for (const MapRequest& request : maps) {
                BOOST_TEST_CONTEXT(lang << " " << id << " event " << request.event.value_or("(timeline)")) {
                    std::set<std::string> allowed = allowed_latin_words(loaded);
                    const Event* event = nullptr;
                    for (const Event& e : loaded.events.events)
                        if (request.event == e.id) event = &e;
                    if (event)
                        for (const std::string& quoted : {event->source.outlet, event->source.headline})
                            for (const std::string& w : latin_words(quoted)) allowed.insert(w);
                    MapOptions o;
                    o.width = 1200;
                    o.height = 900;
                    o.lang = lang;
                    const std::string svg = encode_scene(scene_of(id, o, request), Format::svg);
                    std::string all_text;
                    for (const std::string& text : svg_texts(svg)) {
                        all_text += text;
                        for (const std::string& w : latin_words(text))
                            BOOST_TEST(allowed.count(w), "English word \"" << w << "\" in \"" << text << "\"");
                    }
                    if (event && !event->source.headline.empty())
                        BOOST_TEST(all_text.find(opening_quote) != std::string::npos, "the headline is not quoted with " << opening_quote);
                }
            }
        }
    }
}

// The same map in English says the English words, so the check above can fail.
BOOST_AUTO_TEST_CASE(the_english_word_check_finds_english_words) {
    const LoadedCase& loaded = test::built_in_case("kurils");
    MapOptions o;
    o.width = 1200;
    o.height = 900;
    const std::string svg = encode_scene(build_scene(loaded, test::default_style(), o, {}), Format::svg);
    const std::set<std::string> allowed = allowed_latin_words(loaded);
    std::set<std::string> english;
    for (const std::string& text : svg_texts(svg))
        for (const std::string& w : latin_words(text))
            if (!allowed.count(w)) english.insert(w);
    BOOST_TEST(english.count("Held"));
    BOOST_TEST(english.count("Projection"));
}

// Takeshima's events: four long before the rest, two on one day: the timeline's labels keep apart.
BOOST_AUTO_TEST_CASE(timeline_labels_do_not_overlap) {
    for (const std::string& id : built_in_cases()) {
        const LoadedCase& loaded = test::built_in_case(id);
        std::vector<MapRequest> requests;
        MapRequest timeline;
        timeline.timeline = true;
        requests.push_back(timeline);
        for (const Event& e : loaded.events.events) {
            MapRequest r;
            r.event = e.id;
            requests.push_back(r);
        }
        // English and Russian (the longest words) for every event; Japanese for the timeline map.
        for (const std::string lang : {"en", "ru", "ja"})
            for (const MapRequest& r : requests) {
                if (lang == "ja" && !r.timeline) continue;
                BOOST_TEST_CONTEXT(id << " " << lang << " " << r.event.value_or("timeline")) {
                    MapOptions o;
                    o.width = 1600;
                    o.height = 1200;
                    o.lang = lang;
                    Scene scene = scene_of(id, o, r);
                    std::vector<std::pair<std::string, BBox>> boxes;
                    for (const Layer& layer : scene.layers)
                        if (layer.id == "timeline")
                            for (const SceneItem& item : layer.items)
                                if (const auto* t = std::get_if<TextItem>(&item)) {
                                    TextExtent e = measure_text(t->text, t->font, t->langs);
                                    boxes.push_back({t->text, {t->origin.x, t->origin.y, t->origin.x + e.width, t->origin.y + e.height}});
                                }
                    BOOST_TEST(!boxes.empty());
                    for (size_t i = 0; i < boxes.size(); ++i)
                        for (size_t j = i + 1; j < boxes.size(); ++j) {
                            const BBox &a = boxes[i].second, &b = boxes[j].second;
                            bool overlap = a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
                            BOOST_TEST(!overlap, "\"" << boxes[i].first << "\" overlaps \"" << boxes[j].first << "\"");
                        }
                    for (const auto& [text, box] : boxes)
                        if (text.ends_with("//")) BOOST_TEST(std::regex_search(text, std::regex("(\\d{4})\\D+\\1")) == false, text);
                }
            }
    }
}

BOOST_AUTO_TEST_CASE(compare_tables_speak_the_language) {
    auto r = test::run_claimmap("compare --lang ru --format markdown --scenarios status-quo,two-island");
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("Изменение относительно") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("территориальное море") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("Change against") == std::string::npos, r.out);
    r = test::run_claimmap("compare --lang ja --scenarios status-quo,two-island");
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("シナリオ比較") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("方法：") != std::string::npos, r.out);
}

// An atlas's `langs` multiplies its maps like `povs`; {lang} goes into the names.
BOOST_AUTO_TEST_CASE(atlas_langs_multiply_maps) {
    fs::path dir = test::scratch_dir("i18n-atlas");
    write_file_atomically(dir / "a.toml", "case = \"" + (data_root / "geodata/kurils/case.toml").string() +
                                              "\"\n[[map]]\nname = \"o-{pov}-{lang}\"\npovs = [\"neutral\", \"japan\"]\nlangs = [\"ja\", \"ru\"]\n"
                                              "[[map]]\nname = \"plain\"\n");
    Atlas atlas = read_atlas(dir / "a.toml", test::shipped_case());
    expand_atlas(atlas, test::built_in_case("kurils"));
    std::set<std::string> names;
    for (const MapJob& j : atlas.jobs) names.insert(j.name + ":" + j.options.lang);
    BOOST_TEST((names == std::set<std::string>{"o-neutral-ja:ja", "o-neutral-ru:ru", "o-japan-ja:ja", "o-japan-ru:ru", "plain:en"}));
    write_file_atomically(dir / "b.toml", "[[map]]\nname = \"o\"\nlangs = [\"ja\", \"ru\"]\n");
    Atlas twice = read_atlas(dir / "b.toml", test::shipped_case());
    std::string e = error_of([&] { expand_atlas(twice, test::built_in_case("kurils")); });
    BOOST_TEST(e.find("twice") != std::string::npos, e);
    BOOST_TEST(e.find("{lang}") != std::string::npos, e);
}

BOOST_AUTO_TEST_SUITE_END()
