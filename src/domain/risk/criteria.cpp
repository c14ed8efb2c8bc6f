#include "domain/risk/criteria.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"

namespace aims::risk {
namespace json = boost::json;
using accounts::Role;

namespace {

const Step kLikelihood[] = {
    {"Rare", "Not expected to happen during the life of the AI system."},
    {"Unlikely", "Could happen, but there is no sign that it will."},
    {"Possible", "Might well happen at some point; it has happened elsewhere."},
    {"Likely", "Will probably happen; similar systems have seen it."},
    {"Almost certain", "Expected to happen, or already happens."},
};

const Step kImpact[] = {
    {"Negligible", "No noticeable harm to people, the organization or society."},
    {"Minor", "Limited, short-lived harm that is easy to put right."},
    {"Moderate", "Noticeable harm to some people or a breach of an internal rule; can be put right."},
    {"Major", "Serious harm to people or their rights, a breach of law or lasting damage to trust."},
    {"Severe", "Irreversible or widespread harm, to health, safety or fundamental rights."},
};

std::string field(std::string_view base, std::size_t i) { return std::string(base) + "[" + std::to_string(i) + "]"; }

bool is_level_id(std::string_view s) {
  if (s.empty() || s.size() > 30 || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_colour(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

/// A one-line string of 1..max characters (trimmed), or an error on `name`.
std::optional<std::string> line(const json::object& o, std::string_view key, const std::string& name, std::size_t max,
                                bool required, std::vector<FieldError>& errors) {
  auto p = o.if_contains(key);
  if (!p || (p->is_string() && text::trim(p->as_string()).empty())) {
    if (required) errors.push_back({name, 0, "is required"});
    return required ? std::nullopt : std::optional<std::string>("");
  }
  if (!p->is_string()) {
    errors.push_back({name, 0, "must be a string"});
    return std::nullopt;
  }
  auto s = text::trim(p->as_string());
  if (!text::is_clean_utf8(s, false) || text::utf8_length(s) > max) {
    errors.push_back({name, 0, "must be one line of at most " + std::to_string(max) + " characters"});
    return std::nullopt;
  }
  return s;
}

std::optional<std::vector<Step>> parse_scale(const json::object& body, std::string_view key, std::vector<FieldError>& errors) {
  auto p = body.if_contains(key);
  std::string k(key);
  if (!p) {
    errors.push_back({k, 0, "is required: a list of " + std::to_string(kMinSteps) + " to " + std::to_string(kMaxSteps) + " steps"});
    return std::nullopt;
  }
  if (!p->is_array() || p->as_array().size() < kMinSteps || p->as_array().size() > kMaxSteps) {
    errors.push_back({k, 0, "must be a list of " + std::to_string(kMinSteps) + " to " + std::to_string(kMaxSteps) +
                                " steps, each {label, description}"});
    return std::nullopt;
  }
  std::vector<Step> out;
  std::set<std::string> labels;
  bool good = true;
  const auto& a = p->as_array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto f = field(key, i);
    if (!a[i].is_object()) {
      errors.push_back({f, 0, "must be an object {label, description}"});
      good = false;
      continue;
    }
    const auto& o = a[i].as_object();
    for (const auto& kv : o)
      if (kv.key() != "label" && kv.key() != "description") {
        errors.push_back({f + "." + std::string(kv.key()), 0, "is not a field here"});
        good = false;
      }
    auto label = line(o, "label", f + ".label", 60, true, errors);
    auto desc = line(o, "description", f + ".description", 300, false, errors);
    if (!label || !desc) {
      good = false;
      continue;
    }
    if (!labels.insert(text::lower(*label)).second) {
      errors.push_back({f + ".label", 0, "repeats the label of another step"});
      good = false;
    }
    out.push_back({*label, *desc});
  }
  if (!good) return std::nullopt;
  return out;
}

std::optional<std::vector<Level>> parse_levels(const json::object& body, std::vector<FieldError>& errors) {
  auto p = body.if_contains("levels");
  if (!p || !p->is_array() || p->as_array().size() < 2 || p->as_array().size() > 6) {
    errors.push_back({"levels", 0, "must be a list of 2 to 6 levels, lowest first, each {id, name, colour}"});
    return std::nullopt;
  }
  std::vector<Level> out;
  std::set<std::string> ids, names;
  bool good = true;
  const auto& a = p->as_array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto f = field("levels", i);
    if (!a[i].is_object()) {
      errors.push_back({f, 0, "must be an object {id, name, colour}"});
      good = false;
      continue;
    }
    const auto& o = a[i].as_object();
    for (const auto& kv : o)
      if (kv.key() != "id" && kv.key() != "name" && kv.key() != "colour") {
        errors.push_back({f + "." + std::string(kv.key()), 0, "is not a field here"});
        good = false;
      }
    auto id = line(o, "id", f + ".id", 30, true, errors);
    auto name = line(o, "name", f + ".name", 40, true, errors);
    auto colour = line(o, "colour", f + ".colour", 7, true, errors);
    if (id && !is_level_id(*id)) {
      errors.push_back({f + ".id", 0, "must be lower-case letters, digits and _, starting with a letter"});
      id.reset();
    }
    if (colour && !is_colour(*colour)) {
      errors.push_back({f + ".colour", 0, "must be a colour as #rrggbb"});
      colour.reset();
    }
    if (!id || !name || !colour) {
      good = false;
      continue;
    }
    if (!ids.insert(*id).second) {
      errors.push_back({f + ".id", 0, "repeats the id of another level"});
      good = false;
    }
    if (!names.insert(text::lower(*name)).second) {
      errors.push_back({f + ".name", 0, "repeats the name of another level"});
      good = false;
    }
    out.push_back({*id, *name, text::lower(*colour)});
  }
  if (!good) return std::nullopt;
  return out;
}

}  // namespace

Criteria default_criteria() {
  Criteria c;
  c.likelihood.assign(std::begin(kLikelihood), std::end(kLikelihood));
  c.impact.assign(std::begin(kImpact), std::end(kImpact));
  c.levels = {{"low", "Low", "#2e7d32"}, {"medium", "Medium", "#f2b705"}, {"high", "High", "#e8710a"},
              {"critical", "Critical", "#c62828"}};
  c.matrix.assign(5, std::vector<int>(5, 0));
  for (int l = 1; l <= 5; ++l)
    for (int i = 1; i <= 5; ++i) {
      int s = l * i;
      c.matrix[l - 1][i - 1] = s <= 4 ? 0 : s <= 9 ? 1 : s <= 15 ? 2 : 3;
    }
  c.acceptance_threshold = 1;
  c.accept_roles = {Role::admin, Role::manager};
  return c;
}

std::optional<Criteria> parse_criteria(const json::object& body, std::vector<FieldError>& errors) {
  const std::size_t before = errors.size();
  for (const auto& kv : body) {
    std::string_view k = kv.key();
    if (k == "likelihood" || k == "impact" || k == "levels" || k == "matrix" || k == "acceptance_threshold" ||
        k == "accept_roles" || k == "version" || k == "updated_at" || k == "updated_by")
      continue;
    errors.push_back({std::string(k), 0, "is not a field here"});
  }
  auto likelihood = parse_scale(body, "likelihood", errors);
  auto impact = parse_scale(body, "impact", errors);
  auto levels = parse_levels(body, errors);
  Criteria c;

  // The matrix: one row per likelihood step, one level id per impact step, never lower than the
  // cell of a less likely or less severe neighbour.
  auto m = body.if_contains("matrix");
  if (!m) errors.push_back({"matrix", 0, "is required: one row of level ids per likelihood step"});
  if (m && likelihood && impact && levels) {
    const std::size_t rows = likelihood->size(), cols = impact->size();
    if (!m->is_array() || m->as_array().size() != rows) {
      errors.push_back({"matrix", 0, "must have " + std::to_string(rows) + " rows, one per likelihood step"});
    } else {
      c.matrix.assign(rows, std::vector<int>(cols, -1));
      bool shape = true;
      for (std::size_t l = 0; l < rows; ++l) {
        const auto& row = m->as_array()[l];
        if (!row.is_array() || row.as_array().size() != cols) {
          errors.push_back({field("matrix", l), 0, "must have " + std::to_string(cols) + " level ids, one per impact step"});
          shape = false;
          continue;
        }
        for (std::size_t i = 0; i < cols; ++i) {
          const auto& cell = row.as_array()[i];
          int idx = -1;
          if (cell.is_string())
            for (std::size_t k = 0; k < levels->size(); ++k)
              if ((*levels)[k].id == cell.as_string()) idx = static_cast<int>(k);
          if (idx < 0) {
            errors.push_back({field("matrix", l) + "[" + std::to_string(i) + "]", 0, "must be the id of one of the levels"});
            shape = false;
          }
          c.matrix[l][i] = idx;
        }
      }
      if (shape)
        for (std::size_t l = 0; l < rows; ++l)
          for (std::size_t i = 0; i < cols; ++i) {
            bool lower_than_below = l > 0 && c.matrix[l][i] < c.matrix[l - 1][i];
            bool lower_than_left = i > 0 && c.matrix[l][i] < c.matrix[l][i - 1];
            if (lower_than_below || lower_than_left)
              errors.push_back({field("matrix", l) + "[" + std::to_string(i) + "]", 0,
                                "is lower than the level of a less likely or less severe cell (likelihood " +
                                    std::to_string(l + 1) + ", impact " + std::to_string(i + 1) + ")"});
          }
    }
  }

  auto t = body.if_contains("acceptance_threshold");
  if (!t || !t->is_string()) errors.push_back({"acceptance_threshold", 0, "is required: the id of the highest level that may be accepted"});
  else if (levels) {
    c.acceptance_threshold = -1;
    for (std::size_t k = 0; k < levels->size(); ++k)
      if ((*levels)[k].id == t->as_string()) c.acceptance_threshold = static_cast<int>(k);
    if (c.acceptance_threshold < 0) errors.push_back({"acceptance_threshold", 0, "must be the id of one of the levels"});
  }

  auto r = body.if_contains("accept_roles");
  if (!r || !r->is_array() || r->as_array().empty()) {
    errors.push_back({"accept_roles", 0, "must list at least one of admin, manager, contributor"});
  } else {
    for (const auto& v : r->as_array()) {
      auto role = v.is_string() ? accounts::parse_role(std::string(v.as_string())) : std::nullopt;
      if (!role || *role == Role::auditor || *role == Role::viewer) {
        errors.push_back({"accept_roles", 0, "entries must be among admin, manager, contributor"});
        break;
      }
      if (std::find(c.accept_roles.begin(), c.accept_roles.end(), *role) == c.accept_roles.end()) c.accept_roles.push_back(*role);
    }
  }
  if (errors.size() != before || !likelihood || !impact || !levels) return std::nullopt;
  c.likelihood = std::move(*likelihood);
  c.impact = std::move(*impact);
  c.levels = std::move(*levels);
  std::sort(c.accept_roles.begin(), c.accept_roles.end());
  return c;
}

json::object to_json(const Criteria& c) {
  auto steps = [](const std::vector<Step>& s) {
    json::array a;
    for (const auto& x : s) a.push_back(json::object{{"label", x.label}, {"description", x.description}});
    return a;
  };
  json::array levels, matrix, roles;
  for (const auto& l : c.levels) levels.push_back(json::object{{"id", l.id}, {"name", l.name}, {"colour", l.colour}});
  for (const auto& row : c.matrix) {
    json::array r;
    for (int idx : row) r.emplace_back(c.levels[static_cast<std::size_t>(idx)].id);
    matrix.push_back(std::move(r));
  }
  for (auto role : c.accept_roles) roles.emplace_back(accounts::role_name(role));
  return json::object{{"likelihood", steps(c.likelihood)},
                      {"impact", steps(c.impact)},
                      {"levels", std::move(levels)},
                      {"matrix", std::move(matrix)},
                      {"acceptance_threshold", c.levels[static_cast<std::size_t>(c.acceptance_threshold)].id},
                      {"accept_roles", std::move(roles)}};
}

Criteria from_json(const json::object& doc) {
  std::vector<FieldError> errors;
  auto c = parse_criteria(doc, errors);
  if (!c) throw std::runtime_error("stored risk criteria are not valid: " + (errors.empty() ? "" : errors[0].field + " " + errors[0].message));
  return *c;
}

int level_of(const Criteria& c, int likelihood, int impact) {
  return c.matrix[static_cast<std::size_t>(likelihood - 1)][static_cast<std::size_t>(impact - 1)];
}

int level_index(const Criteria& c, std::string_view id) {
  for (std::size_t k = 0; k < c.levels.size(); ++k)
    if (c.levels[k].id == id) return static_cast<int>(k);
  return -1;
}

bool may_accept(const Criteria& c, Role role) {
  return std::find(c.accept_roles.begin(), c.accept_roles.end(), role) != c.accept_roles.end();
}

StoredCriteria load_criteria(store::ReadTx& tx, const std::string& org_id) {
  StoredCriteria out;
  out.row = tx.find_record(org_id, kCriteriaKind, "", kCriteriaId);
  if (!out.row) {
    out.criteria = default_criteria();
    return out;
  }
  out.criteria = from_json(json::parse(out.row->doc).as_object());
  out.version = out.row->version;
  return out;
}

}  // namespace aims::risk
