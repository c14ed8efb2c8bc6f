#include "domain/ledger/log_export.hpp"

#include <boost/json.hpp>

#include "core/canonical_json.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

std::string line_of(const json::object& o) { return canonical_json(o).value() + "\n"; }


}  // namespace

std::string header_line(const ExportHeader& h) {
  return line_of(json::object{{"format", kExportFormat},
                              {"org", h.org},
                              {"origin", h.origin},
                              {"size", h.size},
                              {"version", kExportVersion}});
}

std::string entry_line(const ExportEntry& e) { return line_of(json::object{{"entry", e.entry}}); }

std::string leaf_hashes_line(const ExportLeafHashes& l) {
  json::array a;
  for (const auto& h : l.hashes) a.push_back(json::string(h));
  return line_of(json::object{{"leaf_hashes", std::move(a)}});
}

std::string checkpoint_line(const ExportCheckpoint& c) { return line_of(json::object{{"checkpoint", c.note}}); }

result<ExportLine> parse_line(std::string_view line) {
  boost::system::error_code ec;
  auto v = json::parse(line, ec);
  if (ec || !v.is_object()) return invalid("is not a JSON object");
  const auto& o = v.get_object();
  auto str = [&](std::string_view k) -> const json::string* {
    auto p = o.if_contains(k);
    return p && p->is_string() ? &p->get_string() : nullptr;
  };
  if (auto e = str("entry")) {
    if (o.size() != 1) return invalid("is not an entry line ({\"entry\":…})");
    return ExportLine(ExportEntry{std::string(*e)});
  }
  if (auto l = o.if_contains("leaf_hashes")) {
    if (o.size() != 1 || !l->is_array()) return invalid("is not a leaf hash line ({\"leaf_hashes\":[…]})");
    ExportLeafHashes out;
    for (const auto& h : l->get_array()) {
      if (!h.is_string()) return invalid("is a leaf hash line with something other than strings");
      out.hashes.emplace_back(h.get_string());
    }
    return ExportLine(std::move(out));
  }
  if (auto c = str("checkpoint")) {
    if (o.size() != 1) return invalid("is not a checkpoint line ({\"checkpoint\":…})");
    return ExportLine(ExportCheckpoint{std::string(*c)});
  }
  if (auto f = str("format")) {
    if (*f != kExportFormat) return invalid("is the header of another format ('" + std::string(*f) + "')");
    auto ver = o.if_contains("version");
    if (!ver || !ver->is_int64() || ver->get_int64() != kExportVersion)
      return invalid("is the header of an unknown version of the format");
    auto org = str("org"), origin = str("origin");
    auto size = o.if_contains("size");
    if (!org || !origin || !size || !size->is_int64() || size->get_int64() < 0)
      return invalid("is a header without org, origin and size");
    return ExportLine(ExportHeader{std::string(*org), std::string(*origin), size->get_int64()});
  }
  return invalid("is neither a header, an entry nor a checkpoint line");
}

}  // namespace aims::ledger
