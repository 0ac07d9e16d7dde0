//! Budget execution reports as budget-reporting software of local governments exports them: the
//! `PaczkaSprawozdan` XML package,
//! `PaczkaSprawozdan/Okres/Jednostki/Jednostka/Sprawozdania/Rb-28s|Rb-27s/Pozycje/Pozycja`.
//!
//! A package carries the reports of the budget units of one local government; their items are
//! summed into one [`BudgetLine`] per (report, dział, rozdział, paragraf), the same lines the CSV
//! form yields for the whole government. Units of different TERYTs are therefore refused, not
//! summed. Other reports in a package (Rb-N, Rb-Z …), the header of each report and the
//! signatures (`Jednostka/Podpisy`) are not read.
//!
//! Period types (`TypOkresu`): the samples only have `Kwartal`, with Okres 1–4 cumulative from
//! 1 January, so 4 is the whole year (year-end packages are the 4th quarter's, `[IVKwartał]`). No
//! specification of the other values was at hand; `Miesiac` (Okres 1–12, 12 is the whole year)
//! and `Rok` (always the whole year; its Okres carries nothing, so 0–12 is accepted) are read on
//! the assumption that the software spells its other periods that way. The match ignores case
//! and Polish letters (`Kwartał`). Any other type is an error rather than a guess at what it
//! covers, and `BudgetPeriod::whole_year` is false for it.

use std::collections::BTreeMap;

use jst_text::t;
use quick_xml::events::BytesStart;

use crate::budget::{BudgetLine, BudgetReport};
use crate::error::MAX_PROBLEMS;
use crate::xml_walk::{self, Format, Handler, Open};
use crate::{ImportError, Problem};

const ROOT: &str = "PaczkaSprawozdan";
const FORMAT: Format = Format {
    root: ROOT,
    namespace: None,
    // The package has no namespaces; a prefixed name is not one of its elements.
    local_names: false,
    not_this: || t!("import-package-not-this"),
    plural: || t!("import-package-plural"),
    written_in: || t!("import-package-written-in"),
    again: || t!("import-package-again"),
};
const UNIT_FIELDS: [&str; 8] = ["Nazwa", "Typ", "Regon", "WK", "PK", "GK", "GT", "PT"];
/// Whole złoty digits of one amount: below 2^53 grosze, so every amount is exact in an `f64`.
const MAX_INTEGER_DIGITS: usize = 13;

/// One package: its period, the units that reported and their items summed per classification.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetPackage {
    pub year: i32,
    pub period: BudgetPeriod,
    pub units: Vec<PackageUnit>,
    /// One line per (report, dział, rozdział, paragraf), in that order.
    pub lines: Vec<BudgetLine>,
}

/// The reporting period of a package, as written (`TypOkresu`, `Okres`); amounts are cumulative
/// from 1 January to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetPeriod {
    /// `TypOkresu` as written, e.g. `Kwartal`.
    pub kind: String,
    /// `Okres`: the quarter or month (meaningless for `Rok`).
    pub number: u8,
}

impl BudgetPeriod {
    /// Whether the amounts cover the whole year: the 4th quarter, the 12th month or a yearly
    /// package. An unknown type is never the whole year.
    pub fn whole_year(&self) -> bool {
        match PeriodKind::of(&self.kind) {
            Some(PeriodKind::Quarter) => self.number == 4,
            Some(PeriodKind::Month) => self.number == 12,
            Some(PeriodKind::Year) => true,
            None => false,
        }
    }
}

/// A unit whose reports the package carries (for a gmina: its schools, its office and so on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageUnit {
    /// Its place among the package's units (`Jednostki/Jednostka`), from 1.
    pub ordinal: usize,
    /// The line of the file where its `Jednostka` element starts.
    pub line: usize,
    pub name: String,
    /// Trimmed: the software pads it with spaces to 14 characters; may be empty.
    pub regon: String,
    pub wk: String,
    pub pk: String,
    pub gk: String,
    pub gt: String,
    /// Empty when the file has none.
    pub pt: String,
}

