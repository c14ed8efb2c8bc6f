// The audit log end to end in the domain: the entry byte format (pinned), the store decorator that
// logs every record change in its transaction with the right actor, type and operation, history
// rows linked to their entries, checkpoints and proofs that verify with the public key alone,
// isolation between organizations, and export + offline verification. On a real SQLite store.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include "core/crypto.hpp"
#include "demo_fixture.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/assessment/assessment_service.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/ledger/audited_store.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/log_export_stream.hpp"
#include "domain/ledger/verifier.hpp"

using namespace aims;
using namespace aims::ledger;
namespace json = boost::json;

namespace {

Entry sample_entry() {
  Entry e;
  e.actor = "alice@acme.example";
  e.at = "2026-11-22T10:35:00.123Z";
  e.content_sha256 = merkle::to_hex(merkle::sha256("{\"name\":\"Churn model\"}"));
  e.op = "update";
  e.org = "org_5d2k8m1q7x3c9v4b";
  e.record_id = "sys_7k2m9q4x1d8f3h6z";
  e.record_type = "system";
  e.seq = 41;
  return e;
}

/// A fresh SQLite installation wrapped by the audit log, with the demo organization.
class AuditedInstallation : public aims::testing::DemoOrg {
 protected:
  AuditedInstallation() : DemoOrg(true) {}

  std::vector<Entry> entries(const std::string& org_id) {
    std::vector<Entry> out;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      for (const auto& r : tx.list_audit_entries(org_id, 0, 1'000'000)) {
        auto e = parse_entry(r.entry);
        EXPECT_TRUE(e) << r.entry;
        EXPECT_EQ(r.leaf_hash, merkle::to_hex(merkle::leaf_hash(r.entry)));
        if (e) out.push_back(*e);
      }
      return ok();
    }));
    return out;
  }

  LogSigner signer_{note::SigningKey::generate(), "aims.invalid"};
};

}  // namespace

TEST(AuditEntry, BytesAreTheCanonicalJsonOfTheEightMembers) {
  auto e = sample_entry();
  auto bytes = entry_bytes(e);
  EXPECT_EQ(bytes,
            "{\"actor\":\"alice@acme.example\",\"at\":\"2026-11-22T10:35:00.123Z\",\"content_sha256\":"
            "\"" + e.content_sha256 + "\",\"op\":\"update\",\"org\":\"org_5d2k8m1q7x3c9v4b\","
            "\"record_id\":\"sys_7k2m9q4x1d8f3h6z\",\"record_type\":\"system\",\"seq\":41}");
  // The worked example of docs/formats/audit-log.md.
  EXPECT_EQ(e.content_sha256, "21fc082417121ecab0e714fca958f97819f6adab6de641cb9e939d1858450434");
  EXPECT_EQ(merkle::to_hex(merkle::leaf_hash(bytes)), "4a717928b7a2f0b6b843407966be2229f2260006a900b755e0386207f99082bf");
  auto back = parse_entry(bytes);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(entry_bytes(*back), bytes);
}

TEST(AuditEntry, ParsingRefusesAnythingButTheCanonicalForm) {
  auto bytes = entry_bytes(sample_entry());
  EXPECT_FALSE(parse_entry(" " + bytes));
  EXPECT_FALSE(parse_entry(bytes.substr(0, bytes.size() - 1) + ",\"extra\":1}"));
  auto swap = bytes;
  swap.replace(swap.find("\"seq\":41"), 8, "\"seq\":\"41\"");
  EXPECT_FALSE(parse_entry(swap));
  auto upper = bytes;
  upper.replace(upper.find("content_sha256\":\"") + 17, 1, "F");
  EXPECT_FALSE(parse_entry(upper));
  auto time = bytes;
  time.replace(time.find(".123Z"), 5, "Z");
  EXPECT_FALSE(parse_entry(time));
  auto reordered = R"({"at":"2026-11-22T10:35:00.123Z","actor":"alice@acme.example")" + bytes.substr(bytes.find(",\"content"));
  EXPECT_FALSE(parse_entry(reordered));
  EXPECT_FALSE(parse_entry("[]"));
}

