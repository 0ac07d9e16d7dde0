//! Strategy monitoring use cases: template import and export, own values import, and the status
//! of the active strategy in a year (DESIGN §5.1–5.3, §6).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jst_domain::strategy::{
    evaluate, indicator_score, project, roll_up, IndicatorTarget, NodeIndicator, RollupIndicator,
    RollupNode, Status, StrategyTree, Thresholds, YearValue,
};
use jst_import::{
    parse_own_values_with, parse_strategy_template_with, render_strategy_template, ImportError,
    Problem, RowProgress, Severity,
};
use jst_store::{IndicatorRecord, ObservationRecord, SaveMode, StrategyDraft, StrategyRecord};

use crate::monitor::{file_label, read_capped, stamp, MAX_INPUT_BYTES};
use crate::strategy_views::{
    FindingView, ImportCheckView, IndicatorDepartmentView, IndicatorStatusView, NodeStatusView,
    ProjectionView, StrategyHeadView, StrategyImportView, StrategyOverviewView, StrategyStatusView,
    ValuesImportView, YearValueView,
};
use crate::strategy_views::{ImportKind, ImportProgress, StrategyListItemView};
use crate::{Error, Monitor, Result};

/// How a template is imported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StrategyImportOptions {
    pub name: Option<String>,
    pub period: Option<(i32, i32)>,
    /// Create a separate strategy instead of updating the active one by codes.
    pub new: bool,
    /// Warnings count as errors: nothing is written.
    pub strict: bool,
}

/// A year-on-year change larger than this fraction is reported as a warning.
const JUMP_WARNING: f64 = 0.5;

impl Monitor {
    /// Imports a strategy template (CSV or XLSX). Any error: nothing is written.
    pub fn import_strategy(
        &mut self,
        path: &Path,
        options: &StrategyImportOptions,
    ) -> Result<StrategyImportView> {
        let plan = self.plan_strategy_import(path, options, &mut |_, _| true)?;
        refuse_warnings_if_strict(&plan.file, &plan.findings, options.strict)?;
        let mode = if options.new { SaveMode::New } else { SaveMode::UpdateActive };
        self.local.save_strategy(&stamp(), &plan.draft, &plan.local, mode)?;
        let indicators = plan.draft.tree.nodes.iter().map(|n| n.indicators.len()).sum::<usize>();
        Ok(StrategyImportView {
            file: plan.file,
            strategy: StrategyHeadView {
                name: plan.draft.name,
                period_from: plan.draft.period_from,
                period_to: plan.draft.period_to,
            },
            nodes: count(plan.draft.tree.nodes.len()),
            indicators: count(indicators),
            new_catalogue_entries: plan.local.into_iter().map(|i| i.code).collect(),
            findings: plan.findings.iter().map(FindingView::from).collect(),
        })
    }

    fn check_strategy_with(
        &self,
        path: &Path,
        options: &StrategyImportOptions,
        progress: RowProgress<'_>,
    ) -> Result<ImportCheckView> {
        match self.plan_strategy_import(path, options, progress) {
            Ok(plan) => Ok(plan.into_check_view()),
            Err(Error::Import(e)) if !e.cancelled => Ok(failed_check(e)),
            Err(other) => Err(other),
        }
    }

    /// Reads and validates a template into what would be written.
    fn plan_strategy_import(
        &self,
        path: &Path,
        options: &StrategyImportOptions,
        progress: RowProgress<'_>,
    ) -> Result<StrategyPlan> {
        let file = file_label(path);
        let bytes = read_capped(path, MAX_INPUT_BYTES)?;
        let parsed = parse_strategy_template_with(&bytes, &file, progress)?;
        let mut findings = parsed.findings;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let name = options.name.clone().or(parsed.meta.name).unwrap_or(stem);
        let period = options
            .period
            .or(parsed.meta.period_from.zip(parsed.meta.period_to))
            .or(parsed.tree.span())
            .ok_or_else(|| {
                ImportError::single(
                    &file,
                    Problem::file("szablon nie ma wskaźników, więc okres strategii trzeba podać: --period RRRR-RRRR"),
                )
            })?;
        if period.1 < period.0 {
            return Err(ImportError::single(
                &file,
                Problem::file(format!(
                    "okres {}–{} kończy się przed początkiem",
                    period.0, period.1
                )),
            )
            .into());
        }
        let (resolution_number, resolution_date) = split_resolution(parsed.meta.resolution);
        let local = self.missing_catalogue_entries(&parsed.tree)?;
        if !local.is_empty() {
            let codes: Vec<&str> = local.iter().map(|i| i.code.as_str()).collect();
            findings.push(
                Problem::file(format!(
                    "wskaźniki spoza katalogu dodane jako lokalne: {}",
                    codes.join(", ")
                ))
                .with_severity(Severity::Informacja),
            );
        }
        let draft = StrategyDraft {
            name,
            period_from: period.0,
            period_to: period.1,
            resolution_number,
            resolution_date,
            sample: false,
            tree: parsed.tree,
        };
        Ok(StrategyPlan { file, draft, local, findings })
    }

