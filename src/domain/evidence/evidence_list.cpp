// EvidenceService::list: filters, sorting and keyset paging over the organization's evidence.
// The records are filtered and sorted in memory (an organization keeps thousands of evidence
// files, not millions); the cursor is the sort value and id of the last row, so pages neither
// skip nor repeat rows while evidence is added.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/common/stored.hpp"
#include "domain/evidence/evidence_record.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/evidence/link_targets.hpp"

namespace aims::evidence {
namespace json = boost::json;

namespace {

constexpr std::string_view kSorts[] = {"uploaded_at", "title", "number", "expires_on", "effective_date", "size", "owner"};

std::string padded(std::int64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%020lld", static_cast<long long>(n));
  return buf;
}

/// The value a row is sorted by (bytewise), for the sort key `key`.
std::string sort_value(const json::object& d, std::string_view key) {
  if (key == "title") return text::lower(str_of(d, "title"));
  if (key == "owner") return text::lower(str_of(d, "owner"));
  if (key == "size") return padded(d.at("size").as_int64());
  if (key == "number") {
    auto n = str_of(d, "number");
    std::int64_t v = 0;
    if (n.size() > 3) std::from_chars(n.data() + 3, n.data() + n.size(), v);
    return padded(v);
  }
  if (key == "expires_on" || key == "effective_date") {
    auto v = str_of(d, key);
    return v.empty() ? "~" : v;  // no date sorts after every date
  }
  return str_of(d, "uploaded_at");
}

std::optional<std::int64_t> to_int(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

result<ListResult> EvidenceService::list(const accounts::Actor& a, const ListParams& p) {
  std::vector<FieldError> errs;
  std::string sort = p.sort.value_or("-uploaded_at");
  std::string_view key = sort;
  bool desc = !key.empty() && key[0] == '-';
  if (desc) key.remove_prefix(1);
  if (std::find(std::begin(kSorts), std::end(kSorts), key) == std::end(kSorts))
    errs.push_back({"sort", 0, "must be one of uploaded_at, title, number, expires_on, effective_date, size, owner, optionally with a leading -"});
  int limit = 50;
  if (p.limit) {
    auto v = to_int(*p.limit);
    if (!v || *v < 1 || *v > 500) errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else limit = static_cast<int>(*v);
  }
  std::optional<std::string> q;
  if (p.q) {
    auto t = text::lower(text::trim(*p.q));
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    else if (!t.empty()) q = t;
  }
  if (p.classification &&
      std::find(classifications().begin(), classifications().end(), *p.classification) == classifications().end())
    errs.push_back({"classification", 0, "must be one of public, internal, confidential, restricted"});
  std::optional<int> within;
  if (p.expiring_within) {
    auto v = to_int(*p.expiring_within);
    if (!v || *v < 0 || *v > 3650) errs.push_back({"expiring_within", 0, "must be a whole number of days from 0 to 3650"});
    else within = static_cast<int>(*v);
  }
  std::optional<bool> expired;
  if (p.expired) {
    if (*p.expired == "true") expired = true;
    else if (*p.expired == "false") expired = false;
    else errs.push_back({"expired", 0, "must be true or false"});
  }
  std::string deleted = p.deleted.value_or("false");
  if (deleted != "false" && deleted != "true" && deleted != "all") errs.push_back({"deleted", 0, "must be false, true or all"});
  std::optional<LinkTarget> linked;
  if (p.linked_to) {
    auto t = parse_target(*p.linked_to, "linked_to");
    if (!t) {
      auto e = t.error();  // error() returns a copy: take both iterators from one
      errs.insert(errs.end(), e.errors.begin(), e.errors.end());
    } else {
      linked = *t;
    }
  }
  std::optional<std::pair<std::string, std::string>> after;
  if (p.cursor) {
    std::string raw;
    bool good = crypto::base64url_decode(*p.cursor, raw);
    if (good) {
      boost::system::error_code ec;
      auto v = json::parse(raw, ec);
      good = !ec && v.is_object() && v.as_object().contains("k") && v.as_object().contains("s") &&
             v.as_object().contains("i") && v.at("k").is_string() && v.at("s").is_string() && v.at("i").is_string() &&
             v.at("k").as_string() == sort;
      if (good) after = std::pair(std::string(v.at("s").as_string()), std::string(v.at("i").as_string()));
    }
    if (!good) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));

  std::vector<json::object> docs;
  std::vector<json::object> unreadable;  // error rows: they head the first page, whatever the filter
  std::map<std::string, std::int64_t> link_counts;
  auto take = [&](const store::RecordRow& r) {
    try {
      auto d = stored::parse_object(r.doc);
      (void)d.at("deleted").as_bool();  // what every filter reads
      docs.push_back(std::move(d));
    } catch (const std::exception& e) {
      unreadable.push_back(stored::error_row(kEvidence, a.org_id, r.id, e));
    }
  };
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    if (linked) {
      for (const auto& l : tx.list_records({a.org_id, std::string(kLink), std::nullopt, linked->key, 0, std::nullopt}))
        if (auto r = tx.find_record(a.org_id, std::string(kEvidence), "", l.parent_id)) take(*r);
    } else {
      for (const auto& r : tx.list_records({a.org_id, std::string(kEvidence), std::string(), std::nullopt, 0, std::nullopt}))
        take(r);
    }
    for (const auto& l : tx.list_records({a.org_id, std::string(kLink), std::nullopt, std::nullopt, 0, std::nullopt}))
      ++link_counts[l.parent_id];
    return ok();
  });
  if (!st) return st.error();

