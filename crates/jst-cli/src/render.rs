//! Human-readable tables in the user's language (every word from the catalogue's `cli-…`
//! messages), numbers formatted as `pl-PL` in both languages (non-breaking space groups from
//! five digits up: `69 791`, but `1234`).

use jst_core::{
    RegisterImportView, StatusView, SubmissionResult, SubmitOutcome, SyncOutcome, UnitView,
};
use jst_domain::strategy::Status;
use jst_domain::{format_decimal, format_integer, UnitKind};
use jst_text::t;

fn kind_label(kind: &UnitKind) -> String {
    kind.label()
}

pub fn status_table(status: &StatusView) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    match &status.unit {
        Some(unit) => {
            rows.push((t!("cli-unit"), format!("{} ({})", unit.name, kind_label(&unit.kind))));
            rows.push((t!("cli-teryt"), unit.teryt.clone()));
            rows.push((t!("cli-powiat"), unit.powiat.clone().unwrap_or_else(|| "—".to_owned())));
            rows.push((t!("cli-voivodeship"), unit.voivodeship.clone()));
            rows.push((
                t!("cli-population"),
                unit.population
                    .as_ref()
                    .map(|p| {
                        t!(
                            "cli-population-value",
                            population = format_integer(i64::from(p.value)),
                            year = p.year.to_string()
                        )
                    })
                    .unwrap_or_else(|| t!("cli-no-data")),
            ));
        }
        None => rows.push((t!("cli-unit"), t!("cli-no-unit"))),
    }
    rows.push((t!("cli-data-dir"), status.data_dir.clone()));
    rows.push((t!("cli-schema-version"), status.schema_version.to_string()));
    rows.push((t!("cli-demo"), if status.demo { t!("cli-demo-yes") } else { t!("cli-no") }));
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    rows.iter().map(|(k, v)| format!("{:<width$}{v}\n", format!("{k}:"))).collect()
}

pub fn units_table(units: &[UnitView]) -> String {
    if units.is_empty() {
        return format!("{}\n", t!("cli-no-units-found"));
    }
    let header =
        [t!("cli-teryt"), t!("cli-name"), t!("cli-kind"), t!("cli-powiat"), t!("cli-voivodeship")];
    let rows: Vec<[String; 5]> = units
        .iter()
        .map(|u| {
            [
                u.teryt.clone(),
                u.name.clone(),
                kind_label(&u.kind),
                u.powiat.clone().unwrap_or_else(|| "—".to_owned()),
                u.voivodeship.clone(),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; 5]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    std::iter::once(line(&header)).chain(rows.iter().map(line)).collect()
}

pub fn register_import(report: &RegisterImportView) -> String {
    format!(
        "{}\n{}\n",
        t!(
            "cli-register-imported",
            file = &report.file,
            as_of = &report.as_of,
            units = format_integer(i64::from(report.units))
        ),
        t!(
            "cli-register-changes",
            created = report.created,
            renamed = report.renamed,
            recoded = report.recoded,
            ended = report.ended,
            restored = report.restored,
            warnings = report.warnings.len()
        )
    )
}

/// Mark and word of a status (DESIGN §12), never one without the other.
fn status_label(status: &Status) -> String {
    format!("{} {}", status.mark(), status.label())
}

pub fn findings(findings: &[jst_core::FindingView]) -> String {
    findings
        .iter()
        .map(|f| {
            let label = f.severity.label();
            let mut label = label.chars();
            let severity: String =
                label.next().map(|c| c.to_uppercase().chain(label).collect()).unwrap_or_default();
            let message = &f.message;
            let line = match (&f.row, &f.column) {
                (Some(row), Some(column)) => t!(
                    "cli-finding-at-cell",
                    severity = &severity,
                    row = row.to_string(),
                    column = column,
                    message = message
                ),
                (Some(row), None) => t!(
                    "cli-finding-at-row",
                    severity = &severity,
                    row = row.to_string(),
                    message = message
                ),
                _ => t!("cli-finding", severity = &severity, message = message),
            };
            format!("{line}\n")
        })
        .collect()
}

pub fn strategy_import(report: &jst_core::StrategyImportView) -> String {
    let line = t!(
        "cli-strategy-imported",
        name = &report.strategy.name,
        from = report.strategy.period_from.to_string(),
        to = report.strategy.period_to.to_string(),
        file = &report.file,
        nodes = report.nodes,
        indicators = report.indicators
    );
    format!("{line}\n")
}

pub fn strategy_status(status: &jst_core::StrategyStatusView) -> String {
    let title = t!(
        "cli-strategy-status-title",
        name = &status.strategy.name,
        from = status.strategy.period_from.to_string(),
        to = status.strategy.period_to.to_string(),
        year = status.year.to_string()
    );
    let mut out = format!("{title}\n\n");
    let depth = |code: &str| {
        let mut depth = 0;
        let mut current = status.nodes.iter().find(|n| n.code == code);
        while let Some(parent) = current.and_then(|n| n.parent_code.as_deref()) {
            depth += 1;
            current = status.nodes.iter().find(|n| n.code == parent);
            if depth > status.nodes.len() {
                break;
            }
        }
        depth
    };
    for node in &status.nodes {
        let score = node
            .score
            .map(|s| format!(" ({})", t!("cli-score", score = format_decimal(s, 2))))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}{} {} — {}{}\n",
            "  ".repeat(depth(&node.code)),
            node.code,
            node.title,
            status_label(&node.status),
            score
        ));
        for i in status.indicators.iter().filter(|i| i.node_code == node.code) {
            let latest = i
                .latest
                .as_ref()
                .map(|l| format!("{} {} ({})", format_decimal(l.value, 2), i.unit, l.year))
                .unwrap_or_else(|| t!("cli-no-value"));
            let progress = i
                .progress_pct
                .map(|p| format!(", {}", t!("cli-progress", percent = format_decimal(p, 1))))
                .unwrap_or_default();
            let missed = if i.target_missed {
                format!(", {}", t!("cli-target-missed"))
            } else {
                String::new()
            };
            let target = t!(
                "cli-target",
                value = format_decimal(i.target.value, 2),
                unit = &i.unit,
                year = i.target.year.to_string()
            );
            out.push_str(&format!(
                "{}  · {} {}: {} → {target}{progress} — {}{missed}\n",
                "  ".repeat(depth(&node.code)),
                i.code,
                i.name,
                latest,
                status_label(&i.status)
            ));
        }
    }
    out
}

