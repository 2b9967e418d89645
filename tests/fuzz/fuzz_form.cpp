// libFuzzer target: `pgi intake`'s form reader (intake.hpp) on a filled progress form: an .xlsx
// workbook (zip + XML, libzip and pugixml) or, when the first byte is odd, the CSV form. The
// reader takes a path, so each input is written to a file of this process first. The plan is
// the Lạng Sơn example (PGI_FUZZ_PLAN), loaded once.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pgi/intake.hpp"
#include "pgi/load.hpp"
#include "pgi/period.hpp"

namespace {

const pgi::Plan& plan() {
    static const pgi::Plan p = [] {
        auto r = pgi::load_plan_file(PGI_FUZZ_PLAN);
        if (!r || !r->plan) std::abort();  // the fuzzer cannot run without its plan
        return *r->plan;
    }();
    return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    bool csv = (data[0] & 1) != 0;
    static const std::string dir = std::filesystem::temp_directory_path().string();
    std::string path = dir + "/pgi-fuzz-form-" + std::to_string(::getpid()) + (csv ? ".csv" : ".xlsx");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    pgi::IntakeOptions options;
    if (csv) {  // a CSV form says neither owner nor period: give them, as `--by` and `--period` do
        options.owner = "phong-tai-nguyen-va-moi-truong";
        options.period = pgi::parse_period("2024-10");
    }
    pgi::Diagnostics findings;
    (void)pgi::read_form(plan(), path, options, findings);
    std::filesystem::remove(path);
    return 0;
}
