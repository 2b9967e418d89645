// pgi_schema_docs: keeps the field tables of the docs in step with the schema tables.
//
//   pgi_schema_docs [--write] FILE…
//
// Each FILE's blocks `<!-- schema: NAME -->` … `<!-- /schema -->` are regenerated from the
// schema (pgi/schema.hpp). Without --write: exit 1 and name each file whose tables drifted
// (a ctest runs this on docs/plan-format.md and docs/tracking.md). With --write: rewrite them.
#include <cstring>
#include <iostream>

#include "pgi/io.hpp"
#include "pgi/schema.hpp"

int main(int argc, char** argv) {
    bool write = false;
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--write") == 0) {
            write = true;
            continue;
        }
        auto text = pgi::read_file(argv[i]);
        if (!text) {
            std::cerr << argv[i] << ": " << text.error().message << "\n";
            return 2;
        }
        std::vector<std::string> unknown;
        std::string fresh = pgi::schema::regenerate_docs(*text, &unknown);
        for (const auto& u : unknown) {
            std::cerr << argv[i] << ": no schema table named `" << u << "`\n";
            status = 1;
        }
        if (fresh == *text) continue;
        if (write) {
            if (auto written = pgi::write_file_atomic(argv[i], fresh); !written) {
                std::cerr << argv[i] << ": " << written.error().message << "\n";
                return 2;
            }
            std::cout << "updated " << argv[i] << "\n";
        } else {
            std::cerr << argv[i]
                      << ": the field tables differ from the schema (lib/src/schema_tables.cpp); run "
                         "`pgi_schema_docs --write "
                      << argv[i] << "` and review the diff\n";
            status = 1;
        }
    }
    return status;
}
