#include "domain/euact/classifier.hpp"

#include <algorithm>

#include "core/sentences.hpp"

namespace aims::euact {
namespace json = boost::json;

namespace {

using text::join_and;

std::string earliest(std::string a, const std::string& b) { return a.empty() || (!b.empty() && b < a) ? b : a; }

/// "Art. 50(1) and 50(2)" from the articles "Art. 50(1)", "Art. 50(2)".
std::string art50_basis(const std::vector<const Rule*>& rules) {
  std::vector<std::string> parts;
  for (const auto* r : rules) parts.push_back(parts.empty() ? r->article : r->article.substr(5));
  return join_and(parts);
}

std::string points_basis(const std::vector<const AnnexPoint*>& points) {
  std::vector<std::string> parts;
  for (const auto* p : points) parts.push_back(p->point);
  return (points.size() == 1 ? "Annex III point " : "Annex III points ") + join_and(parts);
}

json::value opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value date_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

}  // namespace

std::string inventory_role(const std::vector<std::string>& roles) {
  auto has = [&](std::string_view r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); };
  if (has("provider") || has("product_manufacturer")) return "provider";
  if (has("importer")) return "importer";
  if (has("distributor")) return "distributor";
  if (has("authorised_representative")) return "partner";
  return "deployer";
}

