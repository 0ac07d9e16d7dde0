//! Synthetic Rb-28S files in the layout of the Ministry of Finance's bulk report files (dBase
//! III, Windows-1250, language byte 0xC8): the real ones are not shipped, and the national import
//! is measured on a file of the real size (about 1.3 million records).

use std::io::{Seek, Write};

use dbase::encoding::EncodingRs;
use dbase::{Date, FieldError, FieldName, FieldWriter, TableWriterBuilder, WritableRecord};
use jst_domain::{RegisterEntry, UnitKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One record of an Rb-28S file: the unit's MF codes, the classification and two amounts.
#[derive(Debug, Clone, PartialEq)]
pub struct MfLine {
    pub wk: String,
    pub pk: String,
    pub gk: String,
    pub gt: String,
    pub pt: String,
    pub kodmswia: String,
    pub dzial: String,
    pub rozdzial: String,
    /// Three digits; the fourth is `par4`.
    pub par: String,
    pub par4: String,
    pub plan: f64,
    pub execution: f64,
}

/// Rb-28S amount fields in the order of the MF field map; only R1 and R4 carry values here.
const AMOUNTS: [&str; 8] = ["R1", "R10", "R4", "R11", "R12U", "R12B", "R9", "R13"];

struct Record<'a> {
    line: &'a MfLine,
    year: i32,
    quarter: u8,
    date: Date,
}

impl WritableRecord for Record<'_> {
    fn write_using<W: Write>(&self, w: &mut FieldWriter<'_, W>) -> Result<(), FieldError> {
        let l = self.line;
        for code in [&l.wk, &l.pk, &l.gk, &l.gt, &l.pt, &l.kodmswia] {
            w.write_next_field_value(code)?;
        }
        w.write_next_field_value(&Some(f64::from(self.year)))?;
        w.write_next_field_value(&Some(f64::from(self.quarter)))?;
        w.write_next_field_value(&self.date)?;
        for code in [&l.dzial, &l.rozdzial, &l.par, &l.par4] {
            w.write_next_field_value(code)?;
        }
        for name in AMOUNTS {
            let value = match name {
                "R1" => Some(l.plan),
                "R4" => Some(l.execution),
                _ => None,
            };
            w.write_next_field_value(&value)?;
        }
        Ok(())
    }
}

/// Writes an Rb-28S file of `lines` for `year` and `quarter` to `out`.
pub fn write_rb28s<W: Write + Seek>(
    out: W,
    year: i32,
    quarter: u8,
    lines: impl IntoIterator<Item = MfLine>,
) -> std::io::Result<()> {
    let name = |n: &str| FieldName::try_from(n).map_err(std::io::Error::other);
    let mut builder =
        TableWriterBuilder::with_encoding(EncodingRs::from(encoding_rs::WINDOWS_1250))
            .add_character_field(name("WK")?, 2)
            .add_character_field(name("PK")?, 2)
            .add_character_field(name("GK")?, 2)
            .add_character_field(name("GT")?, 1)
            .add_character_field(name("PT")?, 1)
            .add_character_field(name("KODMSWIA")?, 12)
            .add_numeric_field(name("ROK")?, 4, 0)
            .add_numeric_field(name("KWARTAL")?, 1, 0)
            .add_date_field(name("DAT_SKW")?)
            .add_character_field(name("DZIAL")?, 3)
            .add_character_field(name("ROZDZIAL")?, 5)
            .add_character_field(name("PAR")?, 3)
            .add_character_field(name("PAR4")?, 1);
    for amount in AMOUNTS {
        builder = builder.add_numeric_field(name(amount)?, 16, 2);
    }
    // The date of the report: the end of the quarter.
    let (day, month) = if quarter == 4 { (31, 12) } else { (30, 3 * u32::from(quarter)) };
    let date = Date::new(day, month, u32::try_from(year).unwrap_or(2000))
        .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
    let mut writer = builder.build_with_dest(out);
    for line in lines {
        writer
            .write_record(&Record { line: &line, year, quarter, date })
            .map_err(std::io::Error::other)?;
    }
    writer.finalize().map_err(std::io::Error::other)?;
    Ok(())
}

/// Rozdziały and paragrafy of a plausible budget: 60 rozdziały of the classification's most
/// used działy, 8 paragrafy each.
fn classification() -> Vec<(String, String, String)> {
    const DZIALY: [(&str, u32); 12] = [
        ("010", 1),
        ("600", 4),
        ("700", 5),
        ("710", 3),
        ("750", 8),
        ("754", 4),
        ("801", 12),
        ("851", 3),
        ("852", 8),
        ("855", 4),
        ("900", 5),
        ("921", 3),
    ];
    const PARAGRAFY: [&str; 8] = ["401", "404", "411", "412", "421", "426", "430", "605"];
    let mut out = Vec::new();
    for (dzial, count) in DZIALY {
        for i in 0..count {
            let rozdzial = format!("{dzial}{:02}", i * 3 + 1);
            for par in PARAGRAFY {
                out.push((dzial.to_owned(), rozdzial.clone(), par.to_owned()));
            }
        }
    }
    out
}

/// MF codes of a register unit: gminy `WK PK GK GT` with PT 0, powiaty PT 1, cities with powiat
/// rights `WK PK 00` with PT 2 (their powiat code), województwa `WK 00 00`.
fn mf_codes(unit: &RegisterEntry) -> Option<[String; 5]> {
    let t = unit.teryt.as_str();
    Some(match unit.kind {
        UnitKind::Wojewodztwo => [t[..2].into(), "00".into(), "00".into(), "0".into(), "0".into()],
        UnitKind::Powiat => [t[..2].into(), t[2..4].into(), "00".into(), "0".into(), "1".into()],
        UnitKind::MiastoNaPrawachPowiatu => {
            let powiat = unit.alias.as_deref()?;
            [powiat[..2].into(), powiat[2..4].into(), "00".into(), "0".into(), "2".into()]
        }
        _ => [t[..2].into(), t[2..4].into(), t[4..6].into(), t[6..7].into(), "0".into()],
    })
}

/// A national Rb-28S: every unit of `units` with 480 lines (about 1.3 million records for the
/// whole register), amounts drawn from `seed`. Deterministic: the same units and seed give the
/// same file.
pub fn national_rb28s(units: &[RegisterEntry], seed: u64) -> impl Iterator<Item = MfLine> + '_ {
    let classes = classification();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    units.iter().filter_map(mf_codes).flat_map(move |codes| {
        let scale: f64 = rng.random_range(0.2..5.0);
        let amounts: Vec<(f64, f64)> = (0..classes.len())
            .map(|_| {
                let plan = (rng.random_range(1_000.0..500_000.0) * scale * 100.0).round() / 100.0;
                let done = (plan * rng.random_range(0.6..1.0) * 100.0).round() / 100.0;
                (plan, done)
            })
            .collect();
        let [wk, pk, gk, gt, pt] = codes;
        classes.clone().into_iter().zip(amounts).map(
            move |((dzial, rozdzial, par), (plan, execution))| MfLine {
                wk: wk.clone(),
                pk: pk.clone(),
                gk: gk.clone(),
                gt: gt.clone(),
                pt: pt.clone(),
                kodmswia: String::new(),
                dzial,
                rozdzial,
                par,
                par4: "0".into(),
                plan,
                execution,
            },
        )
    })
}
