#include "pgi/io.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <vector>

#include "pgi/i18n.hpp"

namespace pgi {

namespace {

tl::unexpected<Error> io_failure(const std::filesystem::path& path, std::string message) {
    return fail(ErrorCode::io, std::move(message), {}, SourceLocation{path.string(), 0, 0});
}

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
    // Only regular files: a FIFO or a device such as /dev/zero would block or never end.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return io_failure(path, trf("cannot open file: {}", error_text(errno)));
    }
    if (S_ISDIR(st.st_mode)) {
        return io_failure(path, tr("is a directory, not a file"));
    }
    if (!S_ISREG(st.st_mode)) {
        return io_failure(path, tr("is not a regular file (a device, FIFO or socket)"));
    }
    if (static_cast<unsigned long long>(st.st_size) > max_input_bytes) {
        return io_failure(
            path, trf("is larger than {} MiB, more than any plan needs", std::to_string(max_input_bytes >> 20)));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return io_failure(path, trf("cannot open file: {}", error_text(errno)));
    }
    // One allocation of the size stat() gave and one copy (a stream into an ostringstream
    // grows and copies a 40 MB plan several times); then whatever the file gained since.
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    char more[1 << 16];
    while (in && (in.read(more, sizeof more) || in.gcount() > 0))
        text.append(more, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        return io_failure(path, trf("cannot read file: {}", error_text(errno)));
    }
    return text;
}

namespace {

std::string write_all(int fd, const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        auto n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return trf("cannot write: {}", error_text(errno));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return {};
}

// Temporary files being written, removed by the SIGINT/SIGTERM/SIGHUP handler. Fixed-size
// storage: the handler may only use async-signal-safe calls (unlink, sigaction, raise).
constexpr int temp_slots = 8;
constexpr std::size_t temp_path_max = 4096;
char temp_paths[temp_slots][temp_path_max];
std::atomic<bool> temp_used[temp_slots];     // published: the handler removes it
std::atomic<bool> temp_claimed[temp_slots];  // taken by a writer (maybe not yet published)
std::once_flag handlers_once;
constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temps_and_reraise(int sig) {
    for (int i = 0; i < temp_slots; ++i)
        if (temp_used[i].load()) ::unlink(temp_paths[i]);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(sig, &dfl, nullptr);
    ::raise(sig);
}

// Installs the handler for each signal whose disposition is still the default (a signal the
// caller ignores, as under nohup, stays ignored).
void install_handlers() {
    for (int sig : cleanup_signals) {
        struct sigaction old {};
        if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
        struct sigaction sa {};
        sa.sa_handler = remove_temps_and_reraise;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        ::sigaction(sig, &sa, nullptr);
    }
}

// Registers a temporary path for removal on a signal; the slot, or -1 when all are taken
// (or the path is too long), in which case the file is only removed on ordinary failure.
int register_temp(const std::string& path) {
    std::call_once(handlers_once, install_handlers);
    if (path.size() + 1 > temp_path_max) return -1;
    for (int i = 0; i < temp_slots; ++i) {
        bool expected = false;
        // Claim the slot, fill it, then publish: the handler reads only published slots.
        if (!temp_claimed[i].compare_exchange_strong(expected, true)) continue;
        std::memcpy(temp_paths[i], path.c_str(), path.size() + 1);
        temp_used[i].store(true);
        return i;
    }
    return -1;
}

void unregister_temp(int slot) {
    if (slot < 0) return;
    temp_used[slot].store(false);
    temp_claimed[slot].store(false);
}

// A path naming one of this process's open descriptors: /dev/stdout, /dev/stderr, /dev/stdin,
// /dev/fd/N or /proc/self/fd/N. The descriptor, else -1.
int named_descriptor(const std::string& p) {
    if (p == "/dev/stdout") return 1;
    if (p == "/dev/stderr") return 2;
    if (p == "/dev/stdin") return 0;
    for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        std::string pre = prefix;
        if (p.size() > pre.size() && p.compare(0, pre.size(), pre) == 0) {
            std::string digits = p.substr(pre.size());
            if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
            return std::stoi(digits);
        }
    }
    return -1;
}

