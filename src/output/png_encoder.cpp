#include "output/png_encoder.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <vector>

#include "core/error.hpp"

namespace claimmap {
namespace {

void append(png_structp png, png_bytep data, png_size_t length) {
    // No C++ exception may cross libpng's C frames: report it the libpng way.
    try {
        static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
    } catch (...) {
        png_error(png, "out of memory");
    }
}
void flush(png_structp) {}

bool is_opaque(const unsigned char* data, int width, int height, int stride) {
    for (int y = 0; y < height; ++y) {
        const auto* px = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
        for (int x = 0; x < width; ++x)
            if ((px[x] >> 24) != 0xff) return false;
    }
    return true;
}

// Cairo's native-endian premultiplied ARGB32 to PNG's byte order.
void convert_row(const uint32_t* px, int width, bool opaque, unsigned char* out) {
    for (int x = 0; x < width; ++x) {
        const uint32_t v = px[x];
        const unsigned a = v >> 24;
        unsigned r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
        if (opaque) {
            *out++ = r, *out++ = g, *out++ = b;
            continue;
        }
        if (a != 0 && a != 0xff) r = (r * 255 + a / 2) / a, g = (g * 255 + a / 2) / a, b = (b * 255 + a / 2) / a;
        *out++ = r, *out++ = g, *out++ = b, *out++ = a;
    }
}

// libpng reports errors by longjmp: this frame holds nothing with a destructor (the output and
// row buffers belong to the caller), so jumping out of it skips none.
bool write_png(const unsigned char* data, int width, int height, int stride, bool opaque, std::string* out,
               unsigned char* row) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, append, flush);
    png_set_IHDR(png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 3);
    png_write_info(png, info);
    for (int y = 0; y < height; ++y) {
        convert_row(reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride), width, opaque, row);
        png_write_row(png, row);
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

std::string encode_png_image(cairo_surface_t* image) {
    cairo_surface_flush(image);
    if (cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32) throw Error("encode PNG: not an ARGB32 image");
    const int width = cairo_image_surface_get_width(image), height = cairo_image_surface_get_height(image);
    const int stride = cairo_image_surface_get_stride(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    if (!data) throw Error("encode PNG: the image has no pixels");
    const bool opaque = is_opaque(data, width, height, stride);
    std::string out;
    out.reserve(static_cast<size_t>(width) * height / 4);
    std::vector<unsigned char> row(static_cast<size_t>(width) * 4);
    if (!write_png(data, width, height, stride, opaque, &out, row.data())) throw Error("encode PNG: libpng failed");
    return out;
}

}  // namespace claimmap
