#include "domain/actions/action_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/date.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/actions/action_sources.hpp"
#include "domain/dashboard/card_figures.hpp"
#include "domain/euact/obligation_view.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/lifecycle.hpp"
#include "store/actions.hpp"

namespace aims::actions {
namespace json = boost::json;

namespace {

constexpr std::string_view kParams[] = {"mine", "owner", "status", "overdue", "source", "due_before", "q", "sort", "limit", "cursor"};
constexpr std::string_view kSorts[] = {"due", "-due", "updated", "-updated", "title", "-title"};

std::vector<std::string> split(const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= v.size()) {
    auto end = v.find(',', start);
    if (end == std::string::npos) end = v.size();
    auto part = v.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

/// The source kinds the role may read (a kind of this build by its spec's read action; a kind
/// declared for a branch to come by the plain read action).
std::vector<std::string> readable_kinds(const accounts::Actor& a) {
  std::vector<std::string> out;
  for (const auto& s : sources()) {
    const auto* spec = kinds::kind_named(s.kind);
    if (accounts::allowed(a.role, spec ? spec->read : accounts::Action::read)) out.push_back(s.kind);
  }
  return out;
}

std::optional<std::int64_t> whole(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::int64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool overdue(const store::ActionRow& r, const std::string& today) {
  return !r.due.empty() && r.due < today && (r.status == "open" || r.status == "in_progress");
}

/// The names of the page's owners that are members of the organization (user id → name).
std::map<std::string, std::string> member_names(store::ReadTx& tx, const std::string& org_id,
                                                const std::vector<store::ActionRow>& rows) {
  std::map<std::string, std::string> out;
  std::set<std::string> seen;
  for (const auto& r : rows) {
    if (r.owner.empty() || !seen.insert(r.owner).second) continue;
    if (!tx.find_membership(r.owner, org_id)) continue;  // another organization's user is never named
    if (auto u = tx.find_user(r.owner)) out[r.owner] = u->name.empty() ? u->email : u->name;
  }
  return out;
}

/// The AI systems the page's EU AI Act obligations belong to (their parent), in one query.
std::map<std::string, euact::NamedSystem> obligation_systems(store::ReadTx& tx, const std::string& org_id,
                                                             const std::vector<store::ActionRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& r : rows)
    if (r.kind == "obligation") ids.push_back(r.parent_id);
  return euact::named_systems(tx, org_id, std::move(ids));
}

json::object served(const store::ActionRow& r, const std::string& today, const std::map<std::string, std::string>& names,
                    const std::map<std::string, euact::NamedSystem>& systems) {
  const ActionSource* src = source_of(r.kind);
  json::object extra;
  boost::system::error_code ec;
  if (auto d = json::parse(r.doc, ec); !ec && d.is_object()) extra = std::move(d.as_object());
  auto text = [&](std::string_view k) { return records::doc_text(&extra, k); };
  std::string id = r.kind + ":" + (r.parent_id.empty() ? "" : r.parent_id + "/") + r.record_id + (r.sub_id.empty() ? "" : "#" + r.sub_id);
  return json::object{{"id", id},
                      {"source", r.kind},
                      {"source_label", src ? src->label : r.kind},
                      {"record_id", r.record_id},
                      {"parent_id", r.parent_id.empty() ? json::value(nullptr) : json::value(r.parent_id)},
                      {"sub_id", r.sub_id.empty() ? json::value(nullptr) : json::value(r.sub_id)},
                      {"title", r.kind == "obligation" && systems.count(r.parent_id) ? euact::with_system_named(r.title, systems.at(r.parent_id))
                                                                                       : r.title},
                      {"owner", r.owner.empty() ? json::value(nullptr) : json::value(r.owner)},
                      {"owner_name", names.count(r.owner) ? json::value(names.at(r.owner)) : json::value(nullptr)},
                      {"due_date", r.due.empty() ? json::value(nullptr) : json::value(r.due)},
                      {"status", r.status},
                      {"overdue", overdue(r, today)},
                      {"link", text("link")},
                      {"api", text("api").empty() ? json::value(nullptr) : json::value(text("api"))},
                      {"updated_at", r.updated_at}};
}

}  // namespace

std::string ActionService::today() const { return format_date(date_of(clock_.now())); }

result<std::string> ActionService::list(const accounts::Actor& a, const records::Params& params) const {
  if (auto s = records::require(a, accounts::Action::read, "see actions"); !s) return s.error();
  const std::string day = today();
  std::vector<FieldError> errs;
  std::map<std::string, std::string> p;
  for (const auto& [k, v] : params) {
    if (std::find(std::begin(kParams), std::end(kParams), k) == std::end(kParams)) {
      errs.push_back({k, 0, "is not a parameter of this list (use one of mine, owner, status, overdue, source, due_before, q, sort, limit, cursor)"});
      continue;
    }
    if (p.count(k)) errs.push_back({k, 0, "is given more than once"});
    p[k] = v;
  }
  store::ActionQuery q;
  q.org_id = a.org_id;
  auto flag = [&](const char* name) -> std::optional<bool> {
    auto it = p.find(name);
    if (it == p.end()) return std::nullopt;
    if (it->second == "true") return true;
    if (it->second == "false") return false;
    errs.push_back({name, 0, "must be true or false"});
    return std::nullopt;
  };
  if (flag("mine") == true) q.owners = {a.user_id, a.email};
  if (auto it = p.find("owner"); it != p.end()) {
    if (it->second.empty() || it->second.size() > 200) errs.push_back({"owner", 0, "must be a member's id or an owner's name of 1 to 200 characters"});
    else if (!q.owners.empty()) {
      // mine and owner together: the caller's actions, only if the owner named is the caller.
      if (std::find(q.owners.begin(), q.owners.end(), it->second) == q.owners.end()) q.owners = {std::string("\x01")};
    } else q.owners = {it->second};
  }
  if (auto it = p.find("status"); it != p.end()) {
    q.statuses = split(it->second);
    if (q.statuses.empty()) errs.push_back({"status", 0, "must be one or more of open, in_progress, done, cancelled (comma-separated)"});
    for (const auto& s : q.statuses)
      if (std::find(std::begin(kStatuses), std::end(kStatuses), s) == std::end(kStatuses))
        errs.push_back({"status", 0, "'" + s + "' is not one of open, in_progress, done, cancelled"});
  }
  if (auto o = flag("overdue")) (*o ? q.overdue_on : q.not_overdue_on) = day;
  auto readable = readable_kinds(a);
  if (auto it = p.find("source"); it != p.end()) {
    auto wanted = split(it->second);
    if (wanted.empty()) errs.push_back({"source", 0, "must name one or more source kinds (comma-separated)"});
    for (const auto& k : wanted) {
      if (!source_of(k)) {
        std::string all;
        for (const auto& s : sources()) all += (all.empty() ? "" : ", ") + s.kind;
        errs.push_back({"source", 0, "'" + k + "' is not a source of actions (one of " + all + ")"});
      } else if (std::find(readable.begin(), readable.end(), k) != readable.end()) {
        q.kinds.push_back(k);
      }
    }
    if (q.kinds.empty()) q.kinds = {std::string("\x01")};  // none the caller may read
  } else if (readable.size() != sources().size()) {
    q.kinds = readable.empty() ? std::vector<std::string>{std::string("\x01")} : readable;
  }
  if (auto it = p.find("due_before"); it != p.end()) {
    if (!parse_date(it->second)) errs.push_back({"due_before", 0, "must be a date (YYYY-MM-DD)"});
    else q.due_before = it->second;
  }
  if (auto it = p.find("q"); it != p.end()) {
    std::string t = store::action_title_key(it->second);
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    else if (!t.empty()) q.text = t;
  }
  std::string sort = "due";
  if (auto it = p.find("sort"); it != p.end()) {
    if (std::find(std::begin(kSorts), std::end(kSorts), it->second) == std::end(kSorts))
      errs.push_back({"sort", 0, "must be one of due, -due, updated, -updated, title, -title"});
    else sort = it->second;
  }
  q.descending = sort.front() == '-';
  auto key = q.descending ? sort.substr(1) : sort;
  q.sort = key == "updated" ? store::ActionSort::updated : key == "title" ? store::ActionSort::title : store::ActionSort::due;
  if (auto it = p.find("limit"); it != p.end()) {
    auto n = whole(it->second);
    if (!n || *n < 1 || *n > 500) errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else q.limit = static_cast<int>(*n);
  }
  if (auto it = p.find("cursor"); it != p.end()) {
    auto pos = records::decode_cursor(sort, it->second);
    if (!pos) errs.push_back({"cursor", 0, "is not a cursor of this list and sort"});
    else q.after = store::ActionPosition{pos->text, pos->id};
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));

