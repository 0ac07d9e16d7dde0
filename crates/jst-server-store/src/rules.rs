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
    let bad: Vec<String> = rows
        .iter()
        .map(|r| ("", r))
        .chain(plans.iter().map(|r| ("plan ", r)))
        .filter_map(|(what, r)| {
            value_problem(r.value)
                .map(|why| format!("{what}wiersz {};{};{}: {why}", r.teryt, r.indicator, r.year))
        })
        .collect();
    if bad.is_empty() {
        return Ok(());
    }
    let mut message =
        format!("{source}: nic nie zapisano; {}", bad[..bad.len().min(LISTED_ROWS)].join("; "));
    if bad.len() > LISTED_ROWS {
        message.push_str(&format!(" (i {} innych wierszy)", bad.len() - LISTED_ROWS));
    }
    Err(Error::Invalid(message))
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
