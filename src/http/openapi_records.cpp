#include "http/openapi_records.hpp"

#include <cctype>
#include <string>

#include "domain/kinds/registry.hpp"
#include "domain/records/stored_rules.hpp"
#include "http/routes.hpp"

namespace aims::http {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using records::KindSpec;

namespace {

json::object component(const std::string& where) { return json::object{{"$ref", "#/components/" + where}}; }

/// "context_issue" → "ContextIssue".
std::string pascal(const std::string& kind) {
  auto out = operation_id(kind);  // "contextIssue"
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

/// The JSON Schema of a field's value; `nullable` adds null.
json::object value_schema(const FieldSpec& f, bool nullable) {
  auto type = [&](const char* t) {
    return nullable ? json::value(json::array{t, "null"}) : json::value(t);
  };
  json::object s;
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text:
      s = {{"type", type("string")}, {"maxLength", f.max_length}};
      break;
    case FieldType::enumeration: {
      json::array values;
      for (const auto& v : f.values) values.push_back(json::value(v.value));
      if (nullable) values.push_back(nullptr);
      s = {{"enum", std::move(values)}};
      break;
    }
    case FieldType::date: s = {{"type", type("string")}, {"format", "date"}}; break;
    case FieldType::integer: s = {{"type", type("integer")}, {"minimum", f.min}, {"maximum", f.max}}; break;
    case FieldType::boolean: s = {{"type", type("boolean")}}; break;
    case FieldType::ref: s = {{"type", type("string")}}; break;
    case FieldType::refs:
      s = {{"type", type("array")}, {"items", json::object{{"type", "string"}}}, {"maxItems", f.max_items}};
      break;
  }
  if (!f.help.empty()) s["description"] = f.help;
  return s;
}

json::object problems(std::initializer_list<const char*> codes) {
  json::object out;
  for (const char* c : codes) out[c] = component("responses/Problem");
  return out;
}

json::object json_content(json::object schema) {
  return json::object{{"application/json", json::object{{"schema", std::move(schema)}}}};
}

json::object success(const char* description, json::object schema, bool etag) {
  json::object r{{"description", description}, {"content", json_content(std::move(schema))}};
  if (etag) r["headers"] = json::object{{"ETag", json::object{{"schema", json::object{{"type", "string"}}}}}};
  return r;
}

json::object operation(const KindSpec& k, const std::string& id, const std::string& summary, json::array params,
                       json::object responses) {
  return json::object{{"tags", json::array{"records"}}, {"operationId", id},           {"x-aims-access", "member"},
                      {"summary", summary},              {"parameters", std::move(params)}, {"responses", std::move(responses)}};
}

void add_kind(json::object& paths, json::object& schemas, const KindSpec& k) {
  const auto name = pascal(k.kind);
  const auto ids = record_operation_ids(k);
  json::object props, input_props, patch_props;
  json::array required;
  for (const auto& f : k.fields) {
    props[f.name] = value_schema(f, !f.required);
    input_props[f.name] = value_schema(f, !f.required);
    patch_props[f.name] = value_schema(f, !f.required);
    if (f.required && f.default_value.is_null()) required.push_back(json::value(f.name));
  }
  schemas[name] = json::object{{"description", k.plural + (k.clause.empty() ? "." : " (clause " + k.clause + ").")},
                               {"allOf", json::array{component("schemas/Record"), json::object{{"type", "object"}, {"properties", props}}}}};
  schemas[name + "Input"] = json::object{{"type", "object"}, {"additionalProperties", false},
                                         {"required", std::move(required)}, {"properties", std::move(input_props)}};
  schemas[name + "Patch"] = json::object{{"type", "object"}, {"additionalProperties", false}, {"properties", std::move(patch_props)}};
  const auto record = component("schemas/" + name);
  auto body = [&](const std::string& schema) {
    return json::object{{"required", true}, {"content", json_content(component("schemas/" + schema))}};
  };
  auto org = [] { return component("parameters/OrgHeader"); };
  auto with_id = [&] { return json::array{org(), component("parameters/RecordId")}; };

  json::array list_params{org(), component("parameters/Limit"), component("parameters/Cursor"), component("parameters/RecordArchived")};
  json::array sorts;
  for (const auto& s : k.sorts) {
    sorts.push_back(json::value(s.name));
    sorts.push_back(json::value("-" + s.name));
  }
  list_params.push_back(json::object{{"name", "sort"}, {"in", "query"}, {"description", "The order; a leading - reverses it."},
                                     {"schema", json::object{{"type", "string"}, {"enum", std::move(sorts)}, {"default", "number"}}}});
  if (k.text_search)
    list_params.push_back(json::object{{"name", "q"}, {"in", "query"}, {"description", "Text searched in the records (case-insensitive)."},
                                       {"schema", json::object{{"type", "string"}, {"maxLength", 200}}}});
  for (const auto& f : k.filters) {
    json::object schema{{"type", "string"}};
    if (!f.values.empty()) {
      json::array values;
      for (const auto& v : f.values) values.push_back(json::value(v));
      schema["enum"] = std::move(values);
    }
    list_params.push_back(json::object{{"name", f.name}, {"in", "query"}, {"schema", std::move(schema)}});
  }
  const std::string base = "/api/v1/" + k.path;
  json::object items{{"type", "array"},
                     {"items", json::object{{"anyOf", json::array{record, component("schemas/UnreadableRecord")}}}}};
  json::object page_items{{"type", "object"}, {"properties", json::object{{"items", std::move(items)}}}};
  json::object list_page{{"allOf", json::array{component("schemas/RecordPage"), std::move(page_items)}}};
  json::object created = success("Created.", record, true);
  created["headers"].as_object()["Location"] = json::object{{"schema", json::object{{"type", "string"}}}};
  json::object list_op = operation(k, ids.list, "List " + k.plural + ", filtered and sorted", std::move(list_params),
                                   problems({"400", "401", "403", "404"}));
  list_op["responses"].as_object()["200"] = success("A page of records.", std::move(list_page), false);
  json::object create_op = operation(k, ids.create, "Create a " + k.noun + "; its id is the next " + k.prefix + "n",
                                     json::array{org()}, problems({"400", "401", "403", "404", "413", "415", "422"}));
  if (k.guard || records::stored_rules(k.kind).check) create_op["responses"].as_object()["409"] = problems({"409"}).at("409");  // the kind's workflow refuses (docs/records.md)
  create_op["requestBody"] = body(name + "Input");
  create_op["responses"].as_object()["201"] = std::move(created);
  paths[base] = json::object{{"get", std::move(list_op)}, {"post", std::move(create_op)}};

  json::object get_op = operation(k, ids.get, "One " + k.noun, with_id(), problems({"401", "403", "404", "500"}));
  get_op["responses"].as_object()["200"] = success("The record.", record, true);
  json::object patch_op = operation(k, ids.update, "Change a " + k.noun + " (If-Match required)", with_id(),
                                    problems({"400", "401", "403", "404", "409", "412", "413", "415", "422", "428", "500"}));
  patch_op["requestBody"] = body(name + "Patch");
  patch_op["responses"].as_object()["200"] = success("The record as changed.", record, true);
  paths[base + "/{id}"] = json::object{{"get", std::move(get_op)}, {"patch", std::move(patch_op)}};

  auto hist_params = with_id();
  hist_params.push_back(component("parameters/Limit"));
  hist_params.push_back(component("parameters/Cursor"));
  json::object hist_op = operation(k, ids.history, "Who changed what and when, newest first", std::move(hist_params),
                                   problems({"400", "401", "403", "404"}));
  hist_op["responses"].as_object()["200"] = success("A page of history entries.", component("schemas/RecordHistoryPage"), false);
  paths[base + "/{id}/history"] = json::object{{"get", std::move(hist_op)}};

  for (const char* action : {"archive", "restore"}) {
    std::string verb = action;
    json::object op = operation(k, verb == "archive" ? ids.archive : ids.restore, std::string(verb == "archive" ? "Archive" : "Restore") + " a " + k.noun +
                                                    " (If-Match required)",
                                with_id(), problems({"401", "403", "404", "409", "412", "428", "500"}));
    op["responses"].as_object()["200"] = success("The record.", record, true);
    paths[base + "/{id}/" + verb] = json::object{{"post", std::move(op)}};
  }
}

}  // namespace

RecordOperationIds record_operation_ids(const KindSpec& k) {
  const auto name = pascal(k.kind);
  return {"list" + name, "create" + name, "get" + name, "update" + name, "get" + name + "History", "archive" + name,
          "restore" + name};
}

void add_record_kinds(json::object& doc) {
  auto& paths = doc["paths"].as_object();
  auto& schemas = doc["components"].as_object()["schemas"].as_object();
  for (const auto* k : kinds::generic_kinds()) add_kind(paths, schemas, *k);
  // Evidence links to the field-driven kinds: their kind is a link target type.
  if (auto* link = schemas.if_contains("EvidenceLink"))
    if (auto* t = link->as_object()["properties"].as_object().if_contains("target_type"))
      if (auto* e = t->as_object().if_contains("enum"); e && e->is_array())
        for (const auto* k : kinds::generic_kinds()) e->as_array().push_back(json::value(k->kind));
}

}  // namespace aims::http