impl PackageUnit {
    /// The 7-character TERYT of the local government the unit belongs to (WK+PK+GK+GT).
    pub fn teryt(&self) -> String {
        format!("{}{}{}{}", self.wk, self.pk, self.gk, self.gt)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodKind {
    Quarter,
    Month,
    Year,
}

impl PeriodKind {
    fn of(raw: &str) -> Option<Self> {
        let folded: String = raw
            .trim()
            .chars()
            .map(|c| match c.to_lowercase().next().unwrap_or(c) {
                'ą' => 'a',
                'ł' => 'l',
                'ę' => 'e',
                'ó' => 'o',
                other => other,
            })
            .collect();
        match folded.as_str() {
            "kwartal" => Some(Self::Quarter),
            "miesiac" => Some(Self::Month),
            "rok" => Some(Self::Year),
            _ => None,
        }
    }

    fn numbers(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Self::Quarter => 1..=4,
            Self::Month => 1..=12,
            Self::Year => 0..=12,
        }
    }
}

/// Whether the bytes are a package (after an optional BOM, XML declaration, comments and
/// whitespace the root element is `PaczkaSprawozdan`), so a budget import can pick its parser
/// by content rather than by the file's extension.
pub fn looks_like_budget_package(bytes: &[u8]) -> bool {
    let Some(rest) = xml_walk::after_prolog(bytes) else { return false };
    rest.strip_prefix(b"<")
        .and_then(|r| r.strip_prefix(ROOT.as_bytes()))
        .is_some_and(|r| matches!(r.first(), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')))
}

/// Reads a whole package. Every problem of its rows is collected; a file that is not well-formed
/// XML to its end (for instance cut short) is refused as a whole, so nothing from it is written.
pub fn parse_budget_package(bytes: &[u8], file: &str) -> Result<BudgetPackage, ImportError> {
    let text = xml_walk::decode(bytes, file, &FORMAT)?;
    let mut parser = Parser::new();
    xml_walk::walk(text, file, &FORMAT, &mut parser)?;
    parser.finish(file)
}

/// Text of one child element, with the line where the element starts.
#[derive(Debug)]
struct Field {
    name: String,
    line: usize,
    text: String,
}

#[derive(Debug, Default)]
struct Fields(Vec<Field>);

impl Fields {
    fn get(&self, name: &str) -> Option<&Field> {
        self.0.iter().find(|f| f.name == name)
    }

    /// The second occurrence of a field that must appear once.
    fn repeated(&self, names: &[&str]) -> Option<&Field> {
        self.0.iter().enumerate().find_map(|(i, f)| {
            (names.contains(&f.name.as_str()) && self.0[..i].iter().any(|g| g.name == f.name))
                .then_some(f)
        })
    }
}

#[derive(Debug)]
struct Draft {
    line: usize,
    ordinal: usize,
    fields: Fields,
}

impl Draft {
    /// A problem of this element, at the line of `field` when there is one, else of the element.
    fn problem(
        &self,
        context: &str,
        field: Option<&Field>,
        column: &str,
        message: String,
    ) -> Problem {
        Problem::at(
            field.map_or(self.line, |f| f.line),
            Some(column),
            t!("import-package-in", context = context, message = message),
        )
    }

    /// A value element given twice is refused: which one was meant cannot be told.
    fn repeated(&self, context: &str, names: &[&str]) -> Option<Problem> {
        let f = self.fields.repeated(names)?;
        let message = t!("import-package-repeated", element = &f.name);
        Some(self.problem(context, Some(f), &f.name, message))
    }
}

#[derive(Debug)]
struct ReportDraft {
    report: BudgetReport,
    tag: String,
    unit_label: String,
    items: usize,
}

#[derive(Debug)]
struct ReportPeriod {
    line: usize,
    context: String,
    period: Option<(i32, PeriodKind, BudgetPeriod)>,
}

#[derive(Debug, Default)]
struct Sum {
    line: usize,
    plan: i128,
    execution: i128,
}

/// Where an element sits in the package; decided from the path of element names so that look-alike
/// names elsewhere (the report's own `Jednostka`, the signatures) are never read as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    PackagePeriod,
    PackagePeriodField,
    Unit,
    UnitField,
    Report(BudgetReport),
    ReportPeriod,
    ReportPeriodField,
    Item,
    ItemField,
    Other,
}

fn role(path: &[&str]) -> Role {
    let report = |tag: &str| BudgetReport::parse(tag);
    match path {
        [_, "Okres"] => Role::PackagePeriod,
        [_, "Okres", _] => Role::PackagePeriodField,
        [_, "Jednostki", "Jednostka"] => Role::Unit,
        [_, "Jednostki", "Jednostka", f] if UNIT_FIELDS.contains(f) => Role::UnitField,
        [_, "Jednostki", "Jednostka", "Sprawozdania", r] => {
            report(r).map_or(Role::Other, Role::Report)
        }
        [_, "Jednostki", "Jednostka", "Sprawozdania", r, "Okres"] if report(r).is_some() => {
            Role::ReportPeriod
        }
        [_, "Jednostki", "Jednostka", "Sprawozdania", r, "Okres", _] if report(r).is_some() => {
            Role::ReportPeriodField
        }
        [_, "Jednostki", "Jednostka", "Sprawozdania", r, "Pozycje", "Pozycja"]
            if report(r).is_some() =>
        {
            Role::Item
        }
        [_, "Jednostki", "Jednostka", "Sprawozdania", r, "Pozycje", "Pozycja", _]
            if report(r).is_some() =>
        {
            Role::ItemField
        }
        _ => Role::Other,
    }
}

/// Reads the package's elements as [`xml_walk`] passes them; the XML itself (its faults, the
/// root, truncation) is the walker's.
struct Parser {
    problems: Vec<Problem>,
    package_period: Option<Draft>,
    period: Option<(i32, PeriodKind, BudgetPeriod)>,
    period_seen: bool,
    units_seen: usize,
    unit: Option<Draft>,
    units: Vec<PackageUnit>,
    reports_seen: usize,
    report: Option<ReportDraft>,
    report_period: Option<Draft>,
    report_periods: Vec<ReportPeriod>,
    items_seen: usize,
    item: Option<Draft>,
    /// The field whose text is being read: its depth in `stack`, where it goes, its text.
    capture: Option<(usize, Role, Field)>,
    sums: BTreeMap<(BudgetReport, String, String, String), Sum>,
}

fn role_of(path: &[Open]) -> Role {
    let path: Vec<&str> = path.iter().map(|(name, _)| name.as_str()).collect();
    role(&path)
}

impl Parser {
    fn new() -> Self {
        Self {
            problems: Vec::new(),
            package_period: None,
            period: None,
            period_seen: false,
            units_seen: 0,
            unit: None,
            units: Vec::new(),
            reports_seen: 0,
            report: None,
            report_period: None,
            report_periods: Vec::new(),
            items_seen: 0,
            item: None,
            capture: None,
            sums: BTreeMap::new(),
        }
    }

    fn push(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        }
    }
}

impl Handler for Parser {
    fn problems(&mut self) -> &mut Vec<Problem> {
        &mut self.problems
    }

