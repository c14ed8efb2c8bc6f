#include "domain/records/list_view.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "core/json_text.hpp"
#include "domain/records/record_service.hpp"
#include "store/list_views.hpp"

namespace aims::records {
namespace json = boost::json;

namespace {

// A hole is kHole, the member's name, kHoleEnd. Serialized JSON never holds these control
// characters (they are escaped in strings), and the inputs end at the first newline.
constexpr char kHole = '\x1e';
constexpr char kHoleEnd = '\x1f';
constexpr char kInputsEnd = '\n';

void append_member(std::string& out, std::string_view key, const json::value& v, JsonWriter write) {
  out += write(json::value(json::string(key)));
  out += ':';
  out += write(v);
}

}  // namespace

std::string json_serialize(const json::value& v) { return json::serialize(v); }

std::string make_list_view(const json::object& view, std::initializer_list<std::string_view> holes, const json::object& inputs,
                           JsonWriter write) {
  std::string out = inputs.empty() ? std::string() : to_json_text(inputs);  // read back by parse_json_exact
  out += kInputsEnd;
  out += '{';
  bool first = true;
  for (const auto& kv : view) {
    if (!first) out += ',';
    first = false;
    if (std::find(holes.begin(), holes.end(), std::string_view(kv.key())) != holes.end())
      ((out += kHole) += std::string_view(kv.key())) += kHoleEnd;
    else
      append_member(out, kv.key(), kv.value(), write);
  }
  out += '}';
  return out;
}

namespace {

std::mutex hooks_lock;
std::map<std::string, ListViewHook, std::less<>>& hooks() {
  static std::map<std::string, ListViewHook, std::less<>> m;
  return m;
}

/// The hook of a hand-made kind; empty when it declared none.
ListViewHook hook_of(const KindSpec& spec) {
  std::lock_guard lock(hooks_lock);
  auto it = hooks().find(spec.kind);
  return it == hooks().end() ? ListViewHook() : it->second;
}

}  // namespace

void declare_list_view(const std::string& kind, ListViewHook hook) {
  std::lock_guard lock(hooks_lock);
  hooks()[kind] = std::move(hook);
}

std::string list_view_of(const KindSpec& spec, const store::RecordRow& row) {
  ListViewHook hook = spec.generic ? ListViewHook() : hook_of(spec);
  if (!spec.generic && !hook) return {};
  try {
    if (spec.generic) return generic_list_view(spec, row);
    boost::system::error_code ec;
    auto doc = json::parse(row.doc, ec);  // as derive_facets reads it
    return !ec && doc.is_object() ? hook(row, doc.as_object()) : std::string();
  } catch (const std::exception&) {
    return {};  // no view: the row is built from its doc when listed (an error row if unreadable)
  }
}

status write_list_view(store::WriteTx& tx, const KindSpec& spec, const store::RecordRow& row) {
  if (!spec.generic && !hook_of(spec)) return ok();  // a kind without views: its rows are built from docs
  return store::set_list_view(tx, row, list_view_of(spec, row));
}

std::optional<ListView> stored_list_view(const KindSpec& spec, const store::RecordRow& row, const std::string& s) {
  if (s.empty() || row.facets.rev != spec.facets_rev) return std::nullopt;
  auto end = s.find(kInputsEnd);
  if (end == std::string::npos || end + 1 >= s.size() || s[end + 1] != '{' || s.back() != '}') return std::nullopt;
  ListView v;
  v.body = std::string_view(s).substr(end + 1);
  if (end > 0) {
    boost::system::error_code ec;
    auto in = parse_json_exact(std::string_view(s).substr(0, end), ec);
    if (ec || !in.is_object()) return std::nullopt;
    v.inputs = std::move(in.as_object());
  }
  return v;
}

bool fill_list_view(std::string& out, std::string_view body, const json::object& values, JsonWriter write) {
  const auto size = out.size();
  for (std::size_t at = 0;;) {
    auto hole = body.find(kHole, at);
    out.append(body.substr(at, hole == std::string_view::npos ? std::string_view::npos : hole - at));
    if (hole == std::string_view::npos) return true;
    auto end = body.find(kHoleEnd, hole + 1);
    const json::value* v = end == std::string_view::npos ? nullptr : values.if_contains(body.substr(hole + 1, end - hole - 1));
    if (!v) {
      out.resize(size);
      return false;
    }
    append_member(out, body.substr(hole + 1, end - hole - 1), *v, write);
    at = end + 1;
  }
}

std::string page_json(const KindSpec& spec, const std::vector<store::RecordRow>& rows, const std::vector<std::string>& views,
                      const HoleValues& holes, const FreshView& fresh, JsonWriter write) {
  static const json::object none;
  static const std::string no_view;
  std::string out = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (out.size() > 1) out += ',';
    if (auto v = stored_list_view(spec, r, i < views.size() ? views[i] : no_view)) {
      try {
        if (fill_list_view(out, v->body, holes ? holes(r, v->inputs) : none, write)) continue;
      } catch (const std::exception&) {
        // inputs of an unexpected shape: the row is built from its doc below
      }
    }
    out += write(fresh(r));
  }
  out += ']';
  return out;
}

std::string generic_list_view(const KindSpec& spec, const store::RecordRow& row) {
  return make_list_view(record_view(spec, row));
}

}  // namespace aims::records
