#include "pgi/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

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
        return io_failure(path, std::string("cannot open file: ") + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        return io_failure(path, "is a directory, not a file");
    }
    if (!S_ISREG(st.st_mode)) {
        return io_failure(path, "is not a regular file (a device, FIFO or socket)");
    }
    if (static_cast<unsigned long long>(st.st_size) > max_input_bytes) {
        return io_failure(path,
                          "is larger than " + std::to_string(max_input_bytes >> 20) + " MiB, more than any plan needs");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return io_failure(path, std::string("cannot open file: ") + std::strerror(errno));
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        return io_failure(path, std::string("cannot read file: ") + std::strerror(errno));
    }
    return std::move(ss).str();
}

namespace {

std::string write_all(int fd, const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        auto n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::string("cannot write: ") + std::strerror(errno);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return {};
}

}  // namespace

namespace {

// The write itself; an empty string on success, else the error sentence.
std::string write_atomic(const std::filesystem::path& path, const std::string& content) {
    struct stat st {};
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) return "is a directory";
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or FIFO (/dev/stdout, /dev/null): write to it; renaming over it would
        // replace the device with a regular file.
        int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) return std::string("cannot open: ") + std::strerror(errno);
        std::string err = write_all(fd, content);
        if (::close(fd) != 0 && err.empty()) err = std::string("cannot write: ") + std::strerror(errno);
        return err;
    }
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
    // Through a symlink, replace the file it points to, not the link.
    std::error_code ec;
    std::filesystem::path target = std::filesystem::is_symlink(path, ec) ? std::filesystem::canonical(path, ec) : path;
    if (ec) target = path;
    auto dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
    std::string err = write_all(fd, content);
    if (err.empty() && ::fchmod(fd, mode) != 0) err = std::string("cannot set permissions: ") + std::strerror(errno);
    if (err.empty() && ::fsync(fd) != 0) err = std::string("cannot write: ") + std::strerror(errno);
    if (::close(fd) != 0 && err.empty()) err = std::string("cannot write: ") + std::strerror(errno);
    if (err.empty() && std::rename(tmpl.c_str(), target.c_str()) != 0)
        err = std::string("cannot rename into place: ") + std::strerror(errno);
    if (!err.empty()) ::unlink(tmpl.c_str());
    return err;
}

}  // namespace

Result<void> write_file_atomic(const std::filesystem::path& path, const std::string& content) {
    std::string err = write_atomic(path, content);
    if (!err.empty()) return io_failure(path, std::move(err));
    return {};
}

}  // namespace pgi
