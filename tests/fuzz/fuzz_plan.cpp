// libFuzzer target: a plan file, YAML or TOML (PGI_FUZZ_FORMAT), through the loader and the
// validator. Any crash, sanitizer report, leak or timeout is a bug: bad input must become
// findings (docs/testing.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pgi/load.hpp"
#include "pgi/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
#if PGI_FUZZ_TOML
    pgi::LoadResult r = pgi::load_plan_text(text, "plan.toml", pgi::InputFormat::toml);
#else
    pgi::LoadResult r = pgi::load_plan_text(text, "plan.yaml", pgi::InputFormat::yaml);
#endif
    pgi::validate_loaded(r);
    return 0;
}
