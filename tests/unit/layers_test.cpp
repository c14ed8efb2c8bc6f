// The layers of src/ point one way (docs/architecture.md): a file includes project headers of its
// own layer or a lower one (core < store < domain < report < http < cli < app); outside src/store
// only the storage interface (store/store.hpp, and store/audit_entry_queries.hpp, the audit entries
// page's queries, store/batch_lookups.hpp, the list pages' one-query lookups, and
// store/account_details.hpp, the people pages' account details, store/list_views.hpp, the
// stored list views, and store/actions.hpp, the action index, that every SQL transaction
// answers, and store/database_copy.hpp, the backups' copy of a database); and each outside library only where its layer owns
// it (SQLite and libpq in their store back-ends, Beast and Asio in the HTTP server and client, the
// document formats in report, CLI11 in cli and app). The scan reads every source file under src/
// and names every violation; the library list of CMakeLists.txt is checked for the inner layers.
// The server is composed in src/app alone: src/cli includes no area service (only the accounts
// services of offline administration), no dashboard and no server, routes or handlers header.
// Test code only; the checks are pure functions over file text.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Layer {
  std::string_view dir;  // the folder under src/
  int rank;              // a file may include layers of its own rank or lower
};
constexpr Layer kLayers[] = {{"core", 0}, {"store", 1}, {"domain", 2}, {"report", 3},
                             {"http", 4}, {"cli", 5},   {"app", 6}};

/// An outside library's headers (by prefix) and the paths under src/ that may include them.
struct Library {
  std::string_view name;
  std::string_view header_prefix;
  std::vector<std::string_view> allowed_in;  // path prefixes relative to the repository
};
const std::vector<Library>& libraries() {
  static const std::vector<Library> libs = {
      {"SQLite", "sqlite3", {"src/store/sqlite/"}},
      {"libpq", "libpq", {"src/store/postgres/"}},
      {"libpq", "postgresql/", {"src/store/postgres/"}},
      {"Beast", "boost/beast", {"src/http/server.", "src/http/client."}},
      {"Asio", "boost/asio", {"src/http/server.", "src/http/client."}},
      {"libxlsxwriter", "xlsxwriter", {"src/report/"}},
      {"cairo", "cairo", {"src/report/"}},
      {"pango", "pango/", {"src/report/"}},
      {"CLI11", "CLI/", {"src/cli/", "src/app/"}},
  };
  return libs;
}

const Layer* layer_of_dir(std::string_view dir) {
  for (const auto& l : kLayers)
    if (l.dir == dir) return &l;
  return nullptr;
}

std::string first_component(std::string_view path) {
  auto slash = path.find('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(0, slash));
}

bool starts_with_any(std::string_view s, const std::vector<std::string_view>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return s.substr(0, p.size()) == p; });
}

/// True for a header only the composition root (src/app) needs: an area's service (the accounts
/// services serve offline administration too), the dashboard, the HTTP API, routes, handlers or server.
bool composes_server(const std::string& header) {
  static const std::regex re(R"(^domain/(?!accounts/)[^/]+/[^/]*_service\.hpp$|^domain/dashboard/|^http/(api|server|handlers|routes[^/]*)\.hpp$)");
  return std::regex_search(header, re);
}

/// The violations of one source file, given its path from the repository root (src/<layer>/…)
/// and its text. Each names the file, the line, the include and the rule it breaks.
std::vector<std::string> check_file(const std::string& path, const std::string& text) {
  std::vector<std::string> out;
  const Layer* own = path.rfind("src/", 0) == 0 ? layer_of_dir(first_component(path.substr(4))) : nullptr;
  if (!own) {
    out.push_back(path + ": not in a layer folder under src/");
    return out;
  }
  static const std::regex include_re(R"(^\s*#\s*include\s*([<"])([^">]+)[">])");
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    std::smatch m;
    if (!std::regex_search(line, m, include_re)) continue;
    std::string header = m[2];
    std::string where = path + ":" + std::to_string(number) + " includes " + m[1].str() + header +
                        (m[1] == "<" ? ">" : "\"") + ": ";
    if (m[1] == "\"") {
      const Layer* target = layer_of_dir(first_component(header));
      if (!target) {
        out.push_back(where + "project headers are named from src/ (layer/file)");
        continue;
      }
      if (own->dir == "cli" && composes_server(header))
        out.push_back(where + "the server's services, routes and dashboard are composed in src/app, not in src/cli");
      else if (target->rank > own->rank)
        out.push_back(where + std::string(own->dir) + " may not depend on the higher layer " + std::string(target->dir));
      else if (target->dir == "store" && own->dir != "store" && header != "store/store.hpp" &&
               header != "store/audit_entry_queries.hpp" && header != "store/batch_lookups.hpp" &&
               header != "store/account_details.hpp" && header != "store/list_views.hpp" &&
               header != "store/actions.hpp" && header != "store/database_copy.hpp" &&
               header != "store/notifications.hpp" && header != "store/blobs.hpp")
        out.push_back(where + "outside src/store only the interface store/store.hpp may be included");
      continue;
    }
    for (const auto& lib : libraries())
      if (header.rfind(lib.header_prefix, 0) == 0 && !starts_with_any(path, lib.allowed_in)) {
        std::string allowed;
        for (auto a : lib.allowed_in) allowed += (allowed.empty() ? "" : ", ") + std::string(a);
        out.push_back(where + std::string(lib.name) + " belongs only in " + allowed);
      }
  }
  return out;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The arguments of `target_link_libraries(<target> …)` in CMakeLists.txt.
