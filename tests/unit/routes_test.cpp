// The route table: the server's router is made from the served OpenAPI document (every operation
// with its method, path and x-aims-access) and the handlers of the server's composition root
// (every area of src/app/areas/, over a new SQLite store in a temporary folder); start-up fails
// when an operation has no handler or a handler no operation. And the router's matching order.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "app/server_app.hpp"
#include "core/crypto.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "domain/ledger/audited_store.hpp"
#include "http/api.hpp"
#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace json = boost::json;

namespace {

/// The server's composition over a new store and blob folder that go when it does.
struct ComposedServer {
  ComposedServer() {
    aims::crypto::init();
    dir = std::filesystem::temp_directory_path() / ("aims-routes-" + aims::crypto::random_base32(8));
    std::filesystem::create_directories(dir);
    auto st = aims::store::open_store((dir / "aims.db").string());
    if (!st) throw std::runtime_error(st.error().detail);
    inner = std::move(*st);
    store = std::make_unique<aims::ledger::AuditedStore>(*inner, clock);
    blobs = std::make_unique<aims::evidence::FileBlobStore>((dir / "evidence").string());
    app = std::make_unique<aims::app::ServerApp>(
        aims::app::Infrastructure{*store, catalog, clock, ids, signer, *blobs, 1u << 20}, aims::http::StaticFiles::load((dir / "web").string()),
        aims::http::ApiOptions{});
  }
  ~ComposedServer() {
    app.reset();
    store.reset();
    inner.reset();
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  aims::SystemClock clock;
  aims::RandomIds ids;
  aims::catalog::Catalog catalog = aims::catalog::Catalog::load_embedded();
  aims::ledger::LogSigner signer{aims::note::SigningKey::generate(), "aims.invalid"};
  std::unique_ptr<aims::store::Store> inner;
  std::unique_ptr<aims::ledger::AuditedStore> store;
  std::unique_ptr<aims::evidence::FileBlobStore> blobs;
  std::unique_ptr<aims::app::ServerApp> app;
};

}  // namespace

namespace {

const char* access_name(aims::http::Access a) {
  switch (a) {
    case aims::http::Access::open: return "open";
    case aims::http::Access::user: return "user";
    case aims::http::Access::member: return "member";
  }
  return "?";
}

/// A two-operation document: GET /a (getA, open) and POST /a (postA, member).
json::object small_doc() {
  return json::parse(R"({"paths": {"/a": {
    "get": {"operationId": "getA", "x-aims-access": "open"},
    "post": {"operationId": "postA", "x-aims-access": "member"}}}})").as_object();
}

aims::http::Response nothing(aims::http::Context&) { return {}; }

/// The message route_table throws for `doc` and `ops`, empty if it throws none.
std::string refusal(const json::object& doc, const aims::http::Operations& ops) {
  try {
    aims::http::route_table(doc, ops);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(RouteTable, ServesEveryOperationOfTheDocumentWithItsAccess) {
  ComposedServer server;
  const auto& router = server.app->api().router();
  auto doc = json::parse(aims::http::openapi_as_json()).as_object();
  std::set<std::string> documented, served;
  for (const auto& p : doc.at("paths").as_object())
    for (const auto& m : p.value().as_object()) {
      std::string method(m.key());
      for (auto& ch : method) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(method + " " + std::string(p.key()) + " " + std::string(m.value().at("x-aims-access").as_string()));
    }
  for (const auto& r : router.routes()) served.insert(r.method + " " + r.pattern + " " + access_name(r.access));
  EXPECT_EQ(served, documented);
  EXPECT_GE(served.size(), 110u);
}

TEST(RouteTable, StartUpFailsForAnOperationWithoutHandler) {
  aims::http::Operations ops;
  ops.add("getA", nothing);
  auto why = refusal(small_doc(), ops);
  EXPECT_NE(why.find("POST /a: no handler for the operation postA"), std::string::npos) << why;
  ops.add("postA", nothing);
  EXPECT_EQ(refusal(small_doc(), ops), "");
}

TEST(RouteTable, StartUpFailsForAHandlerWithoutOperation) {
  aims::http::Operations ops;
  ops.add("getA", nothing);
  ops.add("postA", nothing);
  ops.add("deleteA", nothing);
  auto why = refusal(small_doc(), ops);
  EXPECT_NE(why.find("the handler of deleteA has no operation in api/openapi.yaml"), std::string::npos) << why;
}

TEST(RouteTable, StartUpFailsForAnOperationWithoutValidAccess) {
  aims::http::Operations ops;
  ops.add("getA", nothing);
  ops.add("postA", nothing);
  auto doc = small_doc();
  doc["paths"].as_object()["/a"].as_object()["get"].as_object().erase("x-aims-access");
  doc["paths"].as_object()["/a"].as_object()["post"].as_object()["x-aims-access"] = "admin";
  auto why = refusal(doc, ops);
  EXPECT_NE(why.find("GET /a (getA): x-aims-access must be open, user or member"), std::string::npos) << why;
  EXPECT_NE(why.find("POST /a (postA): x-aims-access must be open, user or member"), std::string::npos) << why;
}

TEST(RouteTable, ReadsAccessStreamedBodiesAndHead) {
  auto doc = json::parse(R"({"paths": {
    "/up": {"post": {"operationId": "up", "x-aims-access": "member", "x-aims-streams-body": true}},
    "/pack": {"get": {"operationId": "pack", "x-aims-access": "user", "x-aims-answers-head": false}}}})").as_object();
  aims::http::Operations ops;
  ops.add("up", nothing);
  ops.add("pack", nothing);
  auto router = aims::http::route_table(doc, ops);
  auto up = router.match("POST", "/up");
  ASSERT_NE(up.route, nullptr);
  EXPECT_TRUE(up.route->streams_body);
  EXPECT_EQ(up.route->access, aims::http::Access::member);
  auto pack = router.match("GET", "/pack");
  ASSERT_NE(pack.route, nullptr);
  EXPECT_FALSE(pack.route->streams_body);
  EXPECT_EQ(pack.route->access, aims::http::Access::user);
  auto head = router.match("HEAD", "/pack");
  EXPECT_EQ(head.route, nullptr);
  EXPECT_EQ(head.allowed, "GET");
}

