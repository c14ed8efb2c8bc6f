#include "domain/records/field_spec.hpp"

#include <algorithm>

#include "domain/catalog/catalog.hpp"
#include "domain/common/input.hpp"

namespace aims::records {
namespace json = boost::json;

std::string_view type_name(FieldType t) {
  switch (t) {
    case FieldType::text: return "text";
    case FieldType::long_text: return "long_text";
    case FieldType::enumeration: return "enum";
    case FieldType::date: return "date";
    case FieldType::integer: return "integer";
    case FieldType::boolean: return "boolean";
    case FieldType::ref: return "ref";
    case FieldType::refs: return "refs";
  }
  return "text";
}

const std::vector<std::string>& bookkeeping_fields() {
  static const std::vector<std::string> names{"id",         "number",     "version",    "archived",
                                              "created_at", "created_by", "updated_at", "updated_by"};
  return names;
}

const FieldSpec* field_named(const std::vector<FieldSpec>& fields, std::string_view name) {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

namespace {

/// The value of one field present in the body, or nullopt after recording its error.
std::optional<json::value> read_one(const FieldSpec& f, const json::value& v, input::Reader& r) {
  if (v.is_null()) {
    if (f.required) {
      r.error(f.name, "is required");
      return std::nullopt;
    }
    return json::value(nullptr);
  }
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text: {
      auto s = r.text(f.name, f.max_length, f.type == FieldType::long_text, f.required);
      if (!s) return std::nullopt;
      if (s->empty()) return json::value(nullptr);  // an empty optional text is no text
      return json::value(*s);
    }
    case FieldType::enumeration: {
      if (v.is_string())
        for (const auto& e : f.values)
          if (std::string_view(v.as_string()) == e.value) return v;
      std::string all;
      for (const auto& e : f.values) all += (all.empty() ? "" : ", ") + e.value;
      r.error(f.name, "must be one of " + all);
      return std::nullopt;
    }
    case FieldType::date: {
      auto d = r.date(f.name);
      if (!d) return std::nullopt;
      return json::value(*d);
    }
    case FieldType::integer: {
      auto n = input::whole_number(v, f.min, f.max);
      if (!n) {
        r.error(f.name, "must be a whole number from " + std::to_string(f.min) + " to " + std::to_string(f.max));
        return std::nullopt;
      }
      return json::value(*n);
    }
    case FieldType::boolean: {
      auto b = r.boolean(f.name);
      if (!b) return std::nullopt;
      return json::value(*b);
    }
    case FieldType::ref: {
      auto s = r.text(f.name, 100, false, true);
      if (!s) return std::nullopt;
      return json::value(*s);
    }
    case FieldType::refs: {
      auto l = r.list(f.name, f.max_items, 100);
      if (!l) return std::nullopt;
      return json::value(input::to_array(*l));
    }
  }
  return std::nullopt;
}

/// The identifier of a ref target for people: "AI system sys_1", "risk R-2".
std::string target_words(const FieldSpec& f, const std::string& id) {
  if (f.ref == "system") return "AI system " + id;
  if (f.ref == "user") return "member " + id;
  return f.ref + " " + id;
}

/// True when `id` is an Annex A control of the embedded ISO/IEC 42001 catalog (the same for
/// every organization, so no transaction is read).
bool is_control(const std::string& id) {
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();
  const auto* it = cat.find("iso42001", id);
  return it && it->kind == "control";
}

}  // namespace

json::object read_fields(const std::vector<FieldSpec>& fields, const json::object& body, bool create,
                         std::vector<FieldError>& errors) {
  std::vector<std::string> allowed;
  for (const auto& f : fields) allowed.push_back(f.name);
  input::Reader r(body, allowed, bookkeeping_fields());
  json::object out;
  for (const auto& f : fields) {
    const auto* v = body.if_contains(f.name);
    if (!v) {
      if (!create) continue;
      if (f.required && f.default_value.is_null()) r.error(f.name, "is required");
      else out[f.name] = f.default_value;
      continue;
    }
    if (auto value = read_one(f, *v, r)) out[f.name] = std::move(*value);
  }
  if (!r.ok()) {
    auto e = r.failure("");
    errors.insert(errors.end(), e.errors.begin(), e.errors.end());
  }
  return out;
}

void check_refs(store::ReadTx& tx, const std::string& org_id, const std::vector<FieldSpec>& fields,
                const json::object& values, std::vector<FieldError>& errors) {
  for (const auto& f : fields) {
    if (f.type != FieldType::ref && f.type != FieldType::refs) continue;
    const auto* v = values.if_contains(f.name);
    if (!v || v->is_null()) continue;
    auto ids = f.type == FieldType::ref ? std::vector<std::string>{std::string(v->as_string())} : input::from_array(*v);
    for (const auto& id : ids) {
      bool found = f.ref == "system"    ? tx.find_system(org_id, id).has_value()
                   : f.ref == "user"    ? tx.find_membership(id, org_id).has_value()
                   : f.ref == "control" ? is_control(id)
                                        : tx.find_record(org_id, f.ref, "", id).has_value();
      if (!found) {
        errors.push_back({f.name, 0, f.ref == "control" ? id + " is not an Annex A control of ISO/IEC 42001"
                                                        : "no " + target_words(f, id) + " in this organization"});
        break;
      }
    }
  }
}

}  // namespace aims::records
