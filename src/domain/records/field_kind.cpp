#include "domain/records/field_kind.hpp"

#include <cstdio>
#include <set>
#include <stdexcept>

#include "core/text.hpp"

namespace aims::records {
namespace json = boost::json;
using store::FacetSlot;

namespace {

std::string padded(std::uint64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*llu", width, static_cast<unsigned long long>(v));
  return buf;
}

std::int64_t rank_of(const FieldSpec& f, const json::value& v) {
  for (std::size_t i = 0; i < f.values.size(); ++i)
    if (v.is_string() && std::string_view(v.as_string()) == f.values[i].value) return static_cast<std::int64_t>(i);
  return static_cast<std::int64_t>(f.values.size());  // none: after every value
}

/// The facet a filter compares: the value as text (text lower-cased), "" for none.
std::string filter_value(const FieldSpec& f, const json::value& v) {
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (!v.is_string()) return "";
  if (f.type == FieldType::text || f.type == FieldType::long_text) return text::lower(text::trim(v.as_string()));
  return std::string(v.as_string());
}

/// The sort key of a text slot; records without a value come last in ascending order.
std::string sort_text(const FieldSpec& f, const json::value& v, std::int64_t n) {
  switch (f.type) {
    case FieldType::enumeration: return tied_key(padded(static_cast<std::uint64_t>(rank_of(f, v)), 4), n);
    case FieldType::integer:
      return tied_key(v.is_int64() ? padded(static_cast<std::uint64_t>(v.as_int64()) + (1ULL << 63), 20) : "~", n);
    case FieldType::boolean: return tied_key(v.is_bool() ? (v.as_bool() ? "1" : "0") : "2", n);
    case FieldType::date: return tied_key(v.is_string() ? std::string(v.as_string()) : "9999-99-99", n);
    default: return tied_key(v.is_string() ? text::lower(v.as_string()) : "\x7f", n);
  }
}

/// The sort key of the numeric slot.
std::int64_t sort_number(const FieldSpec& f, const json::value& v, std::int64_t n) {
  switch (f.type) {
    case FieldType::enumeration: return rank_of(f, v) * 1'000'000'000'000LL + n;  // ties in number order
    case FieldType::integer: return v.is_int64() ? v.as_int64() : INT64_MAX;
    case FieldType::boolean: return v.is_bool() ? (v.as_bool() ? 1 : 0) : 2;
    default: throw std::logic_error("field " + f.name + ": only enum, integer and boolean fields sort on the number slot");
  }
}

int text_index(FacetSlot s) { return static_cast<int>(s) - static_cast<int>(FacetSlot::text0); }
bool is_text(FacetSlot s) { return text_index(s) >= 0 && text_index(s) < 8; }

}  // namespace

KindSpec field_kind(KindSpec k) {
  std::set<FacetSlot> used;
  auto take = [&](const FieldSpec& f, FacetSlot s) {
    if (!is_text(s) && s != FacetSlot::number) throw std::logic_error("field " + f.name + ": a facet slot must be text0..7 or number");
    if (s == FacetSlot::number && f.type != FieldType::enumeration && f.type != FieldType::integer && f.type != FieldType::boolean)
      throw std::logic_error("field " + f.name + ": only enum, integer and boolean fields sort on the number slot");
    if (!used.insert(s).second) throw std::logic_error("field " + f.name + ": its facet slot is used twice in kind " + k.kind);
  };
  k.filters.clear();
  k.sorts = {SortSpec{"number", Where::sql, FacetSlot::position}};
  k.text_search = false;
  for (const auto& f : k.fields) {
    if (f.filter) {
      if (f.type == FieldType::refs || !is_text(*f.filter)) throw std::logic_error("field " + f.name + ": cannot filter on it");
      take(f, *f.filter);
      FilterSpec fs{f.name, Where::sql, false, *f.filter};
      if (f.type == FieldType::enumeration)
        for (const auto& e : f.values) fs.values.push_back(e.value);
      else if (f.type == FieldType::boolean)
        fs.values = {"true", "false"};
      else if (f.type == FieldType::text || f.type == FieldType::long_text) {
        fs.to_facet = [](const std::string& v) { return text::lower(text::trim(v)); };
        fs.skip_blank = true;
      }
      k.filters.push_back(std::move(fs));
    }
    if (f.sort) {
      if (f.type == FieldType::refs) throw std::logic_error("field " + f.name + ": cannot sort on a list");
      take(f, *f.sort);
      k.sorts.push_back(SortSpec{f.name, Where::sql, *f.sort});
    }
    k.text_search = k.text_search || f.search;
  }
  k.sorts.push_back(SortSpec{"updated_at", Where::sql, FacetSlot::updated_at});
  k.extra_params = {"archived"};
  k.generic = true;
  k.facets = [fields = k.fields](const store::RecordRow& row, const json::object* doc) {
    store::RecordFacets out;
    const auto n = row.position;
    std::string hay = row.id;
    static const json::value null_value;
    for (const auto& f : fields) {
      const json::value* p = doc ? doc->if_contains(f.name) : nullptr;
      const json::value& v = p ? *p : null_value;
      if (f.filter) out.text[static_cast<std::size_t>(text_index(*f.filter))] = filter_value(f, v);
      if (f.sort) {
        if (*f.sort == FacetSlot::number) out.number = sort_number(f, v, n);
        else out.text[static_cast<std::size_t>(text_index(*f.sort))] = sort_text(f, v, n);
      }
      if (f.search && v.is_string()) (hay += '\n') += std::string_view(v.as_string());
    }
    out.search = text::lower(hay);
    return out;
  };
  return k;
}

}  // namespace aims::records
