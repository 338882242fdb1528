#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

#include "core/error.hpp"
#include "core/handles.hpp"

namespace claimmap {

using SurfacePtr = Handle<cairo_surface_t, cairo_surface_destroy>;
using CairoPtr = Handle<cairo_t, cairo_destroy>;
using FontOptionsPtr = Handle<cairo_font_options_t, cairo_font_options_destroy>;
using LayoutPtr = Handle<PangoLayout, g_object_unref>;
using PangoContextPtr = Handle<PangoContext, g_object_unref>;
using FontDescPtr = Handle<PangoFontDescription, pango_font_description_free>;

// Cairo returns error objects rather than NULL: check after every create.
inline void check_cairo(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS) throw Error(what + ": " + cairo_status_to_string(status));
}

}  // namespace claimmap