    fn open(&mut self, path: &[Open], _element: &BytesStart<'_>, line: usize) {
        let Some((name, _)) = path.last() else { return };
        let name = name.clone();
        if let Some((_, _, field)) = &self.capture {
            let problem = Problem::at(
                line,
                Some(&field.name),
                t!("import-package-nested", field = &field.name, name = &name),
            );
            self.push(problem);
        }
        let draft = |ordinal| Draft { line, ordinal, fields: Fields::default() };
        match role_of(path) {
            Role::PackagePeriod => {
                if self.period_seen {
                    self.push(Problem::at(line, Some("Okres"), t!("import-package-period-twice")));
                }
                self.package_period = Some(draft(0));
            }
            Role::Unit => {
                self.units_seen += 1;
                self.unit = Some(draft(self.units_seen));
            }
            Role::Report(report) => {
                self.reports_seen += 1;
                let unit_label = match &self.unit {
                    Some(unit) => {
                        let regon = unit.fields.get("Regon").map_or("", |f| xml_trim(&f.text));
                        if regon.is_empty() {
                            t!("import-package-unit-label", ordinal = unit.ordinal)
                        } else {
                            t!(
                                "import-package-unit-label-regon",
                                ordinal = unit.ordinal,
                                regon = regon
                            )
                        }
                    }
                    None => "?".to_owned(),
                };
                self.report = Some(ReportDraft { report, tag: name, unit_label, items: 0 });
            }
            Role::ReportPeriod => self.report_period = Some(draft(0)),
            Role::Item => {
                self.items_seen += 1;
                let ordinal = self.report.as_mut().map_or(0, |r| {
                    r.items += 1;
                    r.items
                });
                self.item = Some(draft(ordinal));
            }
            role @ (Role::PackagePeriodField
            | Role::UnitField
            | Role::ReportPeriodField
            | Role::ItemField) => {
                if self.capture.is_none() {
                    let field = Field { name, line, text: String::new() };
                    self.capture = Some((path.len(), role, field));
                }
            }
            Role::Other => {}
        }
    }

