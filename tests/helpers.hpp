#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "pipeline/map_job.hpp"
#include "render/cairo_handles.hpp"

namespace claimmap::test {

std::filesystem::path shipped_case();
// The built-in case, loaded once per test process, with the land detail given after the Boost.Test
// options (`claimmap_tests --run_test=... -- --detail full`; the default detail otherwise).
const LoadedCase& kurils();
// A built-in case by id (geodata/<id>/case.toml), at its default detail, loaded once per process.
const LoadedCase& built_in_case(const std::string& id);
std::optional<std::string> detail_argument();
const Style& default_style();

// A fresh empty folder under the build tree's test scratch area.
std::filesystem::path scratch_dir(const std::string& name);

struct RunResult {
    int exit_code = -1;
    std::string out, err;
};
// Runs the claimmap binary with `args` (already shell-quoted where needed).
RunResult run_claimmap(const std::string& args);

std::string read_file(const std::filesystem::path& p);

// A PNG in memory decoded to a Cairo image surface (ARGB32, flushed); throws on a bad PNG.
SurfacePtr decode_png(const std::string& bytes);

}  // namespace claimmap::test
