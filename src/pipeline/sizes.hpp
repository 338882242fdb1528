#pragma once
// Image sizes: WIDTHxHEIGHT, named presets, and paper sizes at a DPI.
#include <string>

namespace claimmap {

struct Size {
    int width, height;
};

// "1600x1200" or a preset: default (1600x1200), social (1200x675), a4 (A4 landscape at 300 dpi).
// Throws Error naming `option` on anything else.
Size parse_size(const std::string& text, const std::string& option = "--size");
// "a4" / "a4-landscape" (default orientation) / "a4-portrait" at `dpi`.
Size paper_size(const std::string& name, double dpi);

}  // namespace claimmap
