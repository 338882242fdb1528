#include "render/color.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace claimmap {

bool parse_color(const std::string& text, Rgba& out) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return false;
    for (size_t i = 1; i < text.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    auto byte = [&](size_t i) { return std::stoi(text.substr(i, 2), nullptr, 16) / 255.0; };
    out = {byte(1), byte(3), byte(5), text.size() == 9 ? byte(7) : 1.0};
    return true;
}

std::string to_hex(const Rgba& c) {
    char buf[8];
    auto q = [](double v) { return static_cast<int>(std::lround(v * 255.0)); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", q(c.r), q(c.g), q(c.b));
    return buf;
}

}  // namespace claimmap
