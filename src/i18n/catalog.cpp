#include "i18n/catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "core/error.hpp"
#include "data/toml_util.hpp"

namespace claimmap {

void warn_to_stderr(const std::string& line) { std::cerr << "claimmap: warning: " << line << "\n"; }

std::string fill_placeholders(std::string_view pattern, TextArgs args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    size_t i = 0;
    while (i < pattern.size()) {
        size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        std::string_view name = pattern.substr(open + 1, close - open - 1);
        auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (it != args.end()) out += it->second;
        else out.append(pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(std::min(i, pattern.size())));
    return out;
}

std::set<std::string> placeholders(std::string_view pattern) {
    std::set<std::string> out;
    for (size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
        size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.insert(std::string(pattern.substr(open + 1, close - open - 1)));
    }
    return out;
}

namespace {

std::string names_of(const std::set<std::string>& s) {
    std::string out;
    for (const std::string& n : s) out += (out.empty() ? "{" : ", {") + n + "}";
    return out.empty() ? "none" : out;
}

std::vector<std::string> twelve_months(const StrictTable& t, const std::string& key, bool required) {
    std::vector<std::string> months = t.strings(key, required);
    if (!months.empty() && months.size() != 12) t.fail_at(key, fmt::format("has {} months; it needs 12", months.size()));
    return months;
}

}  // namespace

std::shared_ptr<const Catalog> Catalog::read(const std::filesystem::path& file, std::shared_ptr<const Catalog> reference,
                                             WarningSink warn) {
    toml::table doc = parse_toml_file(file);
    StrictTable top(doc, file, "");
    auto c = std::make_shared<Catalog>();
    c->file_ = file;
    c->reference_ = reference;
    c->warn_ = std::move(warn);
    c->lang_ = top.checked_text("language", top.string("language"));
    if (c->lang_ != file.stem().string())
        top.fail_at("language", "is '" + c->lang_ + "' but the file is named " + file.filename().string());
    c->name_ = top.checked_text("name", top.string("name"));
    if (const toml::table* strings = top.opt_table("strings")) {
        StrictTable st(*strings, file, "strings");
        for (const auto& [k, node] : *strings) {
            const std::string key(k.str());
            const std::string value = st.checked_text(key, st.string(key));
            if (reference) {
                const std::string* english = reference->find(key);
                if (!english) st.fail_at(key, "is not a key of " + reference->file().string());
                if (placeholders(value) != placeholders(*english))
                    st.fail_at(key, "has placeholders " + names_of(placeholders(value)) + "; " +
                                        reference->file().filename().string() + " has " + names_of(placeholders(*english)));
            }
            c->strings_.emplace(key, value);
        }
        st.reject_unknown_keys();
    } else if (!reference) {
        top.fail_at("strings", "is missing: the reference catalog needs every string");
    }
    const toml::table* dates = top.opt_table("dates");
    if (!dates) top.fail_at("dates", "is missing");
    StrictTable dt(*dates, file, "dates");
    static const std::set<std::string> date_fields{"day", "month", "month_genitive", "month_number", "year"};
    for (const char* k : {"full", "month_year"}) {
        std::string pattern = dt.checked_text(k, dt.string(k));
        for (const std::string& p : placeholders(pattern))
            if (!date_fields.count(p)) dt.fail_at(k, "has placeholder {" + p + "}; dates know " + names_of(date_fields));
        (std::string(k) == "full" ? c->full_date_ : c->month_year_) = pattern;
    }
    c->months_ = twelve_months(dt, "months", true);
    c->months_genitive_ = twelve_months(dt, "months_genitive", false);
    for (const std::string& pattern : {c->full_date_, c->month_year_})
        if (placeholders(pattern).count("month_genitive") && c->months_genitive_.empty())
            dt.fail_at("months_genitive", "is missing; a date pattern uses {month_genitive}");
    dt.reject_unknown_keys();
    const toml::table* numbers = top.opt_table("numbers");
    if (!numbers) top.fail_at("numbers", "is missing");
    StrictTable nt(*numbers, file, "numbers");
    c->decimal_ = nt.string("decimal");
    c->group_ = nt.string("group");
    if (c->decimal_.empty()) nt.fail_at("decimal", "is empty");
    nt.reject_unknown_keys();
    top.reject_unknown_keys();
    return c;
}

const std::string* Catalog::find(std::string_view key) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : strings_) out.push_back(k);
    return out;
}

