#pragma once
// Text shaping with Pango (Latin, Japanese and Cyrillic in one string). Measuring and drawing use
// the same font options (no hinting, no metric rounding), so a measured box is the drawn box and
// output does not depend on the surface type.
#include <cairo.h>

#include <string>
#include <vector>

#include "render/scene.hpp"

namespace claimmap {

struct TextExtent {
    double width = 0, height = 0, baseline = 0;
};

TextExtent measure_text(const std::string& text, const FontSpec& font, const std::vector<LangSpan>& langs = {});
// `text` broken into lines no wider than `width` where the font's language allows a break (between
// words; between characters in Japanese and Chinese, Pango's line breaking), trailing spaces dropped.
// A word wider than `width` on its own is broken between characters.
std::vector<std::string> wrap_text(const std::string& text, const FontSpec& font, double width);
// The width of the widest piece of `text` no line break may split, where the font's language
// allows breaks (a word in spaced scripts; a character or two in Japanese and Chinese, a Latin word
// among them included): the narrowest width wrap_text can set it in without breaking a word.
double widest_unbreakable(const std::string& text, const FontSpec& font);
// Draws a text item (halo first, then fill) on a Cairo context.
void draw_text(cairo_t* cr, const TextItem& item);
// True when fontconfig resolves `family` to a font of that family (not a fallback).
bool font_available(const std::string& family);

}  // namespace claimmap
