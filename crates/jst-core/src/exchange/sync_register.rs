//! A release's TERYT register applied to own data (DESIGN §7): every release carries the
//! register it was built with, and the desktop loads it only when it is newer than its own
//! (an equal or older one is left alone, silently) and only when it ends no more units than a
//! real year does — the manual import's check ([`EndingUnits`]), without the consent a sync
//! cannot ask for. The decision is taken from the stores before anything is written; the load
//! itself is the manual import's (`load_register`: one transaction, audited).

use std::collections::{HashMap, HashSet};

use jst_domain::RegisterSnapshot;
use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::{Deserialize, Serialize};

use crate::support::count;
use crate::units::EndingUnits;
use crate::Result;

/// What a release's register did to the desktop's register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RegisterSyncOutcome {
    /// Newer than the local register: loaded.
    Applied,
    /// As new as the local register or older: left alone.
    NotNewer,
    /// It would have ended more active units than a real year does: not loaded (the values of
    /// the release still were); the user may load the register file by hand with consent.
    TooManyEnded,
}

/// The register part of an applied release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegisterSyncView {
    pub outcome: RegisterSyncOutcome,
    /// The date (`stan na`) of the release's register, `YYYY-MM-DD`.
    pub as_of: String,
    /// The date of the desktop's register before the sync.
    pub previous_as_of: Option<String>,
    pub created: u32,
    pub renamed: u32,
    pub recoded: u32,
    /// Units ended (`applied`), or that the register would have ended (`too_many_ended`).
    pub ended: u32,
    pub restored: u32,
    /// A few of the new units, `TERYT nazwa`.
    pub created_examples: Vec<String>,
    /// A few of the units counted in `ended`, `TERYT nazwa`.
    pub ended_examples: Vec<String>,
}

impl RegisterSyncView {
    fn left_alone(
        outcome: RegisterSyncOutcome,
        snapshot: &RegisterSnapshot,
        previous_as_of: Option<String>,
    ) -> Self {
        Self {
            outcome,
            as_of: snapshot.as_of.clone(),
            previous_as_of,
            created: 0,
            renamed: 0,
            recoded: 0,
            ended: 0,
            restored: 0,
            created_examples: Vec::new(),
            ended_examples: Vec::new(),
        }
    }

    /// What the user must hear: only a register refused needs words.
    pub(crate) fn message(&self) -> Option<String> {
        (self.outcome == RegisterSyncOutcome::TooManyEnded).then(|| {
            t!(
                "core-sync-register-too-many-ended",
                as_of = &self.as_of,
                count = self.ended,
                examples = self.ended_examples.join(", ")
            )
        })
    }
}

/// What the apply does with a release's register, decided from the stores before anything is
/// written.
pub(crate) enum RegisterStep<'a> {
    Load {
        snapshot: &'a RegisterSnapshot,
        previous_as_of: Option<String>,
        created_examples: Vec<String>,
        ended_examples: Vec<String>,
    },
    Leave(RegisterSyncView),
}

impl<'a> RegisterStep<'a> {
    pub(crate) fn decide(local: &LocalStore, snapshot: &'a RegisterSnapshot) -> Result<Self> {
        let previous = local.register_as_of()?;
        if previous.as_ref().is_some_and(|current| snapshot.as_of <= *current) {
            return Ok(Self::Leave(RegisterSyncView::left_alone(
                RegisterSyncOutcome::NotNewer,
                snapshot,
                previous,
            )));
        }
        let ending = EndingUnits::of(local, snapshot)?;
        if ending.need_consent() {
            let mut view =
                RegisterSyncView::left_alone(RegisterSyncOutcome::TooManyEnded, snapshot, previous);
            view.ended = count(ending.count());
            view.ended_examples = ending.examples();
            return Ok(Self::Leave(view));
        }
        // New units: absent from the register, current or ended (an ended one comes back).
        let active: HashSet<String> =
            local.active_units()?.into_iter().map(|u| u.identity).collect();
        let mut created_examples = Vec::new();
        for entry in snapshot.entries.iter().filter(|e| !active.contains(e.identity())) {
            if created_examples.len() == EXAMPLES {
                break;
            }
            let known = local.unit_by_identity(entry.identity())?;
            if known.is_none_or(|u| u.identity != entry.identity()) {
                created_examples.push(format!("{} {}", entry.teryt, entry.name));
            }
        }
        Ok(Self::Load {
            snapshot,
            previous_as_of: previous,
            created_examples,
            ended_examples: ending.examples(),
        })
    }

    /// The units the values of the release may belong to beyond the local register: the codes
    /// (identity, and the powiat code of a miasto na prawach powiatu) of the register about to
    /// be loaded, each to its identity. Empty when the register is left alone.
    pub(crate) fn codes(&self) -> HashMap<String, String> {
        let Self::Load { snapshot, .. } = self else { return HashMap::new() };
        let mut codes = HashMap::with_capacity(snapshot.entries.len());
        for entry in &snapshot.entries {
            let identity = entry.identity().to_owned();
            if let Some(alias) = &entry.alias {
                codes.insert(alias.clone(), identity.clone());
            }
            codes.insert(identity.clone(), identity);
        }
        codes
    }

    /// Loads the register when it was decided so: one `local.db` transaction with its audit
    /// line and its `register_loads` row naming `source`.
    pub(crate) fn apply(
        self,
        local: &mut LocalStore,
        stamp: &Stamp,
        source: &str,
    ) -> Result<RegisterSyncView> {
        let (snapshot, previous_as_of, created_examples, ended_examples) = match self {
            Self::Leave(view) => return Ok(view),
            Self::Load { snapshot, previous_as_of, created_examples, ended_examples } => {
                (snapshot, previous_as_of, created_examples, ended_examples)
            }
        };
        let summary = local.load_register(stamp, snapshot, source)?;
        Ok(RegisterSyncView {
            outcome: RegisterSyncOutcome::Applied,
            as_of: summary.as_of,
            previous_as_of,
            created: count(summary.created),
            renamed: count(summary.renamed),
            recoded: count(summary.recoded),
            ended: count(summary.ended),
            restored: count(summary.restored),
            created_examples,
            ended_examples,
        })
    }
}

/// How many new units a view names.
const EXAMPLES: usize = 5;
