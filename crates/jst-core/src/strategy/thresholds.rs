//! The status thresholds of DESIGN §5.1–5.2 as settings of the unit: stored in own data (one
//! `settings` row each, absent while the default holds), validated, audited with old and new
//! values, and read by every evaluation (the Strategia screen, the Pulpit, the indicator screen,
//! value entry, the reports, the CLI), so they all agree.

use jst_domain::format_decimal;
use jst_domain::strategy::Thresholds;
use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

const ON_TRACK: &str = "status.on_track";
const ACCELERATION_NEEDED: &str = "status.acceleration_needed";
const MAINTAIN_TOLERANCE: &str = "status.maintain_tolerance";
const AUDIT_ACTION: &str = "progi oceny";

/// The upper bound of the on-track threshold: above it even a pace faster than required would
/// not be on track, which no method note would explain.
const ON_TRACK_MAX: f64 = 1.5;
const TOLERANCE_MAX: f64 = 0.5;

/// The three thresholds (fractions, not percent): also the input of a change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ThresholdValues {
    /// `on_track` from this ratio of observed to required pace up (default 0.95).
    pub on_track: f64,
    /// `acceleration_needed` from this ratio up to `on_track` (default 0.6); below it,
    /// `limited_progress` down to 0.
    pub acceleration_needed: f64,
    /// A `maintain` indicator is `on_track` within this fraction of |target| (default 0.05).
    pub maintain_tolerance: f64,
}

/// The thresholds in force and the program's defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ThresholdsView {
    pub current: ThresholdValues,
    pub defaults: ThresholdValues,
    /// The unit set its own (some value differs from the default).
    pub custom: bool,
}

impl From<Thresholds> for ThresholdValues {
    fn from(t: Thresholds) -> Self {
        Self {
            on_track: t.on_track,
            acceleration_needed: t.acceleration_needed,
            maintain_tolerance: t.maintain_tolerance,
        }
    }
}

impl From<ThresholdValues> for Thresholds {
    fn from(v: ThresholdValues) -> Self {
        Self {
            on_track: v.on_track,
            acceleration_needed: v.acceleration_needed,
            maintain_tolerance: v.maintain_tolerance,
        }
    }
}

/// The thresholds every evaluation uses: the stored ones, else the defaults.
pub(crate) fn stored_thresholds(local: &LocalStore) -> Result<Thresholds> {
    let mut t = Thresholds::default();
    for (key, slot) in [
        (ON_TRACK, &mut t.on_track),
        (ACCELERATION_NEEDED, &mut t.acceleration_needed),
        (MAINTAIN_TOLERANCE, &mut t.maintain_tolerance),
    ] {
        if let Some(text) = local.setting(key)? {
            *slot = text.parse().map_err(|_| corrupt(key, &text))?;
        }
    }
    check(&t.into()).map_err(|e| corrupt("status.*", &e.to_string()))?;
    Ok(t)
}

fn corrupt(key: &str, text: &str) -> Error {
    Error::fault(t!("core-thresholds-corrupt", key = key, text = text))
}

pub(crate) fn thresholds(local: &LocalStore) -> Result<ThresholdsView> {
    Ok(view(stored_thresholds(local)?))
}

fn view(current: Thresholds) -> ThresholdsView {
    let defaults = Thresholds::default();
    ThresholdsView {
        current: current.into(),
        defaults: defaults.into(),
        custom: current != defaults,
    }
}

/// Sets the thresholds (audited, old → new); the defaults are stored as no rows, so a reset is
/// setting them. Unchanged values write nothing.
pub(crate) fn set_thresholds(
    local: &mut LocalStore,
    stamp: &Stamp,
    input: &ThresholdValues,
) -> Result<ThresholdsView> {
    check(input)?;
    // A damaged setting must not block the reset that mends it.
    let old = stored_thresholds(local).ok();
    let new = Thresholds::from(*input);
    if old == Some(new) {
        return Ok(view(new));
    }
    let defaults = Thresholds::default();
    let stored = |value: f64, default: f64| (value != default).then(|| value.to_string());
    let values = [
        (ON_TRACK, stored(new.on_track, defaults.on_track)),
        (ACCELERATION_NEEDED, stored(new.acceleration_needed, defaults.acceleration_needed)),
        (MAINTAIN_TOLERANCE, stored(new.maintain_tolerance, defaults.maintain_tolerance)),
    ];
    let entries: Vec<(&str, Option<&str>)> =
        values.iter().map(|(k, v)| (*k, v.as_deref())).collect();
    local.replace_settings(stamp, AUDIT_ACTION, &entries, &change_detail(old, new))?;
    Ok(view(new))
}

