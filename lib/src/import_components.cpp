// The four PGI components from the embedded data/pgi-components.yaml, and matching the
// names documents give them (contracts in pgi/import.hpp).
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "import_detail.hpp"
#include "pgi/import.hpp"

namespace pgi {

namespace import_detail {
extern const char* const embedded_components_yaml;  // import_components_data.cpp (generated)
}

namespace recognise {

using namespace import_detail;

const std::vector<ReferenceComponent>& reference_components() {
    static const std::vector<ReferenceComponent> components = [] {
        std::vector<ReferenceComponent> out;
        // The data ships with the library and is checked by the unit tests; a parse failure
        // here would be a build defect, so it yields no components rather than a throw.
        try {
            YAML::Node root = YAML::Load(embedded_components_yaml);
            for (const auto& c : root["components"]) {
                ReferenceComponent r;
                r.id = c["id"].as<std::string>();
                r.number = c["number"].as<int>();
                r.name = c["name"].as<std::string>();
                if (c["name_long"]) r.name_long = c["name_long"].as<std::string>();
                if (c["name_en"]) r.name_en = c["name_en"].as<std::string>();
                if (c["aliases"])
                    for (const auto& a : c["aliases"]) r.aliases.push_back(a.as<std::string>());
                if (c["forms"])
                    for (const auto& a : c["forms"]) r.forms.push_back(a.as<std::string>());
                out.push_back(std::move(r));
            }
        } catch (const YAML::Exception&) {
            out.clear();
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
        return out;
    }();
    return components;
}

const std::vector<NameEquivalent>& name_equivalents() {
    static const std::vector<NameEquivalent> equivalents = [] {
        std::vector<NameEquivalent> out;
        try {
            YAML::Node root = YAML::Load(embedded_components_yaml);
            for (const auto& e : root["equivalents"])
                out.push_back({e["write"].as<std::string>(), e["read"].as<std::string>()});
        } catch (const YAML::Exception&) {
            out.clear();
        }
        return out;
    }();
    return equivalents;
}

std::string component_key(std::string_view text) {
    struct Folded {
        std::vector<std::string> write;
        std::string read;
    };
    static const std::vector<Folded> folded = [] {
        std::vector<Folded> out;
        for (const auto& e : name_equivalents()) out.push_back({fold_words(e.write), folded_key(e.read)});
        return out;
    }();
    auto words = fold_words(text);
    std::string out;
    for (std::size_t i = 0; i < words.size();) {
        const Folded* hit = nullptr;
        for (const auto& f : folded) {
            if (f.write.empty() || i + f.write.size() > words.size()) continue;
            if (std::equal(f.write.begin(), f.write.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
                hit = &f;
                break;
            }
        }
        if (!out.empty()) out += ' ';
        if (hit) {
            out += hit->read;
            i += hit->write.size();
        } else {
            out += words[i];
            ++i;
        }
    }
    return out;
}

namespace {

// Drops "chi so [thanh phan] [so] [N]" from the front of a folded name; sets `number`.
std::string drop_prefix(std::string key, int& number) {
    auto drop = [&](std::string_view w) {
        if (starts_with_phrase(key, w)) {
            key = key.substr(std::min(key.size(), w.size() + 1));
            return true;
        }
        return false;
    };
    if (drop("chi so")) {
        drop("thanh phan");
        drop("so");
        if (!key.empty() && key[0] >= '1' && key[0] <= '9' && (key.size() == 1 || key[1] == ' ')) {
            number = key[0] - '0';
            key = key.substr(std::min<std::size_t>(key.size(), 2));
        }
    }
    return key;
}

}  // namespace

const ReferenceComponent* match_component(std::string_view name) {
    int number = 0;
    std::string key = drop_prefix(component_key(name), number);
    const auto& all = reference_components();
    if (key.empty()) {
        for (const auto& c : all)
            if (number && c.number == number) return &c;
        return nullptr;
    }
    const ReferenceComponent* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& c : all) {
        std::vector<std::string> names{c.name, c.name_long, c.name_en};
        names.insert(names.end(), c.aliases.begin(), c.aliases.end());
        names.insert(names.end(), c.forms.begin(), c.forms.end());
        for (const auto& n : names) {
            std::string k = component_key(n);
            if (k.empty()) continue;
            if (k == key) return &c;
            if (contains_phrase(key, k) && k.size() > best_len) {
                best = &c;
                best_len = k.size();
            }
        }
    }
    if (best) return best;
    // A shortened name ("Giảm thiểu ô nhiễm") that starts exactly one component's name.
    if (std::count(key.begin(), key.end(), ' ') >= 2) {
        const ReferenceComponent* only = nullptr;
        int hits = 0;
        for (const auto& c : all) {
            for (const auto& n : {c.name, c.name_long}) {
                if (starts_with_phrase(component_key(n), key)) {
                    if (only != &c) ++hits;
                    only = &c;
                    break;
                }
            }
        }
        if (hits == 1) return only;
    }
    return nullptr;
}

}  // namespace recognise
}  // namespace pgi
