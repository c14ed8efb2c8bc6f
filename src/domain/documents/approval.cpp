#include "domain/documents/approval.hpp"

#include <algorithm>

#include "domain/common/input.hpp"

namespace aims::documents::approval {
namespace json = boost::json;

namespace {

bool approved_by(const json::object& state, const std::string& user_id) {
  for (const auto& d : state.at("decisions").as_array()) {
    const auto& o = d.as_object();
    if (o.at("user_id").as_string() == user_id && o.at("decision").as_string() == "approve") return true;
  }
  return false;
}

}  // namespace

result<json::object> start(const std::vector<std::string>& approvers, const std::string& author_id,
                           const accounts::Actor& a, const std::string& now, std::string_view what) {
  std::vector<std::string> required;
  for (const auto& id : approvers)
    if (id != author_id) required.push_back(id);
  if (required.empty())
    return make_error(errc::conflict, "Name at least one approver other than the author of " + std::string(what) +
                                          " before submitting it for approval.");
  return json::object{{"required", input::to_array(required)},
                      {"submitted_at", now},
                      {"submitted_by", a.email},
                      {"decisions", json::array{}}};
}

result<std::vector<std::string>> read_approvers(store::ReadTx& tx, const std::string& org_id, const json::value& body,
                                                std::initializer_list<std::string_view> allowed) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), allowed);
  auto approvers = in.list("approvers", 10, 100);
  if (in.ok() && (!approvers || approvers->empty())) in.error("approvers", "name at least one approver (user ids)");
  if (in.ok())
    for (const auto& u : *approvers) {
      auto m = tx.find_membership(u, org_id);
      auto role = m ? accounts::parse_role(m->role) : std::nullopt;
      if (!role || !accounts::allowed(*role, accounts::Action::approve))
        in.error("approvers", "'" + u + "' is not an admin or manager of this organization");
    }
  if (!in.ok()) return in.failure("The submission is not valid.");
  return std::move(*approvers);
}

std::vector<std::string> waiting_for(const json::object& state) {
  std::vector<std::string> out;
  for (const auto& id : state.at("required").as_array())
    if (!approved_by(state, std::string(id.as_string()))) out.emplace_back(id.as_string());
  return out;
}

result<Outcome> decide(json::object& state, const std::string& author_id, const accounts::Actor& a, bool approve,
                       const std::string& comment, const std::string& now) {
  if (a.user_id == author_id)
    return make_error(errc::forbidden, "You are the author of this version; an approver must be someone else.");
  auto required = input::from_array(state.at("required"));
  if (std::find(required.begin(), required.end(), a.user_id) == required.end())
    return make_error(errc::forbidden, "You are not one of the approvers of this version.");
  if (approved_by(state, a.user_id)) return make_error(errc::conflict, "You have approved this version already.");
  if (!approve && comment.empty())
    return make_error(errc::validation, "A rejection needs a comment.", {{"comment", 0, "say what must change"}});
  state["decisions"].as_array().push_back(json::object{{"user_id", a.user_id},
                                                       {"email", a.email},
                                                       {"decision", approve ? "approve" : "reject"},
                                                       {"comment", comment},
                                                       {"at", now}});
  if (!approve) return Outcome::rejected;
  return waiting_for(state).empty() ? Outcome::approved : Outcome::pending;
}

}  // namespace aims::documents::approval
