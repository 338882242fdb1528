#include "output/folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "core/error.hpp"

namespace claimmap {

FolderLock::FolderLock(const std::filesystem::path& dir, Mode mode, const std::function<void(const std::string&)>& waiting,
                       const std::atomic<bool>* stop)
    : path_(dir / file_name) {
    const int op = (mode == Mode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
    bool told = false;
    for (;;) {
        fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd_ < 0) fail(path_, std::string("cannot lock the output folder: ") + std::strerror(errno));
        // Polled rather than blocking, so that a signal (which only sets `stop`) ends the wait.
        while (::flock(fd_, op) != 0) {
            const int err = errno;
            if (err != EWOULDBLOCK && err != EINTR) give_up(std::string("cannot lock the output folder: ") + std::strerror(err));
            if (!told && err == EWOULDBLOCK) {
                waiting("waiting: another claimmap run is writing into " + dir.string());
                told = true;
            }
            if (stop && stop->load()) give_up("stopped while waiting for another claimmap run to finish writing here");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        // The last holder removes the file: the lock counts only on the file still in the folder.
        struct stat held {}, named {};
        if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
            held.st_ino == named.st_ino)
            return;
        ::close(fd_);
    }
}

void FolderLock::give_up(const std::string& why) {
    ::close(fd_);
    fd_ = -1;
    fail(path_.parent_path(), why);
}

FolderLock::~FolderLock() {
    // Removed only when no other run holds or shares it, so that finished folders stay clean.
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) ::unlink(path_.c_str());
    ::close(fd_);
}

}  // namespace claimmap
