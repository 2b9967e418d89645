// Baseline for docs/performance.md: how long yaml-cpp's document API (YAML::LoadFile, a
// YAML::Node tree) takes on a plan file, the API `pgi` does not use (it reads yaml-cpp's
// event stream into its own compact tree). Built and run by bench/run.sh; prints nothing but
// the number of top-level keys, so the load cannot be optimised away.
#include <yaml-cpp/yaml.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: yaml_document_api PLAN.yaml\n");
        return 2;
    }
    YAML::Node root = YAML::LoadFile(argv[1]);
    std::printf("%zu\n", root.size());
    return 0;
}
