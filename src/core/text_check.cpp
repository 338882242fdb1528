#include "core/text_check.hpp"

#include <fmt/format.h>

namespace claimmap {
namespace {

// The code point starting at text[i] and its length in bytes; length 0 when the bytes are not
// well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF included).
std::pair<char32_t, size_t> decode(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {b0, 1};
    size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || b0 > 0xF4 || i + len > text.size()) return {0, 0};
    char32_t cp = b0 & (0x3F >> (len - 1));
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {cp, len};
}

}  // namespace

std::optional<std::string> text_problem(std::string_view text, bool single_line) {
    for (size_t i = 0; i < text.size();) {
        auto [cp, len] = decode(text, i);
        if (len == 0) return fmt::format("is not valid UTF-8 (byte {})", i + 1);
        if (cp == 0) return std::string("holds a NUL character");
        if (cp == '\n' && single_line) return std::string("holds a line break");
        if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0))
            return fmt::format("holds the control character U+{:04X}", static_cast<unsigned>(cp));
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            return fmt::format("holds the bidirectional control U+{:04X}", static_cast<unsigned>(cp));
        i += len;
    }
    return std::nullopt;
}

std::optional<std::string> file_name_problem(std::string_view name) {
    if (name.empty()) return std::string("is empty");
    if (name.size() > 200) return std::string("is longer than 200 bytes");
    if (auto p = text_problem(name, true)) return p;
    if (name.front() == '.' || name.front() == '-') return std::string("starts with '" + std::string(1, name.front()) + "'");
    if (name.front() == ' ' || name.back() == ' ') return std::string("starts or ends with a space");
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) continue;
        if (std::string_view("-_.+,=@~ ").find(c) != std::string_view::npos) continue;
        return "holds '" + std::string(1, c) + "' (use letters, digits and - _ . + , = @ ~)";
    }
    return std::nullopt;
}

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (u < 0x20 || u == 0x7F) out += fmt::format("\\x{:02x}", u);
        else out += c;
    }
    return out;
}

}  // namespace claimmap
