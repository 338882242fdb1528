#pragma once
// A lock on an output folder (flock on its .claimmap.lock), held while a run writes there, so that
// two runs never interleave their files and manifests. The lock goes with the process: a run that
// is killed leaves no stale lock behind (only the empty file, which the next run reuses).
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>

namespace claimmap {

class FolderLock {
public:
    // exclusive: a full batch or a merge, alone in the folder. shared: a shard of a sharded run,
    // which writes only its own maps and manifest, next to the other shards.
    enum class Mode { exclusive, shared };

    // Waits while another run holds the folder, calling `waiting` once with a line saying so.
    // Throws Error naming the folder when it cannot lock, or when `stop` is set while waiting.
    FolderLock(const std::filesystem::path& dir, Mode mode, const std::function<void(const std::string&)>& waiting,
               const std::atomic<bool>* stop = nullptr);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

    static constexpr const char* file_name = ".claimmap.lock";

private:
    [[noreturn]] void give_up(const std::string& why);
    std::filesystem::path path_;
    int fd_ = -1;
};

}  // namespace claimmap
