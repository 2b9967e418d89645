#include "pgi/error.hpp"

namespace pgi {

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::io:
            return "io-error";
        case ErrorCode::unknown_format:
            return "unknown-format";
        case ErrorCode::usage:
            return "usage";
        case ErrorCode::invalid_input:
            return "invalid-input";
        case ErrorCode::internal:
            return "internal";
    }
    return "internal";
}

Diagnostic to_diagnostic(const Error& e) {
    return Diagnostic{Severity::error, e.location.value_or(SourceLocation{}), to_string(e.code), e.message, e.hint, {}};
}

}  // namespace pgi
