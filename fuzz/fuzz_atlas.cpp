// Atlas TOML (atlas/*.toml): read_atlas, then expand_atlas against the shipped case — names,
// povs, scenarios, events, compare pairs, sizes and formats.
#include "fuzz_common.hpp"
#include "pipeline/atlas.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const claimmap::LoadedCase loaded =
        claimmap::load_case(claimmap::fuzz::data_dir() / "geodata/kurils/case.toml");
    const auto& path = claimmap::fuzz::write_temp(data, size, ".toml");
    try {
        claimmap::Atlas atlas = claimmap::read_atlas(path, loaded.config.file);
        claimmap::expand_atlas(atlas, loaded);
        for (const claimmap::MapJob& job : atlas.jobs) (void)job.describe();
    } catch (const claimmap::Error&) {
    }
    return 0;
}
