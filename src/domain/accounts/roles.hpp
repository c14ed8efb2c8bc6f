// Roles and what each may do. Pure functions; thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace aims::accounts {

enum class Role { admin, manager, contributor, auditor, viewer };

enum class Action {
  read,            // see the organization's records
  write_record,    // create and edit records (AI systems, answers, ...)
  archive_record,  // archive and restore records
  bulk_import,     // CSV import
  approve,         // approve records (SoA versions), regenerate plans
  administer,      // members, organization settings
  conduct_audit,   // plan and run internal audits: checklist, findings, requests, sampling, report (docs/internal-audit.md)
};

std::optional<Role> parse_role(std::string_view s);
std::string_view role_name(Role r);
bool allowed(Role r, Action a);

}  // namespace aims::accounts
