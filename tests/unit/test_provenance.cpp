// provenance_of() (libgit2) against a repository scripted with the git program: each state
// the report can show, read back by the library and cross-checked against `git rev-parse`.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pgi/provenance.hpp"

using namespace pgi;
namespace fs = std::filesystem;

namespace {

struct ScratchRepo {
    fs::path dir = fs::temp_directory_path() / ("pgi-provenance-" + std::to_string(::getpid()));
    ScratchRepo() {
        fs::remove_all(dir);
        fs::create_directories(dir / "updates");
    }
    ~ScratchRepo() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    // Runs git in the repository with no user or system configuration; true on exit 0.
    bool git(const std::string& args) const {
        std::string cmd = "cd '" + dir.string() +
                          "' && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -c user.name=t "
                          "-c user.email=t@example.org " +
                          args + " >/dev/null 2>&1";
        return std::system(cmd.c_str()) == 0;
    }
    std::string rev_parse_head() const {
        std::string cmd = "cd '" + dir.string() + "' && git rev-parse --short=12 HEAD 2>/dev/null";
        std::string out;
        if (FILE* p = ::popen(cmd.c_str(), "r")) {
            char buf[128];
            while (std::fgets(buf, sizeof buf, p)) out += buf;
            ::pclose(p);
        }
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return out;
    }
    std::string path(const char* rel) const { return (dir / rel).string(); }
    void write(const char* rel, const std::string& text) const { std::ofstream(dir / rel, std::ios::binary) << text; }
};

using State = GitProvenance::State;

}  // namespace

TEST_CASE("provenance: outside a repository nothing is claimed") {
    ScratchRepo r;
    r.write("plan.yaml", "pgi: 1\n");
    auto p = provenance_of(r.path("plan.yaml"));
    CHECK(p.state == State::unknown);
    CHECK(p.describe() == "");
}

TEST_CASE("provenance: no commit yet, committed, modified (work tree and staged), untracked, deleted") {
    ScratchRepo r;
    r.write("plan.yaml", "pgi: 1\n");
    r.write("updates/a.yaml", "updates: []\n");
    REQUIRE(r.git("init -q ."));
    REQUIRE(r.git("add plan.yaml"));
    // in the index, but HEAD has no commit
    CHECK(provenance_of(r.path("plan.yaml")).describe() == "git: no commit yet");
    CHECK(provenance_of(r.path("updates/a.yaml")).describe() == "git: untracked");

    REQUIRE(r.git("add -A"));
    REQUIRE(r.git("commit -q -m one"));
    const std::string head = r.rev_parse_head();
    REQUIRE(head.size() == 12u);
    auto both = provenance_of(std::vector<std::string>{r.path("plan.yaml"), r.path("updates/a.yaml")});
    REQUIRE(both.size() == 2u);
    CHECK(both[0] == GitProvenance{State::committed, head});
    CHECK(both[1].describe() == "git " + head);

    // one byte appended in the work tree: modified (the mutant that always says "committed" dies here)
    r.write("plan.yaml", "pgi: 1\n#\n");
    CHECK(provenance_of(r.path("plan.yaml")) == GitProvenance{State::modified, head});
    CHECK(provenance_of(r.path("plan.yaml")).describe() == "git " + head + ", modified");
    CHECK(provenance_of(r.path("updates/a.yaml")).state == State::committed);  // its neighbour is not

    // the change staged but not committed is still a change from HEAD
    REQUIRE(r.git("add plan.yaml"));
    CHECK(provenance_of(r.path("plan.yaml")).state == State::modified);

    // committed again: clean at the new HEAD
    REQUIRE(r.git("commit -q -m two"));
    const std::string head2 = r.rev_parse_head();
    CHECK(head2 != head);
    CHECK(provenance_of(r.path("plan.yaml")) == GitProvenance{State::committed, head2});

    // a new file beside tracked ones, and a tracked file removed from the work tree
    r.write("updates/b.yaml", "updates: []\n");
    CHECK(provenance_of(r.path("updates/b.yaml")).state == State::untracked);
    fs::remove(r.dir / "updates/a.yaml");
    CHECK(provenance_of(r.path("updates/a.yaml")).state == State::modified);
}

TEST_CASE("provenance: a relative path and a path through a symlink name the same file") {
    ScratchRepo r;
    r.write("plan.yaml", "pgi: 1\n");
    REQUIRE(r.git("init -q . && git add -A && git -c user.name=t -c user.email=t@example.org commit -q -m one"));
    const std::string head = r.rev_parse_head();
    fs::path link = fs::temp_directory_path() / ("pgi-provenance-link-" + std::to_string(::getpid()));
    fs::remove(link);
    fs::create_directory_symlink(r.dir, link);
    CHECK(provenance_of((link / "plan.yaml").string()) == GitProvenance{State::committed, head});
    fs::remove(link);
    const fs::path cwd = fs::current_path();
    fs::current_path(r.dir / "updates");
    CHECK(provenance_of("../plan.yaml") == GitProvenance{State::committed, head});
    fs::current_path(cwd);
}
