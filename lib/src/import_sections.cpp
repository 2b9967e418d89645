// `pgi import`: the component sections of the tasks region, their owner headings and
// tasks (TaskSections in import_build.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "import_build.hpp"
#include "pgi/i18n.hpp"
#include "pgi/text.hpp"

namespace pgi::import_detail {

using namespace recognise;

namespace {

std::string ordinal(int n) {
    static const char* words[] = {"",      "first", "second",  "third",  "fourth",
                                  "fifth", "sixth", "seventh", "eighth", "ninth"};
    return n >= 1 && n <= 9 ? words[n] : fmt::format("{}th", n);
}

std::string letter_list(const std::vector<std::string>& letters) {
    std::string out;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        if (i) out += ", ";
        out += letters[i] + ")";
    }
    return out;
}

}  // namespace

std::optional<PartialDate> TaskSections::due_in_text(std::string_view text) const {
    auto words = split_words(text);
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::size_t next = 0;
        if (words[w].fold == "truoc" && w + 1 < words.size() &&
            (words[w + 1].fold == "ngay" || words[w + 1].number || words[w + 1].fold == "quy" ||
             words[w + 1].fold == "thang"))
            next = w + 1;
        else if (words[w].fold == "cham" && w + 1 < words.size() && words[w + 1].fold == "nhat" && w + 2 < words.size())
            next = w + 2;
        else if (words[w].fold == "hoan" && w + 2 < words.size() && words[w + 1].fold == "thanh" &&
                 (words[w + 2].fold == "trong" || words[w + 2].fold == "truoc") && w + 3 < words.size())
            next = w + 3;
        if (!next) continue;
        auto window = text.substr(words[next].begin, std::min<std::size_t>(32, text.size() - words[next].begin));
        auto d = parse_deadline(window, default_year(meta_));
        if (d.due) return d.due;
    }
    return std::nullopt;
}

// "hoàn thành trong Quý III/2024 và Quý III/2025": `due` is the first; every deadline is
// kept in the note, and a warning says so.
void TaskSections::several_deadlines(const Paragraph& p, std::string_view body, Task& t) {
    std::vector<std::string> found;
    auto words = split_words(body);
    for (std::size_t w = 0; w + 2 < words.size(); ++w)
        if (words[w].fold == "quy" && body.substr(words[w + 1].end, 1) == "/")
            found.emplace_back(body.substr(words[w].begin, words[w + 2].end - words[w].begin));
    for (const auto& d : find_dates(body)) found.emplace_back(body.substr(d.begin, d.end - d.begin));
    if (found.size() < 2) return;
    std::string list;
    for (const auto& f : found) list += (list.empty() ? "" : ", ") + f;
    append_note(t.note, fmt::format("The document names {} deadlines ({}); due is the first.", found.size(), list));
    sink_.diags.warning(
        sink_.at(p.line), "several-deadlines",
        trf("the task names {} deadlines ({}); `due` is the first, all are in its note", found.size(), list),
        tr("split the task by hand if each deadline is a separate delivery"));
}

std::string TaskSections::lead_in_text(std::string_view text, int line) {
    auto words = split_words(text);
    std::size_t k = 0;
    if (!words.empty() && words[0].fold == "giao") k = 1;
    auto hit = match_agency_at(text, words, k, owners_.known());
    if (!hit.end_word || hit.end_word + 1 >= words.size()) return {};
    std::size_t w = hit.end_word;
    if (words[w].fold != "chu" || words[w + 1].fold != "tri") return {};
    std::string_view gap = text.substr(words[w - 1].end, words[w].begin - words[w - 1].end);
    if (trim(gap).find_first_not_of("(") != std::string_view::npos) return {};
    return owners_.add_owner(hit.name, line);
}

