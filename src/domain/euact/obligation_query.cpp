#include "domain/euact/obligation_query.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "domain/inventory/system_fields.hpp"

namespace aims::euact {
namespace json = boost::json;

namespace {

constexpr std::string_view kStatuses[] = {"not_started", "in_progress", "met", "not_applicable"};
constexpr std::string_view kRoles[] = {"provider", "deployer", "importer", "distributor", "product_manufacturer",
                                       "authorised_representative"};

template <std::size_t N>
bool one_of(const std::string& v, const std::string_view (&set)[N]) {
  for (auto s : set)
    if (s == v) return true;
  return false;
}

template <std::size_t N>
std::string listed(const std::string_view (&set)[N]) {
  std::string out;
  for (auto s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

std::string str(const json::object& o, std::string_view k) {
  auto p = o.if_contains(k);
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}

bool flag(const json::object& o, std::string_view k) {
  auto p = o.if_contains(k);
  return p && p->is_bool() && p->as_bool();
}

/// "Art. 50(1)" matches "Art. 50" and "art. 50(1)"; an obligation id matches itself.
bool article_matches(const std::string& want, const std::string& article, const std::string& id) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  auto w = lower(want), a = lower(article);
  if (w == lower(id) || w == a) return true;
  return a.size() > w.size() && a.compare(0, w.size(), w) == 0 && a[w.size()] == '(';
}

}  // namespace

result<ObligationQuery> parse_query(const ObligationParams& p) {
  ObligationQuery q;
  std::vector<FieldError> errs;
  q.system = p.system;
  if (p.status) {
    if (one_of(*p.status, kStatuses)) q.status = p.status;
    else errs.push_back({"status", 0, "must be one of " + listed(kStatuses)});
  }
  if (p.article) {
    if (p.article->empty() || p.article->size() > 100) errs.push_back({"article", 0, "must be 1 to 100 characters"});
    else q.article = p.article;
  }
  if (p.role) {
    if (one_of(*p.role, kRoles)) q.role = p.role;
    else errs.push_back({"role", 0, "must be one of " + listed(kRoles)});
  }
  for (auto [name, in, out] : {std::tuple{"due_before", &p.due_before, &q.due_before},
                               std::tuple{"applies_from", &p.applies_from, &q.applies_from}}) {
    if (!*in) continue;
    if (parse_date(**in)) *out = *in;
    else errs.push_back({name, 0, "must be a date as YYYY-MM-DD"});
  }
  if (p.overdue) {
    if (*p.overdue == "true") q.overdue = true;
    else if (*p.overdue != "false") errs.push_back({"overdue", 0, "must be true or false"});
  }
  if (p.recheck) {
    if (*p.recheck == "true" || *p.recheck == "false") q.recheck = *p.recheck == "true";
    else errs.push_back({"recheck", 0, "must be true or false"});
  }
  if (p.system_class) {
    const auto classes = inventory::eu_ai_act_classes();
    if (std::find(classes.begin(), classes.end(), *p.system_class) != classes.end()) q.system_class = *p.system_class;
    else {
      std::string list;
      for (auto c : classes) list += (list.empty() ? "" : ", ") + std::string(c);
      errs.push_back({"system_class", 0, "must be one of " + list});
    }
  }
  if (p.retired) {
    if (*p.retired == "false" || *p.retired == "true" || *p.retired == "all") q.retired = *p.retired;
    else errs.push_back({"retired", 0, "must be false, true or all"});
  }
  if (p.sort) {
    std::string_view k = *p.sort;
    if (!k.empty() && k[0] == '-') {
      q.descending = true;
      k.remove_prefix(1);
    }
    if (k == "applies_from") q.sort = ObligationSort::applies_from;
    else if (k == "due") q.sort = ObligationSort::due;
    else if (k == "system") q.sort = ObligationSort::system;
    else if (k == "article") q.sort = ObligationSort::article;
    else if (k == "status") q.sort = ObligationSort::status;
    else errs.push_back({"sort", 0, "must be one of applies_from, due, system, article, status, optionally with a leading -"});
    q.sort_name = *p.sort;
  }
  if (p.limit) {
    int v = 0;
    auto [ptr, ec] = std::from_chars(p.limit->data(), p.limit->data() + p.limit->size(), v);
    if (ec != std::errc() || ptr != p.limit->data() + p.limit->size() || v < 1 || v > 500)
      errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else q.limit = v;
  }
  if (p.cursor) {
    std::string raw;
    bool good = crypto::base64url_decode(*p.cursor, raw);
    if (good) {
      boost::system::error_code ec;
      auto v = json::parse(raw, ec);
      good = !ec && v.is_object() && v.as_object().contains("k") && v.at("k").is_string() &&
             v.at("k").as_string() == q.sort_name && v.as_object().contains("v") && v.at("v").is_array();
      if (good) {
        std::vector<std::string> key;
        for (const auto& e : v.at("v").as_array()) {
          if (!e.is_string()) good = false;
          else key.emplace_back(e.as_string());
        }
        if (good && key.size() == 4) q.after = std::move(key);
        else good = false;
      }
    }
    if (!good) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  return q;
}

ObligationRow row_of(std::string_view doc) {
  // A small arena per record: the document is read once and dropped.
  unsigned char buffer[4096];
  json::monotonic_resource mr(buffer, sizeof buffer);
  boost::system::error_code ec;
  auto v = json::parse(doc, ec, &mr);
  ObligationRow r;
  if (ec || !v.is_object()) return r;
  const auto& o = v.as_object();
  r.system_id = str(o, "system_id");
  r.obligation_id = str(o, "obligation_id");
  r.status = str(o, "status");
  r.applies_from = str(o, "applies_from");
  r.due = str(o, "due");
  r.retired = flag(o, "retired");
  if (auto roles = o.if_contains("roles"); roles && roles->is_array())
    for (const auto& x : roles->as_array())
      if (x.is_string()) r.roles.emplace_back(x.as_string());
  return r;
}

bool is_overdue(const ObligationRow& r, const std::string& today) {
  return !r.retired && (r.status == "not_started" || r.status == "in_progress") && r.due < today;
}

bool is_overdue(const json::object& doc, const std::string& today) {
  auto status = str(doc, "status");
  return !flag(doc, "retired") && (status == "not_started" || status == "in_progress") && str(doc, "due") < today;
}

bool matches(const ObligationQuery& q, const ObligationRow& r, const std::string& today) {
  if ((q.retired == "false" && r.retired) || (q.retired == "true" && !r.retired)) return false;
  if (q.system && r.system_id != *q.system) return false;
  if (q.status && r.status != *q.status) return false;
  if (q.article && !article_matches(*q.article, r.article, r.obligation_id)) return false;
  if (q.role && std::find(r.roles.begin(), r.roles.end(), *q.role) == r.roles.end()) return false;
  if (q.due_before && !(r.due < *q.due_before)) return false;
  if (q.applies_from && r.applies_from != *q.applies_from) return false;
  if (q.overdue && !is_overdue(r, today)) return false;
  if (q.recheck && r.recheck != *q.recheck) return false;
  if (q.system_class && r.system_class != *q.system_class) return false;
  return true;
}

std::vector<std::string> sort_key(const ObligationQuery& q, const ObligationRow& r) {
  char index[16];
  std::snprintf(index, sizeof index, "%06d", r.data_index);
  std::string value;
  switch (q.sort) {
    case ObligationSort::applies_from: value = r.applies_from; break;
    case ObligationSort::due: value = r.due; break;
    case ObligationSort::system: value = r.system_key; break;
    case ObligationSort::article: value = index; break;
    case ObligationSort::status: {
      for (std::size_t i = 0; i < std::size(kStatuses); ++i)
        if (kStatuses[i] == r.status) value = std::to_string(i);
      break;
    }
  }
  return {value, r.system_id, index, r.obligation_id};
}

std::string cursor_of(const ObligationQuery& q, const std::vector<std::string>& key) {
  json::array v;
  for (const auto& k : key) v.emplace_back(k);
  return crypto::base64url_encode(json::serialize(json::object{{"k", q.sort_name}, {"v", std::move(v)}}));
}

}  // namespace aims::euact
