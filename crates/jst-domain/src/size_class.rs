//! The `type_size` partition of DESIGN §5.5: the population class of a unit. Shared by the
//! desktop's comparison groups and the server's aggregates (§8), which must agree exactly.

use crate::UnitKind;

/// Population classes of gminy (DESIGN §5.5), upper bounds; the last class is open.
const GMINA_CLASSES: [f64; 6] = [5_000.0, 10_000.0, 20_000.0, 50_000.0, 100_000.0, 300_000.0];
/// Powiaty are classed by 50 thousand.
const POWIAT_CLASS: f64 = 50_000.0;

/// (lower, upper) bound of the class a population falls in; upper `None` for the open class.
pub fn size_class(kind: UnitKind, population: f64) -> (f64, Option<f64>) {
    if kind == UnitKind::Powiat {
        let lower = (population / POWIAT_CLASS).floor() * POWIAT_CLASS;
        return (lower, Some(lower + POWIAT_CLASS));
    }
    let mut lower = 0.0;
    for upper in GMINA_CLASSES {
        if population < upper {
            return (lower, Some(upper));
        }
        lower = upper;
    }
    (lower, None)
}

/// A stable name of a `type_size` group, e.g. `type_size:gmina_miejsko_wiejska:50000-100000`
/// (no unit is named in it; release files carry only such names).
pub fn type_size_key(kind: UnitKind, population: f64) -> String {
    let (lower, upper) = size_class(kind, population);
    let upper = upper.map_or("inf".to_owned(), |u| format!("{u:.0}"));
    format!("type_size:{}:{lower:.0}-{upper}", kind.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_keys() {
        let g = UnitKind::GminaMiejskoWiejska;
        assert_eq!(size_class(g, 69_791.0), (50_000.0, Some(100_000.0)));
        assert_eq!(type_size_key(g, 69_791.0), "type_size:gmina_miejsko_wiejska:50000-100000");
        assert_eq!(
            type_size_key(UnitKind::MiastoNaPrawachPowiatu, 800_000.0),
            "type_size:miasto_na_prawach_powiatu:300000-inf"
        );
        assert_eq!(type_size_key(UnitKind::Powiat, 145_276.0), "type_size:powiat:100000-150000");
    }
}
