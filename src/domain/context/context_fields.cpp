#include "domain/context/context_fields.hpp"

namespace aims::context {

records::FieldSpec origin_field(std::string label, std::string help) {
  return records::choice_field("origin", std::move(label), std::move(help), {{"internal", "Internal"}, {"external", "External"}},
                               store::FacetSlot::text1);
}

records::FieldSpec scale_field(std::string name, std::string label, std::string help, store::FacetSlot slot) {
  auto f = records::choice_field(std::move(name), std::move(label), std::move(help),
                                 {{"high", "High"}, {"medium", "Medium"}, {"low", "Low"}}, slot, "medium");
  f.column = false;
  return f;
}

}  // namespace aims::context
