// What a file named on the command line is: a plan or an update file, decided by parsing
// (load.hpp, detect_document_kind). A plan is the file whose top-level mapping has a `plan` or
// `components` key (docs/tracking.md); the keys are the parser's, so `"plan":` is the key
// `plan` and a note's continuation line `plan: …` is text inside a scalar, not a key.
#include <sys/stat.h>
#include <toml++/toml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fstream>
#include <istream>
#include <streambuf>
#include <string>

#include "doc_tree.hpp"
#include "pgi/io.hpp"
#include "pgi/load.hpp"

namespace pgi {

namespace {

bool is_plan_key(const std::string& key) {
    return key == "plan" || key == "components";
}

class MemoryBuffer : public std::streambuf {
public:
    MemoryBuffer(const char* b, std::size_t n) {
        char* p = const_cast<char*>(b);
        setg(p, p, p + n);
    }
};

struct FoundPlanKey {};

// Follows yaml-cpp's events and looks at the keys of the root mapping only; no tree is built,
// and parsing stops at the first `plan`/`components` key (in a plan it is near the top, so a
// 40 MB plan is not parsed twice).
class TopLevelKeys : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { node_done(nullptr); }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { node_done(nullptr); }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string& value) override {
        node_done(&value);
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        ++depth_;
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        if (depth_ == 0) root_is_map_ = true;
        ++depth_;
    }
    void OnMapEnd() override { close(); }

private:
    void close() {
        --depth_;
        node_done(nullptr);
    }
    // A whole node ended; at depth 1 of the root mapping, nodes alternate key, value.
    void node_done(const std::string* scalar) {
        if (depth_ != 1 || !root_is_map_) return;
        if (key_next_ && scalar && is_plan_key(*scalar)) throw FoundPlanKey{};
        key_next_ = !key_next_;
    }
    int depth_ = 0;
    bool root_is_map_ = false;
    bool key_next_ = true;
};

std::optional<DocumentKind> classify_yaml(std::istream& in) {
    TopLevelKeys keys;
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(keys);
    } catch (const FoundPlanKey&) {
        return DocumentKind::plan;
    } catch (const std::exception&) {  // YAML::Exception, or a deep-nesting failure
        return std::nullopt;
    }
    return DocumentKind::updates;
}

std::optional<DocumentKind> classify_yaml(std::string_view text) {
    MemoryBuffer buf(text.data(), text.size());
    std::istream in(&buf);
    return classify_yaml(in);
}

std::optional<DocumentKind> classify_toml(std::string_view text) {
    // toml++ recurses once per part of a dotted key: the loader's pre-scan guards it there,
    // and must guard it here too, or classifying a hostile file crashes before loading it.
    if (detail::find_deep_dotted_key(text, detail::kMaxDottedKeyParts)) return std::nullopt;
    try {
        toml::table t = toml::parse(text);
        return t.contains("plan") || t.contains("components") ? DocumentKind::plan : DocumentKind::updates;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<DocumentKind> detect_document_kind(std::string_view text, const std::string& file_name,
                                                 InputFormat format) {
    if (format == InputFormat::automatic) {
        auto f = format_from_extension(file_name);
        if (!f) return std::nullopt;
        format = *f;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    return format == InputFormat::toml ? classify_toml(text) : classify_yaml(text);
}

std::optional<DocumentKind> detect_file_kind(const std::filesystem::path& path, InputFormat format) {
    if (format == InputFormat::automatic) {
        auto f = format_from_extension(path);
        if (!f) return std::nullopt;
        format = *f;
    }
    if (format == InputFormat::toml) {
        auto text = read_file(path);
        if (!text) return std::nullopt;
        return detect_document_kind(*text, path.string(), format);
    }
    // YAML: streamed from the file, so that parsing stops at the first `plan`/`components`
    // key without reading the rest; the same checks as read_file() first (io.hpp).
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<unsigned long long>(st.st_size) > max_input_bytes)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    char bom[3] = {};
    in.read(bom, 3);
    if (!(in.gcount() == 3 && std::string_view(bom, 3) == "\xEF\xBB\xBF")) {  // UTF-8 BOM: skipped
        in.clear();
        in.seekg(0);
    }
    if (!in) return std::nullopt;
    return classify_yaml(in);
}

InputFormat guess_input_format(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    return classify_toml(text) ? InputFormat::toml : InputFormat::yaml;
}

}  // namespace pgi
