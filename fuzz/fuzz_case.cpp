// Case TOML (geodata/<case>/case.toml) and gazetteer TOML: read_case, read_gazetteer.
#include "data/case_data.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& path = claimmap::fuzz::write_temp(data, size, ".toml");
    try {
        claimmap::CaseConfig c = claimmap::read_case(path);
        (void)c;
    } catch (const claimmap::Error&) {
    }
    try {
        claimmap::Gazetteer g = claimmap::read_gazetteer(path);
        (void)g;
    } catch (const claimmap::Error&) {
    }
    return 0;
}
