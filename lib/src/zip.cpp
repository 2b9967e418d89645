// make_zip / read_zip over libzip's in-memory sources.
#include "pgi/zip.hpp"

#include <zip.h>

#include <memory>

#include "pgi/i18n.hpp"

namespace pgi {

namespace {

std::string zip_message(zip_error_t* e) {
    std::string s = zip_error_strerror(e);
    return s;
}

}  // namespace

std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, const Date& stamp, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
    if (!buffer) {
        error = "zip: " + zip_message(&ze);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &ze);
    if (!za) {
        error = "zip: " + zip_message(&ze);
        zip_source_free(buffer);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    zip_error_fini(&ze);
    zip_source_keep(buffer);  // the archive's bytes stay readable after zip_close()
    auto fail = [&](const std::string& what) -> std::optional<std::string> {
        error = "zip: " + what + ": " + zip_strerror(za);
        zip_discard(za);
        zip_source_free(buffer);
        return std::nullopt;
    };
    int year = stamp.year < 1980 ? 1980 : (stamp.year > 2107 ? 2107 : stamp.year);
    int month = stamp.year < 1980 ? 1 : stamp.month;
    int day = stamp.year < 1980 ? 1 : stamp.day;
    // MS-DOS date: bits 15-9 year-1980, 8-5 month, 4-0 day; time 00:00:00.
    auto dos_date = static_cast<zip_uint16_t>(((year - 1980) << 9) | (month << 5) | day);
    for (const auto& e : entries) {
        zip_source_t* src = zip_source_buffer(za, e.content.data(), e.content.size(), 0);
        if (!src) return fail(e.name);
        zip_int64_t index = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            return fail(e.name);
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(za, i, ZIP_CM_DEFLATE, 9) != 0) return fail(e.name);
        if (zip_file_set_dostime(za, i, 0, dos_date, 0) != 0) return fail(e.name);
    }
    if (zip_close(za) != 0) return fail("close");
    // Read the finished archive back out of the buffer source.
    std::string out;
    if (zip_source_open(buffer) != 0) {
        error = tr("zip: cannot read the archive back");
        zip_source_free(buffer);
        return std::nullopt;
    }
    char chunk[65536];
    for (;;) {
        zip_int64_t n = zip_source_read(buffer, chunk, sizeof chunk);
        if (n < 0) {
            error = tr("zip: cannot read the archive back");
            zip_source_close(buffer);
            zip_source_free(buffer);
            return std::nullopt;
        }
        if (n == 0) break;
        out.append(chunk, static_cast<std::size_t>(n));
    }
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

std::optional<std::vector<ZipEntry>> read_zip(const std::string& archive, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &ze);
    if (!src) {
        error = zip_message(&ze);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!za) {
        error = zip_message(&ze);
        zip_source_free(src);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    zip_error_fini(&ze);
    std::vector<ZipEntry> out;
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        auto u = static_cast<zip_uint64_t>(i);
        if (zip_stat_index(za, u, 0, &st) != 0) {
            error = zip_strerror(za);
            zip_discard(za);
            return std::nullopt;
        }
        zip_file_t* f = zip_fopen_index(za, u, 0);
        if (!f) {
            error = zip_strerror(za);
            zip_discard(za);
            return std::nullopt;
        }
        ZipEntry e{st.name, std::string(static_cast<std::size_t>(st.size), '\0')};
        zip_int64_t got = e.content.empty() ? 0 : zip_fread(f, e.content.data(), st.size);
        zip_fclose(f);
        if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
            error = trf("short read of {}", e.name);
            zip_discard(za);
            return std::nullopt;
        }
        out.push_back(std::move(e));
    }
    zip_discard(za);
    return out;
}

}  // namespace pgi
