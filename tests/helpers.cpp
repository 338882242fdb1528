#include "helpers.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace claimmap::test {

std::filesystem::path shipped_case() { return std::filesystem::path(CLAIMMAP_DATA_DIR) / "geodata/kurils/case.toml"; }

const LoadedCase& kurils() {
    static const LoadedCase loaded = load_case(shipped_case());
    return loaded;
}

const Style& default_style() {
    static const Style style = read_style(std::filesystem::path(CLAIMMAP_DATA_DIR) / "styles/default.toml");
    return style;
}

std::filesystem::path scratch_dir(const std::string& name) {
    auto dir = std::filesystem::path(CLAIMMAP_TEST_TMP) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

RunResult run_claimmap(const std::string& args) {
    auto dir = std::filesystem::path(CLAIMMAP_TEST_TMP);
    std::filesystem::create_directories(dir);
    // Unique per process and call: ctest runs suites in parallel processes.
    static int calls = 0;
    std::string stem = "run-" + std::to_string(::getpid()) + "-" + std::to_string(++calls);
    auto out = dir / (stem + ".out"), err = dir / (stem + ".err");
    std::string cmd = std::string("'") + CLAIMMAP_BIN + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

}  // namespace claimmap::test
