#include "app.hpp"

int main(int argc, char** argv) {
    return pgi::cli::run(argc, argv);
}