TEST(AuditEntry, ContentHashesAreOfCanonicalJson) {
  EXPECT_EQ(deleted_content_hash(), merkle::to_hex(merkle::sha256("null")));
  EXPECT_EQ(content_hash(json::parse(R"({"b": 1.50, "a": [true]})")).value(),
            merkle::to_hex(merkle::sha256(R"({"a":[true],"b":1.5})")));
  store::RecordRow r{"risk", "org_1", "", "risk_1", 3, 2, "sys_9", "2026-01-01T00:00:00.000Z",
                     "2026-01-02T00:00:00.000Z", R"({"title":"Bias", "score": 12})"};
  EXPECT_EQ(content_hash(record_content(r)).value(),
            merkle::to_hex(merkle::sha256(
                R"({"created_at":"2026-01-01T00:00:00.000Z","doc":{"score":12,"title":"Bias"},"id":"risk_1",)"
                R"("parent_id":"","position":2,"ref":"sys_9","updated_at":"2026-01-02T00:00:00.000Z","version":3})")));
}

TEST(ActorScope, NestsPerThreadAndDefaultsToSystem) {
  EXPECT_EQ(ActorScope::current(), "system");
  {
    ActorScope a("alice@acme.test");
    EXPECT_EQ(ActorScope::current(), "alice@acme.test");
    {
      ActorScope b("bob@acme.test");
      EXPECT_EQ(ActorScope::current(), "bob@acme.test");
    }
    std::string other;
    std::thread([&] { other = ActorScope::current(); }).join();
    EXPECT_EQ(other, "system");
    EXPECT_EQ(ActorScope::current(), "alice@acme.test");
  }
  EXPECT_EQ(ActorScope::current(), "system");
}

TEST_F(AuditedInstallation, EveryRecordChangeOfTheSeedIsLoggedInOrder) {
  auto log = entries(org_.id);
  ASSERT_FALSE(log.empty());
  std::map<std::string, int> by_type, created;
  for (std::size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].seq, static_cast<std::int64_t>(i));
    EXPECT_EQ(log[i].org, org_.id);
    EXPECT_EQ(log[i].actor, "system");
    ++by_type[log[i].record_type];
    if (log[i].op == "create") ++created[log[i].record_type];
  }
  EXPECT_EQ(log[0].record_type, "organization");
  EXPECT_EQ(log[0].op, "create");
  EXPECT_EQ(log[0].content_sha256, content_hash(organization_content(org_)).value());
  EXPECT_EQ(by_type["membership"], 6);  // the admin, the two approvers of the demo documents and the three members of the competence demo
  EXPECT_EQ(created["system"], 8);  // later updates of the demo (classification, a changed system) add more
  EXPECT_GE(by_type["answer"], 70);
  EXPECT_EQ(by_type["soa_entry"], 4);
  EXPECT_GE(by_type["assessment"], 1);
}

TEST_F(AuditedInstallation, RegeneratingARoadmapLogsEachActionAndTheGeneration) {
  assessment::AssessmentService assessments(*store_, cat_, clock_, ids_);
  std::string id;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    id = tx.list_assessments(org_.id, 1, std::nullopt).at(0).id;
    return ok();
  }));
  ActorScope scope(admin_.email);
  auto before = entries(org_.id).size();
  ASSERT_TRUE(assessments.generate_roadmap(admin_, id, json::parse(R"({"start_date":"2027-01-04","capacity":3})")));
  auto first = entries(org_.id);
  std::map<std::string, int> ops;
  for (auto i = before; i < first.size(); ++i) ++ops[first[i].record_type + " " + first[i].op];
  EXPECT_GE(ops["roadmap_action create"] + ops["roadmap_action update"], 1);
  EXPECT_EQ(ops["roadmap generate"], 1);  // the generation itself, recorded only in history
  ASSERT_TRUE(assessments.generate_roadmap(admin_, id, json::parse(R"({"start_date":"2027-02-01","capacity":1})")));
  auto second = entries(org_.id);
  std::size_t actions = 0;
  for (auto i = first.size(); i < second.size(); ++i) {
    EXPECT_EQ(second[i].actor, admin_.email);
    if (second[i].record_type == "roadmap_action") ++actions;
  }
  EXPECT_GE(actions, 1u);
  std::vector<store::HistoryRow> h;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    h = tx.list_history(org_.id, "roadmap", id, 10, std::nullopt);
    return ok();
  }));
  ASSERT_FALSE(h.empty());
  ASSERT_TRUE(h[0].audit_seq);
  EXPECT_EQ(second[static_cast<std::size_t>(*h[0].audit_seq)].record_type, "roadmap");
}