Outcome classify(const Questionnaire& q, const json::object& answers) {
  const Data& data = q.data();
  Outcome o;
  json::object a;
  q.asked(answers, &a);
  auto yes = [&](std::string_view id) {
    auto p = a.if_contains(id);
    return p && p->is_bool() && p->as_bool();
  };
  auto answered = [&](std::string_view id) { return a.contains(id); };
  auto reason = [&](std::string_view id, std::string effect) {
    const Question* qu = q.find(id);
    if (!qu || !a.contains(id)) return;
    o.reasons.push_back({std::string(id), qu->text, q.answer_text(*qu, a.at(id)), std::move(effect)});
  };

  // Roles, in the questionnaire's order.
  if (auto r = a.if_contains("roles"); r && r->is_array())
    for (const auto& opt : q.find("roles")->options)
      if (std::find(r->as_array().begin(), r->as_array().end(), json::value(opt.value)) != r->as_array().end())
        o.roles.push_back(opt.value);
  o.organization_role = inventory_role(o.roles);
  o.provider_outside_eu = yes("provider-outside-eu");
  auto picked = [&](std::string_view question, std::string_view option) {
    auto p = a.if_contains(question);
    return p && p->is_array() && std::find(p->as_array().begin(), p->as_array().end(), json::value(option)) != p->as_array().end();
  };
  for (const auto* r : data.rules_of_kind("provider_trigger"))
    if (picked("art25-1", r->id)) o.provider_triggers.push_back(r);

  // Art. 2: an exclusion ends the classification (Art. 2(12) is weighed at the end).
  bool open_source = false;
  for (const auto* r : data.rules_of_kind("scope_exclusion")) {
    if (!picked("art2-scope", r->id)) continue;
    if (r->outcome == "out_of_scope") o.exclusions.push_back(r);
    else open_source = true;
  }
  o.out_of_scope = !o.exclusions.empty();
  if (o.out_of_scope) {
    std::vector<std::string> arts;
    for (const auto* r : o.exclusions) arts.push_back(r->article + " (" + r->title + ")");
    reason("art2-scope", "Outside the scope of the regulation under " + join_and(arts));
  }

  // Art. 5.
  for (const auto& p : data.practices()) {
    if (o.out_of_scope) break;
    const bool foreseeable = p.foreseeable_question && yes(p.id + "-foreseeable");
    if (!yes(p.id) && !foreseeable) continue;
    if (p.exceptions && yes(p.id + "-exception")) {
      reason(p.id + "-exception", "The exception of " + p.article + " (" + p.title + ") applies, so the practice is not banned");
      continue;
    }
    o.practices.push_back(&p);
    o.applies_from = earliest(o.applies_from, p.applies_from);
    if (foreseeable)
      reason(p.id + "-foreseeable", "Prohibited practice under " + p.article + " (" + p.title + "): a reasonably foreseeable "
                                    "outcome without adequate safeguards (Art. 5(1a)(a)(ii)), banned from " +
                                    long_date(p.applies_from));
    else
      reason(p.id, "Prohibited practice under " + p.article + " (" + p.title + "), banned from " + long_date(p.applies_from));
  }

  if (o.practices.empty() && !o.out_of_scope) {
    // Art. 6(1) and Annex I.
    if (yes("art6-1")) {
      o.annex_i = true;
      if (auto s = a.if_contains("annex1-section"); s && s->is_string()) o.annex_i_section = std::string(s->as_string());
      reason("art6-1", "High-risk under Art. 6(1): a safety component of an Annex I product that needs third-party "
                       "conformity assessment");
      reason("annex1-section", o.annex_i_section == "B"
                                   ? "Annex I Section B: only Art. 6(1), Art. 60a and Art. 102–112 apply; the requirements "
                                     "reach the product through its sector law (Art. 2(2))"
                                   : "Annex I Section A: the AI Act's high-risk obligations apply directly");
    }
    // Annex III and Art. 6(3).
    for (const auto& p : data.points())
      if (yes(p.id)) {
        o.points.push_back(&p);
        reason(p.id, "Use listed in Annex III point " + p.point + " (" + p.title + ")");
      }
    if (!o.points.empty()) {
      o.profiling = yes("art6-3-profiling");
      if (o.profiling) {
        reason("art6-3-profiling", "Profiles natural persons, so no Art. 6(3) derogation can apply");
      } else {
        reason("art6-3-profiling", "Does not profile natural persons, so the Art. 6(3) derogations were considered");
        for (auto id : {"art6-3-a", "art6-3-b", "art6-3-c", "art6-3-d"}) {
          if (yes(id)) {
            o.derogation = data.rule(id);
            reason(id, "Derogation under " + o.derogation->article + " (" + o.derogation->title +
                           "): not high-risk under Annex III; the provider documents this assessment (Art. 6(4)) and "
                           "registers the system in the EU database (Art. 49(2))");
            break;
          }
          reason(id, "Condition " + data.rule(id)->article + " not met");
        }
      }
      o.annex_iii_high_risk = o.profiling || !o.derogation;
    }
    o.deployer_public_service = yes("deployer-public-service");
    if (answered("deployer-public-service"))
      reason("deployer-public-service", o.deployer_public_service
                                            ? "A body governed by public law or a private provider of public services: the "
                                              "fundamental rights impact assessment of Art. 27 applies"
                                            : "Not a public-law body or provider of public services (Art. 27(1))");
    o.deployer_public_authority = yes("deployer-public-authority");
    if (answered("deployer-public-authority"))
      reason("deployer-public-authority", o.deployer_public_authority
                                              ? "A public authority or Union body, or acting on behalf of one: registration "
                                                "of use applies (Art. 49(3), Art. 26(8))"
                                              : "Not a public authority or Union body: no registration of use (Art. 49(3))");
    // Art. 111(2).
    if (yes("art111-2")) {
      const Rule* legacy = data.rule("art111-2");
      if (yes("art111-2-change")) {
        reason("art111-2-change", "A significant change of design brings the system under the high-risk rules (Art. 111(2))");
      } else {
        o.legacy = true;
        o.legacy_public = yes("art111-2-public");
        reason("art111-2", "Placed on the market or put into service before its high-risk rules apply: caught only on a "
                           "significant change of design (Art. 111(2))");
        if (o.legacy_public)
          reason("art111-2-public", "Intended for public authorities: must comply by " +
                                        long_date(legacy->grace_until.value_or("")) + " in any case (Art. 111(2))");
      }
    }
    // Art. 50.
    for (auto id : {"art50-1", "art50-2", "art50-3", "art50-4"})
      if (yes(id)) {
        const Rule* r = data.rule(id);
        o.transparency.push_back(r);
        reason(id, "Transparency duty under " + r->article + " (" + r->title + ")");
      }
    o.art50_2_legacy = yes("art50-2-legacy");
    if (o.art50_2_legacy) reason("art50-2-legacy", "The Art. 50(2) marking duty is due by " +
                                                       long_date(data.rule("art50-2")->grace_until.value_or("")));
    // General-purpose AI models.
    o.gpai = yes("gpai-model");
    o.gpai_systemic = o.gpai && yes("gpai-systemic-risk");
    o.gpai_open_source = o.gpai && !o.gpai_systemic && yes("gpai-open-source");
    o.gpai_legacy = o.gpai && yes("gpai-legacy");
    if (o.gpai) reason("gpai-model", "Provider of a general-purpose AI model: Art. 53 applies");
    if (o.gpai_systemic) reason("gpai-systemic-risk", "Model with systemic risk: Art. 52 and Art. 55 apply as well");
    if (o.gpai_open_source)
      reason("gpai-open-source", "Free and open-source model: only the copyright policy and training summary of Art. 53 apply");
    if (o.gpai_legacy) reason("gpai-legacy", "Placed on the market before 2 August 2025: due by 2 August 2027");
  }

  // Art. 25(1): a deployer, importer or distributor becomes the provider of a high-risk system.
  const bool high_risk = o.practices.empty() && !o.out_of_scope && (o.annex_i || o.annex_iii_high_risk);
  if (!o.provider_triggers.empty()) {
    std::vector<std::string> arts;
    for (const auto* r : o.provider_triggers) arts.push_back(r->article + " (" + r->title + ")");
    o.provider_by_art25 = high_risk;
    reason("art25-1", high_risk ? "Considered the provider of the high-risk system under " + join_and(arts) +
                                      ", with the provider's obligations"
                                : "No effect under " + join_and(arts) + ": the system is not high-risk");
    if (high_risk) {
      std::vector<std::string> roles{"provider"};
      for (const auto& r : o.roles) roles.push_back(r);
      o.roles.clear();
      for (const auto& opt : q.find("roles")->options)
        if (std::find(roles.begin(), roles.end(), opt.value) != roles.end()) o.roles.push_back(opt.value);
      o.organization_role = inventory_role(o.roles);
    }
  }

  // The class and its basis.
  std::vector<std::string> lines;
  if (o.out_of_scope) {
    o.cls = "minimal";
    std::vector<std::string> arts;
    for (const auto* r : o.exclusions) arts.push_back(r->article);
    o.basis = "Outside the scope: " + join_and(arts);
    lines.push_back("Outside the scope of the regulation (" + join_and(arts) +
                    "): none of its obligations apply, so the system is recorded as minimal risk.");
  } else if (!o.practices.empty()) {
    o.cls = "prohibited";
    std::vector<std::string> arts, names;
    for (const auto* p : o.practices) {
      arts.push_back(p->article);
      names.push_back(p->article + " (" + p->title + ")");
    }
    o.basis = join_and(arts);
    lines.push_back("Prohibited: the system falls under " + join_and(names) +
                    ". It may not be placed on the market, put into service or used in the EU; the ban applies from " +
                    long_date(o.applies_from) + ".");
  } else if (o.annex_i || o.annex_iii_high_risk) {
    o.cls = "high_risk";
    std::vector<std::string> parts;
    if (o.annex_i) {
      parts.push_back("Art. 6(1) + Annex I Section " + (o.annex_i_section.empty() ? std::string("A") : o.annex_i_section));
      o.applies_from = earliest(o.applies_from, data.rule("art6-1")->applies_from);
    }
    if (o.annex_iii_high_risk) {
      parts.push_back(points_basis(o.points));
      for (const auto* p : o.points) o.applies_from = earliest(o.applies_from, p->applies_from);
    }
    o.basis = parts.size() == 1 ? parts[0] : parts[0] + "; " + parts[1];
    lines.push_back("High-risk under " + o.basis + ". The requirements for high-risk systems apply from " +
                    long_date(o.applies_from) + " (dates as amended by Regulation (EU) 2026/1744).");
    if (o.annex_i && o.annex_i_section == "B" && !o.annex_iii_high_risk)
      lines.push_back("For an Annex I Section B product only Art. 6(1), Art. 60a and Art. 102–112 apply (Art. 2(2)); the "
                      "requirements reach the system through its sector law, and aims lists no AI Act obligations of its "
                      "own for it.");
    if (o.legacy)
      lines.push_back(o.legacy_public
                          ? "It was placed on the market before these rules apply and is intended for public authorities: "
                            "it must comply by " + long_date(data.rule("art111-2")->grace_until.value_or("")) +
                                " (Art. 111(2))."
                          : "It was placed on the market before these rules apply: they reach it only when its design "
                            "changes significantly (Art. 111(2)).");
    if (o.provider_by_art25)
      lines.push_back("Your organization is considered its provider under Art. 25(1).");
    if (!o.transparency.empty())
      lines.push_back("The transparency duties of " + art50_basis(o.transparency) + " apply as well.");
  } else {
    // Neither prohibited nor high-risk. Art. 2(12): a free and open-source system without Art. 50
    // duties is outside the scope; the duties of a general-purpose AI model stay.
    const bool scope_2_12 = open_source && o.transparency.empty();
    const bool exempt = o.derogation && !scope_2_12;
    // The class: the most demanding of GPAI model with systemic risk, GPAI model, Annex III
    // derogation (Art. 6(3)), transparency, minimal (the order of the inventory's classes).
    o.cls = o.gpai_systemic ? "gpai_systemic" : o.gpai ? "gpai_model" : exempt ? "high_risk_exempt"
            : !o.transparency.empty() ? "transparency" : "minimal";
    std::vector<std::string> parts;
    if (o.gpai) {
      parts.push_back(o.gpai_systemic ? "Art. 51–55 (general-purpose AI model with systemic risk)"
                                      : "Art. 53 (general-purpose AI model)");
      o.applies_from = earliest(o.applies_from, data.rule(o.gpai_systemic ? "gpai-systemic-risk" : "gpai-model")->applies_from);
    }
    if (o.derogation) {
      parts.push_back(points_basis(o.points) + ", derogation under " + o.derogation->article);
      if (exempt) o.applies_from = earliest(o.applies_from, data.rule("art6-4")->applies_from);
    }
    if (!o.transparency.empty()) {
      // The transparency class names Art. 50 first.
      parts.insert(o.cls == "transparency" ? parts.begin() : parts.end(), art50_basis(o.transparency));
      for (const auto* r : o.transparency) o.applies_from = earliest(o.applies_from, r->applies_from);
    }
    o.basis.clear();
    for (const auto& part : parts) o.basis += (o.basis.empty() ? "" : "; ") + part;
    if (o.cls == "gpai_systemic" || o.cls == "gpai_model")
      lines.push_back(std::string(o.cls == "gpai_systemic" ? "General-purpose AI model with systemic risk (Art. 51)"
                                                           : "General-purpose AI model") +
                      ": not prohibited and not high-risk as a system. The model duties apply from " +
                      long_date(o.applies_from) + ".");
    else if (o.cls == "high_risk_exempt")
      lines.push_back("Listed in Annex III but not high-risk: the provider relies on the derogation under " +
                      o.derogation->article + ". The duties of Art. 6(4) and Art. 49(2) apply from " +
                      long_date(o.applies_from) + ".");
    else if (o.cls == "transparency")
      lines.push_back("Transparency duties under " + art50_basis(o.transparency) +
                      ": not prohibited and not high-risk. The duties apply from " + long_date(o.applies_from) + ".");
    else
      lines.push_back("Minimal risk: no prohibited practice, no high-risk criterion and no transparency duty applies.");
    if (o.cls != "transparency" && !o.transparency.empty())
      lines.push_back("The transparency duties of " + art50_basis(o.transparency) + " apply as well.");
    if (scope_2_12) {
      o.out_of_scope = true;
      o.exclusions.push_back(data.rule("art2-12"));
      o.basis = o.basis.empty() ? "Outside the scope: Art. 2(12)" : "Outside the scope: Art. 2(12); " + o.basis;
      if (!o.gpai) o.applies_from.clear();
      lines.push_back("As a free and open-source system that is neither prohibited, high-risk nor under Art. 50, it is "
                      "outside the scope of the regulation (Art. 2(12))" +
                      std::string(o.gpai ? "; the duties of the general-purpose AI model stay." : "."));
      reason("art2-scope", "Free and open-source system that is neither prohibited, high-risk nor under Art. 50: outside "
                           "the scope (Art. 2(12))");
    }
  }
  if (o.derogation && !o.out_of_scope)
    lines.push_back("The Annex III use (" + points_basis(o.points) + ") is not high-risk because of the derogation under " +
                    o.derogation->article + "; the provider documents that assessment before placing the system on the "
                    "market (Art. 6(4)) and registers the system in the EU database (Art. 49(2)).");
  if (o.gpai)
    lines.push_back(std::string("As a general-purpose AI model it has the duties of Art. 53") +
                    (o.gpai_systemic ? ", and those of Art. 52 and Art. 55 for systemic risk." : "."));

  // The answers that led to it.
  lines.push_back("Why:");
  for (const auto& r : o.reasons)
    if (r.question != "roles") lines.push_back("- " + r.effect + " (answered " + r.answer + " to “" + r.text + "”).");
  if (o.practices.empty() && !(o.out_of_scope && o.exclusions.front()->id != "art2-12")) {
    lines.push_back("- No prohibited practice: answered no to the Art. 5 screening questions.");
    if (!o.annex_i && answered("art6-1")) lines.push_back("- Not a safety component of an Annex I product (answered no to Art. 6(1)).");
    if (o.points.empty() && answered("annex3-areas")) lines.push_back("- No use listed in Annex III.");
    if (o.transparency.empty() && answered("art50-1")) lines.push_back("- No Art. 50 transparency duty (answered no to all four).");
  }
  if (!o.roles.empty()) {
    const Question* rq = q.find("roles");
    lines.push_back("- Role: " + q.answer_text(*rq, a.at("roles")) + " (answer to “" + rq->text + "”).");
    o.reasons.insert(o.reasons.begin(), Reason{"roles", rq->text, q.answer_text(*rq, a.at("roles")),
                                               "The organization's role for the system"});
  }
  for (const auto& l : lines) o.rationale += (o.rationale.empty() ? "" : "\n") + l;
  return o;
}

