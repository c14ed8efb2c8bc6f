// The evidence service on a real SQLite store and the filesystem blob store: links to the generic
// record kinds, de-duplication per organization, blobs that never cross organizations, and
// nothing left behind by refused uploads.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "demo_fixture.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/demo/demo_evidence.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/evidence/file_types.hpp"
#include "domain/evidence/evidence_upload.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "store/store.hpp"

using namespace aims;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

class EvidenceServiceTest : public aims::testing::TempStore {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(open_temp_store());
    accounts::AdminService admin(*store_, clock_, ids_);
    auto a = admin.init("Org A", "a@x.test", "password for a 123");
    ASSERT_TRUE(a);
    auto b = admin.create_org("Org B", "b@x.test", "password for b 123");
    ASSERT_TRUE(b);
    actor_a_ = {"", "a@x.test", a->id, a->name, accounts::Role::admin};
    actor_b_ = {"", "b@x.test", b->id, b->name, accounts::Role::admin};
    blobs_ = std::make_unique<evidence::FileBlobStore>((dir_ / "evidence").string());
    svc_ = std::make_unique<evidence::EvidenceService>(*store_, cat_, *blobs_, clock_, ids_,
                                                       evidence::EvidenceOptions{1 << 20, 30});
  }
  void TearDown() override {
    svc_.reset();
    TempStore::TearDown();
  }

  result<evidence::UploadDone> upload(const accounts::Actor& a, const std::string& name, const std::string& bytes,
                                      std::vector<std::string> links = {}) {
    evidence::UploadParams p;
    p.filename = name;
    p.links = std::move(links);
    auto up = svc_->begin_upload(a, p);
    if (!up) return up.error();
    for (std::size_t i = 0; i < bytes.size(); i += 7) {
      if (auto st = (*up)->write(std::string_view(bytes).substr(i, 7)); !st) return st.error();
    }
    return (*up)->finish();
  }

  void put_generic(const accounts::Actor& a, const std::string& kind, const std::string& id, const std::string& title,
                   const std::string& parent_id = "") {
    ASSERT_TRUE(store_->write([&](store::WriteTx& tx) -> status {
      store::RecordRow r;
      r.kind = kind;
      r.org_id = a.org_id;
      r.parent_id = parent_id;
      r.id = id;
      r.created_at = r.updated_at = clock_.now_text();
      r.doc = json::serialize(json::object{{"id", id}, {"title", title}});
      return tx.put_record(r, 0);
    }));
  }

  std::size_t files_under(const fs::path& p) {
    std::size_t n = 0;
    if (fs::exists(p))
      for (const auto& e : fs::recursive_directory_iterator(p)) n += e.is_regular_file();
    return n;
  }

  SystemClock clock_;
  RandomIds ids_;
  catalog::Catalog cat_ = catalog::Catalog::load_embedded();
  std::unique_ptr<evidence::FileBlobStore> blobs_;
  std::unique_ptr<evidence::EvidenceService> svc_;
  accounts::Actor actor_a_, actor_b_;
};

}  // namespace

TEST_F(EvidenceServiceTest, LinksToEveryGenericRecordKindThatExistsInTheOrganization) {
  for (const std::string kind : {"risk", "impact_assessment", "objective", "classification"}) {
    put_generic(actor_a_, kind, kind + "_1", "A " + kind);
    put_generic(actor_b_, kind, kind + "_b", "B's " + kind);
  }
  auto ev = upload(actor_a_, "note.txt", "linked evidence\n");
  ASSERT_TRUE(ev) << ev.error().detail;
  for (const std::string kind : {"risk", "impact_assessment", "objective", "classification"}) {
    auto l = svc_->add_link(actor_a_, ev->view.id, json::object{{"target", kind + ":" + kind + "_1"}});
    ASSERT_TRUE(l) << kind << ": " << l.error().detail;
    EXPECT_EQ(json::parse(*l).at("label").as_string(), "A " + kind);
    auto unknown = svc_->add_link(actor_a_, ev->view.id, json::object{{"target", kind + ":nope"}});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, errc::validation);
    auto other = svc_->add_link(actor_a_, ev->view.id, json::object{{"target", kind + ":" + kind + "_b"}});
    ASSERT_FALSE(other) << "org B's " << kind << " must not be linkable from org A";
    EXPECT_EQ(other.error().code, errc::validation);
  }
  // Obligations are kept per AI system: obligation:SYSTEM_ID:OBLIGATION_ID.
  put_generic(actor_a_, "obligation", "art26", "Deployer duties", "sys_a");
  put_generic(actor_b_, "obligation", "art26", "B's deployer duties", "sys_b");
  auto ob = svc_->add_link(actor_a_, ev->view.id, json::object{{"target", "obligation:sys_a:art26"}});
  ASSERT_TRUE(ob) << ob.error().detail;
  EXPECT_EQ(json::parse(*ob).at("label").as_string(), "Deployer duties");
  for (const std::string bad : {"obligation:art26", "obligation:sys_b:art26", "obligation:sys_a:art9"}) {
    auto refused = svc_->add_link(actor_a_, ev->view.id, json::object{{"target", bad}});
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().code, errc::validation) << bad;
  }
  auto links = json::parse(*svc_->links(actor_a_, ev->view.id)).at("items").as_array();
  EXPECT_EQ(links.size(), 5u);
  auto risk = svc_->list(actor_a_, {{"linked_to", "risk:risk_1"}});
  ASSERT_TRUE(risk);
  EXPECT_EQ(risk->total, 1);
}