std::string Catalog::text(std::string_view key, TextArgs args) const {
    if (const std::string* s = find(key)) return fill_placeholders(*s, args);
    if (reference_) {
        if (const std::string* s = reference_->find(key)) {
            bool first = false;
            {
                std::lock_guard lock(warned_mutex_);
                first = warned_.insert(std::string(key)).second;
            }
            if (first && warn_)
                warn_(file_.string() + ": no string \"" + std::string(key) + "\"; using the English text of " +
                      reference_->file().string());
            return fill_placeholders(*s, args);
        }
    }
    // A key in no catalog is a bug in the program, not in the data.
    throw std::logic_error("i18n key '" + std::string(key) + "' is not in " + file_.string());
}

std::string Catalog::count(std::string_view key, long n, TextArgs args) const {
    std::vector<std::pair<std::string_view, std::string>> all(args.begin(), args.end());
    std::string k = std::string(key) + (n == 1 ? ".one" : ".other");
    std::string c = number(static_cast<double>(n), 0);
    // TextArgs is an initializer_list: rebuild with {count} first.
    std::string pattern = text(k, {{"count", c}});
    for (const auto& [name, value] : all) pattern = fill_placeholders(pattern, {{name, value}});
    return pattern;
}

std::string Catalog::date(const EventDate& d) const {
    auto month = [&](const std::vector<std::string>& names) {
        return d.month >= 1 && d.month <= 12 && !names.empty() ? names[static_cast<size_t>(d.month - 1)] : std::to_string(d.month);
    };
    const std::string& pattern = d.precision == EventDate::Precision::month ? month_year_ : full_date_;
    return fill_placeholders(pattern, {{"day", std::to_string(d.day)},
                                       {"month", month(months_)},
                                       {"month_genitive", month(months_genitive_)},
                                       {"month_number", std::to_string(d.month)},
                                       {"year", std::to_string(d.year)}});
}

std::string Catalog::number(double v, int decimals, NumberStyle style) const {
    std::string s = style.sign ? fmt::format("{:+.{}f}", v, decimals) : fmt::format("{:.{}f}", v, decimals);
    if (s == "-0" || (s.starts_with("-0.") && s.find_first_not_of("0.", 1) == std::string::npos)) s.erase(0, 1);
    size_t dot = s.find('.');
    std::string int_part = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    size_t start = int_part[0] == '-' || int_part[0] == '+' ? 1 : 0;
    if (style.group)
        for (long i = static_cast<long>(int_part.size()) - 3; i > static_cast<long>(start); i -= 3)
            int_part.insert(static_cast<size_t>(i), group_);
    std::string out = frac.empty() ? int_part : int_part + decimal_ + frac;
    return style.minus_sign ? with_minus_sign(std::move(out)) : out;
}

std::string Catalog::plain(double v, NumberStyle style) const {
    std::string s = fmt::format("{:g}", v);
    if (size_t dot = s.find('.'); dot != std::string::npos) s.replace(dot, 1, decimal_);
    return style.minus_sign ? with_minus_sign(std::move(s)) : s;
}

namespace {

std::string coordinate_text(const Catalog& cat, double v, const char* negative, const char* positive) {
    if (std::abs(v) < 1e-9) return cat.text("coordinates.zero");
    return cat.text(v < 0 ? negative : positive, {{"deg", cat.plain(std::abs(v))}});
}

std::string range_text(const Catalog& cat, double from, double to, const char* negative, const char* positive) {
    if (from > to) std::swap(from, to);
    const bool one_side = from >= 0 || to <= 0;
    if (!one_side)
        return cat.text("coordinates.range", {{"from", coordinate_text(cat, from, negative, positive)}, {"to", coordinate_text(cat, to, negative, positive)}});
    const double near = std::min(std::abs(from), std::abs(to)), far = std::max(std::abs(from), std::abs(to));
    const std::string key = std::string(to <= 0 && from < 0 ? negative : positive) + "_range";
    return cat.text(key, {{"from", cat.plain(near)}, {"to", cat.plain(far)}});
}

}  // namespace

std::string longitude_text(const Catalog& cat, double lon) { return coordinate_text(cat, lon, "coordinates.west", "coordinates.east"); }
std::string latitude_text(const Catalog& cat, double lat) { return coordinate_text(cat, lat, "coordinates.south", "coordinates.north"); }
std::string longitude_range_text(const Catalog& cat, double from, double to) {
    return range_text(cat, from, to, "coordinates.west", "coordinates.east");
}
std::string latitude_range_text(const Catalog& cat, double from, double to) {
    return range_text(cat, from, to, "coordinates.south", "coordinates.north");
}

