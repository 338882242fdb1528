#include "output/writers.hpp"

#include <cairo-pdf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "output/png_encoder.hpp"
#include "output/publish.hpp"
#include "output/svg_writer.hpp"
#include "render/cairo_handles.hpp"
#include "render/cairo_painter.hpp"

namespace claimmap {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string encode_png(const Scene& scene) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, scene.width, scene.height));
    check_cairo(cairo_surface_status(surface.get()), "create PNG surface");
    CairoPtr cr(cairo_create(surface.get()));
    check_cairo(cairo_status(cr.get()), "create Cairo context");
    paint_scene(cr.get(), scene);
    check_cairo(cairo_status(cr.get()), "render");
    return encode_png_image(surface.get());
}

std::string encode_pdf(const Scene& scene) {
    std::string bytes;
    {
        const double points_per_px = 72.0 / scene.dpi;
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, scene.width * points_per_px,
                                                               scene.height * points_per_px));
        check_cairo(cairo_surface_status(surface.get()), "create PDF surface");
        // A fixed date keeps the PDF byte-identical across runs.
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "claimmap " CLAIMMAP_VERSION);
        CairoPtr cr(cairo_create(surface.get()));
        check_cairo(cairo_status(cr.get()), "create Cairo context");
        cairo_scale(cr.get(), points_per_px, points_per_px);
        paint_scene(cr.get(), scene);
        check_cairo(cairo_status(cr.get()), "render");
        cr.reset();
        cairo_surface_finish(surface.get());
        check_cairo(cairo_surface_status(surface.get()), "encode PDF");
    }
    return bytes;
}

}  // namespace

void ensure_folder(const std::filesystem::path& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) return;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir, ec))
        fail(dir, "cannot create the output folder (" + (ec ? ec.message() : std::string("not a folder")) + ")");
}

std::optional<Format> parse_format(const std::string& name) {
    if (name == "png") return Format::png;
    if (name == "svg") return Format::svg;
    if (name == "pdf") return Format::pdf;
    return std::nullopt;
}

std::string format_extension(Format f) {
    switch (f) {
        case Format::png: return "png";
        case Format::svg: return "svg";
        case Format::pdf: return "pdf";
    }
    return "";
}

std::string encode_scene(const Scene& scene, Format format) {
    switch (format) {
        case Format::png: return encode_png(scene);
        case Format::svg: return scene_to_svg(scene);
        case Format::pdf: return encode_pdf(scene);
    }
    return {};
}

void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    publish_files(files);
}

void write_file_atomically(const std::filesystem::path& target, const std::string& bytes) {
    write_files_atomically({{target, bytes}});
}

}  // namespace claimmap
