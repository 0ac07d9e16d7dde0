//! Comparison groups of DESIGN §5.5, built from the register and the population reference data.

use std::collections::HashMap;

use jst_domain::{size_class, Teryt, UnitKind};
use jst_store::UnitRecord;
use jst_text::t;

use crate::{Error, Result};

/// A group as the user names it: `type_size`, `voivodeship`, `powiat`, `all`, `nearest:K`,
/// `custom:NAME`, `units:T1,T2,…`, `gwd:ID` (an experience-exchange group of the unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupSpec {
    TypeSize,
    Voivodeship,
    Powiat,
    All,
    Nearest(usize),
    Custom(String),
    Units(Vec<String>),
    Gwd(String),
}

/// The kind of a group, as views and `jst benchmark --format json` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    TypeSize,
    Voivodeship,
    Powiat,
    All,
    Nearest,
    Custom,
    Units,
    Gwd,
}

/// Most nearest neighbours a group may ask for; more is no longer "similar units".
pub const MAX_NEAREST: usize = 200;

impl GroupSpec {
    pub fn parse(raw: &str) -> Result<Self> {
        match raw.trim() {
            "" | "type_size" => Ok(Self::TypeSize),
            "voivodeship" => Ok(Self::Voivodeship),
            "powiat" => Ok(Self::Powiat),
            "all" => Ok(Self::All),
            other if other.starts_with("units:") => {
                let codes: Vec<String> = other["units:".len()..]
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(|c| Teryt::parse_lookup(c).map_err(Error::from))
                    .collect::<Result<_>>()?;
                if codes.is_empty() {
                    return Err(Error::InvalidValue(t!("core-group-units-empty")));
                }
                Ok(Self::Units(codes))
            }
            other if other.starts_with("nearest:") => {
                let k = other["nearest:".len()..].trim();
                match k.parse::<usize>() {
                    Ok(k) if (1..=MAX_NEAREST).contains(&k) => Ok(Self::Nearest(k)),
                    _ => Err(Error::InvalidValue(t!(
                        "core-group-nearest-k",
                        max = MAX_NEAREST,
                        given = k
                    ))),
                }
            }
            other if other.starts_with("custom:") => {
                let name = other["custom:".len()..].trim();
                if name.is_empty() {
                    return Err(Error::InvalidValue(t!("core-group-custom-empty")));
                }
                Ok(Self::Custom(name.to_owned()))
            }
            other if other.starts_with("gwd:") => {
                let id = other["gwd:".len()..].trim();
                if id.is_empty() {
                    return Err(Error::InvalidValue(t!("core-group-gwd-empty")));
                }
                Ok(Self::Gwd(id.to_owned()))
            }
            other => Err(Error::InvalidValue(t!("core-group-unknown", given = other))),
        }
    }

    pub fn kind(&self) -> GroupKind {
        match self {
            Self::TypeSize => GroupKind::TypeSize,
            Self::Voivodeship => GroupKind::Voivodeship,
            Self::Powiat => GroupKind::Powiat,
            Self::All => GroupKind::All,
            Self::Nearest(_) => GroupKind::Nearest,
            Self::Custom(_) => GroupKind::Custom,
            Self::Units(_) => GroupKind::Units,
            Self::Gwd(_) => GroupKind::Gwd,
        }
    }
}

fn thousands(v: f64) -> String {
    format!("{}", (v / 1000.0).round() as i64)
}

fn class_label(class: (f64, Option<f64>)) -> String {
    match class {
        (lower, Some(upper)) => {
            t!("core-size-class-between", lower = thousands(lower), upper = thousands(upper))
        }
        (lower, None) => t!("core-size-class-from", lower = thousands(lower)),
    }
}

fn kind_plural(kind: UnitKind) -> String {
    match kind {
        UnitKind::GminaMiejska => t!("core-kinds-gminy-miejskie"),
        UnitKind::GminaWiejska => t!("core-kinds-gminy-wiejskie"),
        UnitKind::GminaMiejskoWiejska => t!("core-kinds-gminy-miejsko-wiejskie"),
        UnitKind::MiastoNaPrawachPowiatu => t!("core-kinds-miasta-na-prawach-powiatu"),
        UnitKind::Powiat => t!("core-kinds-powiaty"),
        UnitKind::Wojewodztwo => t!("core-kinds-wojewodztwa"),
    }
}

fn family_label(kind: UnitKind) -> String {
    match kind.family() {
        0 => t!("core-family-gminas"),
        1 => t!("core-kinds-powiaty"),
        _ => t!("core-kinds-wojewodztwa"),
    }
}