    /// Writes the active strategy back as a template (CSV, UTF-8, `;`), crash-safely.
    pub fn export_strategy(&self, path: &Path) -> Result<u32> {
        let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if !is_csv {
            return Err(Error::InvalidValue(format!(
                "szablon zapisuję jako CSV: podaj plik z rozszerzeniem .csv zamiast {}",
                file_label(path)
            )));
        }
        let (_, tree) = self.active_tree()?;
        let text = render_strategy_template(&tree);
        write_atomically(path, text.as_bytes())?;
        Ok(count(tree.nodes.len()))
    }

    /// Imports own values (`wskaznik_kod;rok;wartosc[;status][;uwagi]`, CSV or XLSX). Codes
    /// must be in the catalogue; values before an indicator's baseline year are errors; a
    /// year-on-year jump of more than ±50 % is a warning. Any error: nothing is written.
    pub fn import_values(&mut self, path: &Path, strict: bool) -> Result<ValuesImportView> {
        let (file, values, findings) = self.plan_values_import(path, &mut |_, _| true)?;
        refuse_warnings_if_strict(&file, &findings, strict)?;
        self.local.upsert_observations(&stamp(), &format!("import wartości z {file}"), &values)?;
        Ok(ValuesImportView {
            file,
            values: count(values.len()),
            findings: findings.iter().map(FindingView::from).collect(),
        })
    }

    fn check_values_with(&self, path: &Path, progress: RowProgress<'_>) -> Result<ImportCheckView> {
        match self.plan_values_import(path, progress) {
            Ok((file, values, findings)) => Ok(ImportCheckView {
                file,
                ok: true,
                findings: findings.iter().map(FindingView::from).collect(),
                strategy: None,
                nodes: 0,
                indicators: 0,
                values: count(values.len()),
            }),
            Err(Error::Import(e)) if !e.cancelled => Ok(failed_check(e)),
            Err(other) => Err(other),
        }
    }