    fn close(&mut self, path: &[Open]) {
        let depth = path.len();
        match role_of(path) {
            Role::PackagePeriodField
            | Role::UnitField
            | Role::ReportPeriodField
            | Role::ItemField => {
                if !matches!(self.capture, Some((d, _, _)) if d == depth) {
                    return;
                }
                let Some((_, role, field)) = self.capture.take() else { return };
                let target = match role {
                    Role::PackagePeriodField => self.package_period.as_mut(),
                    Role::UnitField => self.unit.as_mut(),
                    Role::ReportPeriodField => self.report_period.as_mut(),
                    _ => self.item.as_mut(),
                };
                if let Some(draft) = target {
                    draft.fields.0.push(field);
                }
            }
            Role::PackagePeriod => {
                if let Some(draft) = self.package_period.take() {
                    let period = self.read_period(&draft, &t!("import-package-period"));
                    if !self.period_seen {
                        self.period = period;
                    }
                    self.period_seen = true;
                }
            }
            Role::Unit => {
                if let Some(draft) = self.unit.take() {
                    self.finish_unit(&draft);
                }
            }
            Role::Report(_) => self.report = None,
            Role::ReportPeriod => {
                if let Some(draft) = self.report_period.take() {
                    let context = self.report.as_ref().map_or_else(String::new, |r| {
                        t!("import-package-report-of", report = &r.tag, unit = &r.unit_label)
                    });
                    let period = self.read_period(&draft, &context);
                    self.report_periods.push(ReportPeriod { line: draft.line, context, period });
                }
            }
            Role::Item => {
                if let Some(draft) = self.item.take() {
                    self.finish_item(&draft);
                }
            }
            Role::Other => {}
        }
    }

