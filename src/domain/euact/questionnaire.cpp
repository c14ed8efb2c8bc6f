#include "domain/euact/questionnaire.hpp"

#include <algorithm>
#include <set>

namespace aims::euact {
namespace json = boost::json;

namespace {

json::value answer_is(std::string_view id, json::value v) { return json::object{{"answer", id}, {"is", std::move(v)}}; }
json::value includes_any(std::string_view id, std::initializer_list<std::string_view> values) {
  json::array a;
  for (auto v : values) a.emplace_back(v);
  return json::object{{"answer", id}, {"includes_any", std::move(a)}};
}
json::value includes_any_of(std::string_view id, const std::vector<std::string>& values) {
  json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return json::object{{"answer", id}, {"includes_any", std::move(a)}};
}
json::value named(std::string_view name) { return json::object{{"condition", name}}; }
json::value all(json::array a) { return json::object{{"all", std::move(a)}}; }
json::value any(json::array a) { return json::object{{"any", std::move(a)}}; }
json::value negate(json::value c) { return json::object{{"not", std::move(c)}}; }

std::string with_exceptions(const std::string& summary, const std::optional<std::string>& exceptions,
                            std::string_view lead = "Not covered: ") {
  return exceptions ? summary + " " + std::string(lead) + *exceptions : summary;
}

const char* type_name(QuestionType t) {
  switch (t) {
    case QuestionType::yes_no: return "yes_no";
    case QuestionType::single_choice: return "single_choice";
    case QuestionType::multi_choice: return "multi_choice";
  }
  return "yes_no";
}

// The roles an organization can have for a system (Art. 3 and 25), in our words.
const Option kRoles[] = {
    {"provider", "Provider",
     "You develop the system, or have it developed, and place it on the market or put it into service under your own "
     "name or trademark, paid or free of charge. Building a system for your own use counts."},
    {"deployer", "Deployer", "You use the system under your own authority in a professional activity."},
    {"importer", "Importer",
     "You are established in the EU and place on the EU market a system that carries the name or trademark of a provider "
     "established outside the EU."},
    {"distributor", "Distributor",
     "You make the system available on the EU market as part of the supply chain, without being its provider or importer."},
    {"product_manufacturer", "Product manufacturer",
     "You place the system on the market or put it into service together with your own product, under your own name or "
     "trademark (products covered by the EU product laws of Annex I)."},
    {"authorised_representative", "Authorised representative",
     "You are established in the EU and hold a written mandate from a provider outside the EU to carry out some of its "
     "obligations on its behalf."},
};

}  // namespace

Questionnaire::Questionnaire(const Data& data) : data_(data), version_(data.version()) {
  steps_ = {
      {"role", "Your role", "Who your organization is for this system decides which obligations are yours."},
      {"scope", "Scope (Art. 2)", "Systems the regulation does not apply to; an exclusion ends the questionnaire."},
      {"prohibited", "Prohibited practices (Art. 5)",
       "Practices that may not be placed on the market, put into service or used in the EU at all."},
      {"annex1", "Products under EU product law (Art. 6(1), Annex I)",
       "Systems that are safety components of regulated products, or such products themselves."},
      {"annex3", "Uses listed in Annex III", "Areas of use in which a system is high-risk (Art. 6(2))."},
  };
  for (int area = 1; area <= 8; ++area)
    steps_.push_back({"annex3-" + std::to_string(area), "Annex III area " + std::to_string(area) + ": " + data.area_title(area),
                      "Answer yes to each use that describes the system's intended purpose."});
  steps_.push_back({"derogation", "Art. 6(3): profiling and derogations",
                    "An Annex III system that does not materially influence decisions may not be high-risk, unless it "
                    "profiles people."});
  steps_.push_back({"deployer", "Deployers of high-risk systems", "Facts that decide some deployer obligations."});
  steps_.push_back({"legacy", "Systems already on the market (Art. 111(2))",
                    "A high-risk system placed on the market before its rules apply is caught only on a significant "
                    "change of design, or by 2 August 2030 if public authorities are to use it."});
  steps_.push_back({"transparency", "Transparency duties (Art. 50)",
                    "Duties to tell people about AI interaction and AI-generated content; they apply to high-risk and "
                    "other systems alike."});
  steps_.push_back({"gpai", "General-purpose AI models (Art. 51–55)", "Duties of providers of general-purpose AI models."});

  // ---- named conditions ----
  std::vector<std::string> full_exclusions;
  for (const auto* r : data.rules_of_kind("scope_exclusion"))
    if (r->outcome == "out_of_scope") full_exclusions.push_back(r->id);
  conditions_["out_of_scope"] = includes_any_of("art2-scope", full_exclusions);
  json::array practice_hits;
  for (const auto& p : data.practices()) {
    json::value hit = p.foreseeable_question ? any({answer_is(p.id, true), answer_is(p.id + "-foreseeable", true)})
                                             : answer_is(p.id, true);
    if (p.exceptions)
      practice_hits.push_back(all({std::move(hit), answer_is(p.id + "-exception", false)}));
    else
      practice_hits.push_back(std::move(hit));
  }
  json::array point_hits, beyond_point_2;
  for (const auto& p : data.points()) {
    point_hits.push_back(answer_is(p.id, true));
    if (p.area != 2) beyond_point_2.push_back(answer_is(p.id, true));
  }
  conditions_["annex3_beyond_point_2"] = any(std::move(beyond_point_2));
  json::array derogation_hits;
  for (auto id : {"art6-3-a", "art6-3-b", "art6-3-c", "art6-3-d"}) derogation_hits.push_back(answer_is(id, true));
  conditions_["prohibited"] = any(std::move(practice_hits));
  conditions_["annex3_use"] = any(std::move(point_hits));
  conditions_["annex3_high_risk"] =
      all({named("annex3_use"), any({answer_is("art6-3-profiling", true), negate(any(std::move(derogation_hits)))})});
  conditions_["high_risk"] = any({named("annex3_high_risk"), all({answer_is("art6-1", true), answer_is("annex1-section", "A")})});
  const json::value in_scope = negate(named("out_of_scope"));
  // Asked only of a system in scope with no prohibited practice.
  const json::value not_prohibited = all({in_scope, negate(named("prohibited"))});
  std::vector<std::string> trigger_ids;
  for (const auto* r : data.rules_of_kind("provider_trigger")) trigger_ids.push_back(r->id);
  const json::value is_provider =
      any({includes_any("roles", {"provider", "product_manufacturer"}), includes_any_of("art25-1", trigger_ids)});
  const json::value places_on_market =
      includes_any("roles", {"provider", "product_manufacturer", "importer", "distributor", "authorised_representative"});

  // ---- role ----
  add({.id = "roles",
       .step = "role",
       .type = QuestionType::multi_choice,
       .text = "What is your organization's role for this system? Pick every role that fits.",
       .help = "An organization that builds a system and uses it itself is both its provider and its deployer.",
       .article = "Art. 3(3)–(8), Art. 25",
       .options = {std::begin(kRoles), std::end(kRoles)},
       .min_items = 1});
  Question triggers{.id = "art25-1",
                    .step = "role",
                    .type = QuestionType::multi_choice,
                    .text = "Does any of these apply to you for this system? Pick none if none does.",
                    .help = "A deployer, importer or distributor to whom one of these applies is considered the provider "
                            "of a high-risk system, with the provider's obligations (Art. 25(1)).",
                    .article = "Art. 25(1)",
                    .show_if = all({includes_any("roles", {"deployer", "importer", "distributor"}),
                                    negate(includes_any("roles", {"provider", "product_manufacturer"}))})};
  for (const auto* r : data.rules_of_kind("provider_trigger"))
    triggers.options.push_back({r->id, r->question, r->article + ": " + r->summary});
  add(std::move(triggers));
  add({.id = "provider-outside-eu",
       .step = "role",
       .text = "Is your organization established outside the European Union?",
       .help = "Providers established outside the EU appoint an authorised representative in the EU before making "
               "a high-risk system or a general-purpose AI model available there.",
       .article = "Art. 22, Art. 54",
       .show_if = is_provider});

  // ---- Art. 2 ----
  Question scope{.id = "art2-scope",
                 .step = "scope",
                 .type = QuestionType::multi_choice,
                 .text = "Does any of these describe the system? Pick none if none does.",
                 .help = "The regulation does not apply to a system excluded by Art. 2; a free and open-source system is "
                         "excluded only if it is neither prohibited, high-risk nor under Art. 50.",
                 .article = "Art. 2"};
  for (const auto* r : data.rules_of_kind("scope_exclusion"))
    scope.options.push_back({r->id, r->question, r->article + ": " + r->summary});
  add(std::move(scope));

  // ---- Art. 5 ----
  for (const auto& p : data.practices()) {
    add({.id = p.id, .step = "prohibited", .text = p.question, .help = p.summary, .article = p.article,
         .show_if = in_scope, .source = p.id});
    if (p.foreseeable_question)
      add({.id = p.id + "-foreseeable",
           .step = "prohibited",
           .text = *p.foreseeable_question,
           .help = "Placing such a system on the market or putting it into service is banned even when the content is "
                   "not its purpose, if producing it is a reasonably foreseeable outcome and adequate safeguards are "
                   "missing (Art. 5(1a)(a)(ii)).",
           .article = p.article + ", Art. 5(1a)(a)(ii)",
           .show_if = all({in_scope, places_on_market, answer_is(p.id, false)}),
           .source = p.id});
    if (p.exceptions)
      add({.id = p.id + "-exception",
           .step = "prohibited",
           .text = "Does this exception apply? " + *p.exceptions,
           .help = "If it does, the practice is not banned; the system may still be high-risk under Annex III.",
           .article = p.article,
           .show_if = all({in_scope, answer_is(p.id, true)}),
           .source = p.id});
  }

  // ---- Art. 6(1), Annex I ----
  const Rule& a61 = *data.rule("art6-1");
  add({.id = a61.id, .step = "annex1", .text = a61.question, .help = a61.summary, .article = a61.article,
       .show_if = not_prohibited, .source = a61.id});
  add({.id = "annex1-section",
       .step = "annex1",
       .type = QuestionType::single_choice,
       .text = "Which part of Annex I lists the product law concerned?",
       .help = "For Section B products only Art. 6(1), Art. 60a and Art. 102–112 of the regulation apply (Art. 2(2)); "
               "the requirements reach the product through its own sector law, and aims lists no AI Act obligations "
               "of its own. Machinery (Regulation (EU) 2023/1230) is in Section B, point 21.",
       .article = "Annex I, Art. 2(2)",
       .options = {{"A", "Section A",
                    "Toys, recreational craft, lifts, equipment for explosive atmospheres, radio equipment, pressure "
                    "equipment, cableways, personal protective equipment, gas appliances, medical devices and in vitro "
                    "diagnostic medical devices."},
                   {"B", "Section B",
                    "Civil aviation (including unmanned aircraft), two- and three-wheel vehicles and quadricycles, "
                    "agricultural and forestry vehicles, marine equipment, rail systems, motor vehicles and their "
                    "trailers, and machinery (Regulation (EU) 2023/1230, point 21)."}},
       .show_if = all({not_prohibited, answer_is(a61.id, true)})});

  // ---- Annex III ----
  json::array area_options;
  Question areas{.id = "annex3-areas",
                 .step = "annex3",
                 .type = QuestionType::multi_choice,
                 .text = "In which of these areas is the system intended to be used? Pick none if no area fits.",
                 .help = "The next pages ask about the specific uses listed in each area you pick.",
                 .article = "Art. 6(2), Annex III",
                 .show_if = not_prohibited};
  for (int area = 1; area <= 8; ++area) {
    std::string uses;
    for (const auto& p : data.points())
      if (p.area == area) uses += (uses.empty() ? "" : "; ") + p.title;
    areas.options.push_back({std::to_string(area), data.area_title(area), uses + "."});
  }
  add(std::move(areas));
  for (const auto& p : data.points())
    add({.id = p.id,
         .step = "annex3-" + std::to_string(p.area),
         .text = p.question,
         .help = with_exceptions(p.summary, p.exceptions),
         .article = "Annex III point " + p.point,
         .show_if = all({not_prohibited, json::object{{"answer", "annex3-areas"}, {"includes", std::to_string(p.area)}}}),
         .source = p.id});

  // ---- Art. 6(3) ----
  const Rule& prof = *data.rule("art6-3-profiling");
  add({.id = prof.id, .step = "derogation", .text = prof.question, .help = prof.summary, .article = prof.article,
       .show_if = all({not_prohibited, named("annex3_use")}), .source = prof.id});
  for (auto id : {"art6-3-a", "art6-3-b", "art6-3-c", "art6-3-d"}) {
    const Rule& r = *data.rule(id);
    add({.id = r.id,
         .step = "derogation",
         .text = r.question,
         .help = r.summary + " The provider makes this assessment and documents it (Art. 6(4)); a deployer answers as the "
                             "provider's documentation states.",
         .article = r.article,
         .show_if = all({not_prohibited, named("annex3_use"), answer_is(prof.id, false)}),
         .source = r.id});
  }
  const json::value public_deployer_asked = all({not_prohibited, json::object{{"answer", "roles"}, {"includes", "deployer"}},
                                                 named("annex3_high_risk"), named("annex3_beyond_point_2")});
  add({.id = "deployer-public-service",
       .step = "deployer",
       .text = "Is your organization a body governed by public law, or a private organization providing public services "
               "(for example a private hospital, school, social-services or housing provider)?",
       .help = "Such deployers assess the impact on fundamental rights before first use (Art. 27(1)). Registration of use "
               "is asked separately: it concerns public authorities only.",
       .article = "Art. 27(1)",
       .show_if = public_deployer_asked});
  add({.id = "deployer-public-authority",
       .step = "deployer",
       .text = "Is your organization a public authority, or a Union institution, body, office or agency, or do you act "
               "on behalf of one?",
       .help = "Such deployers register their use of the system in the EU database before using it and do not use a "
               "system that is not registered (Art. 49(3), Art. 26(8)). Critical infrastructure (Annex III point 2) is "
               "excluded.",
       .article = "Art. 49(3), Art. 26(8)",
       .show_if = public_deployer_asked});

  // ---- Art. 111(2) ----
  const Rule& legacy = *data.rule("art111-2");
  const json::value high_risk_asked = all({not_prohibited, named("high_risk")});
  add({.id = legacy.id, .step = "legacy", .text = legacy.question, .help = legacy.summary, .article = legacy.article,
       .show_if = high_risk_asked, .source = legacy.id});
  add({.id = "art111-2-change",
       .step = "legacy",
       .text = "Will the system's design change significantly once its high-risk rules apply (or has it already)?",
       .help = "A significant change of design brings a system already on the market under the high-risk rules from "
               "the change.",
       .article = legacy.article,
       .show_if = all({high_risk_asked, answer_is(legacy.id, true)}),
       .source = legacy.id});
  add({.id = "art111-2-public",
       .step = "legacy",
       .text = "Is the system intended to be used by public authorities?",
       .help = legacy.grace_applies_to.value_or(""),
       .article = legacy.article,
       .show_if = all({high_risk_asked, answer_is(legacy.id, true), answer_is("art111-2-change", false)}),
       .source = legacy.id});

  // ---- Art. 50 ----
  for (auto id : {"art50-1", "art50-2", "art50-3", "art50-4"}) {
    const Rule& r = *data.rule(id);
    std::string who = r.roles.front() == "provider" ? " This duty falls on the provider." : " This duty falls on the deployer.";
    add({.id = r.id,
         .step = "transparency",
         .text = r.question,
         .help = with_exceptions(r.summary, r.exceptions, "Exceptions: ") + who,
         .article = r.article,
         .show_if = not_prohibited,
         .source = r.id});
  }
  add({.id = "art50-2-legacy",
       .step = "transparency",
       .text = "Was the system placed on the market before 2 August 2026?",
       .help = data.rule("art50-2")->grace_applies_to.value_or(""),
       .article = "Art. 50(2), Art. 111(4)",
       .show_if = all({not_prohibited, answer_is("art50-2", true), is_provider})});

  // ---- GPAI ----
  const Rule& gm = *data.rule("gpai-model");
  const Rule& gs = *data.rule("gpai-systemic-risk");
  const Rule& go = *data.rule("gpai-open-source");
  add({.id = gm.id, .step = "gpai", .text = gm.question, .help = gm.summary, .article = gm.article,
       .show_if = all({not_prohibited, includes_any("roles", {"provider", "authorised_representative"})}), .source = gm.id});
  add({.id = gs.id, .step = "gpai", .text = gs.question, .help = with_exceptions(gs.summary, gs.exceptions, "Note: "),
       .article = gs.article, .show_if = all({not_prohibited, answer_is(gm.id, true)}), .source = gs.id});
  add({.id = go.id, .step = "gpai", .text = go.question, .help = with_exceptions(go.summary, go.exceptions, "Note: "),
       .article = go.article, .show_if = all({not_prohibited, answer_is(gm.id, true), answer_is(gs.id, false)}),
       .source = go.id});
  add({.id = "gpai-legacy",
       .step = "gpai",
       .text = "Was the model placed on the market before 2 August 2025?",
       .help = gm.grace_applies_to.value_or(""),
       .article = "Art. 111(3)",
       .show_if = all({not_prohibited, answer_is(gm.id, true)})});

  // ---- as served ----
  json::array qs;
  for (const auto& q : questions_) {
    json::object o{{"id", q.id},     {"step", q.step}, {"type", type_name(q.type)}, {"text", q.text},
                   {"help", q.help}, {"article", q.article}, {"show_if", q.show_if}};
    if (q.type != QuestionType::yes_no) {
      json::array opts;
      for (const auto& op : q.options)
        opts.push_back(json::object{{"value", op.value}, {"label", op.label}, {"description", op.description}});
      o["options"] = std::move(opts);
    }
    if (q.type == QuestionType::multi_choice) o["min_items"] = q.min_items;
    o["source"] = q.source.empty() ? json::value(nullptr) : json::value(q.source);
    qs.push_back(std::move(o));
  }
  json::array steps;
  for (const auto& s : steps_) steps.push_back(json::object{{"id", s.id}, {"title", s.title}, {"description", s.description}});
  json::array acts, notes;
  for (const auto& a : data.amending_acts()) acts.emplace_back(a);
  for (const auto& n : data.notes()) notes.emplace_back(n);
  json_ = json::serialize(json::object{{"version", version_},
                                       {"source", data.source()},
                                       {"amending_acts", std::move(acts)},
                                       {"notes", std::move(notes)},
                                       {"steps", std::move(steps)},
                                       {"conditions", conditions_},
                                       {"questions", std::move(qs)}});
}

const Question* Questionnaire::find(std::string_view id) const {
  for (const auto& q : questions_)
    if (q.id == id) return &q;
  return nullptr;
}

bool Questionnaire::holds(std::string_view name, const json::object& answers) const {
  auto c = conditions_.if_contains(name);
  return c && holds(*c, answers);
}

bool Questionnaire::holds(const json::value& c, const json::object& answers) const {
  if (c.is_null()) return true;
  if (c.is_bool()) return c.as_bool();
  const auto& o = c.as_object();
  if (auto p = o.if_contains("all")) {
    for (const auto& x : p->as_array())
      if (!holds(x, answers)) return false;
    return true;
  }
  if (auto p = o.if_contains("any")) {
    for (const auto& x : p->as_array())
      if (holds(x, answers)) return true;
    return false;
  }
  if (auto p = o.if_contains("not")) return !holds(*p, answers);
  if (auto p = o.if_contains("condition")) return holds(std::string_view(p->as_string()), answers);
  auto a = answers.if_contains(o.at("answer").as_string());
  if (!a) return false;
  if (auto p = o.if_contains("is")) return *a == *p;
  if (!a->is_array()) return false;
  const auto& arr = a->as_array();
  if (auto p = o.if_contains("includes")) return std::find(arr.begin(), arr.end(), *p) != arr.end();
  if (auto p = o.if_contains("includes_any")) {
    for (const auto& v : p->as_array())
      if (std::find(arr.begin(), arr.end(), v) != arr.end()) return true;
  }
  return false;
}

std::vector<const Question*> Questionnaire::asked(const json::object& answers, json::object* effective) const {
  std::vector<const Question*> out;
  json::object eff;
  for (const auto& q : questions_) {
    if (!holds(q.show_if, eff)) continue;
    out.push_back(&q);
    if (auto a = answers.if_contains(q.id)) eff[q.id] = *a;
  }
  if (effective) *effective = std::move(eff);
  return out;
}

std::string Questionnaire::answer_text(const Question& q, const json::value& v) const {
  if (v.is_bool()) return v.as_bool() ? "yes" : "no";
  auto label = [&](const json::value& x) {
    for (const auto& op : q.options)
      if (x.is_string() && op.value == x.as_string()) return op.label;
    return x.is_string() ? std::string(x.as_string()) : std::string();
  };
  if (v.is_string()) return label(v);
  if (v.is_array()) {
    if (v.as_array().empty()) return "none";
    std::string out;
    for (const auto& x : v.as_array()) out += (out.empty() ? "" : ", ") + label(x);
    return out;
  }
  return "";
}

result<json::object> check_answers(const Questionnaire& q, const json::value& answers) {
  if (!answers.is_object())
    return make_error(errc::validation, "The answers must be a JSON object of question ids and answers.",
                      {{"answers", 0, "must be an object of question ids and answers"}});
  const auto& in = answers.as_object();
  std::vector<FieldError> errs;
  json::object typed;  // answers of the right type, whether asked or not
  for (const auto& kv : in) {
    std::string field = "answers." + std::string(kv.key());
    const Question* qu = q.find(kv.key());
    if (!qu) {
      errs.push_back({field, 0, "is not a question of the questionnaire"});
      continue;
    }
    const auto& v = kv.value();
    switch (qu->type) {
      case QuestionType::yes_no:
        if (!v.is_bool()) {
          errs.push_back({field, 0, "must be true (yes) or false (no)"});
          continue;
        }
        break;
      case QuestionType::single_choice: {
        bool good = v.is_string() && std::any_of(qu->options.begin(), qu->options.end(),
                                                  [&](const Option& o) { return o.value == v.as_string(); });
        if (!good) {
          std::string all;
          for (const auto& o : qu->options) all += (all.empty() ? "" : ", ") + o.value;
          errs.push_back({field, 0, "must be one of " + all});
          continue;
        }
        break;
      }
      case QuestionType::multi_choice: {
        std::string all;
        for (const auto& o : qu->options) all += (all.empty() ? "" : ", ") + o.value;
        if (!v.is_array()) {
          errs.push_back({field, 0, "must be a list of: " + all});
          continue;
        }
        std::set<std::string> seen;
        bool good = true;
        for (const auto& x : v.as_array()) {
          if (!x.is_string() || !std::any_of(qu->options.begin(), qu->options.end(),
                                             [&](const Option& o) { return o.value == x.as_string(); })) {
            errs.push_back({field, 0, "must be a list of: " + all});
            good = false;
            break;
          }
          if (!seen.insert(std::string(x.as_string())).second) {
            errs.push_back({field, 0, "names " + std::string(x.as_string()) + " twice"});
            good = false;
            break;
          }
        }
        if (!good) continue;
        if (static_cast<int>(v.as_array().size()) < qu->min_items) {
          errs.push_back({field, 0, "needs at least " + std::to_string(qu->min_items) + " choice(s)"});
          continue;
        }
        json::array ordered;  // in the options' order, so that equal choices are stored alike
        for (const auto& o : qu->options)
          if (seen.count(o.value)) ordered.emplace_back(o.value);
        typed[kv.key()] = std::move(ordered);
        continue;
      }
    }
    typed[kv.key()] = v;
  }
  if (!errs.empty()) return make_error(errc::validation, "Some answers are not valid.", std::move(errs));
  json::object kept;
  auto asked = q.asked(typed, &kept);
  std::vector<std::string> missing;
  for (const auto* qu : asked)
    if (!kept.contains(qu->id)) {
      missing.push_back(qu->id);
      errs.push_back({"answers." + qu->id, 0, "needs an answer: " + qu->text});
    }
  if (!errs.empty()) {
    std::string ids;
    for (const auto& m : missing) ids += (ids.empty() ? "" : ", ") + m;
    return make_error(errc::validation,
                      std::to_string(missing.size()) + " question(s) are not answered yet: " + ids + ".", std::move(errs));
  }
  // Keep the questionnaire's order.
  json::object ordered;
  for (const auto* qu : asked) ordered[qu->id] = kept.at(qu->id);
  return ordered;
}

}  // namespace aims::euact
