#include "domain/ledger/audited_tx.hpp"

#include <boost/json.hpp>

#include <set>

#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/log_tree.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

const char* op_of_put(std::int64_t expected_version) { return expected_version == 0 ? "create" : "update"; }

status logged(const result<std::int64_t>& seq) {
  if (!seq) return seq.error();
  return ok();
}

}  // namespace

result<std::int64_t> AuditedTx::log(const std::string& org_id, const std::string& record_type,
                                    const std::string& record_id, const std::string& op, const json::value& content) {
  auto hash = content_hash(content);
  if (!hash) return make_error(errc::internal, "the " + record_type + " cannot be logged: " + hash.error().detail);
  Entry e;
  e.actor = actor_;
  e.at = clock_.now_text();
  e.content_sha256 = *hash;
  e.op = op;
  e.org = org_id;
  e.record_id = record_id;
  e.record_type = record_type;
  auto seq = append_entry(in_, std::move(e));
  if (!seq) return seq.error();
  seq_of_[{org_id, record_type, record_id}] = *seq;
  return *seq;
}

status AuditedTx::log_record(const std::string& record_type, const store::RecordRow& r, const std::string& op) {
  auto seq = log(r.org_id, record_type, record_id_of(r.parent_id, r.id), op, record_content(r));
  if (!seq) return seq.error();
  // A generic record's history may name it by its id alone.
  if (!r.parent_id.empty()) seq_of_[{r.org_id, record_type, r.id}] = *seq;
  return ok();
}

status AuditedTx::append_audit_entry(const store::AuditEntryRow&, const std::vector<store::AuditNodeRow>&) {
  return make_error(errc::internal, "audit entries are appended by the audit log itself");
}

status AuditedTx::insert_org(const store::Organization& o) {
  if (auto s = in_.insert_org(o); !s) return s;
  return logged(log(o.id, "organization", o.id, "create", organization_content(o)));
}

std::map<std::string, std::string> AuditedTx::find_last_logins(const std::vector<std::string>& user_ids) {
  auto d = store::account_details(in_);
  return d ? (*d)->find_last_logins(user_ids) : std::map<std::string, std::string>{};
}

std::vector<store::DirectoryEntry> AuditedTx::page_directory(const store::DirectoryQuery& q) {
  auto d = store::account_details(in_);
  return d ? (*d)->page_directory(q) : std::vector<store::DirectoryEntry>{};
}

std::int64_t AuditedTx::count_directory(const store::DirectoryQuery& q) {
  auto d = store::account_details(in_);
  return d ? (*d)->count_directory(q) : 0;
}

status AuditedTx::set_user_last_login(const std::string& user_id, const std::string& at) {
  auto d = store::account_details(in_);
  if (!d) return d.error();
  return (*d)->set_user_last_login(user_id, at);
}

status AuditedTx::set_user_name(const std::string& user_id, const std::string& name) {
  auto d = store::account_details(in_);
  if (!d) return d.error();
  return (*d)->set_user_name(user_id, name);
}

status AuditedTx::rename_org(const std::string& org_id, const std::string& name) {
  auto d = store::account_details(in_);
  if (!d) return d.error();
  if (auto s = (*d)->rename_org(org_id, name); !s) return s;
  auto o = in_.find_org(org_id);
  if (!o) return make_error(errc::internal, "the renamed organization " + org_id + " cannot be read back");
  return logged(log(org_id, "organization", org_id, "update", organization_content(*o)));
}

status AuditedTx::insert_webhook(const store::WebhookRow& w) {
  if (auto s = notify().insert_webhook(w); !s) return s;
  return logged(log(w.org_id, "webhook", w.id, "create",
                    webhook_content(w.id, w.url, w.events, w.description, w.created_at, w.created_by)));
}

status AuditedTx::delete_webhook(const std::string& org_id, const std::string& id, const std::string& now) {
  if (auto s = notify().delete_webhook(org_id, id, now); !s) return s;
  return logged(log(org_id, "webhook", id, "delete", nullptr));
}

status AuditedTx::insert_membership(const store::Membership& m) {
  if (auto s = in_.insert_membership(m); !s) return s;
  return logged(log(m.org_id, "membership", m.user_id, "create", membership_content(m)));
}

status AuditedTx::delete_membership(const std::string& org_id, const std::string& user_id) {
  if (auto s = in_.delete_membership(org_id, user_id); !s) return s;
  return logged(log(org_id, "membership", user_id, "delete", nullptr));
}