TEST_F(AuditedInstallation, ChangesCarryTheActorAndHistoryPointsAtTheirEntry) {
  inventory::SystemService systems(*store_, clock_, ids_);
  std::string id;
  {
    ActorScope scope(admin_.email);
    auto created = systems.create(admin_, json::parse(R"({"name":"Audited model","purpose":"Testing the log"})"));
    ASSERT_TRUE(created) << created.error().detail;
    id = created->id;
    auto updated = systems.update(admin_, id, json::parse(R"({"owner":"Risk team"})"), "\"v1\"");
    ASSERT_TRUE(updated) << updated.error().detail;
  }
  auto log = entries(org_.id);
  auto& last = log.back();
  EXPECT_EQ(last.record_type, "system");
  EXPECT_EQ(last.record_id, id);
  EXPECT_EQ(last.op, "update");
  EXPECT_EQ(last.actor, admin_.email);
  std::optional<store::SystemRow> row;
  std::vector<store::HistoryRow> history;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    row = tx.find_system(org_.id, id);
    history = tx.list_history(org_.id, "system", id, 10, std::nullopt);
    return ok();
  }));
  EXPECT_EQ(last.content_sha256, content_hash(system_content(*row)).value());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].audit_seq, last.seq);
  EXPECT_EQ(history[1].audit_seq, last.seq - 1);
  auto h = json::parse(systems.history(admin_, id, std::nullopt, std::nullopt).value());
  EXPECT_EQ(h.at("items").at(0).at("audit_seq").as_int64(), last.seq);
}

TEST_F(AuditedInstallation, GenericRecordsAndBareHistoryRowsAreLogged) {
  ActorScope scope("carol@acme.test");
  auto size_before = static_cast<std::int64_t>(entries(org_.id).size());
  store::RecordRow r{"risk", org_.id, "", "risk_1", 1, 0, "sys_x", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "{}"};
  store::RecordRow link{"evidence_link", org_.id, "ev_1", "risk_1", 1, 0, "", "2026-01-01T00:00:00.000Z",
                        "2026-01-01T00:00:00.000Z", "{}"};
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) -> status {
    if (auto s = tx.put_record(r, 0); !s) return s;
    if (auto s = tx.put_record(link, 0); !s) return s;
    store::HistoryRow h{org_.id, "risk", "risk_1", 1, r.created_at, "carol@acme.test", "create", "[]"};
    if (auto s = tx.insert_history(h); !s) return s;
    store::HistoryRow review{org_.id, "review", "rev_1", 1, r.created_at, "carol@acme.test", "review", "[]"};
    return tx.insert_history(review);
  }));
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) { return tx.delete_record(org_.id, "evidence_link", "ev_1", "risk_1", 1); }));
  auto log = entries(org_.id);
  ASSERT_EQ(static_cast<std::int64_t>(log.size()), size_before + 4);
  auto at = [&](int k) { return log[static_cast<std::size_t>(size_before + k)]; };
  EXPECT_EQ(at(0).record_type, "risk");
  EXPECT_EQ(at(0).op, "create");
  EXPECT_EQ(at(0).actor, "carol@acme.test");
  EXPECT_EQ(at(1).record_type, "evidence_link");
  EXPECT_EQ(at(1).record_id, "ev_1/risk_1");
  EXPECT_EQ(at(2).record_type, "review");  // a history row with no record change of its own
  EXPECT_EQ(at(2).op, "review");
  EXPECT_EQ(at(3).op, "delete");
  EXPECT_EQ(at(3).content_sha256, deleted_content_hash());
  std::vector<store::HistoryRow> risk_h, review_h;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    risk_h = tx.list_history(org_.id, "risk", "risk_1", 10, std::nullopt);
    review_h = tx.list_history(org_.id, "review", "rev_1", 10, std::nullopt);
    return ok();
  }));
  EXPECT_EQ(risk_h.at(0).audit_seq, at(0).seq);
  EXPECT_EQ(review_h.at(0).audit_seq, at(2).seq);
}

