// libFuzzer target: `pgi import`'s reader of a plan document's text (import.hpp), whose output
// then goes through the validator as `pgi import` does before writing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pgi/import.hpp"
#include "pgi/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    pgi::ImportResult r = pgi::import_plan_text(text);
    if (r.plan) {
        pgi::Diagnostics d;
        pgi::validate_plan(*r.plan, d);
    }
    return 0;
}
