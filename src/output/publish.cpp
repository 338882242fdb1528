#include "output/publish.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>

#include "core/error.hpp"

namespace claimmap {
namespace fs = std::filesystem;
namespace {

// ---- temporary files a signal handler may remove ------------------------------------------------
// Fixed storage, so that the handler touches nothing but atomics, char arrays and unlink().
struct TempSlot {
    std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a live temporary file
    char path[PATH_MAX];
};
std::array<TempSlot, 512> temp_slots;

class TempRegistration {
public:
    explicit TempRegistration(const std::string& path) {
        if (path.size() >= PATH_MAX) return;
        for (size_t i = 0; i < temp_slots.size(); ++i) {
            int expected = 0;
            if (temp_slots[i].state.compare_exchange_strong(expected, 1)) {
                std::memcpy(temp_slots[i].path, path.c_str(), path.size() + 1);
                temp_slots[i].state.store(2);
                slot_ = static_cast<int>(i);
                return;
            }
        }
        // Every slot taken (hundreds of files at once): the file is still cleaned up on errors and
        // by the next run, only not by a signal.
    }
    ~TempRegistration() {
        if (slot_ >= 0) temp_slots[slot_].state.store(0);
    }
    TempRegistration(const TempRegistration&) = delete;
    TempRegistration& operator=(const TempRegistration&) = delete;

private:
    int slot_ = -1;
};

extern "C" void remove_temps_and_die(int sig) {
    for (TempSlot& slot : temp_slots)
        if (slot.state.load() == 2) ::unlink(slot.path);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// ---- permissions ------------------------------------------------------------------------------

// The process's umask without changing it (umask() would, for every thread at once).
mode_t current_umask() {
    static const mode_t mask = [] {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
        mode_t old = ::umask(022);  // no /proc: read it the old way, once, before any thread writes
        ::umask(old);
        return old;
    }();
    return mask;
}

// ---- destinations -----------------------------------------------------------------------------

enum class Kind { create, replace, stream };

struct Destination {
    fs::path target;  // as named by the user
    fs::path real;    // after following symlinks
    Kind kind = Kind::create;
    mode_t mode = 0644;
    std::string temp;    // the finished temporary file (create, replace)
    std::string backup;  // a hard link to the replaced file, to restore on failure
    bool published = false;
};

[[noreturn]] void fail_errno(const fs::path& target, int err) {
    fail(target, std::string("cannot write: ") + std::strerror(err));
}

// Follows symlinks to the file they name (which may not exist yet).
fs::path follow_symlinks(const fs::path& target) {
    fs::path p = target;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st;
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::error_code ec;
        fs::path next = fs::read_symlink(p, ec);
        if (ec) fail(target, "cannot follow the symlink (" + ec.message() + ")");
        p = next.is_absolute() ? next : p.parent_path() / next;
    }
    fail(target, "cannot write: too many levels of symbolic links");
}

Destination check_destination(const fs::path& target) {
    Destination d;
    d.target = target;
    d.real = follow_symlinks(target);
    fs::path dir = d.real.parent_path().empty() ? fs::path(".") : d.real.parent_path();
    d.mode = 0666 & ~current_umask();
    struct stat st;
    if (::stat(d.real.c_str(), &st) == 0) {
        if (S_ISREG(st.st_mode)) {
            d.kind = Kind::replace;
            d.mode = st.st_mode & 07777;  // a replaced file keeps its permissions
        } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            d.kind = Kind::stream;
            return d;
        } else if (S_ISDIR(st.st_mode)) {
            fail(target, "cannot write: it is a folder");
        } else {
            fail(target, "cannot write: it is not a regular file, a character device or a pipe");
        }
    } else if (errno != ENOENT) {
        fail_errno(target, errno);
    }
    struct stat dst;
    if (::stat(dir.c_str(), &dst) != 0 || !S_ISDIR(dst.st_mode))
        fail(target, "cannot write: folder " + dir.string() + " does not exist");
    if (::access(dir.c_str(), W_OK) != 0) fail_errno(target, errno);
    return d;
}

// Writes all of `bytes` to `fd`; false with errno set on any failure.
bool write_all(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

// The bytes in a fresh temporary file next to the destination, checked to the last close.
void write_temp(Destination& d, const std::string& bytes, std::vector<std::unique_ptr<TempRegistration>>& registrations) {
    fs::path dir = d.real.parent_path().empty() ? fs::path(".") : d.real.parent_path();
    std::string leaf = ".";  // appended, not '"." + ...', which trips a false -Wrestrict warning of GCC 12
    leaf += d.real.filename().string();
    leaf += ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
    std::string name = (dir / leaf).string();
    int fd = ::mkstemp(name.data());
    if (fd < 0) fail_errno(d.target, errno);
    registrations.push_back(std::make_unique<TempRegistration>(name));
    d.temp = name;
    if (!write_all(fd, bytes) || ::fchmod(fd, d.mode) != 0) {
        int err = errno;
        ::close(fd);
        fail_errno(d.target, err);
    }
    if (::close(fd) != 0) fail_errno(d.target, errno);
}

void write_stream(const Destination& d, const std::string& bytes) {
    int fd = ::open(d.real.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) fail_errno(d.target, errno);
    if (!write_all(fd, bytes)) {
        int err = errno;
        ::close(fd);
        fail_errno(d.target, err);
    }
    if (::close(fd) != 0) fail_errno(d.target, errno);
}

// Undoes what was published: new files are removed, replaced ones restored from their backup.
void roll_back(std::vector<Destination>& dests) {
    for (Destination& d : dests) {
        if (!d.temp.empty()) ::unlink(d.temp.c_str());
        if (d.published) {
            if (!d.backup.empty()) ::rename(d.backup.c_str(), d.real.c_str());
            else if (d.kind == Kind::create) ::unlink(d.real.c_str());
        }
        if (!d.backup.empty()) ::unlink(d.backup.c_str());
    }
}

// Blocks the signals the cleanup handler catches while files are being renamed into place, so
// that a run is published whole or not at all.
class SignalsHeld {
public:
    SignalsHeld() {
        sigset_t set;
        sigemptyset(&set);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
        pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

private:
    sigset_t old_;
};

// Each folder written to is swept of stale temporary files once per process.
void sweep_once(const fs::path& dir) {
    static std::mutex mutex;
    static std::set<fs::path> swept;
    std::lock_guard lock(mutex);
    if (swept.insert(dir).second) remove_stale_temp_files(dir);
}

}  // namespace

void publish_files(const std::vector<FileBytes>& files) {
    std::vector<Destination> dests;
    for (const auto& [target, bytes] : files) {
        for (const Destination& d : dests)
            if (d.target == target) fail(target, "is named twice as an output");
        dests.push_back(check_destination(target));
    }
    for (const Destination& d : dests)
        if (d.kind != Kind::stream) sweep_once(d.real.parent_path().empty() ? fs::path(".") : d.real.parent_path());
    std::vector<std::unique_ptr<TempRegistration>> registrations;
    try {
        for (size_t i = 0; i < files.size(); ++i)
            if (dests[i].kind != Kind::stream) write_temp(dests[i], files[i].second, registrations);
        // Devices and pipes cannot be taken back: they are written once everything else is ready.
        for (size_t i = 0; i < files.size(); ++i)
            if (dests[i].kind == Kind::stream) write_stream(dests[i], files[i].second);
        SignalsHeld held;
        for (Destination& d : dests) {
            if (d.kind == Kind::stream) continue;
            if (d.kind == Kind::replace) {
                std::string backup = d.temp + ".old";
                if (::link(d.real.c_str(), backup.c_str()) == 0) {
                    d.backup = backup;
                    registrations.push_back(std::make_unique<TempRegistration>(backup));
                }
            }
            if (::rename(d.temp.c_str(), d.real.c_str()) != 0) fail_errno(d.target, errno);
            d.temp.clear();
            d.published = true;
        }
        for (Destination& d : dests)
            if (!d.backup.empty()) ::unlink(d.backup.c_str());
    } catch (...) {
        roll_back(dests);
        throw;
    }
}

void remove_temp_files_on_signals() {
    struct sigaction sa {};
    sa.sa_handler = remove_temps_and_die;
    sigemptyset(&sa.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &sa, nullptr);
}

int remove_stale_temp_files(const fs::path& dir) {
    // Also the names older versions used for GDAL's files: ".<stem>.tmp-<pid>.gpkg" and the like.
    static const std::regex ours(R"(\..+\.tmp-([0-9]+)(-[A-Za-z0-9]{6}(\.old)?|\.(gpkg|geojson)(-journal|-wal|-shm)?))");
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::smatch m;
        const std::string name = it->path().filename().string();
        if (!std::regex_match(name, m, ours)) continue;
        const long pid = std::strtol(m[1].str().c_str(), nullptr, 10);
        if (pid <= 0 || pid > INT_MAX) continue;
        // A file of a live process (another run writing into this folder) is left alone.
        if (pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        std::error_code rm;
        if (it->is_regular_file(rm) && fs::remove(it->path(), rm)) ++removed;
    }
    return removed;
}

}  // namespace claimmap