TEST_F(AuditedInstallation, AFailedWriteLeavesNoEntryAndCallersCannotAppendDirectly) {
  auto before = entries(org_.id).size();
  store::RecordRow r{"risk", org_.id, "", "risk_2", 1, 0, "", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "{}"};
  auto s = store_->write([&](store::WriteTx& tx) -> status {
    if (auto x = tx.put_record(r, 0); !x) return x;
    return make_error(errc::validation, "no");
  });
  EXPECT_FALSE(s);
  auto direct = store_->write([&](store::WriteTx& tx) {
    return tx.append_audit_entry(store::AuditEntryRow{org_.id, static_cast<std::int64_t>(before), "{}", std::string(64, '0')}, {});
  });
  EXPECT_FALSE(direct);
  EXPECT_EQ(entries(org_.id).size(), before);
}

TEST_F(AuditedInstallation, CheckpointsAndProofsVerifyWithThePublicKeyAlone) {
  AuditService audit(*store_, signer_, clock_);
  auto vkey = json::parse(audit.public_key(admin_).value()).at("verifier_key").as_string();
  auto verifier = note::parse_verifier_key(vkey).value();
  auto first = json::parse(audit.checkpoint(admin_).value());
  auto cp1 = open_checkpoint(first.at("checkpoint").as_string(), verifier);
  ASSERT_TRUE(cp1) << cp1.error().detail;
  EXPECT_EQ(cp1->size, first.at("size").as_int64());
  EXPECT_EQ(merkle::to_hex(cp1->root), first.at("root_hash").as_string());
  // Asking again at the same size gives the same stored checkpoint.
  EXPECT_EQ(json::parse(audit.checkpoint(admin_).value()).at("checkpoint"), first.at("checkpoint"));
  for (std::int64_t seq = 0; seq < cp1->size; seq += 7) {
    auto p = json::parse(audit.inclusion(admin_, std::to_string(seq), std::nullopt).value());
    std::vector<merkle::Hash> proof;
    for (const auto& h : p.at("inclusion_proof").as_array()) proof.push_back(*merkle::from_hex(h.as_string()));
    auto leaf = merkle::leaf_hash(p.at("entry").as_string());
    EXPECT_TRUE(merkle::verify_inclusion(static_cast<std::uint64_t>(seq), static_cast<std::uint64_t>(cp1->size), leaf,
                                         proof, cp1->root))
        << seq;
  }
  {
    ActorScope scope(admin_.email);
    inventory::SystemService systems(*store_, clock_, ids_);
    ASSERT_TRUE(systems.create(admin_, json::parse(R"({"name":"Later model","purpose":"Grows the log"})")));
  }
  auto second = json::parse(audit.checkpoint(admin_).value());
  auto cp2 = open_checkpoint(second.at("checkpoint").as_string(), verifier).value();
  EXPECT_GT(cp2.size, cp1->size);
  auto c = json::parse(audit.consistency(admin_, std::to_string(cp1->size), std::nullopt).value());
  std::vector<std::string> hexes;
  for (const auto& h : c.at("consistency_proof").as_array()) hexes.emplace_back(h.as_string());
  auto vr = verify_checkpoints(std::string(first.at("checkpoint").as_string()), std::string(second.at("checkpoint").as_string()),
                               hexes, verifier);
  EXPECT_TRUE(vr.ok) << vr.summary;
  auto wrong = hexes;
  wrong[0][0] = wrong[0][0] == '0' ? '1' : '0';
  EXPECT_FALSE(verify_checkpoints(std::string(first.at("checkpoint").as_string()),
                                  std::string(second.at("checkpoint").as_string()), wrong, verifier)
                   .ok);
  // Bad requests.
  EXPECT_EQ(audit.inclusion(admin_, std::to_string(cp2.size), std::nullopt).error().code, errc::not_found);
  EXPECT_EQ(audit.inclusion(admin_, "0", std::to_string(cp2.size + 1)).error().code, errc::bad_request);
  EXPECT_EQ(audit.inclusion(admin_, "3", "3").error().code, errc::bad_request);
  EXPECT_EQ(audit.consistency(admin_, std::string("5"), std::string("4")).error().code, errc::bad_request);
  EXPECT_EQ(audit.consistency(admin_, std::nullopt, std::nullopt).error().code, errc::bad_request);
  EXPECT_EQ(audit.entries(admin_, std::string("x"), std::nullopt).error().code, errc::bad_request);
}