TEST_F(EvidenceServiceTest, SameBytesInTwoOrganizationsAreTwoBlobsAndDeletingOneKeepsTheOther) {
  const std::string bytes = "shared policy text\n";
  auto a = upload(actor_a_, "policy.txt", bytes);
  auto b = upload(actor_b_, "policy.txt", bytes);
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->created && b->created);
  auto sha = crypto::sha256_hex(bytes);
  EXPECT_TRUE(blobs_->exists(actor_a_.org_id, sha));
  EXPECT_TRUE(blobs_->exists(actor_b_.org_id, sha));
  // Again in A: the same record, no new blob.
  auto again = upload(actor_a_, "copy.txt", bytes);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->view.id, a->view.id);
  EXPECT_EQ(files_under(dir_ / "evidence" / actor_a_.org_id), 1u);

  ASSERT_TRUE(svc_->remove(actor_a_, a->view.id, "\"v1\""));
  EXPECT_FALSE(blobs_->exists(actor_a_.org_id, sha));
  EXPECT_TRUE(blobs_->exists(actor_b_.org_id, sha)) << "deleting A's evidence removed B's file";
  auto dl = svc_->open_content(actor_b_, b->view.id);
  ASSERT_TRUE(dl);
  std::string got(100, '\0');
  got.resize(*dl->reader->read(got.data(), got.size()));
  EXPECT_EQ(got, bytes);
  // A's tombstone keeps its custody events; its content is gone.
  auto tomb = svc_->get(actor_a_, a->view.id);
  ASSERT_TRUE(tomb);
  EXPECT_TRUE(json::parse(tomb->json).at("deleted").as_bool());
  EXPECT_FALSE(svc_->open_content(actor_a_, a->view.id));
  auto events = json::parse(*svc_->events(actor_a_, a->view.id, std::nullopt, std::nullopt)).at("items").as_array();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].at("action").as_string(), "upload");
  EXPECT_EQ(events[1].at("action").as_string(), "upload_duplicate");
  EXPECT_EQ(events[2].at("action").as_string(), "delete");
  // Uploading the bytes again after deletion makes a new record and a new blob.
  auto anew = upload(actor_a_, "policy.txt", bytes);
  ASSERT_TRUE(anew);
  EXPECT_TRUE(anew->created);
  EXPECT_NE(anew->view.id, a->view.id);
  EXPECT_TRUE(blobs_->exists(actor_a_.org_id, sha));
}

TEST_F(EvidenceServiceTest, RefusedUploadsLeaveNoFileAndNoRecord) {
  auto mismatch = upload(actor_a_, "report.pdf", "<html><body>not a pdf</body></html>");
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().code, errc::validation);
  auto big = upload(actor_a_, "big.txt", std::string((1 << 20) + 1, 'x'));
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, errc::payload_too_large);
  auto prog = upload(actor_a_, "run.txt", "#!/bin/sh\necho hi\n");
  ASSERT_FALSE(prog);
  EXPECT_EQ(prog.error().code, errc::unsupported_media_type);
  EXPECT_EQ(files_under(dir_ / "evidence"), 0u);
  auto list = svc_->list(actor_a_, {});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->total, 0);
  // Dropping an upload half-way (the client went away) keeps nothing either.
  {
    evidence::UploadParams p;
    p.filename = "half.txt";
    auto up = svc_->begin_upload(actor_a_, p);
    ASSERT_TRUE(up);
    ASSERT_TRUE((*up)->write("half of it"));
    EXPECT_EQ(files_under(dir_ / "evidence" / "tmp"), 1u);
  }
  EXPECT_EQ(files_under(dir_ / "evidence"), 0u);
}

TEST_F(EvidenceServiceTest, ViewersAndAuditorsCannotUploadAndAContributorCannotDelete) {
  for (auto role : {accounts::Role::viewer, accounts::Role::auditor}) {
    auto a = actor_a_;
    a.role = role;
    evidence::UploadParams p;
    p.filename = "x.txt";
    auto up = svc_->begin_upload(a, p);
    ASSERT_FALSE(up);
    EXPECT_EQ(up.error().code, errc::forbidden);
  }
  auto ev = upload(actor_a_, "x.txt", "x\n");
  ASSERT_TRUE(ev);
  auto c = actor_a_;
  c.role = accounts::Role::contributor;
  auto del = svc_->remove(c, ev->view.id, "\"v1\"");
  ASSERT_FALSE(del);
  EXPECT_EQ(del.error().code, errc::forbidden);
}

using DemoEvidence = aims::testing::DemoOrg;

TEST_F(DemoEvidence, FourTruthfulFilesLinkedToDemoRecordsOneExpiringOneExpired) {
  evidence::FileBlobStore blobs((dir_ / "evidence").string());
  evidence::EvidenceService svc(*store_, cat_, blobs, clock_, ids_);
  auto seeded = demo::seed_evidence(*store_, svc, clock_, login_.email);
  ASSERT_TRUE(seeded) << seeded.error().detail;
  accounts::Actor a{"", login_.email, org_.id, org_.name, accounts::Role::admin};
  auto f = json::parse(*svc.freshness(a, std::nullopt)).as_object();
  EXPECT_EQ(f.at("counts").at("total").as_int64(), 4);
  EXPECT_EQ(f.at("counts").at("expired").as_int64(), 1);
  EXPECT_EQ(f.at("counts").at("expiring").as_int64(), 1);
  auto list = json::parse(svc.list(a, {})->items_json).as_array();
  for (const auto& v : list) {
    const auto& e = v.as_object();
    EXPECT_GE(e.at("link_count").as_int64(), 1) << e.at("title");
    auto ext = evidence::extension_of(std::string(e.at("filename").as_string()));
    EXPECT_EQ(e.at("file_type").as_string(), ext == "pdf" ? "pdf" : "text") << e.at("filename");
  }
}
