#include "domain/euact/obligations.hpp"

#include <algorithm>

namespace aims::euact {
namespace json = boost::json;

namespace {

bool contains(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

std::vector<Derived> derive_obligations(const Data& data, const Outcome& o) {
  // The class variants in force for this system (keys of an obligation's applies_from).
  std::vector<std::string> variants;
  // Art. 2(2): an Annex I Section B product gets only Art. 6(1), 60a and 102–112.
  const bool section_b_only = o.annex_i && o.annex_i_section == "B" && !o.annex_iii_high_risk;
  if (o.cls == "prohibited") {
    variants = {"prohibited", "prohibited_2026_1744"};
  } else if (!o.out_of_scope) {
    // Art. 111(2): a high-risk system already on the market is watched for significant changes; one
    // intended for public authorities keeps its obligations, due by the end of the transition.
    if (!o.legacy || o.legacy_public) {
      if (o.annex_iii_high_risk) variants.push_back("high_risk_annex_iii");
      if (o.annex_i && o.annex_i_section != "B") variants.push_back("high_risk_annex_i");
    }
    if (o.legacy) variants.push_back("high_risk_legacy");
    if (o.derogation && !o.annex_iii_high_risk) variants.push_back("annex_iii_derogation");
    if (!o.transparency.empty() && !section_b_only) variants.push_back("transparency");
    if (!section_b_only) variants.push_back("all_systems");
  }
  if (o.cls != "prohibited" && o.gpai) variants.push_back(o.gpai_systemic ? "gpai_systemic" : "gpai");
  const bool acts_as_provider_for_product = o.annex_i && o.annex_i_section != "B" && contains(o.roles, "product_manufacturer");
  const bool open_source_only = o.gpai_open_source && !o.gpai_systemic;
  bool point_5bc = false, beyond_point_2 = false;
  for (const auto* p : o.points) {
    if (p->point == "5(b)" || p->point == "5(c)") point_5bc = true;
    if (p->point != "2") beyond_point_2 = true;
  }

  std::vector<Derived> out;
  for (const auto& ob : data.obligations()) {
    Derived d{&ob, {}, "", "", std::nullopt, ""};
    for (const auto& [key, date] : ob.applies_from) {
      if (!contains(variants, key)) continue;
      if (o.cls == "prohibited" && date < o.applies_from) continue;  // the ban of a practice that does not apply
      if (key == "transparency" && ob.source_rule &&
          std::none_of(o.transparency.begin(), o.transparency.end(), [&](const Rule* r) { return r->id == *ob.source_rule; }))
        continue;
      if (d.applies_from.empty() || date < d.applies_from) {
        d.applies_from = date;
        d.variant = key;
      }
    }
    if (d.applies_from.empty()) continue;
    const bool high_risk_variant = d.variant == "high_risk_annex_iii" || d.variant == "high_risk_annex_i";
    for (const auto& role : o.roles) {
      bool match = contains(ob.roles, role);
      if (role == "product_manufacturer" && acts_as_provider_for_product && high_risk_variant)
        match = match || contains(ob.roles, "provider");  // Art. 25(3): treated as the provider
      if (!match) continue;
      // Conditions beyond class and role (the obligation's `condition` text says the same).
      if (ob.id == "art22" && !o.provider_outside_eu) continue;
      if (ob.id == "art27" &&
          (d.variant != "high_risk_annex_iii" || !beyond_point_2 || !(o.deployer_public_service || point_5bc)))
        continue;
      if (ob.id == "art49" && role == "deployer" && !(o.deployer_public_authority && beyond_point_2)) continue;
      if (ob.id == "art86" && !beyond_point_2) continue;
      if (ob.id == "art54" && (open_source_only || (role != "authorised_representative" && !o.provider_outside_eu))) continue;
      d.roles.push_back(role);
    }
    if (d.roles.empty()) continue;
    bool grace = (ob.source_rule && *ob.source_rule == "art50-2" && o.art50_2_legacy) ||
                 ((d.variant == "gpai" || d.variant == "gpai_systemic") && o.gpai_legacy);
    if (grace && ob.grace_until) d.grace_until = ob.grace_until;
    if (o.legacy_public && high_risk_variant) d.grace_until = data.rule("art111-2")->grace_until;
    d.due = d.grace_until.value_or(d.applies_from);
    out.push_back(std::move(d));
  }
  return out;
}

json::object to_json(const Derived& d) {
  json::array roles;
  for (const auto& r : d.roles) roles.emplace_back(r);
  return json::object{{"id", d.obligation->id},
                      {"article", d.obligation->article},
                      {"title", d.obligation->title},
                      {"roles", std::move(roles)},
                      {"applies_from", d.applies_from},
                      {"grace_until", d.grace_until ? json::value(*d.grace_until) : json::value(nullptr)},
                      {"due", d.due}};
}

}  // namespace aims::euact