TEST(Operations, NameHandlersByTheirOperationIdAndOnlyOnce) {
  EXPECT_EQ(aims::http::operation_id("list_risks"), "listRisks");
  EXPECT_EQ(aims::http::operation_id("get_euact_questionnaire"), "getEuactQuestionnaire");
  EXPECT_EQ(aims::http::operation_id("me"), "me");
  aims::http::Operations ops;
  ops.add(AIMS_OPERATIONS(aims::http::unbound, change_password, me));
  std::set<std::string> names;
  for (const auto& [id, handler] : ops.handlers()) names.insert(id);
  EXPECT_EQ(names, (std::set<std::string>{"changePassword", "me"}));
  EXPECT_THROW(ops.add("me", nothing), std::logic_error);
}

TEST(Routes, OpenApiConvertsScalarsFaithfully) {
  auto doc = json::parse(aims::http::openapi_as_json()).as_object();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  EXPECT_EQ(doc.at("info").at("version").as_string(), "0.1.0");
  const auto& limit = doc.at("components").at("parameters").at("Limit").at("schema").as_object();
  EXPECT_EQ(limit.at("maximum").as_int64(), 500);
  const auto& archived = doc.at("components").at("parameters").at("SystemArchived").at("schema").at("enum").as_array();
  EXPECT_TRUE(archived[0].is_string());
}

TEST(Router, MatchesTemplatesAndReportsWrongMethod) {
  aims::http::Router r;
  r.add("GET", "/api/v1/systems/{id}", aims::http::Access::member, nothing);
  auto m = r.match("GET", "/api/v1/systems/sys_1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "sys_1");
  auto wrong = r.match("DELETE", "/api/v1/systems/sys_1");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_FALSE(r.match("GET", "/api/v1/systems/sys_1/").path_known);
  EXPECT_NE(r.match("HEAD", "/api/v1/systems/x").route, nullptr);
}

TEST(Router, MatchesLiteralSegmentsBeforeTemplatesWhateverTheOrderOfAdding) {
  aims::http::Router r;
  r.add("GET", "/risks/{id}", aims::http::Access::member, nothing);
  r.add("PATCH", "/risks/{id}", aims::http::Access::member, nothing);
  r.add("GET", "/risks/{id}/history", aims::http::Access::member, nothing);
  r.add("GET", "/risks/heatmap", aims::http::Access::member, nothing);
  r.add("GET", "/a/{x}/c", aims::http::Access::member, nothing);
  r.add("GET", "/a/b/{y}", aims::http::Access::member, nothing);
  auto heatmap = r.match("GET", "/risks/heatmap");
  ASSERT_NE(heatmap.route, nullptr);
  EXPECT_EQ(heatmap.route->pattern, "/risks/heatmap");
  EXPECT_TRUE(heatmap.params.empty());
  EXPECT_EQ(heatmap.allowed, "GET, HEAD, PATCH");  // the literal route's methods first
  auto one = r.match("GET", "/risks/R-1");
  ASSERT_NE(one.route, nullptr);
  EXPECT_EQ(one.route->pattern, "/risks/{id}");
  EXPECT_EQ(one.params.at("id"), "R-1");
  EXPECT_EQ(r.match("PATCH", "/risks/heatmap").route->pattern, "/risks/{id}");
  EXPECT_EQ(r.match("GET", "/a/b/c").route->pattern, "/a/b/{y}");  // the first literal decides
  EXPECT_EQ(r.match("GET", "/a/z/c").route->pattern, "/a/{x}/c");
}
