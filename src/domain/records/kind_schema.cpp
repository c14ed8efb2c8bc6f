#include "domain/records/kind_schema.hpp"

namespace aims::records {
namespace json = boost::json;

namespace {

json::array values_of(const FieldSpec& f) {
  json::array out;
  for (const auto& v : f.values) out.push_back(json::object{{"value", v.value}, {"label", v.label}});
  return out;
}

json::object field_schema(const FieldSpec& f) {
  json::object o{{"name", f.name}, {"label", f.label}, {"type", type_name(f.type)}};
  if (f.required) o["required"] = true;
  if (f.column) o["column"] = true;
  if (!f.help.empty()) o["help"] = f.help;
  if (!f.default_value.is_null()) o["default"] = f.default_value;
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text:
      o["max_length"] = f.max_length;
      if (!f.format.empty()) o["format"] = f.format;
      break;
    case FieldType::enumeration: o["values"] = values_of(f); break;
    case FieldType::integer:
      o["min"] = f.min;
      o["max"] = f.max;
      break;
    case FieldType::ref: o["ref"] = f.ref; break;
    case FieldType::refs:
      o["ref"] = f.ref;
      o["max_items"] = f.max_items;
      break;
    default: break;
  }
  return o;
}

}  // namespace

std::string sort_label(const KindSpec& k, const std::string& sort) {
  if (sort == "number") return "Number";
  if (sort == "updated_at") return "Last changed";
  if (const auto* f = field_named(k.fields, sort)) return f->label;
  return sort;
}

json::object kind_schema(const KindSpec& k, bool can_write) {
  json::array fields, filters, sorts;
  for (const auto& f : k.fields) {
    fields.push_back(field_schema(f));
    if (!f.filter) continue;
    json::object flt{{"name", f.name}, {"label", f.label}};
    if (f.type == FieldType::enumeration) flt["values"] = values_of(f);
    if (f.type == FieldType::boolean)
      flt["values"] = json::array{json::object{{"value", "true"}, {"label", "Yes"}}, json::object{{"value", "false"}, {"label", "No"}}};
    filters.push_back(std::move(flt));
  }
  for (const auto& s : k.sorts) sorts.push_back(json::object{{"name", s.name}, {"label", sort_label(k, s.name)}});
  return json::object{{"kind", k.kind},     {"path", k.path},         {"cli", k.cli},           {"noun", k.noun},
                      {"title", k.title},   {"plural", k.plural},     {"prefix", k.prefix},     {"clause", k.clause},
                      {"can_write", can_write}, {"fields", std::move(fields)}, {"filters", std::move(filters)},
                      {"sorts", std::move(sorts)}, {"text_search", k.text_search}};
}

}  // namespace aims::records