  auto day = today();
  auto owner = p.owner ? std::optional(text::lower(text::trim(*p.owner))) : std::nullopt;
  std::vector<std::pair<std::string, json::object*>> rows;
  for (auto& d : docs) {
    bool is_deleted = d.at("deleted").as_bool();
    if ((deleted == "false" && is_deleted) || (deleted == "true" && !is_deleted)) continue;
    if (p.classification && str_of(d, "classification") != *p.classification) continue;
    if (owner && text::lower(str_of(d, "owner")) != *owner) continue;
    auto fresh = evidence::freshness(d, day, opts_.expiring_window_days);
    if (expired && (fresh == "expired") != *expired) continue;
    if (within) {
      auto exp = parse_date(str_of(d, "expires_on"));
      if (!exp || *exp < day || *exp > day + std::chrono::days(*within)) continue;
    }
    if (q) {
      auto hay = text::lower(str_of(d, "title") + "\n" + str_of(d, "description") + "\n" + str_of(d, "filename") + "\n" +
                             str_of(d, "owner") + "\n" + str_of(d, "number"));
      if (hay.find(*q) == std::string::npos) continue;
    }
    rows.emplace_back(sort_value(d, key), &d);
  }
  auto less = [&](const std::pair<std::string, std::string>& x, const std::pair<std::string, std::string>& y) {
    return desc ? y < x : x < y;
  };
  std::sort(rows.begin(), rows.end(), [&](const auto& x, const auto& y) {
    return less({x.first, str_of(*x.second, "id")}, {y.first, str_of(*y.second, "id")});
  });
  ListResult out;
  out.total = static_cast<std::int64_t>(rows.size());
  std::size_t start = 0;
  if (after)
    while (start < rows.size() && !less(*after, {rows[start].first, str_of(*rows[start].second, "id")})) ++start;
  json::array items;
  if (!after)
    for (auto& e : unreadable) items.push_back(std::move(e));
  std::size_t end = std::min(rows.size(), start + static_cast<std::size_t>(limit));
  std::string last_id;
  for (std::size_t i = start; i < end; ++i) {
    auto id = last_id = str_of(*rows[i].second, "id");
    items.push_back(stored::row_or_error(kEvidence, a.org_id, id, [&] {
      return served(std::move(*rows[i].second), day, opts_.expiring_window_days, link_counts[id]);
    }));
  }
  if (end < rows.size() && end > start) {
    json::object c{{"k", sort}, {"s", rows[end - 1].first}, {"i", last_id}};
    out.next = crypto::base64url_encode(json::serialize(c));
  }
  out.items_json = json::serialize(items);
  return out;
}

}  // namespace aims::evidence