/// The members of a group around `own` (own excluded; the caller adds it) and the group's label.
/// `nearest:K`, `custom:NAME` and `gwd:ID` arrive here already resolved to `units:` by the caller.
pub fn members(
    spec: &GroupSpec,
    own: &UnitRecord,
    units: &[UnitRecord],
    population: &HashMap<String, f64>,
) -> Result<(Vec<usize>, String)> {
    let others = units.iter().enumerate().filter(|(_, u)| u.id != own.id);
    Ok(match spec {
        GroupSpec::TypeSize => {
            let own_population = population.get(&own.identity).copied().ok_or_else(|| {
                Error::MissingReference(t!("core-group-no-population", teryt = &own.teryt))
            })?;
            let class = size_class(own.kind, own_population);
            let list = others
                .filter(|(_, u)| u.kind == own.kind)
                .filter(|(_, u)| {
                    population.get(&u.identity).is_some_and(|p| size_class(u.kind, *p) == class)
                })
                .map(|(i, _)| i)
                .collect();
            (
                list,
                t!(
                    "core-group-label-type-size",
                    kinds = kind_plural(own.kind),
                    class = class_label(class)
                ),
            )
        }
        GroupSpec::Voivodeship => {
            let list = others
                .filter(|(_, u)| {
                    u.kind.family() == own.kind.family()
                        && u.voivodeship_code == own.voivodeship_code
                })
                .map(|(i, _)| i)
                .collect();
            let name = own.voivodeship_name.clone().unwrap_or_else(|| own.voivodeship_code.clone());
            (list, t!("core-group-label-voivodeship", kinds = family_label(own.kind), name = name))
        }
        GroupSpec::Powiat => {
            let Some(powiat) = own.teryt.get(..4).filter(|_| own.powiat_name.is_some()) else {
                return Err(Error::InvalidValue(t!("core-group-powiat-not-gmina")));
            };
            let list = others
                .filter(|(_, u)| u.kind.is_gmina_in_powiat() && u.teryt.starts_with(powiat))
                .map(|(i, _)| i)
                .collect();
            (
                list,
                t!("core-group-label-powiat", name = own.powiat_name.clone().unwrap_or_default()),
            )
        }
        GroupSpec::All => {
            let list = others
                .filter(|(_, u)| u.kind.family() == own.kind.family())
                .map(|(i, _)| i)
                .collect();
            (list, t!("core-group-label-all", kinds = family_label(own.kind)))
        }
        GroupSpec::Nearest(_) | GroupSpec::Custom(_) | GroupSpec::Gwd(_) => {
            return Err(Error::fault(t!("core-group-not-resolved")))
        }
        GroupSpec::Units(codes) => {
            let list: Vec<usize> = others
                .filter(|(_, u)| {
                    codes.iter().any(|c| *c == u.identity || u.alias.as_deref() == Some(c.as_str()))
                })
                .map(|(i, _)| i)
                .collect();
            let n = list.len();
            (list, t!("core-group-label-units", count = n))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes() {
        let g = UnitKind::GminaMiejskoWiejska;
        assert_eq!(size_class(g, 4_999.0), (0.0, Some(5_000.0)));
        assert_eq!(size_class(g, 5_000.0), (5_000.0, Some(10_000.0)));
        assert_eq!(size_class(g, 69_791.0), (50_000.0, Some(100_000.0)));
        assert_eq!(size_class(UnitKind::MiastoNaPrawachPowiatu, 809_168.0), (300_000.0, None));
        assert_eq!(size_class(UnitKind::Powiat, 145_276.0), (100_000.0, Some(150_000.0)));
        assert_eq!(class_label((50_000.0, Some(100_000.0))), "50–100 tys. mieszkańców");
        assert_eq!(class_label((300_000.0, None)), "od 300 tys. mieszkańców");
    }

    #[test]
    fn group_names() {
        assert_eq!(GroupSpec::parse("").ok(), Some(GroupSpec::TypeSize));
        assert_eq!(
            GroupSpec::parse("units:1219053, 1261").ok(),
            Some(GroupSpec::Units(vec!["121905".into(), "1261".into()]))
        );
        assert_eq!(GroupSpec::parse("nearest:15").ok(), Some(GroupSpec::Nearest(15)));
        assert!(GroupSpec::parse("nearest:0").is_err());
        assert!(GroupSpec::parse("nearest:x").is_err());
        assert_eq!(
            GroupSpec::parse("custom: Sąsiedzi ").ok(),
            Some(GroupSpec::Custom("Sąsiedzi".into()))
        );
        assert!(GroupSpec::parse("custom:").is_err());
        assert_eq!(
            GroupSpec::parse("gwd:woda-2025").ok(),
            Some(GroupSpec::Gwd("woda-2025".into()))
        );
        assert!(GroupSpec::parse("gwd: ").is_err());
        assert!(GroupSpec::parse("sąsiedzi").is_err());
    }
}
