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

namespace {

double to_linear(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }
double to_srgb(double v) { return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055; }
constexpr double white_x = 0.95047, white_z = 1.08883, delta = 6.0 / 29;

}  // namespace

double delta_e(const Lab& x, const Lab& y) {
    constexpr double deg = M_PI / 180, pow25_7 = 6103515625.0;  // 25^7
    const double c1 = std::hypot(x.a, x.b), c2 = std::hypot(y.a, y.b), cbar = (c1 + c2) / 2;
    const double g = 0.5 * (1 - std::sqrt(std::pow(cbar, 7) / (std::pow(cbar, 7) + pow25_7)));
    const double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
    const double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        const double h = std::atan2(b, a) / (M_PI / 180);
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);
    const double dl = y.l - x.l, dc = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = h2 - h1;
        if (dh > 180) dh -= 360;
        else if (dh < -180) dh += 360;
    }
    const double dH = 2 * std::sqrt(cp1 * cp2) * std::sin(dh / 2 * deg);
    const double lbar = (x.l + y.l) / 2, cpbar = (cp1 + cp2) / 2;
    double hbar = h1 + h2;
    if (cp1 * cp2 != 0) hbar = std::abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    const double t = 1 - 0.17 * std::cos((hbar - 30) * deg) + 0.24 * std::cos(2 * hbar * deg) + 0.32 * std::cos((3 * hbar + 6) * deg) -
                     0.20 * std::cos((4 * hbar - 63) * deg);
    const double dtheta = 30 * std::exp(-std::pow((hbar - 275) / 25, 2));
    const double rc = 2 * std::sqrt(std::pow(cpbar, 7) / (std::pow(cpbar, 7) + pow25_7));
    const double sl = 1 + 0.015 * std::pow(lbar - 50, 2) / std::sqrt(20 + std::pow(lbar - 50, 2));
    const double sc = 1 + 0.045 * cpbar, sh = 1 + 0.015 * cpbar * t;
    const double rt = -std::sin(2 * dtheta * deg) * rc;
    return std::sqrt(std::pow(dl / sl, 2) + std::pow(dc / sc, 2) + std::pow(dH / sh, 2) + rt * (dc / sc) * (dH / sh));
}

Lab to_lab(const Rgba& c) {
    const double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / white_x;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / white_z;
    auto f = [](double t) { return t > delta * delta * delta ? std::cbrt(t) : t / (3 * delta * delta) + 4.0 / 29; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

Rgba from_lab(const Lab& lab, double alpha) {
    const double fy = (lab.l + 16) / 116, fx = fy + lab.a / 500, fz = fy - lab.b / 200;
    auto finv = [](double t) { return t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29); };
    const double x = finv(fx) * white_x, y = finv(fy), z = finv(fz) * white_z;
    const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    auto channel = [](double v) { return std::clamp(to_srgb(std::clamp(v, 0.0, 1.0)), 0.0, 1.0); };
    return {channel(r), channel(g), channel(b), alpha};
}

double delta_e(const Rgba& x, const Rgba& y) { return delta_e(to_lab(x), to_lab(y)); }

Rgba distinct_colour(const Rgba& wanted, const std::vector<Rgba>& others, const std::vector<Rgba>& grounds, const Distinctness& rules) {
    // How far a candidate falls short of the rules, in units of each rule (0: it meets them all).
    auto shortfall = [&](const Rgba& c) {
        double worst = 0;
        for (const Rgba& o : others) worst = std::max(worst, 1 - delta_e(c, o) / rules.min_delta_e);
        for (const Rgba& g : grounds) {
            worst = std::max(worst, 1 - delta_e(c, g) / rules.min_delta_e);
            worst = std::max(worst, 1 - contrast_ratio(c, g) / rules.min_contrast);
        }
        return worst;
    };
    const Lab base = to_lab(wanted);
    // Lightness moves away from the first ground first (lighter on a dark sea, darker on a pale one).
    const double away = grounds.empty() || base.l >= to_lab(grounds.front()).l ? 1 : -1;
    Rgba best = wanted;
    double best_short = shortfall(wanted);
    if (best_short <= 0) return wanted;
    for (double turn : {0, 30, -30, 60, -60, 90, -90, 120, -120, 150, -150, 180}) {
        const double ca = std::cos(turn * M_PI / 180), sa = std::sin(turn * M_PI / 180);
        const Lab turned{base.l, base.a * ca - base.b * sa, base.a * sa + base.b * ca};
        for (int step = 0; step <= 56; ++step) {
            const double dl = (step + 1) / 2 * 2.5 * (step % 2 ? away : -away);
            Lab l = turned;
            l.l = std::clamp(turned.l + dl, 0.0, 100.0);
            const Rgba c = from_lab(l, wanted.a);
            const double s = shortfall(c);
            if (s <= 0) return c;
            if (s < best_short) best_short = s, best = c;
        }
    }
    return best;
}

}  // namespace claimmap
