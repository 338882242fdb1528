#pragma once
// What the bad-input suites share (test_bad_input*.cpp): running the binary on broken copies of
// the shipped data and checking the error contract.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "helpers.hpp"

namespace claimmap::test::bad {

namespace fs = std::filesystem;

inline const fs::path data_root = CLAIMMAP_DATA_DIR;

inline int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

inline std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

inline std::string listing(const fs::path& dir) {
    std::string out;
    for (const auto& e : fs::directory_iterator(dir)) out += " " + e.path().filename().string();
    return out;
}

// The error contract: a non-zero exit, one line on stderr naming every one of `names`, and an
// empty `out_dir` (no maps, no temporary files).
inline void expect_clean_error(const test::RunResult& r, const fs::path& out_dir, std::initializer_list<std::string> names) {
    BOOST_TEST(r.exit_code != 0, "exit code " << r.exit_code);
    BOOST_TEST(r.exit_code < 128, "killed by a signal: " << r.exit_code);
    BOOST_TEST(count_lines(r.err) == 1, "stderr should be one line: " << r.err);
    BOOST_TEST(r.err.find("internal error") == std::string::npos, r.err);
    for (const std::string& name : names)
        BOOST_TEST(r.err.find(name) != std::string::npos, "stderr should name '" << name << "': " << r.err);
    BOOST_TEST(fs::is_empty(out_dir), "left behind in " << out_dir << ":" << listing(out_dir));
}

struct Dirs {
    fs::path in, out;
};
// A fresh input folder and a fresh (empty) output folder for one case.
inline Dirs dirs(const std::string& name) { return {test::scratch_dir("bad-" + name + "-in"), test::scratch_dir("bad-" + name + "-out")}; }

inline void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    BOOST_REQUIRE(out.good());
}

inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "'" << from << "' not found");
    return text.replace(at, from.size(), to);
}

// Edits a file in place: the first `from` becomes `to`.
inline void edit(const fs::path& p, const std::string& from, const std::string& to) { write(p, replaced(test::read_file(p), from, to)); }

// The 1-based line of the first occurrence of `what` in `file`, as text.
inline std::string line_of(const fs::path& file, const std::string& what) {
    std::string text = test::read_file(file);
    size_t at = text.find(what);
    BOOST_REQUIRE(at != std::string::npos);
    return "line " + std::to_string(1 + std::count(text.begin(), text.begin() + long(at), '\n'));
}

// Copies the shipped case (geodata/kurils and the world layer it refers to) into `dir`; returns
// the copy's case.toml.
inline fs::path copy_case(const fs::path& dir) {
    fs::copy(data_root / "geodata/kurils", dir / "kurils", fs::copy_options::recursive);
    fs::copy(data_root / "geodata/world", dir / "world", fs::copy_options::recursive);
    return dir / "kurils/case.toml";
}

// Copies land.{shp,shx,dbf,prj,cpg} into `dir` under `stem`; returns the .shp.
inline fs::path copy_land(const fs::path& dir, const std::string& stem = "land") {
    for (const std::string ext : {"shp", "shx", "dbf", "prj", "cpg"})
        fs::copy_file(data_root / ("geodata/kurils/land." + ext), dir / (stem + "." + ext));
    return dir / (stem + ".shp");
}

inline fs::path copy_style(const fs::path& dir, const std::string& name = "style.toml") {
    fs::copy_file(data_root / "styles/default.toml", dir / name);
    return dir / name;
}

inline std::string render(const fs::path& out, const std::string& extra) {
    return "render --size 800x600 --format png --out-dir " + q(out) + " " + extra;
}

inline std::string geojson(const std::string& geometry_type, const std::string& coordinates, const std::string& extra = "") {
    return R"({"type":"FeatureCollection",)" + extra + R"("features":[{"type":"Feature","properties":{"country":"JPN"},)" +
           R"("geometry":{"type":")" + geometry_type + R"(","coordinates":)" + coordinates + "}}]}";
}

inline const std::string triangle = "[[[145,43],[146,43],[146,44],[145,43]]]";


}  // namespace claimmap::test::bad
