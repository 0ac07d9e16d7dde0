//! The checks every engine makes before it writes a value: one gate for files and the network.

use crate::records::{DataRow, SubmittedItem};
use crate::{Error, Result};

/// Why `value` cannot be stored, or `None` when it can: every number the server keeps (public
/// values, budget plans, contributions) is finite with |x| ≤ 10^15, the bound every reader of a
/// release accepts ([`jst_release::MAX_ABS`], DESIGN §6 and G10). Larger magnitudes are no
/// municipal quantity (the largest budget is ~10^11 zł, in grosze ~10^13), and they could
/// overflow a group's sum into `inf`.
pub(crate) fn value_problem(value: f64) -> Option<String> {
    (!jst_release::publishable(value)).then(|| {
        format!("wartość {value} nie jest liczbą skończoną o wartości bezwzględnej do 10^15")
    })
}

/// How many refused rows an error lists by name before it only counts the rest.
const LISTED_ROWS: usize = 5;

/// Every row's value checked before anything is written. All imports (`import data`,
/// `bdl-csv`, `bdl`, `mf`) reach the store through [`Storage::upsert_values_from`] or
/// [`Storage::upsert_budget`], and every backend calls this first: it is the one gate for
/// values from files and from the network. The error names the source and each row (TERYT,
/// indicator, year); nothing is written.
pub fn check_rows(rows: &[DataRow], plans: &[DataRow], source: &str) -> Result<()> {
    let mut refused = RefusedRows::default();
    rows.iter().for_each(|r| refused.check(r, false));
    plans.iter().for_each(|r| refused.check(r, true));
    refused.into_result(source)
}

/// [`check_rows`] for rows met one by one (an import read as a stream): keeps the first refused
/// values and plans it will name and counts the rest, so the error reads as `check_rows` words
/// it (values first, then plans) in bounded memory.
#[derive(Debug, Default)]
pub(crate) struct RefusedRows {
    values: Vec<String>,
    plans: Vec<String>,
    count: usize,
}

impl RefusedRows {
    /// Checks one value (or plan) row.
    pub(crate) fn check(&mut self, row: &DataRow, plan: bool) {
        let Some(why) = value_problem(row.value) else { return };
        self.count += 1;
        let (listed, what) = if plan { (&mut self.plans, "plan ") } else { (&mut self.values, "") };
        if listed.len() < LISTED_ROWS {
            listed
                .push(format!("{what}wiersz {};{};{}: {why}", row.teryt, row.indicator, row.year));
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// `Ok` when every row was fine, else the error naming `source` and the rows.
    pub(crate) fn into_result(self, source: &str) -> Result<()> {
        if self.count == 0 {
            return Ok(());
        }
        let named: Vec<String> =
            self.values.into_iter().chain(self.plans).take(LISTED_ROWS).collect();
        let mut message = format!("{source}: nic nie zapisano; {}", named.join("; "));
        if self.count > LISTED_ROWS {
            message.push_str(&format!(" (i {} innych wierszy)", self.count - LISTED_ROWS));
        }
        Err(Error::Invalid(message))
    }
}

/// Why a submitted item is `invalid`, in Polish for the person who sent it; `None` when its
/// shape is right. The message never echoes the field itself (it may be 1 MiB long).
pub(crate) fn item_problem(item: &SubmittedItem) -> Option<String> {
    let code = &item.indicator;
    if code.is_empty()
        || code.len() > 64
        || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Some(
            "nieprawidłowy kod wskaźnika (do 64 wielkich liter, cyfr i podkreśleń)".to_owned(),
        );
    }
    if !(1990..=2100).contains(&item.year) {
        return Some(format!("rok {} spoza zakresu 1990–2100", item.year));
    }
    if let Some(why) = value_problem(item.value) {
        return Some(why);
    }
    match item.status.as_deref() {
        None => None,
        Some(code) if jst_domain::ObservationStatus::from_code(code).is_some() => None,
        Some(_) => Some("status musi mieć wartość „wstepne”, „ostateczne” albo null".to_owned()),
    }
}