pub fn strategy_list(list: &[jst_core::StrategyListItemView]) -> String {
    if list.is_empty() {
        return format!("{}\n", t!("cli-no-strategies"));
    }
    list.iter()
        .map(|s| {
            let resolution = match (&s.resolution_number, &s.resolution_date) {
                (Some(n), Some(d)) => {
                    format!(", {}", t!("cli-resolution-dated", number = n, date = d))
                }
                (Some(n), None) => format!(", {}", t!("cli-resolution", number = n)),
                _ => String::new(),
            };
            format!(
                "{} {:>3}  {} ({}–{}){resolution}{}\n",
                if s.active { "*" } else { " " },
                s.id,
                s.name,
                s.period_from,
                s.period_to,
                if s.sample { format!(" [{}]", t!("cli-sample-data")) } else { String::new() }
            )
        })
        .collect()
}

pub fn budget_import(report: &jst_core::BudgetImportView) -> String {
    let mut out = t!("cli-budget-imported", file = &report.file);
    if report.budget_units > 0 {
        out.push_str(&format!(" ({})", t!("cli-budget-units", units = report.budget_units)));
    }
    out.push_str(":\n");
    for r in &report.reports {
        // A whole year needs no remark; a part of it must not pass for the year.
        let period = match r.period {
            4 => String::new(),
            2 => format!(" ({})", t!("cli-first-half")),
            p => format!(" ({})", t!("cli-to-quarter", quarter = p)),
        };
        let line = t!(
            "cli-budget-report",
            report = &r.report,
            year = r.year.to_string(),
            period = period,
            lines = r.lines,
            plan = format_decimal(r.plan, 2),
            execution = format_decimal(r.execution, 2)
        );
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str(&findings(&report.findings));
    out
}

pub fn benchmark(view: &jst_core::BenchmarkView) -> String {
    let num = |v: Option<f64>| v.map(|v| format_decimal(v, 2)).unwrap_or_else(|| "—".to_owned());
    let title = t!(
        "cli-benchmark-title",
        indicator = &view.indicator.name,
        unit = &view.indicator.unit,
        year = view.year.to_string()
    );
    let group = t!(
        "cli-benchmark-group",
        group = &view.group.label,
        units = view.group.n,
        with_value = view.stats.n
    );
    let mut out = format!("{title}\n{group}\n");
    let own = t!(
        "cli-benchmark-own",
        teryt = &view.own.teryt,
        value = num(view.own.value),
        percentile = num(view.percentile_rank),
        rank = view.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".to_owned())
    );
    out.push_str(&format!("{own}\n"));
    let s = &view.stats;
    let stats = t!(
        "cli-benchmark-stats",
        q1 = num(s.q1),
        median = num(s.median),
        q3 = num(s.q3),
        mean = num(s.mean),
        min = num(s.min),
        max = num(s.max),
        p10 = num(s.p10),
        p90 = num(s.p90)
    );
    out.push_str(&format!("{stats}\n"));
    for (i, m) in view.members.iter().enumerate() {
        let own =
            if m.teryt == view.own.teryt { format!("  {}", t!("cli-own")) } else { String::new() };
        out.push_str(&format!(
            "{:>4}. {} {} {}{own}\n",
            i + 1,
            m.teryt,
            m.name,
            format_decimal(m.value, 2)
        ));
    }
    out
}

pub fn nearest(list: &[jst_core::NearestView]) -> String {
    let mut out = String::new();
    for (i, n) in list.iter().enumerate() {
        let mut reasons: Vec<(&String, &f64)> = n.shares.iter().collect();
        reasons.sort_by(|a, b| b.1.total_cmp(a.1));
        let top: Vec<String> = reasons
            .iter()
            .take(3)
            .map(|(code, share)| format!("{code} {} %", format_decimal(**share * 100.0, 0)))
            .collect();
        let line =
            t!("cli-nearest", distance = format_decimal(n.distance, 3), shares = top.join(", "));
        out.push_str(&format!("{:>3}. {} {} — {line}\n", i + 1, n.teryt, n.name));
    }
    out
}

pub fn costs(view: &jst_core::CostsView) -> String {
    let num = |v: Option<f64>| v.map(|v| format_decimal(v, 2)).unwrap_or_else(|| "—".to_owned());
    let prices = match view.real_base {
        Some(base) => t!("cli-constant-prices", base = base.to_string()),
        None => t!("cli-current-prices"),
    };
    let title = t!(
        "cli-costs-title",
        unit = &view.unit_name,
        teryt = &view.teryt,
        year = view.year.to_string(),
        prices = prices
    );
    let group = t!("cli-costs-group", group = &view.group.label, units = view.group.n);
    let mut out = format!("{title}\n{group}\n");
    if view.synthetic_peers {
        out.push_str(&format!("{}\n", t!("cli-costs-synthetic")));
    }
    for service in &view.services {
        out.push_str(&format!("\n{}\n", service.service.to_uppercase()));
        for r in &service.rows {
            let mark = match r.above_q3 {
                Some(true) => format!("  {}", t!("cli-above-q3")),
                _ => String::new(),
            };
            let row = t!(
                "cli-cost-row",
                name = &r.name,
                indicator = &r.indicator,
                own = num(r.own),
                unit = &r.unit,
                n = r.n,
                q1 = num(r.q1),
                median = num(r.median),
                q3 = num(r.q3)
            );
            out.push_str(&format!("  {row}{mark}\n"));
        }
    }
    out
}

pub fn sync(view: &jst_core::SyncView) -> String {
    let version = view.version.map(|v| v.to_string()).unwrap_or_else(|| "—".to_owned());
    match view.outcome {
        SyncOutcome::Applied => {
            let applied = t!(
                "cli-sync-applied",
                version = &version,
                bytes = view.bytes_downloaded,
                downloaded = view.chunks_downloaded,
                reused = view.chunks_reused
            );
            let mut out = format!("{applied}\n");
            if let Some(r) = view.register.as_ref() {
                if r.outcome == jst_core::RegisterSyncOutcome::Applied {
                    let register = t!(
                        "cli-sync-register",
                        as_of = &r.as_of,
                        created = r.created,
                        ended = r.ended,
                        renamed = r.renamed,
                        recoded = r.recoded
                    );
                    out.push_str(&format!("{register}\n"));
                }
            }
            if let Some(message) = &view.message {
                out.push_str(message);
                out.push('\n');
            }
            out
        }
        SyncOutcome::UpToDate => {
            let mut out = format!("{}\n", t!("cli-sync-up-to-date", version = &version));
            if let Some(message) = &view.message {
                out.push_str(message);
                out.push('\n');
            }
            out
        }
        SyncOutcome::Offline => format!("{}\n", t!("cli-sync-offline")),
        SyncOutcome::Rejected => {
            let reason = view.code.map_or_else(|| "?".to_owned(), |c| c.label());
            format!("{}\n", t!("cli-sync-rejected", reason = reason))
        }
    }
}

pub fn submit(view: &jst_core::SubmitView) -> String {
    match view.outcome {
        SubmitOutcome::NothingToSend => format!("{}\n", t!("cli-submit-nothing")),
        SubmitOutcome::Offline => format!("{}\n", t!("cli-submit-offline")),
        SubmitOutcome::Refused => {
            // The server's own code: an open set, shown as it came.
            let code = view.code.as_deref().unwrap_or("?");
            format!("{}\n", t!("cli-submit-refused", code = code))
        }
        SubmitOutcome::Sent => {
            let mut out = format!("{}\n", t!("cli-submit-sent", count = view.submissions.len()));
            for i in &view.items {
                let server = match (i.result, i.server_value) {
                    (SubmissionResult::Conflict, Some(v)) => {
                        format!(" — {}", t!("cli-on-server", value = format_decimal(v, 2)))
                    }
                    _ => String::new(),
                };
                out.push_str(&format!(
                    "  {} {}: {} → {}{server}{}\n",
                    i.indicator,
                    i.year,
                    format_decimal(i.value, 2),
                    i.result.label(),
                    if i.synced { " ✓" } else { "" }
                ));
            }
            out
        }
    }
}

pub fn groups(groups: &[jst_core::PeerGroupView]) -> String {
    if groups.is_empty() {
        return format!("{}\n", t!("cli-no-groups"));
    }
    let mut out = String::new();
    for g in groups {
        let names: Vec<String> =
            g.members.iter().map(|m| format!("{} {}", m.teryt, m.name)).collect();
        let line =
            t!("cli-group", group = &g.group, units = g.members.len(), members = names.join(", "));
        out.push_str(&format!("{line}\n"));
    }
    out
}

pub fn sio_import(report: &jst_core::SioImportView) -> String {
    let school = |s: &jst_core::SchoolView| {
        let line = t!(
            "cli-school",
            rspo = &s.rspo,
            name = &s.name,
            kind = &s.school_type,
            organ = &s.organ_type,
            pupils = format_decimal(s.pupils, 2)
        );
        format!("  {line}\n")
    };
    let imported = t!(
        "cli-sio-imported",
        file = &report.file,
        indicator = &report.indicator,
        year = report.year.to_string(),
        pupils = format_decimal(report.pupils, 2)
    );
    let mut out = format!("{imported}\n{}\n", t!("cli-sio-counted"));
    out.extend(report.counted.iter().map(school));
    out.push_str(&format!("{}\n", t!("cli-sio-left-out")));
    out.extend(report.left_out.iter().map(school));
    out
}

pub fn budget_lines(year: i32, lines: &[jst_core::BudgetLineView]) -> String {
    if lines.is_empty() {
        return format!("{}\n", t!("cli-no-budget", year = year.to_string()));
    }
    let mut out = String::new();
    for l in lines {
        let code = [Some(l.dzial.as_str()), l.rozdzial.as_deref(), l.paragraf.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let period = if l.period == 4 {
            String::new()
        } else {
            format!(", {}", t!("cli-budget-period", period = l.period))
        };
        let line = t!(
            "cli-budget-line",
            report = &l.report,
            year = l.year.to_string(),
            period = period,
            code = code,
            plan = format_decimal(l.plan, 2),
            execution = format_decimal(l.execution, 2)
        );
        out.push_str(&format!("{line}\n"));
    }
    out
}

pub fn own_values(values: &[jst_core::OwnValueRowView]) -> String {
    if values.is_empty() {
        return format!("{}\n", t!("cli-no-own-values"));
    }
    let mut out = String::new();
    for v in values {
        let status = match v.status {
            jst_domain::ObservationStatus::Wstepne => t!("cli-preliminary"),
            jst_domain::ObservationStatus::Ostateczne => t!("cli-final"),
        };
        out.push_str(&format!(
            "{} {}: {} ({status}) — {}{}\n",
            v.indicator,
            v.year,
            format_decimal(v.value, 2),
            v.source.clone().unwrap_or_else(|| t!("cli-source-unknown")),
            v.note
                .as_deref()
                .map(|n| format!("; {}", t!("cli-remarks", note = n)))
                .unwrap_or_default()
        ));
    }
    out
}

pub fn report_header(view: &jst_core::ReportHeaderView) -> String {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
    let name = match &view.unit_name {
        Some(n) => n.clone(),
        None => t!("cli-from-register", name = &view.default_unit_name),
    };
    let emblem = match &view.emblem_format {
        Some(f) => {
            format!("{} ({} B)", f.to_uppercase(), format_integer(i64::from(view.emblem_bytes)))
        }
        None => t!("cli-none"),
    };
    format!(
        "{}\n{}\n{}\n{}\n",
        t!("cli-report-header", name = name),
        t!("cli-report-author", author = show(&view.author)),
        t!("cli-report-department", department = show(&view.department)),
        t!("cli-report-emblem", emblem = emblem)
    )
}

/// Bytes as a Polish reader sees them: `856 B`, `12,4 kB`, `3,1 MB` (decimal units).
fn size(bytes: u32) -> String {
    let bytes = f64::from(bytes);
    match bytes {
        b if b < 1e3 => format!("{b} B"),
        b if b < 1e6 => format!("{} kB", format_decimal(b / 1e3, 1)),
        b => format!("{} MB", format_decimal(b / 1e6, 1)),
    }
}

fn backup_kind(kind: jst_core::BackupKind) -> String {
    match kind {
        jst_core::BackupKind::Daily => t!("cli-backup-daily"),
        jst_core::BackupKind::Manual => t!("cli-backup-manual"),
        jst_core::BackupKind::PreMigration => t!("cli-backup-pre-migration"),
        jst_core::BackupKind::BeforeRestore => t!("cli-backup-before-restore"),
        jst_core::BackupKind::Other => t!("cli-backup-other"),
    }
}

/// `2026-12-01T21:40:00Z` as `2026-12-01 21:40:00 UTC`.
fn utc(created: &str) -> String {
    match created.strip_suffix('Z') {
        Some(at) => format!("{} UTC", at.replacen('T', " ", 1)),
        None => created.to_owned(),
    }
}

fn yes_no(yes: bool) -> String {
    if yes {
        t!("cli-yes")
    } else {
        t!("cli-no")
    }
}

pub fn backup_written(copy: &jst_core::BackupView) -> String {
    let line = t!(
        "cli-backup-written",
        file = &copy.file,
        size = size(copy.size),
        schema = copy.schema_version
    );
    format!("{line}\n")
}

pub fn backups(view: &jst_core::BackupsView) -> String {
    if view.backups.is_empty() {
        return format!("{}\n", t!("cli-no-backups", folder = &view.folder));
    }
    let mut out = format!("{}\n", t!("cli-backups-in", folder = &view.folder, keep = view.keep));
    let header = [
        t!("cli-col-created"),
        t!("cli-kind"),
        t!("cli-col-size"),
        t!("cli-col-schema"),
        t!("cli-col-verified"),
        t!("cli-col-file"),
    ];
    let rows: Vec<[String; 6]> = view
        .backups
        .iter()
        .map(|b| {
            let name = std::path::Path::new(&b.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| b.file.clone());
            [
                utc(&b.created),
                backup_kind(b.kind),
                size(b.size),
                b.schema_version.to_string(),
                yes_no(b.verified),
                name,
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    out.push_str(&line(&header));
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}

/// `5 wierszy`, `1 wiersz`, `22 wiersze` (`5 rows`, `1 row`).
fn rows(n: u32) -> String {
    t!("cli-rows", count = n, rows = format_integer(i64::from(n)))
}

/// What `jst export` wrote: „Zapisano PLIK (N wierszy).”, the files beside it, the demo label.
pub fn export_written(view: &jst_core::ExportWrittenView) -> String {
    let mut out =
        format!("{}\n", t!("cli-export-written", path = &view.path, rows = rows(view.rows)));
    let parts = [(t!("cli-history"), view.history_rows), (t!("cli-notes"), view.note_rows)];
    if view.companion_files.is_empty() && view.kind == jst_core::ExportKind::Values {
        // The sheets' names are the workbook's, which stays Polish.
        let sheets = [t!("cli-sheet-history"), t!("cli-sheet-notes")];
        for (sheet, (label, n)) in sheets.iter().zip(parts.clone()) {
            let line = t!("cli-export-sheet", sheet = sheet, what = label, rows = rows(n));
            out.push_str(&format!("{line}\n"));
        }
    }
    for (file, (label, n)) in view.companion_files.iter().zip(parts) {
        let line = t!("cli-export-companion", file = file, what = label, rows = rows(n));
        out.push_str(&format!("{line}\n"));
    }
    if view.sample {
        out.push_str(&format!("{}\n", t!("cli-export-sample")));
    }
    out
}

pub fn restore_preview(copy: &jst_core::BackupView, asked: &std::path::Path) -> String {
    format!(
        "{}\n  {}\n{}\n{}\n",
        t!("cli-restore-preview", file = &copy.file),
        t!(
            "cli-restore-preview-details",
            created = utc(&copy.created),
            kind = backup_kind(copy.kind),
            size = size(copy.size),
            schema = copy.schema_version
        ),
        t!("cli-restore-preview-how", file = asked.display().to_string()),
        t!("cli-restore-preview-note")
    )
}

pub fn restored(done: &jst_core::RestoredView) -> String {
    format!(
        "{}\n{}\n",
        t!(
            "cli-restored",
            file = &done.restored.file,
            created = utc(&done.restored.created),
            schema = done.restored.schema_version
        ),
        t!("cli-restored-previous", file = &done.previous.file)
    )
}

/// Columns padded to their widest cell, two spaces apart.
fn columns(header: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    std::iter::once(line(header.to_vec())).chain(rows.iter().cloned().map(line)).collect()
}

/// A stored RFC 3339 UTC stamp as `dd.mm.rrrr gg:mm UTC`; anything else as stored.
fn utc_minute(at: &str) -> String {
    let (Some(date), Some(time)) = (at.get(..10), at.get(11..16)) else { return at.to_owned() };
    let mut parts = date.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y} {time} UTC"),
        _ => at.to_owned(),
    }
}

pub fn audit_log(log: &jst_core::AuditLogView) -> String {
    if log.entries.is_empty() {
        return format!("{}\n", t!("cli-no-audit-entries"));
    }
    let rows: Vec<Vec<String>> = log
        .entries
        .iter()
        .map(|e| {
            vec![
                utc_minute(&e.at),
                e.user.clone(),
                e.kind.label(),
                e.action_label.clone(),
                e.detail.clone(),
            ]
        })
        .collect();
    let header = [
        t!("cli-col-when"),
        t!("cli-col-user"),
        t!("cli-kind"),
        t!("cli-col-action"),
        t!("cli-col-details"),
    ];
    let mut out = columns(&header, &rows);
    if log.more {
        out.push_str(&format!("{}\n", t!("cli-audit-more")));
    }
    out
}

pub fn trusted_keys(keys: &[jst_core::TrustedKeyEntryView]) -> String {
    if keys.is_empty() {
        return format!("{}\n", t!("cli-no-trusted-keys"));
    }
    let rows: Vec<Vec<String>> = keys
        .iter()
        .map(|k| {
            let origin = match k.origin {
                jst_core::KeyOrigin::Pinned => t!("cli-key-pinned"),
                jst_core::KeyOrigin::Administrator => t!("cli-key-administrator"),
            };
            vec![
                k.key_id.clone(),
                origin,
                k.added_at.as_deref().map(utc_minute).unwrap_or_else(|| "—".to_owned()),
                k.added_by.clone().unwrap_or_else(|| "—".to_owned()),
            ]
        })
        .collect();
    let header =
        [t!("cli-col-key"), t!("cli-col-origin"), t!("cli-col-added"), t!("cli-col-added-by")];
    columns(&header, &rows)
}

pub fn thresholds(view: &jst_core::ThresholdsView) -> String {
    let ratio = |v: f64| format_decimal(v, 4);
    let (c, d) = (&view.current, &view.defaults);
    let rows = vec![
        vec![t!("cli-threshold-on-track"), ratio(c.on_track), ratio(d.on_track)],
        vec![
            t!("cli-threshold-acceleration"),
            ratio(c.acceleration_needed),
            ratio(d.acceleration_needed),
        ],
        vec![
            t!("cli-threshold-maintain"),
            ratio(c.maintain_tolerance),
            ratio(d.maintain_tolerance),
        ],
    ];
    let header = [t!("cli-col-threshold"), t!("cli-col-in-force"), t!("cli-col-default")];
    let mut out = columns(&header, &rows);
    let note = if view.custom { t!("cli-thresholds-custom") } else { t!("cli-thresholds-default") };
    out.push_str(&format!("{note}\n"));
    out
}

/// `jst gwd list`: each group with its definition, date and named members.
pub fn gwd_groups(groups: &[jst_core::GwdGroupView]) -> String {
    if groups.is_empty() {
        return format!("{}\n", t!("cli-gwd-none"));
    }
    let mut out = String::new();
    for g in groups {
        out.push_str(&format!("gwd:{}  {}\n", g.id, g.description));
        let codes: Vec<&str> = g.indicators.iter().map(|i| i.code.as_str()).collect();
        out.push_str(&format!(
            "  {}\n",
            t!("cli-gwd-fetched", at = &g.fetched_at, indicators = codes.join(", "))
        ));
        for m in &g.members {
            let mark = if m.own { " *" } else { "" };
            out.push_str(&format!("  {} {}{mark}\n", m.teryt, m.name));
        }
    }
    out
}

pub fn gwd_refresh(view: &jst_core::GwdRefreshView) -> String {
    let code = serde_json::to_value(view.outcome)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut out = format!("{}\n", t!("cli-gwd-refreshed", outcome = code, groups = view.groups));
    if let Some(message) = &view.message {
        out.push_str(&format!("{message}\n"));
    }
    out
}

/// `jst gwd shares`: per indicator, whether it is shared and the groups that see it.
pub fn gwd_shares(shares: &[jst_core::GwdShareView]) -> String {
    if shares.is_empty() {
        return format!("{}\n", t!("cli-gwd-none"));
    }
    let mut out = String::new();
    for s in shares {
        let groups: Vec<&str> = s.groups.iter().map(|g| g.name.as_str()).collect();
        let line = if s.shared {
            t!("cli-gwd-shared", code = &s.indicator, groups = groups.join(", "))
        } else {
            t!("cli-gwd-not-shared", code = &s.indicator, groups = groups.join(", "))
        };
        out.push_str(&format!("{line}\n"));
    }
    out
}

pub fn gwd_notes(notes: &[jst_core::GwdNoteView]) -> String {
    if notes.is_empty() {
        return format!("{}\n", t!("cli-gwd-no-notes"));
    }
    notes
        .iter()
        .map(|n| {
            let year = n.year.map(|y| format!(" [{y}]")).unwrap_or_default();
            format!("{} {}{year}: {}\n", n.written_at, n.written_by, n.text)
        })
        .collect()
}

/// Practices found: title, area, unit; then the indicators they improved.
pub fn practices(found: &[jst_core::PracticeView]) -> String {
    if found.is_empty() {
        return format!("{}\n", t!("cli-practices-none"));
    }
    let mut out = String::new();
    for p in found {
        out.push_str(&format!("{}  {}\n", p.id, p.title));
        out.push_str(&format!(
            "  {}\n",
            t!("cli-practices-where", area = p.area.label(), unit = &p.unit_name, teryt = &p.teryt)
        ));
        if !p.indicators.is_empty() {
            let codes = p.indicators.join(", ");
            out.push_str(&format!("  {}\n", t!("cli-practices-indicators", codes = codes)));
        }
    }
    out
}

/// A practice's page: the metryka, then the texts as they are (the Markdown subset reads as
/// plain text in a terminal), the attachments and the indicators.
pub fn practice_page(p: &jst_core::PracticeDetailView) -> String {
    let mut out = format!("{}\n", p.title);
    if p.sample {
        out.push_str(&format!("{}\n", t!("cli-practice-sample")));
    }
    if p.starter {
        out.push_str(&format!("{}\n", t!("cli-practice-starter")));
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    let area = match p.sub_area {
        Some(sub) => format!("{} — {}", p.area.label(), sub.label()),
        None => p.area.label(),
    };
    rows.push((t!("cli-practice-area"), area));
    let mut unit = format!("{} ({}), {}", p.unit_name, p.teryt, p.unit_kind.label());
    if let Some(n) = p.population {
        let population = format_integer(i64::from(n));
        unit.push_str(&format!(", {}", t!("cli-practice-population", population = population)));
    }
    rows.push((t!("cli-practice-unit"), unit));
    rows.push((t!("cli-practice-body"), p.implementing_body.clone()));
    for c in &p.contacts {
        let parts: Vec<&str> = std::iter::once(c.name.as_str())
            .chain(c.role.as_deref())
            .chain(c.phone.as_deref())
            .chain(c.email.as_deref())
            .collect();
        rows.push((t!("cli-practice-contact"), parts.join(", ")));
    }
    rows.push((t!("cli-practice-entered"), day(&p.entered)));
    let years = match p.years_to {
        Some(to) if to != p.years_from => format!("{}–{to}", p.years_from),
        Some(_) => p.years_from.to_string(),
        None => t!("cli-practice-years-since", from = p.years_from),
    };
    rows.push((t!("cli-practice-years"), years));
    if !p.keywords.is_empty() {
        rows.push((t!("cli-practice-keywords"), p.keywords.join(", ")));
    }
    if let Some(source) = &p.source {
        rows.push((t!("cli-practice-source"), source.clone()));
    }
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (key, value) in rows {
        out.push_str(&format!("{key:<width$}  {value}\n"));
    }
    out.push_str(&format!("\n{}\n{}\n", t!("cli-practice-summary"), p.summary));
    out.push_str(&format!("\n{}\n{}\n", t!("cli-practice-presentation"), p.presentation));
    if !p.attachments.is_empty() {
        out.push_str(&format!("\n{}\n", t!("cli-practice-attachments")));
        for a in &p.attachments {
            let kind = match a.kind {
                jst_domain::AttachmentKind::Pdf => "PDF",
                jst_domain::AttachmentKind::Png => "PNG",
                jst_domain::AttachmentKind::Jpeg => "JPEG",
            };
            let title = a.title.clone().unwrap_or_else(|| a.sha256.chars().take(12).collect());
            let size = t!("cli-practice-bytes", bytes = format_integer(i64::from(a.size)));
            out.push_str(&format!("  {title} ({kind}, {size})\n"));
        }
    }
    if !p.indicators.is_empty() {
        out.push_str(&format!("\n{}\n", t!("cli-practice-indicators")));
        for i in &p.indicators {
            let name = i.name.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
            let unit = i.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let measure = |m: &jst_core::YearValueView| {
                format!("{}: {}{unit}", m.year, format_decimal(m.value, 2))
            };
            let change: Vec<String> = [
                i.before.as_ref().map(|m| t!("cli-practice-before", value = measure(m))),
                i.after.as_ref().map(|m| t!("cli-practice-after", value = measure(m))),
            ]
            .into_iter()
            .flatten()
            .collect();
            let change =
                if change.is_empty() { String::new() } else { format!(" ({})", change.join(", ")) };
            out.push_str(&format!("  {}{name}{change}\n", i.code));
        }
    }
    out
}

/// `YYYY-MM-DD` as `dd.mm.rrrr`; anything else as it is.
fn day(date: &str) -> String {
    let mut parts = date.split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) => format!("{d}.{m}.{y}"),
        _ => date.to_owned(),
    }
}

/// Suggestions grouped under their indicator, each with its reason.
pub fn practice_suggestions(list: &[jst_core::PracticeSuggestionView]) -> String {
    if list.is_empty() {
        return format!("{}\n", t!("cli-practices-no-suggestions"));
    }
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for s in list {
        if last != Some(s.indicator.as_str()) {
            if last.is_some() {
                out.push('\n');
            }
            out.push_str(&format!("{} ({})\n", s.indicator_name, s.indicator));
            last = Some(&s.indicator);
        }
        out.push_str(&format!("  {}  {}\n", s.practice.id, s.practice.title));
        out.push_str(&format!(
            "    {}\n",
            t!(
                "cli-practices-where",
                area = s.practice.area.label(),
                unit = &s.practice.unit_name,
                teryt = &s.practice.teryt
            )
        ));
        out.push_str(&format!("    {}\n", s.reason));
    }
    out
}

/// The JSON contract of `jst practices suggest`: the practice as the search prints it, the
/// indicator's code and the reason, nothing more (the window reads the whole view).
pub fn suggestions_json(list: &[jst_core::PracticeSuggestionView]) -> serde_json::Value {
    list.iter()
        .map(|s| {
            serde_json::json!({
                "practice": s.practice,
                "indicator": s.indicator,
                "reason": s.reason,
            })
        })
        .collect()
}

/// The unit's proposals: number, status, title; when it was sent or why not.
pub fn practice_proposals(list: &[jst_core::PracticeProposalView]) -> String {
    if list.is_empty() {
        return format!("{}\n", t!("cli-practice-proposals-none"));
    }
    let mut out = String::new();
    for p in list {
        out.push_str(&format!("{}  {}  {}\n", p.local_id, proposal_status(p.status), p.title));
        let detail = match (&p.sent_at, p.server_id, &p.failure) {
            (Some(at), Some(server_id), _) => {
                t!("cli-practice-proposal-sent-at", at = utc_minute(at), server_id = server_id)
            }
            (_, _, Some(failure)) => failure.clone(),
            _ => t!("cli-practice-proposal-saved-at", at = utc_minute(&p.created)),
        };
        out.push_str(&format!("  {detail}\n"));
    }
    out
}

fn proposal_status(status: jst_core::ProposalStatus) -> String {
    match status {
        jst_core::ProposalStatus::Draft => t!("cli-proposal-status-draft"),
        jst_core::ProposalStatus::NotSent => t!("cli-proposal-status-not-sent"),
        jst_core::ProposalStatus::Sent => t!("cli-proposal-status-sent"),
    }
}

/// One proposal after a send, as a sentence.
pub fn proposal_outcome(p: &jst_core::PracticeProposalView) -> String {
    match p.server_id {
        Some(server_id) if p.status == jst_core::ProposalStatus::Sent => {
            t!("cli-practice-proposal-sent", local_id = p.local_id, server_id = server_id)
        }
        _ => t!("cli-practice-proposal-not-sent", local_id = p.local_id),
    }
}

/// Why a proposal was not sent, and how to send it again.
pub fn proposal_failure(p: &jst_core::PracticeProposalView) -> String {
    let reason = p.failure.clone().unwrap_or_default();
    t!("cli-practice-proposal-failure", reason = reason, local_id = p.local_id)
}

/// An attachment written where the user asked.
pub fn attachment_saved(a: &jst_core::PracticeAttachmentFileView) -> String {
    let kind = match a.kind {
        jst_domain::AttachmentKind::Pdf => "PDF",
        jst_domain::AttachmentKind::Png => "PNG",
        jst_domain::AttachmentKind::Jpeg => "JPEG",
    };
    t!(
        "cli-practice-attachment-saved",
        title = a.title.clone().unwrap_or_default(),
        kind = kind,
        size = format_integer(i64::from(a.size)),
        file = &a.path
    )
}

/// The text after `jst ` that `jst --version` prints: version, build date, schemas, folder.
pub fn version(about: &jst_core::AboutView) -> String {
    let folder = match &about.data_dir {
        Some(folder) => t!("cli-version-data-dir", folder = folder),
        None => t!("cli-version-no-data-dir"),
    };
    format!(
        "{}\n{}\n{}\n{}\n{folder}",
        about.version,
        t!("cli-version-built", date = &about.build_date),
        t!("cli-version-local-schema", version = about.local_schema),
        t!("cli-version-peers-schema", version = about.peers_schema),
    )
}

#[cfg(test)]
mod tests {
    use super::{format_decimal, format_integer, utc_minute};

    #[test]
    fn audit_times_are_shown_to_the_minute_in_utc() {
        assert_eq!(utc_minute("2026-03-01T09:15:02.123456Z"), "01.03.2026 09:15 UTC");
        assert_eq!(utc_minute("2026-03-01T23:59:59Z"), "01.03.2026 23:59 UTC");
        assert_eq!(utc_minute("dawniej"), "dawniej");
    }

    #[test]
    fn row_counts_in_polish() {
        let words: Vec<String> =
            [0, 1, 2, 5, 12, 22, 112, 1234].into_iter().map(super::rows).collect();
        assert_eq!(
            words,
            [
                "0 wierszy",
                "1 wiersz",
                "2 wiersze",
                "5 wierszy",
                "12 wierszy",
                "22 wiersze",
                "112 wierszy",
                "1234 wiersze"
            ]
        );
    }

    #[test]
    fn polish_decimal_format() {
        for (value, digits, text) in [
            (50.56179, 1, "50,6"),
            (4159.0, 2, "4159"),
            (12345.678, 2, "12\u{a0}345,68"),
            (-33.333, 1, "-33,3"),
            (-0.01, 1, "0"),
            (0.75, 2, "0,75"),
        ] {
            assert_eq!(format_decimal(value, digits), text, "{value}");
        }
    }

    #[test]
    fn sizes_in_decimal_units() {
        assert_eq!(super::size(856), "856 B");
        assert_eq!(super::size(12_400), "12,4 kB");
        assert_eq!(super::size(3_140_000), "3,1 MB");
    }

    #[test]
    fn polish_integer_format() {
        for (value, text) in [
            (69791, "69\u{a0}791"),
            (1234, "1234"),
            (809168, "809\u{a0}168"),
            (-12345, "-12\u{a0}345"),
            (0, "0"),
        ] {
            assert_eq!(format_integer(value), text);
        }
    }
}