/// "zgodnie z planem od 0,95 → 0,9; …", the changed thresholds only.
fn change_detail(old: Option<Thresholds>, new: Thresholds) -> String {
    let number = |v: f64| format_decimal(v, 4);
    let pairs = [
        ("zgodnie z planem od", old.map(|o| o.on_track), new.on_track),
        ("wymaga przyspieszenia od", old.map(|o| o.acceleration_needed), new.acceleration_needed),
        ("tolerancja utrzymania", old.map(|o| o.maintain_tolerance), new.maintain_tolerance),
    ];
    let changes: Vec<String> = pairs
        .iter()
        .filter(|(_, old, new)| *old != Some(*new))
        .map(|(label, old, new)| {
            let old = old.map_or_else(|| "?".to_owned(), number);
            format!("{label} {old} → {}", number(*new))
        })
        .collect();
    let reset = if new == Thresholds::default() { " (domyślne)" } else { "" };
    format!("{}{reset}", changes.join("; "))
}

/// 0 < acceleration_needed < on_track ≤ 1.5 and 0 ≤ tolerance ≤ 0.5, with the offending value
/// named in Polish.
fn check(v: &ThresholdValues) -> Result<()> {
    let invalid = |message: String| Err(Error::InvalidValue(message));
    let n = |v: f64| format_decimal(v, 4);
    let all = [v.on_track, v.acceleration_needed, v.maintain_tolerance];
    if all.iter().any(|x| !x.is_finite()) {
        return invalid(t!("core-thresholds-not-numbers"));
    }
    if !(v.on_track > 0.0 && v.on_track <= ON_TRACK_MAX) {
        return invalid(t!(
            "core-thresholds-on-track",
            max = n(ON_TRACK_MAX),
            given = n(v.on_track)
        ));
    }
    if v.acceleration_needed <= 0.0 {
        return invalid(t!("core-thresholds-acceleration", given = n(v.acceleration_needed)));
    }
    if v.acceleration_needed >= v.on_track {
        return invalid(t!(
            "core-thresholds-order",
            acceleration = n(v.acceleration_needed),
            on_track = n(v.on_track)
        ));
    }
    if !(0.0..=TOLERANCE_MAX).contains(&v.maintain_tolerance) {
        return invalid(t!(
            "core-thresholds-tolerance",
            max = n(TOLERANCE_MAX),
            given = n(v.maintain_tolerance)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(on_track: f64, acceleration_needed: f64, maintain_tolerance: f64) -> ThresholdValues {
        ThresholdValues { on_track, acceleration_needed, maintain_tolerance }
    }

    #[test]
    fn thresholds_keep_their_order_and_bounds() {
        assert!(check(&Thresholds::default().into()).is_ok());
        assert!(check(&values(1.5, 0.01, 0.0)).is_ok());
        assert!(check(&values(0.9, 0.9, 0.05)).is_err(), "equal");
        assert!(check(&values(0.5, 0.6, 0.05)).is_err(), "reversed");
        assert!(check(&values(1.6, 0.6, 0.05)).is_err());
        assert!(check(&values(0.95, 0.0, 0.05)).is_err());
        assert!(check(&values(0.95, 0.6, -0.01)).is_err());
        assert!(check(&values(0.95, 0.6, 0.51)).is_err());
        assert!(check(&values(f64::NAN, 0.6, 0.05)).is_err());
        let message = check(&values(0.5, 0.6, 0.05)).err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(
                "nieprawidłowa wartość: próg „wymaga przyspieszenia” (0,6) musi być mniejszy niż \
                 próg „zgodnie z planem” (0,5)"
            )
        );
    }

    #[test]
    fn the_detail_names_what_changed() {
        let d = Thresholds::default();
        let new = Thresholds { on_track: 0.9, ..d };
        assert_eq!(change_detail(Some(d), new), "zgodnie z planem od 0,95 → 0,9");
        assert_eq!(change_detail(Some(new), d), "zgodnie z planem od 0,9 → 0,95 (domyślne)");
    }
}