    fn text(&mut self, path: &[Open], text: &str) {
        if let Some((depth, _, field)) = &mut self.capture {
            if *depth == path.len() {
                field.text.push_str(text);
            }
        }
    }
}

impl Parser {
    /// `Rok`, `TypOkresu` and `Okres` of the package or of one report.
    fn read_period(
        &mut self,
        draft: &Draft,
        context: &str,
    ) -> Option<(i32, PeriodKind, BudgetPeriod)> {
        const NAMES: [&str; 3] = ["Rok", "TypOkresu", "Okres"];
        let mut problems = Vec::new();
        let at = |field: Option<&Field>, column: &str, message: String| {
            draft.problem(context, field, column, message)
        };
        problems.extend(draft.repeated(context, &NAMES));
        let get = |name: &str, problems: &mut Vec<Problem>| {
            let field = draft.fields.get(name);
            if field.is_none() {
                problems.push(at(None, name, t!("import-package-missing", element = name)));
            }
            field.map(|f| (f, xml_trim(&f.text)))
        };
        let year = get("Rok", &mut problems).and_then(|(f, raw)| {
            let year = raw.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y));
            if year.is_none() {
                problems.push(at(Some(f), "Rok", crate::strategy_rules::year_message(raw)));
            }
            year
        });
        let kind = get("TypOkresu", &mut problems).and_then(|(f, raw)| {
            let kind = PeriodKind::of(raw).map(|k| (k, raw.to_owned()));
            if kind.is_none() {
                problems.push(at(
                    Some(f),
                    "TypOkresu",
                    t!("import-package-period-kind", kind = raw),
                ));
            }
            kind
        });
        let number = get("Okres", &mut problems).and_then(|(f, raw)| {
            let number = raw.parse::<u8>().ok();
            match (&kind, number) {
                (Some((k, written)), n) if !n.is_some_and(|n| k.numbers().contains(&n)) => {
                    let range = k.numbers();
                    problems.push(at(
                        Some(f),
                        "Okres",
                        t!(
                            "import-package-period-range",
                            period = raw,
                            kind = written,
                            from = *range.start(),
                            to = *range.end()
                        ),
                    ));
                    None
                }
                (None, None) => {
                    problems.push(at(
                        Some(f),
                        "Okres",
                        t!("import-package-period-number", period = raw),
                    ));
                    None
                }
                _ => number,
            }
        });
        let ok = problems.is_empty();
        for problem in problems {
            self.push(problem);
        }
        match (year, kind, number) {
            (Some(year), Some((kind, written)), Some(number)) if ok => {
                Some((year, kind, BudgetPeriod { kind: written, number }))
            }
            _ => None,
        }
    }

    fn finish_unit(&mut self, draft: &Draft) {
        let context = t!("import-package-unit", ordinal = draft.ordinal);
        let mut problems = Vec::new();
        let at = |field: Option<&Field>, column: &str, message: String| {
            draft.problem(&context, field, column, message)
        };
        problems.extend(draft.repeated(&context, &UNIT_FIELDS));
        let text = |name: &str| draft.fields.get(name).map(|f| (f, xml_trim(&f.text)));
        let name = match text("Nazwa") {
            Some((_, name)) if !name.is_empty() => Some(name.to_owned()),
            field => {
                problems.push(at(field.map(|(f, _)| f), "Nazwa", t!("import-no-unit-name")));
                None
            }
        };
        let regon = text("Regon").map_or("", |(_, r)| r);
        if !(regon.is_empty() || digits(regon, 9) || digits(regon, 14)) {
            problems.push(at(
                text("Regon").map(|(f, _)| f),
                "Regon",
                t!("import-package-regon", regon = regon),
            ));
        }
        let mut code = |column: &str, len: usize, what: String| match text(column) {
            Some((_, v)) if digits(v, len) => Some(v.to_owned()),
            Some((f, v)) => {
                let message = t!(
                    "import-package-code",
                    element = column,
                    code = v,
                    digits = len,
                    what = what
                );
                problems.push(at(Some(f), column, message));
                None
            }
            None => {
                let message = t!("import-package-code-missing", element = column, what = what);
                problems.push(at(None, column, message));
                None
            }
        };
        let wk = code("WK", 2, t!("import-package-what-wk"));
        let pk = code("PK", 2, t!("import-package-what-pk"));
        let gk = code("GK", 2, t!("import-package-what-gk"));
        let gt = code("GT", 1, t!("import-package-what-gt"));
        let pt = text("PT").map_or("", |(_, v)| v);
        if !pt.is_empty() && !digits(pt, 1) {
            problems.push(at(text("PT").map(|(f, _)| f), "PT", t!("import-package-pt", pt = pt)));
        }
        if let (Some(name), Some(wk), Some(pk), Some(gk), Some(gt), true) =
            (name, wk, pk, gk, gt, problems.is_empty())
        {
            let unit = PackageUnit {
                ordinal: draft.ordinal,
                line: draft.line,
                name,
                regon: regon.to_owned(),
                wk,
                pk,
                gk,
                gt,
                pt: pt.to_owned(),
            };
            if let Some(first) = self.units.first() {
                if first.teryt() != unit.teryt() {
                    let message = t!(
                        "import-package-other-unit",
                        teryt = unit.teryt(),
                        first = first.teryt()
                    );
                    problems.push(at(None, "WK", message));
                }
            }
            if problems.is_empty() {
                self.units.push(unit);
            }
        }
        for problem in problems {
            self.push(problem);
        }
    }

    fn finish_item(&mut self, draft: &Draft) {
        let Some(report) = &self.report else { return };
        let kind = report.report;
        let execution_name = match kind {
            BudgetReport::Rb27S => "DW",
            BudgetReport::Rb28S => "WW",
        };
        let context = t!(
            "import-package-item",
            ordinal = draft.ordinal,
            report = &report.tag,
            unit = &report.unit_label
        );
        let mut problems = Vec::new();
        let at = |field: Option<&Field>, column: &str, message: String| {
            draft.problem(&context, field, column, message)
        };
        let fields = ["Dzial", "Rozdzial", "Paragraf", "P4", "PL", execution_name];
        problems.extend(draft.repeated(&context, &fields));
        let mut code = |column: &str, len: usize, wrong: &dyn Fn(&str) -> String| match draft
            .fields
            .get(column)
        {
            Some(f) if digits(xml_trim(&f.text), len) => Some(xml_trim(&f.text).to_owned()),
            Some(f) => {
                problems.push(at(Some(f), column, wrong(xml_trim(&f.text))));
                None
            }
            None => {
                problems.push(at(None, column, t!("import-package-missing", element = column)));
                None
            }
        };
        let dzial = code("Dzial", 3, &|v| t!("import-budget-dzial", dzial = v));
        let rozdzial = code("Rozdzial", 5, &|v| t!("import-budget-rozdzial", rozdzial = v));
        let paragraf = code("Paragraf", 3, &|v| t!("import-package-paragraf", paragraf = v));
        let p4 = code("P4", 1, &|v| t!("import-package-p4", p4 = v));
        if let (Some(d), Some(r)) = (&dzial, &rozdzial) {
            if !r.starts_with(d.as_str()) {
                problems.push(at(
                    draft.fields.get("Rozdzial"),
                    "Rozdzial",
                    t!("import-budget-rozdzial-outside", rozdzial = r, dzial = d),
                ));
            }
        }
        // A zero amount is left out of the file.
        let mut amount = |column: &str| match draft.fields.get(column) {
            None => Some(0),
            Some(f) => parse_amount(xml_trim(&f.text))
                .map_err(|why| {
                    let message = t!("import-package-amount", element = column, why = why);
                    problems.push(at(Some(f), column, message));
                })
                .ok(),
        };
        let plan = amount("PL");
        let execution = amount(execution_name);
        match (dzial, rozdzial, paragraf, p4, plan, execution) {
            (Some(d), Some(r), Some(p), Some(p4), Some(plan), Some(execution))
                if problems.is_empty() =>
            {
                let sum = self
                    .sums
                    .entry((kind, d, r, format!("{p}{p4}")))
                    .or_insert_with(|| Sum { line: draft.line, ..Sum::default() });
                sum.plan += i128::from(plan);
                sum.execution += i128::from(execution);
            }
            _ => {
                for problem in problems {
                    self.push(problem);
                }
            }
        }
    }

    fn finish(mut self, file: &str) -> Result<BudgetPackage, ImportError> {
        let mut whole = Vec::new();
        if !self.period_seen {
            whole.push(Problem::file(t!("import-package-no-period", root = ROOT)));
        }
        if self.units_seen == 0 {
            whole.push(Problem::file(t!("import-package-no-units")));
        }
        if self.reports_seen == 0 {
            whole.push(Problem::file(t!("import-package-no-reports")));
        } else if self.items_seen == 0 {
            whole.push(Problem::file(t!("import-package-no-items")));
        }
        if let Some((year, kind, period)) = &self.period {
            let mismatches: Vec<Problem> = self
                .report_periods
                .iter()
                .filter_map(|rp| {
                    let (y, k, p) = rp.period.as_ref()?;
                    (y != year || k != kind || p.number != period.number).then(|| {
                        Problem::at(
                            rp.line,
                            Some("Okres"),
                            t!(
                                "import-package-period-differs",
                                context = &rp.context,
                                year = *y,
                                kind = &p.kind,
                                number = p.number,
                                package_year = *year,
                                package_kind = &period.kind,
                                package_number = period.number
                            ),
                        )
                    })
                })
                .collect();
            for problem in mismatches {
                self.push(problem);
            }
        }
        whole.append(&mut self.problems);
        if !whole.is_empty() {
            whole.truncate(MAX_PROBLEMS);
            return Err(ImportError::new(file, whole));
        }
        let Some((year, _, period)) = self.period else {
            return Err(ImportError::single(
                file,
                Problem::file(t!("import-package-no-period-short")),
            ));
        };
        let lines = self
            .sums
            .into_iter()
            .map(|((report, dzial, rozdzial, paragraf), sum)| BudgetLine {
                line: sum.line,
                year,
                report,
                dzial,
                rozdzial,
                paragraf,
                plan: from_grosze(sum.plan),
                execution: from_grosze(sum.execution),
            })
            .collect();
        Ok(BudgetPackage { year, period, units: self.units, lines })
    }
}

