#include "domain/ledger/actor_scope.hpp"

namespace aims::ledger {
namespace {

thread_local const ActorScope* t_innermost = nullptr;

}  // namespace

ActorScope::ActorScope(std::string actor) : actor_(std::move(actor)), outer_(t_innermost) { t_innermost = this; }

ActorScope::~ActorScope() { t_innermost = outer_; }

const std::string& ActorScope::current() {
  static const std::string kSystem = "system";
  return t_innermost ? t_innermost->actor_ : kSystem;
}

}  // namespace aims::ledger
