// Every route the server has is in api/openapi.yaml with the same method, and every operation
// of the document has a route. The routes are those of the server's composition root (every area
// of src/app/areas/) over a new SQLite store in a temporary folder.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <set>

#include "app/server_app.hpp"
#include "core/crypto.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "domain/ledger/audited_store.hpp"
#include "http/api.hpp"

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

TEST(Routes, MatchTheOpenApiDocument) {
  ComposedServer server;
  const auto& router = server.app->api().router();
  auto doc_text = aims::http::openapi_as_json();
  auto doc = json::parse(doc_text).as_object();
  const auto& paths = doc.at("paths").as_object();
  std::set<std::string> documented, served;
  for (const auto& p : paths)
    for (const auto& m : p.value().as_object()) {
      std::string method(m.key());
      for (auto& ch : method) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(method + " " + std::string(p.key()));
    }
  for (const auto& r : router.routes()) served.insert(r.method + " " + r.pattern);
  for (const auto& s : served) EXPECT_TRUE(documented.count(s)) << s << " is served but not in api/openapi.yaml";
  for (const auto& d : documented) EXPECT_TRUE(served.count(d)) << d << " is documented but not served";
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
  r.add("GET", "/api/v1/systems/{id}", aims::http::Access::member, nullptr);
  auto m = r.match("GET", "/api/v1/systems/sys_1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "sys_1");
  auto wrong = r.match("DELETE", "/api/v1/systems/sys_1");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_FALSE(r.match("GET", "/api/v1/systems/sys_1/").path_known);
  EXPECT_NE(r.match("HEAD", "/api/v1/systems/x").route, nullptr);
}
