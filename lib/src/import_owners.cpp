// `pgi import`: the owners of a plan, footnote use, the task list and the finding sink
// shared by the region readers (import_build.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "import_build.hpp"
#include "pgi/i18n.hpp"
#include "pgi/text.hpp"

namespace pgi::import_detail {

using namespace recognise;

// ---- Sink ------------------------------------------------------------------------------------

void Sink::unplaced(const Paragraph& p, std::string_view why) const {
    std::string excerpt = collapse_spaces(p.text);
    if (code_point_count(excerpt) > 60) {
        std::size_t cut = 0, cps = 0;
        while (cut < excerpt.size() && cps < 57) {
            std::size_t n = 0;
            decode_at(excerpt, cut, n);
            cut += n;
            ++cps;
        }
        excerpt = excerpt.substr(0, cut) + "…";
    }
    diags.warning(at(p.line), "unplaced-paragraph", trf("paragraph not imported ({}): \"{}\"", why, excerpt),
                  tr("add it to the plan by hand if it is a task"));
}

int default_year(const PlanMeta& meta) {
    return meta.period.start ? meta.period.start : meta.issued ? meta.issued->year : 0;
}

std::string TaskList::unique_id(std::string id) {
    if (ids.insert(id).second) return id;
    for (int k = 2;; ++k) {
        auto alt = fmt::format("{}-{}", id, k);
        if (ids.insert(alt).second) return alt;
    }
}

// ---- Footnotes -------------------------------------------------------------------------------

std::string FootnoteUse::note_for(const Paragraph& p) {
    std::string note;
    for (int f : p.footnotes) {
        if (f < 0 || static_cast<std::size_t>(f) >= footnotes_.size()) continue;
        const auto& text = footnotes_[static_cast<std::size_t>(f)].text;
        if (!text.empty()) {
            if (!note.empty()) note += ' ';
            note += text;
        }
        used_.insert(f);
    }
    return note;
}

void FootnoteUse::report_unattached(const std::vector<Paragraph>& paras, const Sink& sink) const {
    for (const auto& p : paras)
        for (int f : p.footnotes)
            if (!used_.count(f))
                sink.diags.warning(sink.at(p.line), "unattached-footnote",
                                   trf("footnote {} belongs to a paragraph that is not a task; its text is not kept",
                                       footnotes_[static_cast<std::size_t>(f)].number),
                                   tr("documents it cites are still listed under plan.references"));
}

// ---- Owners ----------------------------------------------------------------------------------

namespace {

std::string clean_owner_name(std::string_view s) {
    auto t = trim_end_chars(trim(s), ":.;,");
    while (!t.empty() && (t.front() == '(' || t.front() == '-')) t = trim(t.substr(1));
    return capitalise(collapse_spaces(t));
}

}  // namespace

void OwnerRegistry::learn_heading_names(const std::vector<Paragraph>& paras, bool has_roman) {
    bool in_tasks = !has_roman;  // no roman sections: all of it
    for (const auto& p : paras) {
        if (p.table_row) continue;
        if (p.marker.kind == ListMarker::Kind::roman) in_tasks = classify_roman(head_key(p.text)) == Region::tasks;
        if (!in_tasks || p.marker.kind != ListMarker::Kind::letter) continue;
        std::string_view rest = std::string_view(p.text).substr(p.marker.text_begin);
        auto colon = rest.find(':');
        std::string_view name = colon == std::string_view::npos ? rest : trim(rest.substr(0, colon));
        if (!looks_like_agency(name)) continue;
        std::string agency = agency_part(name);
        known_.push_back(clean_owner_name(agency));
        for (const auto& part : split_agency_list(agency)) known_.push_back(clean_owner_name(part));
    }
    std::set<std::string> seen;  // first use wins: the document's own spelling
    known_.erase(
        std::remove_if(known_.begin(), known_.end(), [&](const std::string& n) { return !seen.insert(n).second; }),
        known_.end());
    known_words_ = known_names(known_);
}

const Owner* OwnerRegistry::find(const std::string& id) const {
    for (const auto& o : owners_)
        if (o.id == id) return &o;
    return nullptr;
}

std::string OwnerRegistry::add_owner(std::string_view name, int line) {
    std::string n = clean_owner_name(name);
    std::string id = ascii_slug(n);
    if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return {};
    if (find(id)) return id;
    Owner o;
    o.id = id;
    o.name = n;
    o.kind = agency_kind(n);
    o.location = sink_.at(line);
    owners_.push_back(std::move(o));
    return id;
}

std::string OwnerRegistry::canonical(std::string_view name) const {
    auto t = trim_end_chars(trim(name), ":.;,");
    auto words = split_words(t);
    if (words.empty()) return std::string(t);
    auto hit = match_agency_at(t, words, 0, known_words_);
    if (hit.end_word == words.size()) return hit.name;
    return std::string(t);
}

std::vector<std::string> OwnerRegistry::split_agency_list(std::string_view text) const {
    std::vector<std::string> parts;
    std::string_view t = trim(text);
    auto words = split_words(t);
    std::size_t part_begin = 0;
    for (std::size_t j = 1; j < words.size(); ++j) {
        std::string_view gap = t.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
        std::size_t next = std::string_view::npos, cut = std::string_view::npos;
        bool hard = gap.find(';') != std::string_view::npos || gap.find('\n') != std::string_view::npos;
        if (hard || gap.find(',') != std::string_view::npos) {
            next = words[j].begin;
            cut = words[j - 1].end;
        } else if (words[j].fold == "va" && j + 1 < words.size() && j > 0) {
            next = words[j + 1].begin;
            cut = words[j - 1].end;
        }
        if (next == std::string_view::npos) continue;
        std::string_view rest = t.substr(next);
        auto rest_words = split_words(rest);
        // ";" always separates; "," and "và" only before another agency's name.
        bool agency =
            hard || (!rest_words.empty() &&
                     (match_agency_at(rest, rest_words, 0, known_words_).end_word > 0 || looks_like_agency(rest)));
        if (!agency) continue;
        parts.emplace_back(trim_end_chars(t.substr(part_begin, cut - part_begin), ",;"));
        part_begin = next;
    }
    parts.emplace_back(trim_end_chars(t.substr(part_begin), ",;.:"));
    parts.erase(std::remove_if(parts.begin(), parts.end(), [](const std::string& s) { return s.empty(); }),
                parts.end());
    return parts;
}

std::string OwnerRegistry::add_lead(std::string_view name, int line) {
    auto parts = split_agency_list(name);
    if (parts.size() <= 1) return add_owner(canonical(name), line);
    std::vector<std::string> members;
    for (const auto& p : parts) {
        auto id = add_owner(canonical(p), line);
        if (!id.empty() && std::find(members.begin(), members.end(), id) == members.end()) members.push_back(id);
    }
    auto id = add_owner(name, line);
    // The heading names several agencies: it is a group of them (unless a member's own
    // name slugs the same, which cannot make a group of itself).
    if (members.size() > 1 || (members.size() == 1 && members.front() != id))
        for (auto& o : owners_)
            if (o.id == id && o.members.empty() && std::find(members.begin(), members.end(), id) == members.end()) {
                o.kind = OwnerKind::group;
                o.members = members;
            }
    return id;
}

std::string OwnerRegistry::agency_part(std::string_view name) const {
    auto t = trim(name);
    auto words = split_words(t);
    auto hit = match_agency_at(t, words, 0, known_words_);
    if (!hit.end_word || hit.end_word >= words.size()) return std::string(t);
    std::string rest = folded_key(t.substr(words[hit.end_word - 1].end));
    std::string_view gap =
        t.substr(words[hit.end_word - 1].end, words[hit.end_word].begin - words[hit.end_word - 1].end);
    if (starts_with_phrase(rest, "chu tri") || starts_with_phrase(rest, "phoi hop") || trim(gap).substr(0, 1) == "(")
        return hit.name;
    return std::string(t);
}

void OwnerRegistry::add_mentions(std::string_view text, int line) {
    for (const auto& a : find_agencies_in(text, known_words_)) add_owner(a.name, line);
}

std::vector<std::string> OwnerRegistry::cooperating(std::string_view text, int line, const std::string& lead) {
    std::vector<std::string> out;
    auto words = split_words(text);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i].fold != "phoi" || words[i + 1].fold != "hop") continue;
        std::size_t k = i + 2;
        if (k < words.size() && words[k].fold == "voi") ++k;
        while (k < words.size()) {
            auto hit = match_agency_at(text, words, k, known_words_);
            if (hit.end_word) {
                auto id = add_owner(hit.name, line);
                if (!id.empty() && id != lead && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
                k = hit.end_word;
            } else if (auto g = match_generic_partners(text, words, k)) {
                k = g;
            } else {
                break;
            }
            if (k >= words.size()) break;
            std::string_view gap = text.substr(words[k - 1].end, words[k].begin - words[k - 1].end);
            if (gap.find(',') != std::string_view::npos && gap.find_first_of(";.:") == std::string_view::npos) continue;
            if (words[k].fold == "va" && gap.find_first_not_of(' ') == std::string_view::npos) {
                ++k;
                continue;
            }
            break;
        }
        i = k > i ? k - 1 : i;
    }
    return out;
}

}  // namespace pgi::import_detail
