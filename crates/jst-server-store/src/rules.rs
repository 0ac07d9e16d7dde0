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
/// `bdl-csv`, `bdl`, `mf`) reach the store through [`Storage::import`](crate::Storage::import),
/// and every backend checks each row with [`RowCheck`] (this is its whole-slice form): it is
/// the one gate for values from files and from the network. The error names the source and
/// each row (TERYT, indicator, year); nothing is written.
pub fn check_rows(rows: &[DataRow], plans: &[DataRow], source: &str) -> Result<()> {
    let mut check = RowCheck::default();
    rows.iter().for_each(|r| check.value(r));
    plans.iter().for_each(|r| check.plan(r));
    check.finish(source)
}

/// [`check_rows`] made row by row while an import streams in, in bounded memory: it names
/// the first refused values and plans and counts the rest. The message is the same whatever
/// the order rows came in: values first, then plans, as [`check_rows`] lists them.
#[derive(Debug, Default)]
pub struct RowCheck {
    values: Vec<String>,
    plans: Vec<String>,
    refused: usize,
}

impl RowCheck {
    pub fn value(&mut self, row: &DataRow) {
        if let Some(why) = value_problem(row.value) {
            Self::note(&mut self.values, "", row, why);
            self.refused += 1;
        }
    }

    pub fn plan(&mut self, row: &DataRow) {
        if let Some(why) = value_problem(row.value) {
            Self::note(&mut self.plans, "plan ", row, why);
            self.refused += 1;
        }
    }

    fn note(list: &mut Vec<String>, what: &str, r: &DataRow, why: String) {
        if list.len() < LISTED_ROWS {
            list.push(format!("{what}wiersz {};{};{}: {why}", r.teryt, r.indicator, r.year));
        }
    }

    /// True while no row was refused (an import stops staging after the first refusal).
    pub fn is_empty(&self) -> bool {
        self.refused == 0
    }

    /// `Ok` when every row seen can be stored, else the error naming them.
    pub fn finish(self, source: &str) -> Result<()> {
        if self.refused == 0 {
            return Ok(());
        }
        let listed: Vec<String> =
            self.values.into_iter().chain(self.plans).take(LISTED_ROWS).collect();
        let mut message = format!("{source}: nic nie zapisano; {}", listed.join("; "));
        if self.refused > LISTED_ROWS {
            message.push_str(&format!(" (i {} innych wierszy)", self.refused - LISTED_ROWS));
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
