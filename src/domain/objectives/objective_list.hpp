// The part of the AI objectives list that the store cannot apply (objective_kind(): the derived
// status and an overdue reading, which follow from the latest reading and today's date, the sort
// by derived status, and a text that matches the name of an AI system): applied to the rows the
// store selected, as served, with the list's one cursor codec. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/records/memory_page.hpp"
#include "store/store.hpp"

namespace aims::objectives {

/// A stored objective and its view as served (with "derived", or an error row).
struct Listed {
  store::RecordRow row;
  boost::json::object view;
};

/// True if the objective (as served) passes the query's memory filters, and its text when
/// `text_in_memory` (the text also matches the name of its AI system).
bool matches(const boost::json::object& view, const records::ListQuery& q, bool text_in_memory);

/// The page of `rows` (selected by the store's filters) that the query asks for: the memory
/// filters applied, sorted and keyset-paged (a SQL sort by the same position the store uses).
records::MemoryPage select_page(std::vector<Listed> rows, const records::ListQuery& q, bool text_in_memory);

}  // namespace aims::objectives
