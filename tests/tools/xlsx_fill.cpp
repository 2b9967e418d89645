// Test helper: fills cells of an .xlsx workbook in place, as a clerk would with Excel, by
// rewriting the sheet's XML inside the zip (libzip + pugixml). Used by tests/e2e/form_round_trip.sh.
//
//   xlsx_fill FILE.xlsx SHEET SPEC…
//
// SPEC is CELL=TEXT (an inline string: G7=Hoàn thành), CELL=#NUMBER (a number: H7=#45600, a
// date serial), @TASK:COL=… (the row whose column A holds TASK: @c1.c.2:G=Hoàn thành), or
// *:COL=… (every row of the form below its header: *:G=Hoàn thành).
// Exit 0 on success, 1 with a message on stderr otherwise.
#include <zip.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace {

std::string entry_text(zip_t* z, const std::string& name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name.c_str(), 0, &st) != 0) return {};
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    if (!f) return {};
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    return data;
}

int col_of(const std::string& letters) {
    int c = 0;
    for (char ch : letters) c = c * 26 + (ch - 'A' + 1);
    return c;
}

std::pair<std::string, int> split_ref(const std::string& ref) {
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
    return {ref.substr(0, i), std::stoi(ref.substr(i))};
}

struct Writer : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: xlsx_fill FILE.xlsx SHEET CELL=VALUE…\n";
        return 1;
    }
    int err = 0;
    zip_t* z = zip_open(argv[1], 0, &err);
    if (!z) {
        std::cerr << "xlsx_fill: cannot open " << argv[1] << "\n";
        return 1;
    }
    pugi::xml_document wb, rels, sst;
    std::string wbx = entry_text(z, "xl/workbook.xml"), relx = entry_text(z, "xl/_rels/workbook.xml.rels");
    wb.load_string(wbx.c_str());
    rels.load_string(relx.c_str());
    std::string sstx = entry_text(z, "xl/sharedStrings.xml");
    std::vector<std::string> shared;
    if (!sstx.empty() && sst.load_string(sstx.c_str()))
        for (auto si : sst.child("sst").children("si")) shared.push_back(si.child("t").text().get());
    std::string rid;
    for (auto s : wb.child("workbook").child("sheets").children("sheet"))
        if (std::string(s.attribute("name").value()) == argv[2]) rid = s.attribute("r:id").value();
    std::string target;
    for (auto r : rels.child("Relationships").children("Relationship"))
        if (rid == r.attribute("Id").value()) target = r.attribute("Target").value();
    if (target.empty()) {
        std::cerr << "xlsx_fill: no sheet " << argv[2] << "\n";
        zip_discard(z);
        return 1;
    }
    std::string entry = target[0] == '/' ? target.substr(1) : "xl/" + target;
    pugi::xml_document doc;
    std::string sheetx = entry_text(z, entry);
    if (!doc.load_string(sheetx.c_str())) {
        std::cerr << "xlsx_fill: cannot parse " << entry << "\n";
        return 1;
    }
    pugi::xml_node data = doc.child("worksheet").child("sheetData");
    auto cell_text = [&](pugi::xml_node c) -> std::string {
        std::string t = c.attribute("t").value();
        if (t == "s") {
            auto i = static_cast<std::size_t>(c.child("v").text().as_int());
            return i < shared.size() ? shared[i] : "";
        }
        if (t == "inlineStr") return c.child("is").child("t").text().get();
        return c.child("v").text().get();
    };
    for (int a = 3; a < argc; ++a) {
        std::string spec = argv[a];
        auto eq = spec.find('=');
        if (eq == std::string::npos) {
            std::cerr << "xlsx_fill: bad spec " << spec << "\n";
            return 1;
        }
        std::string ref = spec.substr(0, eq), value = spec.substr(eq + 1);
        if (ref.substr(0, 2) == "*:") {  // *:COL — every row below the header (row 5) with a task id
            std::string col = ref.substr(2);
            std::vector<int> rows;
            for (auto row : data.children("row"))
                if (row.attribute("r").as_int() > 5)
                    for (auto c : row.children("c"))
                        if (split_ref(c.attribute("r").value()).first == "A" && !cell_text(c).empty())
                            rows.push_back(row.attribute("r").as_int());
            for (int r : rows) {
                std::string cref = col + std::to_string(r);
                for (auto row : data.children("row")) {
                    if (row.attribute("r").as_int() != r) continue;
                    pugi::xml_node cell;
                    for (auto c : row.children("c"))
                        if (cref == c.attribute("r").value()) cell = c;
                    if (!cell) continue;  // the form writes every input cell
                    while (cell.first_child()) cell.remove_child(cell.first_child());
                    cell.remove_attribute("t");
                    if (!value.empty() && value[0] == '#') {
                        cell.append_child("v").text().set(value.substr(1).c_str());
                    } else {
                        cell.append_attribute("t") = "inlineStr";
                        cell.append_child("is").append_child("t").text().set(value.c_str());
                    }
                    break;
                }
            }
            continue;
        }
        if (ref[0] == '@') {  // @TASK:COL
            auto colon = ref.find(':');
            std::string task = ref.substr(1, colon - 1), col = ref.substr(colon + 1);
            std::string found;
            for (auto row : data.children("row"))
                for (auto c : row.children("c")) {
                    auto [letters, r] = split_ref(c.attribute("r").value());
                    if (letters == "A" && cell_text(c) == task) found = col + std::to_string(r);
                }
            if (found.empty()) {
                std::cerr << "xlsx_fill: no row for task " << task << "\n";
                zip_discard(z);
                return 1;
            }
            ref = found;
        }
        auto [letters, rownum] = split_ref(ref);
        pugi::xml_node row;
        for (auto r : data.children("row"))
            if (r.attribute("r").as_int() == rownum) row = r;
        if (!row) {
            pugi::xml_node after;
            for (auto r : data.children("row"))
                if (r.attribute("r").as_int() < rownum) after = r;
            row = after ? data.insert_child_after("row", after) : data.prepend_child("row");
            row.append_attribute("r") = rownum;
        }
        pugi::xml_node cell;
        for (auto c : row.children("c"))
            if (ref == c.attribute("r").value()) cell = c;
        if (!cell) {
            pugi::xml_node after;
            for (auto c : row.children("c"))
                if (col_of(split_ref(c.attribute("r").value()).first) < col_of(letters)) after = c;
            cell = after ? row.insert_child_after("c", after) : row.prepend_child("c");
            cell.append_attribute("r") = ref.c_str();
        }
        while (cell.first_child()) cell.remove_child(cell.first_child());
        cell.remove_attribute("t");
        if (!value.empty() && value[0] == '#') {
            cell.append_child("v").text().set(value.substr(1).c_str());
        } else {
            cell.append_attribute("t") = "inlineStr";
            cell.append_child("is").append_child("t").text().set(value.c_str());
        }
    }
    Writer w;
    doc.save(w, "", pugi::format_raw);
    std::string* kept = new std::string(std::move(w.out));  // libzip reads it at zip_close
    zip_source_t* src = zip_source_buffer(z, kept->data(), kept->size(), 0);
    zip_int64_t idx = zip_name_locate(z, entry.c_str(), 0);
    if (!src || idx < 0 || zip_file_replace(z, static_cast<zip_uint64_t>(idx), src, 0) != 0) {
        std::cerr << "xlsx_fill: cannot replace " << entry << "\n";
        return 1;
    }
    if (zip_close(z) != 0) {
        std::cerr << "xlsx_fill: cannot write " << argv[1] << "\n";
        return 1;
    }
    delete kept;
    return 0;
}