  store::ActionPage page;
  std::map<std::string, std::string> names;
  std::map<std::string, euact::NamedSystem> systems;
  if (auto s = store_.read([&](store::ReadTx& tx) {
        page = store::query_actions(tx, q);
        names = member_names(tx, a.org_id, page.items);
        systems = obligation_systems(tx, a.org_id, page.items);
        return ok();
      });
      !s)
    return s.error();
  json::array items;
  for (const auto& r : page.items) items.push_back(served(r, day, names, systems));
  json::object out{{"items", std::move(items)}, {"total", page.total}, {"today", day}};
  if (page.more && !page.items.empty()) {
    const auto& last = page.items.back();
    out["next"] = records::encode_cursor(sort, store::RecordPosition{store::action_sort_value(last, q.sort), 0, store::action_key(last), ""});
  }
  return json::serialize(out);
}

result<json::object> ActionService::summary(const accounts::Actor& a) const {
  if (auto s = records::require(a, accounts::Action::read, "see actions"); !s) return s.error();
  const std::string day = today();
  auto readable = readable_kinds(a);
  auto base = [&] {
    store::ActionQuery q;
    q.org_id = a.org_id;
    q.limit = 1;
    if (readable.size() != sources().size()) q.kinds = readable.empty() ? std::vector<std::string>{"\x01"} : readable;
    return q;
  };
  std::int64_t mine_open = 0, mine_overdue = 0, overdue_all = 0, open_all = 0;
  if (auto s = store_.read([&](store::ReadTx& tx) {
        auto q = base();
        q.statuses = {"open", "in_progress"};
        open_all = store::query_actions(tx, q).total;
        q.owners = {a.user_id, a.email};
        mine_open = store::query_actions(tx, q).total;
        q = base();
        q.overdue_on = day;
        overdue_all = store::query_actions(tx, q).total;
        q.owners = {a.user_id, a.email};
        mine_overdue = store::query_actions(tx, q).total;
        return ok();
      });
      !s)
    return s.error();
  json::object card{{"mine_open", mine_open}, {"mine_overdue", mine_overdue}, {"overdue", overdue_all}, {"open", open_all}, {"today", day}};
  dashboard::describe_card(card, "Actions", "/actions",
                           {{"mine_open", "my open actions", mine_open, "/actions?mine=true&status=open,in_progress", false},
                            {"mine_overdue", "my overdue actions", mine_overdue, "/actions?mine=true&overdue=true", true},
                            {"overdue", "overdue actions", overdue_all, "/actions?overdue=true", true},
                            {"open", "open actions", open_all, "/actions?status=open,in_progress", false}});
  return card;
}

}  // namespace aims::actions
