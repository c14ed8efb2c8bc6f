// The start-up step that retires free-text evidence: answers of gap assessments (`evidence`) and
// SoA entries (`evidence_refs`) stored with text in place of vault links get that text appended
// to their `notes`, labelled, and lose the text field, each as a new version with a history entry
// (actor "system", operation "migrate"), so the audit log records it. Idempotent: a second run
// finds nothing to move. Called once before the server starts; not for concurrent use.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::evidence {

/// The label that introduces moved text in notes.
inline constexpr std::string_view kMovedEvidenceLabel = "Evidence (free text, before evidence was linked from the vault):";

/// Moves the free-text evidence of every organization into notes; returns how many records changed.
result<int> move_text_evidence_to_notes(store::Store& store, const Clock& clock);

}  // namespace aims::evidence