void TaskSections::add_task(const Paragraph& p, std::string_view text, std::string lead, const std::string& item) {
    auto& sec = *section_;
    auto& h = sec.headings.back();
    std::string body = collapse_spaces(text);
    // "UBND các phường, xã: …" under a heading: that agency leads.
    auto colon = body.find(':');
    if (colon != std::string::npos && colon < 160) {
        std::string_view prefix = trim(std::string_view(body).substr(0, colon));
        auto words = split_words(prefix);
        if (!words.empty() && words.size() <= 12) {
            auto hit = match_agency_at(prefix, words, 0, owners_.known());
            if (hit.end_word == words.size()) {
                lead = owners_.add_owner(hit.name, p.line);
                body = collapse_spaces(std::string_view(body).substr(colon + 1));
            }
        }
    }
    if (body.empty()) return;
    if (auto stated = lead_in_text(body, p.line); !stated.empty()) lead = stated;  // the item names its lead
    ++h.count;
    Task t;
    std::string last = item.empty() ? std::to_string(h.count) : item;
    std::string path = h.key.empty() ? last : fmt::format("{}.{}", h.key, last);
    t.id = tasks_.unique_id(fmt::format("c{}.{}", sec.ref->number, path));
    t.component = sec.ref->id;
    t.lead = lead;
    t.text = body;
    t.cooperating = owners_.cooperating(body, p.line, lead);
    for (auto it = h.cooperating.rbegin(); it != h.cooperating.rend(); ++it)
        if (*it != lead && std::find(t.cooperating.begin(), t.cooperating.end(), *it) == t.cooperating.end())
            t.cooperating.insert(t.cooperating.begin(), *it);
    t.recurrence = infer_recurrence(body);
    t.due = due_in_text(body);
    if (t.due) t.recurrence = Recurrence::none;
    if (t.due) several_deadlines(p, body, t);
    t.source = fmt::format("{}.{}", sec.source, path);
    append_note(t.note, footnotes_.note_for(p));
    t.location = sink_.at(p.line);
    sink_.use(p.line);
    owners_.add_mentions(body, p.line);
    h.tasks.push_back(tasks_.tasks.size());
    tasks_.tasks.push_back(std::move(t));
}

// Lettering anomalies of a section: findings, and notes on the tasks as the shipped example
// has them.
void TaskSections::lettering_findings(Section& sec) {
    const std::string& where = sec.source;
    auto& tasks = tasks_.tasks;
    for (const auto& a : check_lettering(sec.letters)) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.location = sink_.at(a.line);
        if (a.kind == LetterAnomaly::Kind::repeated) {
            d.code = "repeated-letter";
            d.message =
                trf("section {} uses the list letter {}) twice (first at line {})", where, a.letter, a.other_line);
            d.hint =
                trf("the tasks under the second {}) get ids and sources with `{}-2`", a.letter, letter_id(a.letter));
            d.related.push_back(sink_.at(a.other_line));
        } else if (a.kind == LetterAnomaly::Kind::skipped) {
            d.code = "skipped-letter";
            d.message = a.previous.empty()
                            ? trnf("section {} skips the list letter {} before {})",
                                   "section {} skips the list letters {} before {})", a.missing.size(), where,
                                   letter_list(a.missing), a.letter)
                            : trnf("section {} skips the list letter {}: {}) at line {} is followed by {})",
                                   "section {} skips the list letters {}: {}) at line {} is followed by {})",
                                   a.missing.size(), where, letter_list(a.missing), a.previous, a.other_line, a.letter);
            d.hint = tr("ids keep the document's letters; check whether a heading was lost");
            if (a.other_line) d.related.push_back(sink_.at(a.other_line));
        } else {
            d.code = "out-of-order-letter";
            d.message = trf("section {}: list letter {}) at line {} comes after {}) (line {})", where, a.letter, a.line,
                            a.previous, a.other_line);
            d.related.push_back(sink_.at(a.other_line));
        }
        sink_.diags.add(d);
        std::vector<std::string> all;
        for (const auto& h : sec.headings) all.push_back(h.letter);
        for (auto& h : sec.headings) {
            if (h.line != a.line) continue;
            std::string note;
            if (a.kind == LetterAnomaly::Kind::repeated) {
                const Heading* first = nullptr;
                for (const auto& f : sec.headings)
                    if (f.letter == h.letter && f.occurrence == 1) first = &f;
                std::string first_desc;
                if (first) {
                    first_desc = first->owner_name;
                    if (!first->tasks.empty()) first_desc += " (" + tasks[first->tasks.front()].id + ")";
                }
                note = fmt::format("The document repeats the letter {}) in section {}: this is the {} {}) ({}){}.",
                                   h.letter, where, ordinal(h.occurrence), h.letter, h.owner_name,
                                   first ? "; the first " + h.letter + ") is " + first_desc : "");
            } else if (a.kind == LetterAnomaly::Kind::skipped) {
                note = fmt::format("The document skips the letter{} {} in section {}: the headings run {}.",
                                   a.missing.size() > 1 ? "s" : "", letter_list(a.missing), where, letter_list(all));
            } else {
                note = fmt::format("The document lists {}) after {}) in section {}.", h.letter, a.previous, where);
            }
            for (auto idx : h.tasks) append_note(tasks[idx].note, note);
        }
    }
}

