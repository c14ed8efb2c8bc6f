// API client commands (aims systems ...): filled in by the client command set.
#include "cli/commands.hpp"

namespace aims::cli {

void register_client_commands(CLI::App& app, int& exit_code) { (void)app; (void)exit_code; }

}  // namespace aims::cli
