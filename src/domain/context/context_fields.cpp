#include "domain/context/context_fields.hpp"

namespace aims::context {
using records::FieldSpec;
using records::FieldType;

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
