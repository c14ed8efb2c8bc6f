#include "domain/review/review_inputs.hpp"

#include "domain/common/stored.hpp"
#include "domain/records/list_query.hpp"

namespace aims::review {
namespace json = boost::json;

Section::Section(std::string key, std::string clause, std::string title) {
  out_["key"] = std::move(key);
  out_["clause"] = std::move(clause);
  out_["title"] = std::move(title);
}

void Section::count(const std::string& path, std::int64_t n) {
  auto dot = path.find('.');
  json::object* target = &figures_;
  std::string name = path;
  if (dot != std::string::npos) {
    auto& group = figures_[path.substr(0, dot)];
    if (!group.is_object()) group = json::object{};
    target = &group.as_object();
    name = path.substr(dot + 1);
  }
  auto& v = (*target)[name];
  v = (v.is_int64() ? v.as_int64() : 0) + n;
}

void Section::set(const std::string& name, json::value v) { figures_[name] = std::move(v); }

void Section::link(const std::string& kind, const std::string& id, const std::string& title, const std::string& path,
                   const std::string& note) {
  ++items_total_;
  if (items_.size() >= kMaxItems) return;
  items_.push_back(json::object{{"kind", kind}, {"id", id}, {"title", title}, {"path", path}, {"note", note}});
}

json::object Section::done(std::string summary) {
  out_["empty"] = !any_;
  out_["summary"] = any_ ? std::move(summary) : std::string("No records.");
  out_["figures"] = std::move(figures_);
  out_["items"] = std::move(items_);
  out_["items_total"] = items_total_;
  return std::move(out_);
}

void each_record(const PackInput& in, std::string_view kind,
                 const std::function<void(const store::RecordRow&, const json::object&)>& f) {
  store::RecordQuery q;
  q.org_id = in.org_id;
  q.kind = std::string(kind);
  q.sort = store::FacetSlot::position;
  q.limit = kPageRows;
  q.count = false;
  for (;;) {
    auto page = in.tx.query_records(q);
    for (const auto& row : page.items) {
      if (!stored::readable(row.kind, row.org_id, row.id, row.doc)) continue;
      auto doc = stored::parse_object(row.doc);
      f(row, doc);
    }
    if (!page.more || page.items.empty()) break;
    q.after = records::position_of(page.items.back(), q.sort);
  }
}

std::int64_t count_records(const PackInput& in, std::string_view kind, std::vector<store::FacetIn> filters) {
  store::RecordQuery q;
  q.org_id = in.org_id;
  q.kind = std::string(kind);
  q.filters = std::move(filters);
  q.limit = 1;
  return in.tx.query_records(q).total;
}

std::string text_of(const json::object& doc, std::string_view key) {
  auto v = doc.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string title_of(const json::object& doc, std::initializer_list<std::string_view> keys, const std::string& fallback) {
  for (auto k : keys)
    if (auto t = text_of(doc, k); !t.empty()) return t;
  return fallback;
}

bool archived(const json::object& doc) {
  auto v = doc.if_contains("archived");
  return v && v->is_bool() && v->as_bool();
}

std::string day_of(const std::string& text) { return text.substr(0, 10); }

bool after_since(const PackInput& in, const std::string& at) { return !in.since || at > *in.since; }

json::object compile_pack(const PackInput& in) {
  json::array sections;
  for (auto* section : {input_previous_actions, input_changes, input_nonconformities, input_monitoring, input_audits,
                        input_risks, input_incidents, input_improvements, input_ai_specific})
    sections.push_back(section(in));
  return json::object{{"format", "aims-review-pack/1"},
                      {"review_id", in.review_id},
                      {"compiled_at", in.now},
                      {"today", in.today},
                      {"since", in.since ? json::value(*in.since) : json::value(nullptr)},
                      {"sections", std::move(sections)}};
}

}  // namespace aims::review