std::string link_line(const std::string& cmake, const std::string& target) {
  auto at = cmake.find("target_link_libraries(" + target + " ");
  if (at == std::string::npos) return {};
  return cmake.substr(at, cmake.find(')', at) - at);
}

TEST(Layers, TheCheckNamesEachKindOfViolation) {
  EXPECT_EQ(check_file("src/domain/risk/x.cpp", "#include <sqlite3.h>\n").size(), 1u);
  EXPECT_EQ(check_file("src/domain/risk/x.cpp", "#include <libpq-fe.h>\n").size(), 1u);
  EXPECT_EQ(check_file("src/domain/x.cpp", "  #  include <boost/beast/http.hpp>\n#include <boost/asio.hpp>\n").size(), 2u);
  EXPECT_EQ(check_file("src/http/handlers_x.cpp", "#include <boost/asio/ip/tcp.hpp>\n").size(), 1u);
  EXPECT_EQ(check_file("src/core/x.hpp", "#include \"domain/risk/risk_service.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/domain/x.cpp", "#include \"http/api.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/cli/x.cpp", "#include \"app/config.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/http/x.cpp", "#include \"app/server_app.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/domain/x.cpp", "#include \"app/area.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/cli/x.cpp", "#include \"domain/risk/risk_service.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/cli/x.cpp", "#include \"domain/dashboard/cards/cards.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/cli/x.cpp", "#include \"http/api.hpp\"\n#include \"http/server.hpp\"\n").size(), 2u);
  EXPECT_EQ(check_file("src/cli/x.cpp", "#include \"http/routes_risks.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/domain/x.cpp", "#include \"store/sql/sql_store.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/domain/x.cpp", "#include \"x.hpp\"\n").size(), 1u);
  EXPECT_EQ(check_file("src/tools/x.cpp", "").size(), 1u);
  auto named = check_file("src/domain/a/b.cpp", "// text\n#include <sqlite3.h>\n");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_NE(named[0].find("src/domain/a/b.cpp:2"), std::string::npos) << named[0];
  EXPECT_NE(named[0].find("SQLite"), std::string::npos) << named[0];

  EXPECT_TRUE(check_file("src/store/sqlite/x.cpp", "#include <sqlite3.h>\n#include \"store/sql/x.hpp\"\n").empty());
  EXPECT_TRUE(check_file("src/http/server.cpp", "#include <boost/beast/core.hpp>\n#include \"domain/x.hpp\"\n").empty());
  EXPECT_TRUE(check_file("src/domain/x.cpp", "#include \"store/store.hpp\"\n#include \"core/error.hpp\"\n").empty());
  EXPECT_TRUE(check_file("src/app/main.cpp", "#include <CLI/CLI.hpp>\n#include \"cli/commands.hpp\"\n").empty());
  EXPECT_TRUE(check_file("src/app/x.cpp", "#include \"domain/risk/risk_service.hpp\"\n#include \"http/api.hpp\"\n").empty());
  EXPECT_TRUE(check_file("src/cli/x.cpp", "#include \"domain/accounts/admin_service.hpp\"\n#include \"http/client.hpp\"\n").empty());
}

TEST(Layers, SourcesIncludeOnlyDownwardAndLibrariesStayInTheirLayer) {
  fs::path root(AIMS_SOURCE_DIR);
  std::vector<std::string> violations;
  int files = 0, domain_to_store = 0;
  for (const auto& e : fs::recursive_directory_iterator(root / "src")) {
    auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) continue;
    ++files;
    auto path = fs::relative(e.path(), root).generic_string();
    auto text = read_text(e.path());
    if (path.rfind("src/domain/", 0) == 0 && text.find("#include \"store/store.hpp\"") != std::string::npos)
      ++domain_to_store;
    auto found = check_file(path, text);
    violations.insert(violations.end(), found.begin(), found.end());
  }
  // The scan saw the tree (and would see an include of a lower layer).
  EXPECT_GT(files, 100);
  EXPECT_GT(domain_to_store, 0);
  std::sort(violations.begin(), violations.end());
  std::string all;
  for (const auto& v : violations) all += "\n  " + v;
  EXPECT_TRUE(violations.empty()) << violations.size() << " layer violation(s):" << all;
}

TEST(Layers, InnerLibrariesLinkNoDatabaseNetworkOrFormatLibrary) {
  auto cmake = read_text(fs::path(AIMS_SOURCE_DIR) / "CMakeLists.txt");
  for (std::string target : {"aims_core", "aims_domain"}) {
    auto line = link_line(cmake, target);
    ASSERT_FALSE(line.empty()) << "no target_link_libraries(" << target << " …) in CMakeLists.txt";
    for (std::string banned : {"SQLite", "PostgreSQL", "XLSXWRITER", "PANGOCAIRO", "CLI11", "aims_store", "aims_http",
                               "aims_report"})
      EXPECT_EQ(line.find(banned), std::string::npos) << target << " links " << banned << ": " << line;
  }
  EXPECT_EQ(link_line(cmake, "aims_store").find("aims_domain"), std::string::npos);
  EXPECT_EQ(link_line(cmake, "aims_report").find("aims_http"), std::string::npos);
}

}  // namespace
