// Baseline for docs/performance.md: yaml-cpp's parser alone on a plan file, the part of
// `pgi validate` that is not pgi's own work. Reads the file into memory (as pgi does) and
// runs yaml-cpp's event parser with a handler that only counts events. `pgi validate`'s CPU
// time minus this program's is what pgi itself spends (tree, mapping, checks, validation,
// output). Built and run by bench/run.sh; prints the number of events, so the parse cannot
// be optimised away.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <streambuf>
#include <string>

namespace {

class Count : public YAML::EventHandler {
public:
    unsigned long events = 0;
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnSequenceEnd() override { ++events; }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++events;
    }
    void OnMapEnd() override { ++events; }
};

// The same read-only buffer over memory as pgi's reader (yaml_tree.cpp).
class MemoryBuffer : public std::streambuf {
public:
    MemoryBuffer(const char* b, std::size_t n) {
        char* p = const_cast<char*>(b);
        setg(p, p, p + n);
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: yaml_events PLAN.yaml\n");
        return 2;
    }
    std::ifstream f(argv[1], std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    MemoryBuffer buf(text.data(), text.size());
    std::istream in(&buf);
    YAML::Parser parser(in);
    Count count;
    while (parser.HandleNextDocument(count)) {
    }
    std::printf("%lu\n", count.events);
    return 0;
}
