// The four PGI components from the embedded data/pgi-components.yaml, and matching the
// names documents give them (contracts in pgi/import.hpp).
#include <algorithm>

#include <yaml-cpp/yaml.h>

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

namespace {

bool contains_words(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return false;
    std::size_t p = 0;
    while ((p = hay.find(needle, p)) != std::string::npos) {
        bool left = p == 0 || hay[p - 1] == ' ';
        bool right = p + needle.size() == hay.size() || hay[p + needle.size()] == ' ';
        if (left && right) return true;
        ++p;
    }
    return false;
}

// Drops "chi so [thanh phan] [so] [N]" from the front of a folded name; sets `number`.
std::string drop_prefix(std::string key, int& number) {
    auto drop = [&](std::string_view w) {
        if (key.compare(0, w.size(), w) == 0 && (key.size() == w.size() || key[w.size()] == ' ')) {
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
    std::string key = drop_prefix(folded_key(name), number);
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
        for (const auto& n : names) {
            std::string k = folded_key(n);
            if (k.empty()) continue;
            if (k == key) return &c;
            if (contains_words(key, k) && k.size() > best_len) {
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
                std::string k = folded_key(n);
                if (k.compare(0, key.size(), key) == 0 && (k.size() == key.size() || k[key.size()] == ' ')) {
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
