// libFuzzer target: an update file (docs/tracking.md). The first byte chooses the format (odd:
// TOML, even: YAML), so one corpus covers both readers; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pgi/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    bool toml = (data[0] & 1) != 0;
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    pgi::UpdateLoadResult r = toml ? pgi::load_update_text(text, "2024-10/so-tnmt.toml", pgi::InputFormat::toml)
                                   : pgi::load_update_text(text, "2024-10/so-tnmt.yaml", pgi::InputFormat::yaml);
    (void)r;
    return 0;
}