json::object to_json(const Outcome& o) {
  json::array roles, practices, points, transparency, reasons;
  for (const auto& r : o.roles) roles.emplace_back(r);
  for (const auto* p : o.practices)
    practices.push_back(json::object{{"id", p->id}, {"article", p->article}, {"title", p->title}, {"applies_from", p->applies_from}});
  for (const auto* p : o.points) points.emplace_back(p->point);
  for (const auto* r : o.transparency)
    transparency.push_back(json::object{{"id", r->id},
                                        {"article", r->article},
                                        {"title", r->title},
                                        {"applies_from", r->applies_from},
                                        {"grace_until", r->id == "art50-2" && o.art50_2_legacy ? opt(r->grace_until) : json::value(nullptr)}});
  for (const auto& r : o.reasons)
    reasons.push_back(json::object{{"question", r.question}, {"text", r.text}, {"answer", r.answer}, {"effect", r.effect}});
  json::object high_risk{{"annex_i", o.annex_i},
                         {"annex_i_section", o.annex_i ? json::value(o.annex_i_section) : json::value(nullptr)},
                         {"annex_iii_points", std::move(points)},
                         {"profiling", o.profiling},
                         {"derogation", o.derogation ? json::value(json::object{{"id", o.derogation->id},
                                                                                {"article", o.derogation->article},
                                                                                {"title", o.derogation->title}})
                                                     : json::value(nullptr)},
                         {"annex_iii_high_risk", o.annex_iii_high_risk}};
  json::array exclusions, triggers;
  for (const auto* r : o.exclusions)
    exclusions.push_back(json::object{{"id", r->id}, {"article", r->article}, {"title", r->title}});
  for (const auto* r : o.provider_triggers)
    triggers.push_back(json::object{{"id", r->id}, {"article", r->article}, {"title", r->title}});
  high_risk["legacy"] = o.legacy ? json::value(json::object{{"public_authorities", o.legacy_public}}) : json::value(nullptr);
  return json::object{{"class", o.cls},
                      {"basis", o.basis},
                      {"applies_from", date_or_null(o.applies_from)},
                      {"roles", std::move(roles)},
                      {"organization_role", o.organization_role},
                      {"scope", json::object{{"excluded", o.out_of_scope}, {"exclusions", std::move(exclusions)}}},
                      {"provider_triggers", std::move(triggers)},
                      {"provider_by_art25", o.provider_by_art25},
                      {"prohibited_practices", std::move(practices)},
                      {"high_risk", std::move(high_risk)},
                      {"transparency_duties", std::move(transparency)},
                      {"gpai", json::object{{"model", o.gpai},
                                            {"systemic_risk", o.gpai_systemic},
                                            {"open_source", o.gpai_open_source},
                                            {"placed_before_2025_08_02", o.gpai_legacy}}},
                      {"rationale", o.rationale},
                      {"reasons", std::move(reasons)}};
}

}  // namespace aims::euact
