#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/scene.hpp"

namespace claimmap {

enum class Format { png, svg, pdf };

std::optional<Format> parse_format(const std::string& name);  // "png", "svg", "pdf"
std::string format_extension(Format f);

// The encoded file, in memory.
std::string encode_scene(const Scene& scene, Format format);

// Writes `bytes` to a temporary file in the target's folder, then renames it into place, so a
// reader never sees a partial file and a failure leaves nothing behind.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);
// Creates `dir` and its parents when missing (like mkdir -p); an empty path is the current
// folder. Throws an Error naming the folder when it cannot be made.
void ensure_folder(const std::filesystem::path& dir);

// Several files as one: every temporary file is written first, and only when all of them are
// complete are they renamed into place. A failure leaves none of the targets new (and no
// temporary files), so a map set is never half new. See output/publish.hpp.
void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

}  // namespace claimmap
