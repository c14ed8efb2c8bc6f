#include "domain/records/kind_build.hpp"

#include <utility>

#include "core/text.hpp"

namespace aims::records {

KindSpec named_kind(std::string kind, std::string noun, std::string title, std::string prefix, FacetsFn facets) {
  KindSpec k;
  k.counter_id = kind;
  k.kind = std::move(kind);
  k.noun = std::move(noun);
  k.title = std::move(title);
  k.prefix = std::move(prefix);
  k.facets = std::move(facets);
  return k;
}

KindSpec worded_kind(KindWords w) {
  auto k = named_kind(std::move(w.kind), std::move(w.noun), std::move(w.title), std::move(w.prefix));
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

FieldSpec long_field(std::string name, std::string label, std::string help, bool required, std::size_t max_length) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::long_text, required};
  f.max_length = max_length;
  f.search = true;
  return f;
}

FieldSpec note_field(std::string name, std::string label, std::string help, std::size_t max_length) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::text};
  f.max_length = max_length;
  f.search = true;
  return f;
}

FieldSpec member_field(std::string name, std::string label, std::string help, MemberUse use) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), use.many ? FieldType::refs : FieldType::ref,
              use.required};
  f.ref = "user";
  if (use.many) f.max_items = use.many;
  f.column = use.column;
  f.filter = use.filter;
  return f;
}

FieldSpec ref_field(std::string name, std::string label, std::string help, std::string target, bool required,
                    std::optional<store::FacetSlot> filter) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::ref, required};
  f.ref = std::move(target);
  f.column = true;
  f.filter = filter;
  return f;
}

FieldSpec refs_field(std::string name, std::string label, std::string help, std::string target, std::size_t max_items,
                     bool required) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::refs, required};
  f.ref = std::move(target);
  f.max_items = max_items;
  return f;
}

FieldSpec choice_field(std::string name, std::string label, std::string help, std::vector<EnumValue> values,
                       std::optional<store::FacetSlot> filter, boost::json::value default_value) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::enumeration, true};
  f.values = std::move(values);
  f.default_value = std::move(default_value);
  f.column = true;
  f.filter = filter;
  return f;
}

FieldSpec date_field(std::string name, std::string label, std::string help, std::optional<store::FacetSlot> sort,
                     bool required) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::date, required};
  f.column = true;
  f.sort = sort;
  return f;
}

FieldSpec review_field(std::string help) {
  return date_field("review_date", "Next review", std::move(help), store::FacetSlot::text7);
}

CheckFn dates_in_order(std::string first, std::string last, std::string message, bool strict) {
  return [first = std::move(first), last = std::move(last), message = std::move(message), strict](
             const boost::json::object& doc, std::vector<FieldError>& errors) {
    auto a = doc_text(&doc, first);
    auto b = doc_text(&doc, last);
    if (!a.empty() && !b.empty() && (b < a || (strict && b == a))) errors.push_back({last, 0, message + " (" + a + ")"});
  };
}

std::string lower_trimmed(const std::string& value) { return text::lower(text::trim(value)); }

}  // namespace aims::records
