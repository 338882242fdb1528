#pragma once
// How claimmap puts files in place: every output of a run is first written in full to a temporary
// file next to its destination (every write and the close checked, so a full disk is an error),
// every destination is checked, and only then are they renamed into place — all of them or none.
// A symlink is followed to its target; a character device or a pipe (-o /dev/stdout) is written
// to directly, never replaced; anything else that is not a regular file is refused.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace claimmap {

using FileBytes = std::pair<std::filesystem::path, std::string>;
void publish_files(const std::vector<FileBytes>& files);

// On SIGINT, SIGTERM or SIGHUP, removes the temporary files this process is writing, then dies
// by the signal as before. Call once, early, from a command that does not handle signals itself.
void remove_temp_files_on_signals();

// Temporary files are named ".<name>.tmp-<pid>-XXXXXX": removes those in `dir` whose process is
// gone (a run killed with SIGKILL, a power cut), and returns how many.
int remove_stale_temp_files(const std::filesystem::path& dir);

}  // namespace claimmap