    /// The validation report of a file for the window, with progress; `progress` returning
    /// false cancels. Writes nothing.
    pub fn check_import(
        &self,
        kind: ImportKind,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportCheckView> {
        let rows = &mut |done: usize, total: usize| progress(checking(done, total));
        match kind {
            ImportKind::Strategy => self.check_strategy_with(path, &Default::default(), rows),
            ImportKind::Values => self.check_values_with(path, rows),
        }
    }

    /// Imports a checked file the user confirmed (warnings accepted), with progress.
    pub fn run_import(
        &mut self,
        kind: ImportKind,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportCheckView> {
        let file = file_label(path);
        let view = match kind {
            ImportKind::Strategy => {
                let rows = &mut |done: usize, total: usize| progress(checking(done, total));
                let plan = self.plan_strategy_import(path, &Default::default(), rows)?;
                if !progress(writing(0)) {
                    return Err(ImportError::cancelled(&file).into());
                }
                let mode = SaveMode::UpdateActive;
                self.local.save_strategy(&stamp(), &plan.draft, &plan.local, mode)?;
                plan.into_check_view()
            }
            ImportKind::Values => {
                let rows = &mut |done: usize, total: usize| progress(checking(done, total));
                let (file, values, findings) = self.plan_values_import(path, rows)?;
                if !progress(writing(0)) {
                    return Err(ImportError::cancelled(&file).into());
                }
                let action = format!("import wartości z {file}");
                self.local.upsert_observations(&stamp(), &action, &values)?;
                ImportCheckView {
                    file,
                    ok: true,
                    findings: findings.iter().map(FindingView::from).collect(),
                    strategy: None,
                    nodes: 0,
                    indicators: 0,
                    values: count(values.len()),
                }
            }
        };
        progress(writing(1));
        Ok(view)
    }

    fn plan_values_import(
        &self,
        path: &Path,
        progress: RowProgress<'_>,
    ) -> Result<(String, Vec<ObservationRecord>, Vec<Problem>)> {
        let file = file_label(path);
        let bytes = read_capped(path, MAX_INPUT_BYTES)?;
        let rows = parse_own_values_with(&bytes, &file, progress)?;
        let baselines = self.baseline_years()?;
        let mut known: HashMap<(String, i32), f64> = self
            .local
            .observations()?
            .into_iter()
            .map(|o| ((o.indicator, o.year), o.value))
            .collect();
        let mut findings = Vec::new();
        let mut seen: HashMap<(String, i32), usize> = HashMap::new();
        let mut catalogue_checked: HashMap<String, bool> = HashMap::new();
        for row in &rows {
            let at = |column: &str, message: String| Problem::at(row.line, Some(column), message);
            let in_catalogue = match catalogue_checked.get(&row.indicator) {
                Some(known) => *known,
                None => {
                    let found = self.local.has_indicator(&row.indicator)?;
                    catalogue_checked.insert(row.indicator.clone(), found);
                    found
                }
            };
            if !in_catalogue {
                findings.push(at(
                    "wskaznik_kod",
                    format!(
                        "nieznany kod wskaźnika {}: nie ma go w katalogu ani w strategii",
                        row.indicator
                    ),
                ));
            }
            if let Some(first) = seen.insert((row.indicator.clone(), row.year), row.line) {
                findings.push(at(
                    "rok",
                    format!(
                        "wartość {} za rok {} powtarza się (pierwszy raz w wierszu {first})",
                        row.indicator, row.year
                    ),
                ));
            }
            if let Some(&baseline) = baselines.get(&row.indicator) {
                if row.year < baseline {
                    findings.push(at(
                        "rok",
                        format!(
                            "wartość z roku {} jest sprzed roku bazowego {baseline} wskaźnika {}",
                            row.year, row.indicator
                        ),
                    ));
                }
            }
            known.insert((row.indicator.clone(), row.year), row.value);
        }
        for row in &rows {
            if let Some(&previous) = known.get(&(row.indicator.clone(), row.year - 1)) {
                if previous != 0.0 && ((row.value - previous) / previous.abs()).abs() > JUMP_WARNING
                {
                    findings.push(
                        Problem::at(
                            row.line,
                            Some("wartosc"),
                            format!(
                                "zmiana {} o {:+.0} % względem roku {} ({} → {}); sprawdź wartość",
                                row.indicator,
                                100.0 * (row.value - previous) / previous.abs(),
                                row.year - 1,
                                previous,
                                row.value
                            ),
                        )
                        .with_severity(Severity::Ostrzezenie),
                    );
                }
            }
        }
        findings.sort_by_key(|p| (p.severity, p.row));
        if findings.iter().any(|p| p.severity.stops_import()) {
            return Err(ImportError::new(&file, findings).into());
        }
        let values: Vec<ObservationRecord> = rows
            .iter()
            .map(|row| ObservationRecord {
                indicator: row.indicator.clone(),
                year: row.year,
                value: row.value,
                status: row.status.clone(),
                source: Some(format!("import z pliku {file}")),
                note: row.note.clone(),
                sample: false,
            })
            .collect();
        Ok((file, values, findings))
    }

    /// Progress, status and projection of every indicator of the active strategy in `year`,
    /// and the roll-up through its tree.
    pub fn strategy_status(&self, year: i32) -> Result<StrategyStatusView> {
        let (strategy, tree) = self.active_tree()?;
        let thresholds = Thresholds::default();
        let mut series: HashMap<String, Vec<YearValue>> = HashMap::new();
        for o in self.local.observations()? {
            series.entry(o.indicator).or_default().push(YearValue { year: o.year, value: o.value });
        }
        let index: HashMap<&str, usize> =
            tree.nodes.iter().enumerate().map(|(i, n)| (n.code.as_str(), i)).collect();
        let rollup_nodes: Vec<RollupNode> = tree
            .nodes
            .iter()
            .map(|n| RollupNode {
                parent: n.parent_code.as_deref().and_then(|p| index.get(p).copied()),
                weight: n.weight,
            })
            .collect();
        let mut rollup_indicators = Vec::new();
        let mut indicators = Vec::new();
        for (node_index, node) in tree.nodes.iter().enumerate() {
            for i in &node.indicators {
                let observations = series.get(&i.code).map(Vec::as_slice).unwrap_or_default();
                let (view, score) =
                    indicator_status(&node.code, i, observations, year, &thresholds);
                rollup_indicators.push(RollupIndicator {
                    node: node_index,
                    weight: i.weight,
                    score,
                });
                indicators.push(view);
            }
        }
        let scores = roll_up(&rollup_nodes, &rollup_indicators);
        let nodes = tree
            .nodes
            .iter()
            .zip(scores)
            .map(|(n, score)| NodeStatusView {
                code: n.code.clone(),
                parent_code: n.parent_code.clone(),
                level: n.level.code().to_owned(),
                title: n.title.clone(),
                score,
                status: Status::from_node_score(score, &thresholds).code().to_owned(),
            })
            .collect();
        Ok(StrategyStatusView {
            strategy: StrategyHeadView {
                name: strategy.name,
                period_from: strategy.period_from,
                period_to: strategy.period_to,
            },
            year,
            indicators,
            nodes,
        })
    }

    /// The status of the active strategy with the departments the screen filters by.
    pub fn strategy_overview(&self, year: i32) -> Result<StrategyOverviewView> {
        let status = self.strategy_status(year)?;
        let (strategy, tree) = self.active_tree()?;
        let departments = tree
            .nodes
            .iter()
            .flat_map(|n| {
                n.indicators.iter().map(|i| IndicatorDepartmentView {
                    node_code: n.code.clone(),
                    code: i.code.clone(),
                    department: i.department.clone(),
                })
            })
            .collect();
        Ok(StrategyOverviewView { status, departments, sample: strategy.sample })
    }

    /// Every strategy of the unit, the active one first.
    pub fn strategies(&self) -> Result<Vec<StrategyListItemView>> {
        Ok(self
            .local
            .strategies()?
            .into_iter()
            .map(|(s, active)| StrategyListItemView {
                id: s.id,
                name: s.name,
                period_from: s.period_from,
                period_to: s.period_to,
                resolution_number: s.resolution_number,
                resolution_date: s.resolution_date,
                active,
                sample: s.sample,
            })
            .collect())
    }

    /// Makes another strategy of the unit the active one.
    pub fn activate_strategy(&mut self, id: i64) -> Result<Vec<StrategyListItemView>> {
        if !self.local.strategies()?.iter().any(|(s, _)| s.id == id) {
            return Err(Error::InvalidValue(format!(
                "nie ma strategii o numerze {id}; listę pokazuje: jst strategy list"
            )));
        }
        self.local.activate_strategy(&stamp(), id)?;
        self.strategies()
    }

    pub(crate) fn active_tree(&self) -> Result<(StrategyRecord, StrategyTree)> {
        let strategy = self.local.active_strategy()?.ok_or(Error::NoActiveStrategy)?;
        let tree = self.local.strategy_tree(strategy.id)?;
        Ok((strategy, tree))
    }

    /// Earliest baseline year of each indicator code in the active strategy.
    fn baseline_years(&self) -> Result<HashMap<String, i32>> {
        let mut out = HashMap::new();
        if let Some(strategy) = self.local.active_strategy()? {
            for node in self.local.strategy_tree(strategy.id)?.nodes {
                for i in node.indicators {
                    let entry = out.entry(i.code).or_insert(i.baseline.year);
                    *entry = (*entry).min(i.baseline.year);
                }
            }
        }
        Ok(out)
    }

    /// Catalogue entries to create for indicator codes the catalogue does not know yet.
    fn missing_catalogue_entries(&self, tree: &StrategyTree) -> Result<Vec<IndicatorRecord>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for i in tree.nodes.iter().flat_map(|n| &n.indicators) {
            if seen.insert(i.code.clone()) && !self.local.has_indicator(&i.code)? {
                out.push(strategy_catalogue_entry(i, "local"));
            }
        }
        Ok(out)
    }
}

/// The catalogue entry a strategy indicator gets when its code is new: the strategy's wording,
/// neutral polarity (the strategy's direction is the unit's intent, not a catalogue property).
pub(crate) fn strategy_catalogue_entry(i: &NodeIndicator, origin: &str) -> IndicatorRecord {
    IndicatorRecord {
        code: i.code.clone(),
        name_pl: i.name.clone(),
        name_en: None,
        unit: i.unit.clone(),
        polarity: "neutral".to_owned(),
        area: None,
        definition: None,
        formula: None,
        source: i.source.clone(),
        structural: false,
        person_count: false,
        origin: origin.to_owned(),
    }
}

/// A validated template, ready to be written.
struct StrategyPlan {
    file: String,
    draft: StrategyDraft,
    local: Vec<IndicatorRecord>,
    findings: Vec<Problem>,
}

fn checking(done: usize, total: usize) -> ImportProgress {
    ImportProgress { stage: "sprawdzanie".to_owned(), done: count(done), total: count(total) }
}

fn writing(done: u32) -> ImportProgress {
    ImportProgress { stage: "zapis".to_owned(), done, total: 1 }
}

impl StrategyPlan {
    /// What the window shows of a valid template (before or after writing it).
    fn into_check_view(self) -> ImportCheckView {
        let indicators = self.draft.tree.nodes.iter().map(|n| n.indicators.len()).sum();
        ImportCheckView {
            ok: true,
            findings: self.findings.iter().map(FindingView::from).collect(),
            strategy: Some(StrategyHeadView {
                name: self.draft.name,
                period_from: self.draft.period_from,
                period_to: self.draft.period_to,
            }),
            nodes: count(self.draft.tree.nodes.len()),
            indicators: count(indicators),
            values: 0,
            file: self.file,
        }
    }
}

/// A report for a file that cannot be imported.
fn failed_check(error: ImportError) -> ImportCheckView {
    ImportCheckView {
        ok: false,
        findings: error.problems.iter().map(FindingView::from).collect(),
        file: error.file,
        strategy: None,
        nodes: 0,
        indicators: 0,
        values: 0,
    }
}

/// DESIGN §5.1 and §5.3 for one attached indicator, with its roll-up score (§5.2).
pub(crate) fn indicator_status(
    node_code: &str,
    i: &NodeIndicator,
    observations: &[YearValue],
    year: i32,
    thresholds: &Thresholds,
) -> (IndicatorStatusView, Option<f64>) {
    let direction = i.direction();
    let target =
        IndicatorTarget { baseline: i.baseline, target: i.target, direction, tolerance: None };
    let evaluation = evaluate(&target, observations, year, thresholds);
    let projection = project(&target, observations, year);
    let view = IndicatorStatusView {
        node_code: node_code.to_owned(),
        code: i.code.clone(),
        name: i.name.clone(),
        unit: i.unit.clone(),
        direction: direction.code().to_owned(),
        baseline: year_value(i.baseline),
        target: year_value(i.target),
        latest: evaluation.latest.map(year_value),
        progress_pct: evaluation.progress_pct,
        r_observed: evaluation.r_observed,
        r_required: evaluation.r_required,
        ratio: evaluation.ratio,
        status: evaluation.status.code().to_owned(),
        target_missed: evaluation.target_missed,
        projection: projection.map(|p| ProjectionView {
            value_at_target_year: p.value_at_target_year,
            year_target_reached: p.year_target_reached,
            interval: p.interval,
        }),
    };
    (view, indicator_score(direction, &evaluation))
}

pub(crate) fn year_value(v: YearValue) -> YearValueView {
    YearValueView { year: v.year, value: v.value }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn refuse_warnings_if_strict(file: &str, findings: &[Problem], strict: bool) -> Result<()> {
    let warnings: Vec<Problem> =
        findings.iter().filter(|p| p.severity == Severity::Ostrzezenie).cloned().collect();
    if strict && !warnings.is_empty() {
        return Err(ImportError::new(file, warnings).into());
    }
    Ok(())
}

/// `uchwala` as written in the `strategia` sheet: "XXIV/312/2021 z 2021-05-27" (or
/// "z 27.05.2021") gives a number and a date; anything else is kept as the number.
fn split_resolution(raw: Option<String>) -> (Option<String>, Option<String>) {
    let Some(raw) = raw else { return (None, None) };
    if let Some((number, date)) = raw.rsplit_once(" z ") {
        let date = date.trim();
        let iso = match date.split('.').collect::<Vec<_>>()[..] {
            [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
                Some(format!("{y}-{m:0>2}-{d:0>2}"))
            }
            _ if date.len() == 10 && date.as_bytes()[4] == b'-' => Some(date.to_owned()),
            _ => None,
        };
        if let Some(iso) = iso {
            return (Some(number.trim().to_owned()), Some(iso));
        }
    }
    (Some(raw), None)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place, so a
/// crash leaves either the old file or the new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let context = || format!("nie można zapisać pliku {}", path.display());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{}.tmp", file_label(path)));
    let mut out = std::fs::File::create(&temp).map_err(Error::io(context()))?;
    out.write_all(bytes).map_err(Error::io(context()))?;
    out.sync_all().map_err(Error::io(context()))?;
    std::fs::rename(&temp, path).map_err(Error::io(context()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::split_resolution;

    #[test]
    fn resolutions() {
        let s = |t: &str| split_resolution(Some(t.to_owned()));
        assert_eq!(
            s("XXIV/312/2021 z 27.05.2021"),
            (Some("XXIV/312/2021".into()), Some("2021-05-27".into()))
        );
        assert_eq!(
            s("XXIV/312/2021 z 2021-05-27"),
            (Some("XXIV/312/2021".into()), Some("2021-05-27".into()))
        );
        assert_eq!(s("uchwała nr 5"), (Some("uchwała nr 5".into()), None));
        assert_eq!(split_resolution(None), (None, None));
    }
}