TEST_F(AuditedInstallation, ExportsVerifyOfflineAndATamperedExportNamesTheEntry) {
  AuditService audit(*store_, signer_, clock_);
  auto file = audit.export_log(admin_);
  ASSERT_TRUE(file) << file.error().detail;
  auto verifier = signer_.verifier(org_.id);
  std::istringstream in(file->body);
  auto r = verify_export(in, VerifyOptions{verifier, std::nullopt, std::nullopt});
  EXPECT_TRUE(r.ok) << r.summary;
  EXPECT_EQ(r.entries, file->size);
  // Change one value of entry 5 in the file.
  auto body = file->body;
  auto line = body.find("\\\"seq\\\":5}");
  ASSERT_NE(line, std::string::npos);
  auto actor = body.rfind("\\\"actor\\\":\\\"system", line);
  body.replace(actor + 12, 6, "SYSTEM");
  std::istringstream tampered(body);
  r = verify_export(tampered, VerifyOptions{verifier, std::nullopt, std::nullopt});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad, 5) << r.summary;
}

TEST_F(AuditedInstallation, TheExportStreamGivesTheDocumentedFileInPiecesWithItsExactSize) {
  AuditService audit(*store_, signer_, clock_);
  {
    // More entries than one page, and than one leaf hash line.
    ActorScope scope(admin_.email);
    std::int64_t size = 0;
    ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      size = tx.audit_size(org_.id);
      return ok();
    }));
    inventory::SystemService systems(*store_, clock_, ids_);
    for (auto i = size; i < LogExportStream::kPage + 5; ++i)
      ASSERT_TRUE(systems.create(admin_, json::object{{"name", "Model " + std::to_string(i)}, {"purpose", "Grows the log"}}));
  }
  ASSERT_TRUE(audit.checkpoint(admin_));  // an earlier checkpoint, so the file ends with two
  { ActorScope scope(admin_.email);
    ASSERT_TRUE(inventory::SystemService(*store_, clock_, ids_).create(admin_, json::parse(R"({"name":"Last","purpose":"x"})"))); }
  auto stream = audit.export_stream(admin_);
  ASSERT_TRUE(stream) << stream.error().detail;
  auto& s = **stream;
  // The file as docs/formats/audit-log.md section 6 defines it, made here from the store at once.
  std::string want = header_line(ExportHeader{org_.id, signer_.origin(org_.id), s.entries()});
  ExportLeafHashes leaves;
  std::string leaf_lines;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    for (const auto& r : tx.list_audit_entries(org_.id, 0, 1'000'000)) {
      want += entry_line(ExportEntry{r.entry});
      leaves.hashes.push_back(r.leaf_hash);
      if (leaves.hashes.size() == kLeafHashesPerLine) {
        leaf_lines += leaf_hashes_line(leaves);
        leaves.hashes.clear();
      }
    }
    if (!leaves.hashes.empty()) leaf_lines += leaf_hashes_line(leaves);
    want += leaf_lines;
    auto cps = tx.list_audit_checkpoints(org_.id, 1'000'000, s.entries() + 1);
    EXPECT_GE(cps.size(), 2u);
    for (auto it = cps.rbegin(); it != cps.rend(); ++it)
      want += checkpoint_line(ExportCheckpoint{signer_.cosign(org_.id, it->note)});
    return ok();
  }));
  EXPECT_GT(s.entries(), LogExportStream::kPage);
  EXPECT_EQ(s.filename(), "audit-log-" + org_.id + "-" + std::to_string(s.entries()) + ".jsonl");
  EXPECT_EQ(s.size(), want.size());
  std::string got;
  char buf[4093];  // pieces that never line up with lines or pages
  for (;;) {
    auto n = s.read(buf, sizeof buf);
    ASSERT_TRUE(n) << n.error().detail;
    if (*n == 0) break;
    got.append(buf, *n);
  }
  EXPECT_TRUE(got == want) << "the streamed file differs from the documented one";
  auto n = s.read(buf, sizeof buf);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 0u) << "0 again at the end";
  // The in-memory export is the same file.
  EXPECT_TRUE(audit.export_log(admin_).value().body == want);
  std::istringstream in(got);
  auto r = verify_export(in, VerifyOptions{signer_.verifier(org_.id), std::nullopt, std::nullopt});
  EXPECT_TRUE(r.ok) << r.summary;
  // Only auditors, managers and admins may export.
  auto viewer = admin_;
  viewer.role = accounts::Role::viewer;
  EXPECT_EQ(audit.export_stream(viewer).error().code, errc::forbidden);
}