/// Whitespace as XML defines it; a no-break space inside a value is not formatting.
fn xml_trim(raw: &str) -> &str {
    raw.trim_matches(is_xml_space)
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn digits(raw: &str, n: usize) -> bool {
    raw.len() == n && raw.bytes().all(|b| b.is_ascii_digit())
}

/// Grosze to złote. Exact for sums below 2^53 grosze, and then equal to the written decimal.
#[allow(clippy::cast_precision_loss)]
fn from_grosze(grosze: i128) -> f64 {
    grosze as f64 / 100.0
}

/// An amount as the software writes it (`-?digits[.digits]`, a dot before the grosze) in grosze,
/// so that sums over units are exact. The error completes „kwota XX …”.
fn parse_amount(raw: &str) -> Result<i64, String> {
    if raw.is_empty() {
        return Err(t!("import-amount-empty"));
    }
    let unsigned = raw.strip_prefix('-').unwrap_or(raw);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = !whole.is_empty()
        && all_digits(whole)
        && all_digits(fraction)
        // `1.` has a dot and no grosze.
        && (fraction.is_empty() != unsigned.contains('.'));
    if !well_formed {
        return Err(if raw.contains(',') {
            t!("import-amount-comma-point", amount = raw)
        } else {
            t!("import-amount-not-a-number", amount = raw)
        });
    }
    if fraction.bytes().skip(2).any(|b| b != b'0') {
        return Err(t!("import-amount-fraction", amount = raw));
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > MAX_INTEGER_DIGITS {
        return Err(t!("import-amount-too-large", amount = raw));
    }
    let digit_values = whole.bytes().chain(fraction.bytes().chain(*b"00").take(2));
    let grosze = digit_values.fold(0_i64, |acc, b| acc * 10 + i64::from(b - b'0'));
    Ok(if raw.starts_with('-') { -grosze } else { grosze })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_grosze() {
        for (raw, expected) in [
            ("5439.95", Ok(543_995)),
            ("0", Ok(0)),
            ("12", Ok(1200)),
            ("1.5", Ok(150)),
            ("-0.01", Ok(-1)),
            ("007.10", Ok(710)),
            ("1.500", Ok(150)),
            ("9999999999999.99", Ok(999_999_999_999_999)),
        ] {
            assert_eq!(parse_amount(raw), expected, "{raw}");
        }
        for raw in [
            "",
            "abc",
            "1,5",
            "1.",
            ".5",
            "NaN",
            "inf",
            "-inf",
            "1e5",
            "+1",
            "1 000",
            "1.234",
            "--1",
            "-",
            "1.2.3",
            "99999999999999",
        ] {
            assert!(parse_amount(raw).is_err(), "{raw}");
        }
        assert!(parse_amount("1,5").is_err_and(|e| e.contains("kropka")));
    }

    #[test]
    fn period_kinds_and_whole_year() {
        let period = |kind: &str, number| BudgetPeriod { kind: kind.to_owned(), number };
        assert!(period("Kwartal", 4).whole_year());
        assert!(period("Kwartał", 4).whole_year());
        assert!(!period("Kwartal", 2).whole_year());
        assert!(period("Miesiac", 12).whole_year());
        assert!(!period("Miesiąc", 11).whole_year());
        assert!(period("Rok", 1).whole_year());
        assert!(!period("Półrocze", 2).whole_year());
    }

    #[test]
    fn recognises_the_root_by_content() {
        assert!(looks_like_budget_package(
            b"\xEF\xBB\xBF<?xml version=\"1.0\"?><PaczkaSprawozdan Wersja=\"0.3\">"
        ));
        assert!(looks_like_budget_package(b"\n <!-- x --> <PaczkaSprawozdan>"));
        assert!(looks_like_budget_package(b"<PaczkaSprawozdan/>"));
        assert!(!looks_like_budget_package(b"<PaczkaSprawozdanX>"));
        assert!(!looks_like_budget_package(b"<?xml version=\"1.0\"?><teryt>"));
        assert!(!looks_like_budget_package(b"rok;sprawozdanie;dzial"));
        assert!(!looks_like_budget_package(b"<?xml "));
        assert!(!looks_like_budget_package(b""));
    }
}