void TaskSections::close() {
    if (!section_) return;
    lettering_findings(*section_);
    if (!section_->has_target && !targets_.has_targets_for(section_->ref->id))  // section I may state it
        sink_.diags.warning(sink_.at(section_->line), "missing-target",
                            trf("component section {} states no target (\"Mục tiêu … đạt … điểm\")", section_->source),
                            tr("add the target and baseline to the plan by hand"));
    section_.reset();
}

void TaskSections::start(const Paragraph& p, const ReferenceComponent* ref, const std::string& label,
                         std::string_view heading) {
    close();
    skipping_ = false;
    Section s;
    s.ref = ref;
    s.label = label;
    s.source = numbering_.source_of(label);
    s.line = p.line;
    section_ = s;
    targets_.touch_component(ref, p.line, component_name_from(heading));
}

// `1. Chỉ số “…”` opens a component section; another numbered paragraph ends it.
void TaskSections::numbered(const Paragraph& p, std::string_view rest) {
    // "1.1. Sở Tài nguyên và Môi trường" inside section 1: a heading of that section.
    if (section_ && p.marker.label.size() > section_->label.size() + 1 &&
        p.marker.label.compare(0, section_->label.size() + 1, section_->label + ".") == 0) {
        sub_heading(p, rest);
        return;
    }
    const ReferenceComponent* ref = match_component(component_name_from(rest));
    if (!ref && contains_phrase(folded_key(rest), "chi so")) ref = component_in_sentence(rest);
    if (ref) {
        start(p, ref, p.marker.label, rest);
        return;
    }
    close();
    skipping_ = true;
    if (contains_phrase(folded_key(rest), "chi so")) {
        sink_.diags.warning(
            sink_.at(p.line), "unmatched-component",
            trf("section `{}` names no known PGI component; its tasks are skipped", collapse_spaces(p.text)),
            tr("component names are matched with data/pgi-components.yaml; rename the heading to "
               "one of the four component names"));
    } else if (!targets_.free_targets(p, numbering_.source_of(p.marker.label))) {
        sink_.unplaced(p, tr("a numbered heading that names no component"));
    }
}

// "1.1. Sở Tài nguyên và Môi trường[: task]": an owner heading numbered under the section;
// "1.2. Sở X chủ trì, phối hợp Y …" a task that names its lead.
void TaskSections::sub_heading(const Paragraph& p, std::string_view rest) {
    auto& sec = *section_;
    std::string label = p.marker.label.substr(sec.label.size() + 1);
    std::replace(label.begin(), label.end(), '.', '-');
    std::string_view name = rest, inline_text;
    auto colon = rest.find(':');
    if (colon != std::string_view::npos) {
        name = trim(rest.substr(0, colon));
        inline_text = trim(rest.substr(colon + 1));
    }
    Heading h;
    h.letter = label;
    h.key = label;
    h.line = p.line;
    h.numbered = true;
    if (looks_like_agency_in(name, owners_.known())) {
        h.owner = owners_.add_lead(owners_.agency_part(name), p.line);
        if (const Owner* o = owners_.find(h.owner)) h.owner_name = o->name;
        h.cooperating = owners_.cooperating(name, p.line, h.owner);
        sec.headings.push_back(h);
        if (!inline_text.empty()) add_task(p, inline_text, h.owner);
        return;
    }
    if (auto lead = lead_in_text(rest, p.line); !lead.empty()) {
        h.key.clear();
        sec.headings.push_back(h);
        add_task(p, rest, lead, label);
        return;
    }
    sec.headings.push_back(h);
    sink_.unplaced(p, tr("a numbered item that names no agency"));
}

// An item that is a task and names its lead, without an owner heading above it:
// "- Sở Nội vụ chủ trì, phối hợp … đưa kết quả PGI vào …".
void TaskSections::item_with_lead(const Paragraph& p, std::string_view rest, const std::string& lead,
                                  const std::string& key) {
    auto& sec = *section_;
    if (sec.headings.empty() || !sec.headings.back().owner.empty() || !sec.headings.back().key.empty()) {
        Heading h;  // an implicit heading: ids c3.1, c3.2 …
        h.line = p.line;
        sec.headings.push_back(h);
    }
    add_task(p, rest, lead, key);
}

