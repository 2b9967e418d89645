// The one error type (pgi/error.hpp) and the four exit-code classes of the command layer
// (cli/app.hpp, docs/cli.md "Exit codes"), and the io and label contracts mutation testing
// found unguarded (tests/mutation/mutants.txt). Exit 3 cannot be provoked from the command line
// without a bug, so run_command() is driven here with commands that fail on purpose.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "app.hpp"
#include "pgi/error.hpp"
#include "pgi/io.hpp"
#include "pgi/labels.hpp"

using namespace pgi;

TEST_CASE("every error code has its stable name") {
    CHECK(std::string(to_string(ErrorCode::io)) == "io-error");
    CHECK(std::string(to_string(ErrorCode::unknown_format)) == "unknown-format");
    CHECK(std::string(to_string(ErrorCode::usage)) == "usage");
    CHECK(std::string(to_string(ErrorCode::invalid_input)) == "invalid-input");
    CHECK(std::string(to_string(ErrorCode::internal)) == "internal");
}

TEST_CASE("an error becomes a finding at its location") {
    Error e{ErrorCode::io, "cannot open file: No such file or directory", "check the path",
            SourceLocation{"a.yaml", 0, 0}};
    Diagnostic d = to_diagnostic(e);
    CHECK(d.severity == Severity::error);
    CHECK(d.code == "io-error");
    CHECK(d.location.file == "a.yaml");
    CHECK(d.hint == "check the path");
    CHECK(render_text(d) ==
          "a.yaml: error: [io-error] cannot open file: No such file or directory\n  hint: check the path\n");
}

TEST_CASE("read_file and write_file_atomic report failures as io errors") {
    auto r = read_file("/nonexistent-dir/plan.yaml");
    REQUIRE(!r);
    CHECK(r.error().code == ErrorCode::io);
    CHECK(r.error().message == "cannot open file: No such file or directory");
    auto dir = read_file("/");
    REQUIRE(!dir);
    CHECK(dir.error().message == "is a directory, not a file");
    auto w = write_file_atomic("/nonexistent-dir/out.txt", "x");
    REQUIRE(!w);
    CHECK(w.error().code == ErrorCode::io);
    REQUIRE(w.error().location);
    CHECK(w.error().location->file == "/nonexistent-dir/out.txt");
}

TEST_CASE("exit codes: 0 success, 1 findings, 2 usage or I/O, 3 internal") {
    using pgi::cli::run_command;
    CHECK(run_command([]() -> Result<int> { return 0; }) == 0);
    CHECK(run_command([]() -> Result<int> { return 1; }) == 1);  // a command that printed findings
    CHECK(run_command([]() -> Result<int> { return fail(ErrorCode::invalid_input, "the plan is invalid"); }) == 1);
    CHECK(run_command([]() -> Result<int> { return fail(ErrorCode::usage, "gap takes one plan"); }) == 2);
    CHECK(run_command([]() -> Result<int> { return fail(ErrorCode::io, "cannot write x"); }) == 2);
    CHECK(run_command([]() -> Result<int> { return fail(ErrorCode::unknown_format, "plan.json"); }) == 2);
    CHECK(run_command([]() -> Result<int> { return fail(ErrorCode::internal, "unreachable"); }) == 3);
    CHECK(run_command([]() -> Result<int> { throw std::bad_alloc(); }) == 3);
    CHECK(run_command([]() -> Result<int> { throw std::logic_error("bug"); }) == 3);
    CHECK(run_command([]() -> Result<int> { throw 42; }) == 3);
}

TEST_CASE("write_file_atomic keeps an existing file's permissions") {
    std::string dir = std::filesystem::temp_directory_path() / ("pgi-io-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = dir + "/out.md";
    REQUIRE(write_file_atomic(path, "one"));
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    REQUIRE(write_file_atomic(path, "two"));
    CHECK(std::filesystem::status(path).permissions() ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));  // 0600, not 0666 & ~umask
    CHECK(read_file(path).value() == "two");
    std::filesystem::remove_all(dir);
}

TEST_CASE("counts take the singular for one in English: 1 day, 2 days") {
    CHECK(label_count(Label::days_count, Language::en, 1) == "1 day");
    CHECK(label_count(Label::days_count, Language::en, 2) == "2 days");
    CHECK(label_count(Label::days_count, Language::en, 0) == "0 days");
    CHECK(label_count(Label::late_by_days, Language::en, 1) == "late by 1 day");
    CHECK(label_count(Label::late_by_days, Language::vi, 1) == "chậm 1 ngày");
}

TEST_CASE("read_file refuses a file over the input cap before reading it") {
    std::string dir = std::filesystem::temp_directory_path() / ("pgi-cap-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = dir + "/huge.yaml";
    { std::ofstream(path) << "pgi: 1\n"; }
    std::filesystem::resize_file(path, max_input_bytes + 1);  // sparse: no disk space used
    auto r = read_file(path);
    REQUIRE(!r);
    CHECK(r.error().code == ErrorCode::io);
    CHECK(r.error().message == "is larger than 256 MiB, more than any plan needs");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a failed atomic write leaves neither a partial output nor its temporary file") {
    std::string dir = std::filesystem::temp_directory_path() / ("pgi-efbig-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = dir + "/report.md";
    REQUIRE(write_file_atomic(path, "old"));
    // A file-size limit makes write(2) fail with EFBIG after the temporary file exists.
    struct rlimit saved {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = saved;
    small.rlim_cur = 4;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto w = write_file_atomic(path, std::string(4096, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, old_handler);
    REQUIRE(!w);
    CHECK(w.error().code == ErrorCode::io);
    CHECK(read_file(path).value() == "old");
    std::vector<std::string> left;
    for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{"report.md"});
    std::filesystem::remove_all(dir);
}
