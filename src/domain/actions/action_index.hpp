// Writing the action index (store/actions.hpp, docs/actions.md): the rows of a record's actions,
// made from its declaration (action_sources.hpp) and written in the record's own transaction, by
// records::save for every kind saved through it, and by the write paths that save without it (the
// assessment roadmap, the obligations). A start-up backfill indexes the records stored before
// (or under an older revision of their declaration), kind by kind, resumable. Stateless functions.
#pragma once
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/actions.hpp"
#include "store/store.hpp"

namespace aims::actions {

/// The index rows of a stored record (none when its kind holds no actions or its doc is unreadable).
std::vector<store::ActionRow> rows_of(const store::RecordRow& row);

/// Replaces the index rows of the record `row` (of kind row.kind; nothing for a kind that declares
/// no actions) in the caller's write transaction.
status index_record(store::WriteTx& tx, const store::RecordRow& row);

/// Replaces the index rows of every roadmap action of the assessment with those of `rows`.
status index_roadmap(store::WriteTx& tx, const std::string& org_id, const std::string& assessment_id,
                     const std::vector<store::RecordRow>& rows);

/// Replaces the index rows of one roadmap action (a row of roadmap_actions: parent_id = its assessment).
status index_roadmap_action(store::WriteTx& tx, store::RecordRow row);

/// Indexes, in every organization, the records of each declared kind the index has not seen at its
/// declaration's revision; one write transaction per batch, a kind marked done when complete, so an
/// interrupted backfill resumes with the kinds not done. Returns how many records it indexed.
result<std::int64_t> backfill_actions(store::Store& store);

}  // namespace aims::actions