// Follows `path` while it is a symlink, as open(2) does, so that a dangling link names the
// file it would create. An empty string and the resolved path, or the error sentence.
std::string resolve_links(const std::filesystem::path& path, std::filesystem::path& out) {
    std::filesystem::path p = path;
    for (int hops = 0;; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) break;
        if (hops == 40) return trf("cannot follow the symbolic link: {}", error_text(ELOOP));
        std::vector<char> buf(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4095) + 1);
        auto n = ::readlink(p.c_str(), buf.data(), buf.size());
        if (n < 0) return trf("cannot read the symbolic link: {}", error_text(errno));
        std::filesystem::path link(std::string(buf.data(), static_cast<std::size_t>(n)));
        p = link.is_absolute() ? link : p.parent_path() / link;
    }
    out = p;
    return {};
}

// The write itself; an empty string on success, else the error sentence.
std::string write_atomic(const std::filesystem::path& path, const std::string& content) {
    // /dev/stdout, /dev/fd/N…: write to the descriptor itself, as the shell's `>` does, so a
    // stream redirected with `>>` is appended to, never replaced.
    if (int fd = named_descriptor(path.string()); fd >= 0) {
        // A regular file behind it is written from the descriptor's offset (or appended to,
        // under `>>`), as any program writing to standard output does.
        if (::fcntl(fd, F_GETFD) < 0) return trf("cannot write: {}", error_text(errno));
        return write_all(fd, content);
    }
    std::filesystem::path target;
    if (auto err = resolve_links(path, target); !err.empty()) return err;
    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) return tr("is a directory");
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or FIFO (/dev/null, a named pipe): write to it; renaming over it would
        // replace the device with a regular file.
        int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) return trf("cannot open: {}", error_text(errno));
        std::string err = write_all(fd, content);
        if (::close(fd) != 0 && err.empty()) err = trf("cannot write: {}", error_text(errno));
        return err;
    }
    // A write-protected file is refused, as the shell's `>` refuses it: one the user may not
    // write, or one with no write permission bit at all (which root could write, but whose
    // owner protected it).
    if (exists && (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0 || (st.st_mode & 0222) == 0))
        return trf("the file is write-protected: {}", error_text(EACCES));
    // Keep an existing file's permissions; a new one gets 0666 less the umask, as any
    // program that creates a file does.
    mode_t mode = 0;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    auto dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    // Block the cleanup signals between creating the file and registering it, so that no
    // signal can leave it behind unregistered.
    sigset_t block, old;
    sigemptyset(&block);
    for (int sig : cleanup_signals) sigaddset(&block, sig);
    ::pthread_sigmask(SIG_BLOCK, &block, &old);
    int fd = ::mkstemp(tmpl.data());
    int saved = errno;
    int slot = fd >= 0 ? register_temp(tmpl) : -1;
    ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (fd < 0) return trf("cannot create a temporary file in {}: {}", dir.string(), error_text(saved));
    std::string err = write_all(fd, content);
    if (err.empty() && ::fchmod(fd, mode) != 0) err = trf("cannot set permissions: {}", error_text(errno));
    if (err.empty() && ::fsync(fd) != 0) err = trf("cannot write: {}", error_text(errno));
    if (::close(fd) != 0 && err.empty()) err = trf("cannot write: {}", error_text(errno));
    if (err.empty() && std::rename(tmpl.c_str(), target.c_str()) != 0)
        err = trf("cannot rename into place: {}", error_text(errno));
    if (!err.empty()) ::unlink(tmpl.c_str());
    unregister_temp(slot);
    if (!err.empty()) return err;
    // The rename is durable only once the directory is on disk too.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

}  // namespace

Result<void> write_file_atomic(const std::filesystem::path& path, const std::string& content) {
    std::string err = write_atomic(path, content);
    if (!err.empty()) return io_failure(path, std::move(err));
    return {};
}

}  // namespace pgi
