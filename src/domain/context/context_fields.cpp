#include "domain/context/context_fields.hpp"

#include "domain/records/kind_build.hpp"

namespace aims::context {
using records::FieldSpec;
using records::FieldType;

records::KindSpec context_kind(KindWords w) {
  auto k = records::named_kind(std::move(w.kind), std::move(w.noun), std::move(w.title), std::move(w.prefix));
  k.plural = std::move(w.plural);
  k.path = std::move(w.path);
  k.cli = std::move(w.cli);
  k.clause = std::move(w.clause);
  return k;
}

FieldSpec name_field(std::string name, std::string label, std::string help, std::size_t max_length) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::text, true};
  f.max_length = max_length;
  f.column = true;
  f.sort = store::FacetSlot::text6;
  f.search = true;
  return f;
}

FieldSpec long_field(std::string name, std::string label, std::string help, bool required) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::long_text, required};
  f.max_length = 4000;
  f.search = true;
  return f;
}

FieldSpec origin_field(std::string label, std::string help) {
  FieldSpec f{"origin", std::move(label), std::move(help), FieldType::enumeration, true};
  f.values = {{"internal", "Internal"}, {"external", "External"}};
  f.column = true;
  f.filter = store::FacetSlot::text1;
  return f;
}

FieldSpec member_field(std::string name, std::string label, std::string help, store::FacetSlot slot) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::ref};
  f.ref = "user";
  f.column = true;
  f.filter = slot;
  return f;
}

FieldSpec refs_field(std::string name, std::string label, std::string help, std::string target) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::refs};
  f.ref = std::move(target);
  f.max_items = 50;
  return f;
}

FieldSpec scale_field(std::string name, std::string label, std::string help, store::FacetSlot slot) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::enumeration, true};
  f.values = {{"high", "High"}, {"medium", "Medium"}, {"low", "Low"}};
  f.default_value = "medium";
  f.filter = slot;
  return f;
}

FieldSpec review_field(std::string help) {
  FieldSpec f{"review_date", "Next review", std::move(help), FieldType::date};
  f.column = true;
  f.sort = store::FacetSlot::text7;
  return f;
}

}  // namespace aims::context
