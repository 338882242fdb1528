#pragma once
// Shared by the libFuzzer targets: parsers that take a path get the input through a temporary
// file; claimmap::Error is the expected way to refuse bad input, anything else crashes the target.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"

namespace claimmap::fuzz {

// One temporary file per process (libFuzzer may run several workers), removed at exit.
inline const std::filesystem::path& temp_file(const char* ext) {
    static const std::filesystem::path path = [ext] {
        const char* tmp = std::getenv("TMPDIR");
        auto p = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                 ("claimmap-fuzz-" + std::to_string(::getpid()) + ext);
        static struct Remover {
            std::filesystem::path p;
            ~Remover() {
                std::error_code ec;
                std::filesystem::remove(p, ec);
            }
        } remover{p};
        return p;
    }();
    return path;
}

inline const std::filesystem::path& write_temp(const uint8_t* data, size_t size, const char* ext) {
    const auto& path = temp_file(ext);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) std::abort();  // the harness itself failed, not the parser
    return path;
}

inline std::filesystem::path data_dir() { return CLAIMMAP_DATA_DIR; }

}  // namespace claimmap::fuzz