status AuditedTx::insert_system(const store::SystemRow& s) {
  if (auto r = in_.insert_system(s); !r) return r;
  return logged(log(s.org_id, "system", s.id, "create", system_content(s)));
}

status AuditedTx::update_system(const store::SystemRow& s, std::int64_t expected_version) {
  if (auto r = in_.update_system(s, expected_version); !r) return r;
  return logged(log(s.org_id, "system", s.id, "update", system_content(s)));
}

status AuditedTx::insert_history(const store::HistoryRow& h) {
  store::HistoryRow linked = h;
  linked.actor = actor_;  // the log's actor: a history row never names anyone else
  auto it = seq_of_.find({h.org_id, h.record_type, h.record_id});
  if (it != seq_of_.end() && !linked_.count(it->second)) {
    linked.audit_seq = it->second;
    if (auto s = in_.insert_history(linked); !s) return s;
    linked_.insert(it->second);
    return ok();
  }
  // No change of this record was logged in this transaction, or its entry is another history
  // row's already (e.g. the second of several readings of one objective): the history row is the
  // change, and gets the next entry (this transaction holds the log's tail, so that is the seq it
  // will get).
  linked.audit_seq = in_.audit_size(h.org_id);
  if (auto s = in_.insert_history(linked); !s) return s;  // a refused row is not logged
  auto seq = log(h.org_id, h.record_type, h.record_id, h.operation, history_content(linked));
  if (!seq) return seq.error();
  if (*seq != *linked.audit_seq) return make_error(errc::internal, "the audit log moved while a history row was linked to it");
  linked_.insert(*seq);
  return ok();
}

status AuditedTx::insert_assessment(const store::RecordRow& r) {
  if (auto s = in_.insert_assessment(r); !s) return s;
  return log_record("assessment", r, "create");
}

status AuditedTx::update_assessment(const store::RecordRow& r, std::int64_t expected_version) {
  if (auto s = in_.update_assessment(r, expected_version); !s) return s;
  return log_record("assessment", r, "update");
}

status AuditedTx::put_answer(const store::RecordRow& r, std::int64_t expected_version) {
  if (auto s = in_.put_answer(r, expected_version); !s) return s;
  return log_record("answer", r, op_of_put(expected_version));
}

status AuditedTx::replace_roadmap_actions(const std::string& org_id, const std::string& assessment_id,
                                          const std::vector<store::RecordRow>& actions) {
  auto before = in_.list_roadmap_actions(org_id, assessment_id);
  if (auto s = in_.replace_roadmap_actions(org_id, assessment_id, actions); !s) return s;
  std::set<std::string> kept, existed;
  for (const auto& a : actions) kept.insert(a.id);
  for (const auto& b : before) {
    existed.insert(b.id);
    if (!kept.count(b.id))
      if (auto s = log(org_id, "roadmap_action", record_id_of(assessment_id, b.id), "delete", nullptr); !s) return s.error();
  }
  for (const auto& a : actions)
    if (auto s = log_record("roadmap_action", a, existed.count(a.id) ? "update" : "create"); !s) return s;
  return ok();
}

status AuditedTx::update_roadmap_action(const store::RecordRow& r, std::int64_t expected_version) {
  if (auto s = in_.update_roadmap_action(r, expected_version); !s) return s;
  return log_record("roadmap_action", r, "update");
}

status AuditedTx::put_soa_entry(const store::RecordRow& r, std::int64_t expected_version) {
  if (auto s = in_.put_soa_entry(r, expected_version); !s) return s;
  return log_record("soa_entry", r, op_of_put(expected_version));
}

status AuditedTx::insert_soa_version(const store::RecordRow& r) {
  if (auto s = in_.insert_soa_version(r); !s) return s;
  return log_record("soa_version", r, "create");
}

status AuditedTx::put_record(const store::RecordRow& r, std::int64_t expected_version) {
  if (auto s = in_.put_record(r, expected_version); !s) return s;
  return log_record(r.kind, r, op_of_put(expected_version));
}

status AuditedTx::delete_record(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                                const std::string& id, std::int64_t expected_version) {
  if (auto s = in_.delete_record(org_id, kind, parent_id, id, expected_version); !s) return s;
  auto seq = log(org_id, kind, record_id_of(parent_id, id), "delete", nullptr);
  if (!seq) return seq.error();
  if (!parent_id.empty()) seq_of_[{org_id, kind, id}] = *seq;
  return ok();
}

}  // namespace aims::ledger
