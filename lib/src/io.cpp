#include "pgi/io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pgi {

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "is a directory, not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::string("cannot open file: ") + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = std::string("cannot read file: ") + std::strerror(errno);
        return std::nullopt;
    }
    return std::move(ss).str();
}

std::string write_file_atomic(const std::filesystem::path& path, const std::string& content) {
    auto dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        auto n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string err = std::string("cannot write: ") + std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return err;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        std::string err = std::string("cannot write: ") + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return err;
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string err = std::string("cannot rename into place: ") + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return err;
    }
    return {};
}

}  // namespace pgi
