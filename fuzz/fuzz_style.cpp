// Style TOML (styles/*.toml): read_style, including the installed-font check.
#include "fuzz_common.hpp"
#include "render/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& path = claimmap::fuzz::write_temp(data, size, ".toml");
    try {
        claimmap::Style style = claimmap::read_style(path);
        (void)style;
    } catch (const claimmap::Error&) {
    }
    return 0;
}