std::string with_minus_sign(std::string s) {
    if (s.starts_with('-')) s.replace(0, 1, minus_sign);
    return s;
}

std::vector<std::string> catalog_languages(const std::filesystem::path& data_dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir / "i18n", ec))
        if (entry.path().extension() == ".toml") out.push_back(entry.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

const Catalog& catalog(const std::filesystem::path& data_dir, const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, std::shared_ptr<const Catalog>> cache;
    std::lock_guard lock(mutex);
    auto key = std::make_pair(data_dir.string(), lang);
    if (auto it = cache.find(key); it != cache.end()) return *it->second;
    const std::filesystem::path dir = data_dir / "i18n";
    auto english_key = std::make_pair(data_dir.string(), std::string("en"));
    auto english = cache.count(english_key) ? cache[english_key] : nullptr;
    if (!english) {
        if (!std::filesystem::exists(dir / "en.toml")) fail(dir / "en.toml", "is missing (the reference catalog of every language)");
        english = cache[english_key] = Catalog::read(dir / "en.toml", nullptr);
    }
    if (lang == "en") return *english;
    if (!std::filesystem::exists(dir / (lang + ".toml"))) {
        std::string langs;
        for (const std::string& l : catalog_languages(data_dir)) langs += (langs.empty() ? "" : ", ") + l;
        throw Error("--lang: no catalog for '" + lang + "' in " + dir.string() + " (it has: " + langs + ")");
    }
    return *(cache[key] = Catalog::read(dir / (lang + ".toml"), english));
}

// ---- case catalogs ----

namespace {

// Flattens nested tables ("view" -> "neutral" -> "title") to dotted keys; arrays of strings get
// their index as the last part.
void flatten(const toml::table& table, const std::string& prefix, const std::filesystem::path& file,
             std::map<std::string, std::string>& out) {
    for (const auto& [k, node] : table) {
        const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const toml::table* t = node.as_table()) {
            flatten(*t, key, file, out);
        } else if (const toml::array* a = node.as_array()) {
            for (size_t i = 0; i < a->size(); ++i) {
                const auto* s = a->get(i)->as_string();
                if (!s) fail(file, key + ": must be an array of strings");
                out[key + "." + std::to_string(i)] = s->get();
            }
        } else if (const auto* s = node.as_string()) {
            out[key] = s->get();
        } else {
            fail(file, key + ": must be a string");
        }
    }
}

}  // namespace

std::shared_ptr<const CaseText> CaseText::read(const std::filesystem::path& case_dir, const std::string& lang,
                                               const std::set<std::string>& known_keys, WarningSink warn) {
    auto c = std::make_shared<CaseText>();
    c->lang_ = lang;
    c->warn_ = std::move(warn);
    c->file_ = case_dir / "i18n" / (lang + ".toml");
    if (lang == "en") return c;
    if (!std::filesystem::exists(c->file_)) {
        c->file_missing_ = true;
        if (c->warn_) c->warn_(c->file_.string() + ": no such catalog; the case's own words stay in English");
        return c;
    }
    toml::table doc = parse_toml_file(c->file_);
    const auto* language = doc["language"].as_string();
    if (!language) fail(c->file_, "language: is missing (it must be \"" + lang + "\")");
    if (language->get() != lang) fail(c->file_, "language: is '" + language->get() + "' but the file is named " + c->file_.filename().string());
    doc.erase("language");
    flatten(doc, "", c->file_, c->text_);
    for (const auto& [key, value] : c->text_) {
        if (!known_keys.count(key)) fail(c->file_, key + ": the case has no such text (a typo in an id or a key?)");
        if (auto bad = text_problem(value, true)) fail(c->file_, key + ": " + *bad);
        if (value.empty()) fail(c->file_, key + ": is empty");
    }
    return c;
}

std::string CaseText::get(const std::string& key, const std::string& fallback) const {
    if (english()) return fallback;
    if (auto it = text_.find(key); it != text_.end()) return it->second;
    if (file_missing_ || fallback.empty()) return fallback;  // a missing file was warned about once
    bool first = false;
    {
        std::lock_guard lock(warned_mutex_);
        first = warned_.insert(key).second;
    }
    if (first && warn_) warn_(file_.string() + ": no text \"" + key + "\"; using the case's English words");
    return fallback;
}

}  // namespace claimmap
