#include "render/color.hpp"

#include <algorithm>
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

double contrast_ratio(const Rgba& a, const Rgba& b) {
    auto luminance = [](const Rgba& c) {
        auto linear = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace claimmap
