#include "helpers.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace claimmap::test {

std::filesystem::path shipped_case() { return std::filesystem::path(CLAIMMAP_DATA_DIR) / "geodata/kurils/case.toml"; }

std::optional<std::string> detail_argument() {
    const auto& suite = boost::unit_test::framework::master_test_suite();
    for (int i = 1; i + 1 < suite.argc; ++i)
        if (std::strcmp(suite.argv[i], "--detail") == 0) return std::string(suite.argv[i + 1]);
    return std::nullopt;
}

const LoadedCase& kurils() {
    // A detail that is missing or unknown throws here: the tests using the case fail, none is skipped.
    static const LoadedCase loaded = load_case(shipped_case(), std::nullopt, detail_argument());
    return loaded;
}

const LoadedCase& built_in_case(const std::string& id) {
    static std::map<std::string, LoadedCase> loaded;
    auto it = loaded.find(id);
    if (it == loaded.end())
        it = loaded.emplace(id, load_case(std::filesystem::path(CLAIMMAP_DATA_DIR) / "geodata" / id / "case.toml")).first;
    return it->second;
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

SurfacePtr decode_png(const std::string& bytes) {
    struct Reader {
        const std::string* s;
        size_t pos = 0;
    } reader{&bytes};
    auto read = [](void* closure, unsigned char* data, unsigned int length) -> cairo_status_t {
        auto* r = static_cast<Reader*>(closure);
        if (r->pos + length > r->s->size()) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, r->s->data() + r->pos, length);
        r->pos += length;
        return CAIRO_STATUS_SUCCESS;
    };
    SurfacePtr surface(cairo_image_surface_create_from_png_stream(read, &reader));
    check_cairo(cairo_surface_status(surface.get()), "decode PNG");
    cairo_surface_flush(surface.get());
    return surface;
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
