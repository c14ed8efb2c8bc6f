// Administration on the server: the --data/--database options, opening a data directory's store
// (its changes go to the audit log as "system"), and reporting a domain error. Free functions and
// a value; used by one command at a time.
#pragma once
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::cli {

struct DataOpts {
  std::string data = "./data";
  std::string database;
};

/// Adds --data (AIMS_DATA) and --database (AIMS_DATABASE) to `cmd`.
void add_data_option(CLI::App* cmd, DataOpts& o);
/// Opens the store of a data directory (creating the directory if `create`); nullptr, reported
/// on stderr, if it cannot.
std::unique_ptr<store::Store> open_data(const DataOpts& o, bool create);
/// Prints the error and its field errors on stderr; returns exit code 1.
int report(const Error& e);

}  // namespace aims::cli