// `a) Phòng Kinh tế: …`: an owner heading, with or without a task after the colon.
void TaskSections::lettered(const Paragraph& p, std::string_view rest) {
    auto& sec = *section_;
    // a) b) under "1.1. Sở …": the tasks of that heading.
    if (!sec.headings.empty() && sec.headings.back().numbered && !sec.headings.back().owner.empty()) {
        add_task(p, rest, sec.headings.back().owner, letter_id(p.marker.label));
        return;
    }
    sec.letters.push_back({p.marker.label, p.line});
    std::string_view name = rest, inline_text;
    auto colon = rest.find(':');
    if (colon != std::string_view::npos) {
        name = trim(rest.substr(0, colon));
        inline_text = trim(rest.substr(colon + 1));
    }
    Heading h;
    h.letter = p.marker.label;
    h.occurrence = 1;
    for (const auto& o : sec.headings)
        if (o.letter == h.letter) ++h.occurrence;
    h.key = letter_id(h.letter) + (h.occurrence > 1 ? fmt::format("-{}", h.occurrence) : "");
    h.line = p.line;
    if (!looks_like_agency_in(name, owners_.known())) {
        auto lead = lead_in_text(rest, p.line);
        if (!lead.empty()) {  // "a) Thanh tra tỉnh chủ trì, phối hợp …": a task with its lead
            h.owner = lead;
            if (const Owner* o = owners_.find(lead)) h.owner_name = o->name;
            sec.headings.push_back(h);
            add_task(p, rest, lead);
            return;
        }
        sec.headings.push_back(h);
        sec.headings.back().owner.clear();
        sink_.unplaced(p, tr("a lettered item that does not name an agency"));
        return;
    }
    h.owner = owners_.add_lead(owners_.agency_part(name), p.line);
    if (const Owner* o = owners_.find(h.owner)) h.owner_name = o->name;
    h.cooperating = owners_.cooperating(name, p.line, h.owner);  // "X chủ trì, phối hợp Y"
    sec.headings.push_back(h);
    if (!inline_text.empty()) add_task(p, inline_text, h.owner);
}

void TaskSections::paragraph(const Paragraph& p) {
    std::string_view rest = std::string_view(p.text).substr(p.marker.text_begin);
    if (p.marker.kind == ListMarker::Kind::number) {
        numbered(p, rest);
        return;
    }
    if (!section_) {
        if (targets_.free_targets(p, numbering_.source_of(""))) return;
        if (skipping_) return;  // under an unmatched component: already reported
        if (p.marker.kind == ListMarker::Kind::none && (is_uppercase_text(p.text) || p.text.front() == '(')) return;
        sink_.unplaced(p, tr("outside any component section"));
        return;
    }
    auto& sec = *section_;
    if (p.marker.kind == ListMarker::Kind::letter) {
        lettered(p, rest);
        return;
    }
    if (sec.headings.empty() || sec.headings.back().owner.empty()) {
        auto st = parse_target_statement(rest);
        if (!st.empty()) {
            targets_.add_targets(sec.ref, st, p.line, sec.source, "");
            sec.has_target = true;
            return;
        }
        if (auto lead = lead_in_text(rest, p.line); !lead.empty()) {
            item_with_lead(p, rest, lead, p.marker.kind == ListMarker::Kind::roman ? ascii_slug(p.marker.label) : "");
            return;
        }
        if (sec.headings.empty() && p.marker.kind == ListMarker::Kind::none && is_uppercase_text(p.text)) return;
        sink_.unplaced(p, sec.headings.empty() ? tr("before the first owner heading of the section")
                                               : tr("under a lettered item that names no agency"));
        return;
    }
    auto& h = sec.headings.back();
    auto& tasks = tasks_.tasks;
    if (p.marker.kind == ListMarker::Kind::bullet) {
        if (h.bullet.empty()) h.bullet = p.marker.label;
        if (p.marker.label != h.bullet && !h.tasks.empty()) {  // a sub-item of the task before
            auto& t = tasks[h.tasks.back()];
            t.text += "\n" + p.marker.label + " " + collapse_spaces(rest);
            sink_.use(p.line);
            owners_.add_mentions(rest, p.line);
            append_note(t.note, footnotes_.note_for(p));
            return;
        }
        add_task(p, rest, h.owner);
        return;
    }
    if (p.marker.kind == ListMarker::Kind::none) {
        if (!h.tasks.empty() && !tasks[h.tasks.back()].text.empty() && tasks[h.tasks.back()].text.back() == ':') {
            tasks[h.tasks.back()].text += "\n" + collapse_spaces(rest);
            sink_.use(p.line);
            return;
        }
        add_task(p, rest, h.owner);
        return;
    }
    if (p.marker.kind == ListMarker::Kind::roman) {  // "I. Sở … chủ trì …" as a list item
        add_task(p, rest, h.owner, ascii_slug(p.marker.label));
        return;
    }
    sink_.unplaced(p, tr("not a task, an owner heading or a target"));
}

}  // namespace pgi::import_detail
