//! "Cofnij" in the strategy editor: the definition copied before the last edit is put back
//! (DESIGN §4.1: own data is never lost to an edit; values and notes were never touched).

use jst_store::{LocalStore, Stamp};
use jst_text::t;

use super::edit::{strategy_definition, undo_state, StrategyEditView, UndoStateView};
use super::status::active_tree;
use crate::{Error, Result};

/// Undoes the last edit of the active strategy, audited („cofnięto: …”).
pub(crate) fn undo_strategy_edit(
    local: &mut LocalStore,
    stamp: &Stamp,
) -> Result<StrategyEditView> {
    let (strategy, _) = active_tree(local)?;
    let label = local
        .undo_strategy_edit(stamp, strategy.id)?
        .ok_or_else(|| Error::Conflict(t!("core-nothing-to-undo")))?;
    Ok(StrategyEditView {
        done: t!("core-undone", label = label),
        changed: true,
        warnings: Vec::new(),
        definition: strategy_definition(local)?,
    })
}

/// What "cofnij" would undo in the active strategy, if anything.
pub(crate) fn strategy_undo_state(local: &LocalStore) -> Result<Option<UndoStateView>> {
    let (strategy, _) = active_tree(local)?;
    Ok(local.last_strategy_edit(strategy.id)?.map(undo_state))
}
