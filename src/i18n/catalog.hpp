#pragma once
// The words of maps and tables in the reader's language, as data: i18n/<lang>.toml (the program's
// own strings, dates and numbers) in the data folder, and geodata/<case>/i18n/<lang>.toml (the
// case's own terms). English (i18n/en.toml, the case's own files) is the reference: a string a
// catalog lacks falls back to it, with one warning naming the file and the key.
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/events.hpp"

namespace claimmap {

// Where warnings go (a line without the trailing newline); stderr by default.
using WarningSink = std::function<void(const std::string&)>;
void warn_to_stderr(const std::string& line);

// Fills {name} placeholders; a name not in `args` stays as written.
using TextArgs = std::initializer_list<std::pair<std::string_view, std::string>>;
std::string fill_placeholders(std::string_view pattern, TextArgs args);
// The placeholder names of a pattern ("{party}: {x}" -> {party, x}).
std::set<std::string> placeholders(std::string_view pattern);

struct NumberStyle {
    bool sign = false;   // "+12" for positive values
    bool group = true;   // thousands separators
    // U+2212 MINUS SIGN for negative values, as typeset text wants (maps, the gallery page); tables
    // read by programs (CSV, JSON, Markdown, the terminal table) keep the ASCII hyphen-minus.
    bool minus_sign = false;
};

// The typographic minus sign (U+2212), a hyphen's width apart from the plus sign's.
inline constexpr std::string_view minus_sign = "\u2212";
// `s` with a leading ASCII '-' written as U+2212.
std::string with_minus_sign(std::string s);

class Catalog {
public:
    const std::string& lang() const { return lang_; }
    const std::string& name() const { return name_; }
    const std::filesystem::path& file() const { return file_; }
    // The string of `key` with its placeholders filled; English (warned once) when this catalog lacks it.
    std::string text(std::string_view key, TextArgs args = {}) const;
    // `key`.one for a count of 1, else `key`.other; {count} is the count as a number.
    std::string count(std::string_view key, long n, TextArgs args = {}) const;
    // "14 November 2018", "2018年11月14日", "14 ноября 2018 г."; a month-precision date as month and year.
    std::string date(const EventDate& d) const;
    // `v` with `decimals` digits after this language's decimal sign, grouped by its group sign.
    std::string number(double v, int decimals, NumberStyle style = {}) const;
    // The shortest form of `v` ({:g}) with this language's decimal sign: scale bars, degrees.
    std::string plain(double v, NumberStyle style = {.group = false}) const;
    // Keys of [strings], for the completeness checks.
    std::vector<std::string> keys() const;
    bool has(std::string_view key) const { return strings_.count(std::string(key)) > 0; }

    // Reads one catalog strictly; `reference` (English) is null when reading en.toml itself. Keys
    // this file lacks fall back to the reference, with one warning per key sent to `warn` when the
    // key is first used. A key the reference lacks, a placeholder that differs, a language that is
    // not the file name: an Error naming the file and the key.
    static std::shared_ptr<const Catalog> read(const std::filesystem::path& file, std::shared_ptr<const Catalog> reference,
                                               WarningSink warn = warn_to_stderr);

private:
    const std::string* find(std::string_view key) const;
    std::filesystem::path file_;
    std::string lang_, name_;
    std::map<std::string, std::string, std::less<>> strings_;
    std::string full_date_, month_year_;
    std::vector<std::string> months_, months_genitive_;
    std::string decimal_ = ".", group_ = ",";
    std::shared_ptr<const Catalog> reference_;
    WarningSink warn_;
    mutable std::mutex warned_mutex_;
    mutable std::set<std::string, std::less<>> warned_;
};

// Coordinates in the reader's words, from the number: the hemisphere is chosen by the sign
// ("5°W", "西経5°", "5° з. д."), never written into a sentence; 0 has none.
std::string longitude_text(const Catalog& cat, double lon);
std::string latitude_text(const Catalog& cat, double lat);
// A span of longitudes or latitudes, "139–157°E", "5°W–3°E" when it crosses the prime meridian
// (or the equator); in one hemisphere the smaller number of degrees comes first.
std::string longitude_range_text(const Catalog& cat, double from, double to);
std::string latitude_range_text(const Catalog& cat, double from, double to);

// The catalogs shipped in `data_dir`/i18n, by language tag (file names without .toml), sorted.
std::vector<std::string> catalog_languages(const std::filesystem::path& data_dir);
// The catalog of `lang` from `data_dir`/i18n, read once per process (shared by every map of a
// batch); an unknown language is an Error listing the shipped ones.
const Catalog& catalog(const std::filesystem::path& data_dir, const std::string& lang);

// A case's own terms in one language (geodata/<case>/i18n/<lang>.toml), as flat keys:
// party.<id>.name, wording.<key>, attribution, projection_name, official_area.source,
// scenario.<id>.{title,description,on_the_table}, view.<id>.{title,subtitle,disputed_label},
// view.<id>.boundary.<scenario>, claim_line.<party>.label, event.<id>.summary,
// event.<id>.participants.<n>, event.<id>.source_description.
class CaseText {
public:
    CaseText() = default;  // English: every lookup returns the English text
    const std::string& lang() const { return lang_; }
    // The translation of `key`, else `english` (warned once per key).
    std::string get(const std::string& key, const std::string& english) const;
    bool english() const { return lang_.empty() || lang_ == "en"; }

    // Reads geodata/<case>/i18n/<lang>.toml; a missing file gives one warning and English words.
    // Ids the case does not have (a party, scenario, view, event), unknown keys and a language that
    // is not the file name are Errors naming the file and the key.
    static std::shared_ptr<const CaseText> read(const std::filesystem::path& case_dir, const std::string& lang,
                                                const std::set<std::string>& known_keys, WarningSink warn = warn_to_stderr);

private:
    std::string lang_;
    std::filesystem::path file_;
    bool file_missing_ = false;
    std::map<std::string, std::string> text_;
    WarningSink warn_;
    mutable std::mutex warned_mutex_;
    mutable std::set<std::string> warned_;
};

}  // namespace claimmap
