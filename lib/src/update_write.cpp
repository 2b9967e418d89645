#include "pgi/update_write.hpp"

#include <fmt/format.h>

#include "pgi/i18n.hpp"
#include "pgi/load.hpp"

namespace pgi {

namespace fs = std::filesystem;

fs::path update_file_for(const fs::path& plan_dir, std::string_view owner, const CalendarPeriod& period) {
    fs::path dir = plan_dir / "updates" / format_period(period);
    for (const char* ext : {".yaml", ".yml", ".toml"}) {
        fs::path p = dir / (std::string(owner) + ext);
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) return p;
    }
    return dir / (std::string(owner) + ".yaml");
}

bool update_date_fits_period(const Date& date, const CalendarPeriod& period) {
    CalendarPeriod after = period_containing(PeriodKind::month, add_days(period.last, 1));
    return period.first <= date && date <= after.last;
}

namespace {

// A double-quoted string, valid in YAML and in TOML (basic string): backslash escapes for
// `\` and `"`, \n, \t, \r, and \u00XX for other control characters.
std::string dq(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                    out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
                else
                    out += c;
        }
    }
    return out + "\"";
}

std::string dq_list(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + dq(v[i]);
    return out + "]";
}

struct FileDefaults {
    std::string reported_by;
    std::string period;
};

std::string yaml_entry(const UpdateEntry& e, const FileDefaults& d, std::size_t indent) {
    std::string pad(indent, ' ');
    std::string in = pad + "  ";
    const TaskUpdate& u = e.update;
    std::string out = pad + "- task: " + dq(e.task) + "\n";
    out += in + "date: " + format_date(u.date) + "\n";
    out += in + "status: " + to_string(u.status) + "\n";
    if (u.percent) out += in + fmt::format("percent: {}\n", *u.percent);
    if (!u.period.empty() && u.period != d.period) out += in + "period: " + dq(u.period) + "\n";
    if (!u.reported_by.empty() && u.reported_by != d.reported_by)
        out += in + "reported_by: " + dq(u.reported_by) + "\n";
    if (!u.note.empty()) out += in + "note: " + dq(u.note) + "\n";
    if (!u.evidence.empty()) out += in + "evidence: " + dq_list(u.evidence) + "\n";
    return out;
}

std::string toml_entry(const UpdateEntry& e, const FileDefaults& d) {
    const TaskUpdate& u = e.update;
    std::string out = "\n[[updates]]\ntask = " + dq(e.task) + "\n";
    out += "date = " + format_date(u.date) + "\n";
    out += std::string("status = \"") + to_string(u.status) + "\"\n";
    if (u.percent) out += fmt::format("percent = {}\n", *u.percent);
    if (!u.period.empty() && u.period != d.period) out += "period = " + dq(u.period) + "\n";
    if (!u.reported_by.empty() && u.reported_by != d.reported_by) out += "reported_by = " + dq(u.reported_by) + "\n";
    if (!u.note.empty()) out += "note = " + dq(u.note) + "\n";
    if (!u.evidence.empty()) out += "evidence = " + dq_list(u.evidence) + "\n";
    return out;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        out.push_back(text.substr(pos, eol - pos));
        pos = eol + 1;
    }
    return out;
}

// The key of a top-level YAML mapping line (`key: …` at column 0), or "".
std::string_view top_key(std::string_view line) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-') return {};
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return {};
    return line.substr(0, colon);
}

}  // namespace

std::optional<std::string> append_updates(std::string_view existing, bool toml, std::string_view owner,
                                          std::string_view period, const std::vector<UpdateEntry>& entries,
                                          std::string& error) {
    FileDefaults d{std::string(owner), std::string(period)};
    bool fresh = existing.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (!fresh) {
        auto parsed = load_update_text(existing, toml ? "existing.toml" : "existing.yaml",
                                       toml ? InputFormat::toml : InputFormat::yaml);
        if (!parsed.updates || parsed.diagnostics.has_errors()) {
            error = tr("the file is not a valid update file; fix it first (pgi validate)");
            return std::nullopt;
        }
        d.reported_by = parsed.updates->reported_by;
        d.period = parsed.updates->period;
    }
    std::string out(existing);
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (toml) {
        if (fresh) {
            out = "pgi = 1\nreported_by = " + dq(owner) + "\nperiod = " + dq(period) + "\n";
            d = FileDefaults{std::string(owner), std::string(period)};
        }
        for (const auto& line : lines_of(existing)) {
            std::string_view l = line;
            while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
            if (l.substr(0, 7) == "updates" && l.find('=') != std::string_view::npos &&
                l.substr(7).find_first_not_of(" \t") == l.substr(7).find('=')) {
                error = tr("`updates` is an inline array; pgi appends [[updates]] tables only");
                return std::nullopt;
            }
        }
        for (const auto& e : entries) out += toml_entry(e, d);
        return out;
    }
    if (fresh) {
        out = "pgi: 1\nreported_by: " + dq(owner) + "\nperiod: " + dq(period) + "\nupdates:\n";
        d = FileDefaults{std::string(owner), std::string(period)};
        for (const auto& e : entries) out += yaml_entry(e, d, 2);
        return out;
    }
    // Where is `updates:`? It must be the last top-level key, as a block list (or empty).
    auto lines = lines_of(existing);
    std::size_t updates_line = lines.size(), last_key_line = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto k = top_key(lines[i]);
        if (k.empty()) continue;
        last_key_line = i;
        if (k == "updates") updates_line = i;
    }
    if (updates_line == lines.size()) {
        out += "updates:\n";
        for (const auto& e : entries) out += yaml_entry(e, d, 2);
        return out;
    }
    if (updates_line != last_key_line) {
        error = tr("`updates:` is not the last key of the file; move it to the end so that pgi can append to it");
        return std::nullopt;
    }
    std::string_view rest = lines[updates_line].substr(std::string_view("updates:").size());
    auto comment = rest.find('#');
    if (comment != std::string_view::npos) rest = rest.substr(0, comment);
    if (rest.find_first_not_of(" \t\r") != std::string_view::npos) {
        error = tr(
            "`updates:` is written as a flow list ([...]); write it as a block list (one `- task:` per item) so that "
            "pgi can append to it");
        return std::nullopt;
    }
    std::size_t indent = 2;
    for (std::size_t i = updates_line + 1; i < lines.size(); ++i) {
        auto l = lines[i];
        auto first = l.find_first_not_of(' ');
        if (first == std::string_view::npos || l[first] == '#') continue;
        if (l[first] == '-') indent = first;
        break;
    }
    for (const auto& e : entries) out += yaml_entry(e, d, indent);
    return out;
}

}  // namespace pgi