TEST_F(AuditedInstallation, OrganizationsNeverSeeEachOthersLog) {
  accounts::AdminService admins(*store_, clock_, ids_);
  auto other = admins.create_org("Other Org", "boss@other.test", "other-password-123");
  ASSERT_TRUE(other) << other.error().detail;
  accounts::Actor b{"usr_b", "boss@other.test", other->id, other->name, accounts::Role::admin};
  auto mine = entries(org_.id), theirs = entries(other->id);
  ASSERT_EQ(theirs.size(), 2u);  // the organization and its admin's membership
  EXPECT_EQ(theirs[0].record_type, "organization");
  EXPECT_EQ(theirs[1].record_type, "membership");
  for (const auto& e : theirs) EXPECT_EQ(e.org, other->id);
  AuditService audit(*store_, signer_, clock_);
  // B's proofs stop at B's log; B's checkpoints are not A's.
  EXPECT_EQ(audit.inclusion(b, "5", std::nullopt).error().code, errc::not_found);
  auto cb = json::parse(audit.checkpoint(b).value());
  EXPECT_EQ(cb.at("size").as_int64(), 2);
  EXPECT_FALSE(open_checkpoint(cb.at("checkpoint").as_string(), signer_.verifier(org_.id)));
  EXPECT_TRUE(open_checkpoint(cb.at("checkpoint").as_string(), signer_.verifier(other->id)));
  auto list = json::parse(audit.entries(b, std::nullopt, std::string("500")).value());
  EXPECT_EQ(list.at("items").as_array().size(), 2u);
  EXPECT_EQ(entries(org_.id).size(), mine.size());
  accounts::Actor viewer = b;
  viewer.role = accounts::Role::viewer;
  EXPECT_EQ(audit.entries(viewer, std::nullopt, std::nullopt).error().code, errc::forbidden);
  EXPECT_EQ(audit.export_log(viewer).error().code, errc::forbidden);
  EXPECT_TRUE(audit.inclusion(viewer, "1", std::nullopt));
}
