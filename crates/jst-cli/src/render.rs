//! Human-readable tables in Polish, numbers formatted as `pl-PL` (non-breaking space groups
//! from five digits up: `69 791`, but `1234`).

use jst_core::{
    RegisterImportView, StatusView, SubmissionResult, SubmitOutcome, SyncOutcome, UnitView,
};
use jst_domain::strategy::Status;
use jst_domain::{format_decimal, format_integer, UnitKind};

fn kind_label(kind: &UnitKind) -> String {
    kind.label()
}

pub fn status_table(status: &StatusView) -> String {
    let mut rows: Vec<(&str, String)> = Vec::new();
    match &status.unit {
        Some(unit) => {
            rows.push(("Jednostka", format!("{} ({})", unit.name, kind_label(&unit.kind))));
            rows.push(("TERYT", unit.teryt.clone()));
            rows.push(("Powiat", unit.powiat.clone().unwrap_or_else(|| "—".to_owned())));
            rows.push(("Województwo", unit.voivodeship.clone()));
            rows.push((
                "Ludność",
                unit.population
                    .as_ref()
                    .map(|p| format!("{} (31.12.{})", format_integer(i64::from(p.value)), p.year))
                    .unwrap_or_else(|| "brak danych".to_owned()),
            ));
        }
        None => rows.push((
            "Jednostka",
            "nie wybrano (jst init --unit TERYT albo jst init --demo)".to_owned(),
        )),
    }
    rows.push(("Folder danych", status.data_dir.clone()));
    rows.push(("Wersja schematu", status.schema_version.to_string()));
    rows.push((
        "Demo",
        if status.demo { "tak — dane przykładowe".to_owned() } else { "nie".to_owned() },
    ));
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    rows.iter().map(|(k, v)| format!("{:<width$}{v}\n", format!("{k}:"))).collect()
}

pub fn units_table(units: &[UnitView]) -> String {
    if units.is_empty() {
        return "Nie znaleziono jednostek.\n".to_owned();
    }
    let header = ["TERYT", "Nazwa", "Rodzaj", "Powiat", "Województwo"].map(str::to_owned);
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
        "Wczytano rejestr TERYT z pliku {} (stan na {}), liczba jednostek: {}.\n\
         Nowe: {}, zmiany nazw: {}, zmiany kodu: {}, wygaszone: {}, przywrócone: {}, ostrzeżenia: {}.\n",
        report.file,
        report.as_of,
        format_integer(i64::from(report.units)),
        report.created,
        report.renamed,
        report.recoded,
        report.ended,
        report.restored,
        report.warnings.len()
    )
}

/// Mark and word of a status (DESIGN §12), never one without the other.
fn status_label(status: &Status) -> String {
    format!("{} {}", status.mark(), status.label_pl())
}

pub fn findings(findings: &[jst_core::FindingView]) -> String {
    findings
        .iter()
        .map(|f| {
            let place = match (&f.row, &f.column) {
                (Some(r), Some(c)) => format!("wiersz {r}, kolumna {c}: "),
                (Some(r), None) => format!("wiersz {r}: "),
                _ => String::new(),
            };
            let label = f.severity.label();
            let mut label = label.chars();
            let label: String =
                label.next().map(|c| c.to_uppercase().chain(label).collect()).unwrap_or_default();
            format!("{label}: {place}{}\n", f.message)
        })
        .collect()
}

pub fn strategy_import(report: &jst_core::StrategyImportView) -> String {
    format!(
        "Wczytano strategię „{}” ({}–{}) z pliku {}; liczba węzłów: {}, wskaźników: {}.\n",
        report.strategy.name,
        report.strategy.period_from,
        report.strategy.period_to,
        report.file,
        report.nodes,
        report.indicators
    )
}

pub fn strategy_status(status: &jst_core::StrategyStatusView) -> String {
    let mut out = format!(
        "{} ({}–{}), ocena za rok {}\n\n",
        status.strategy.name, status.strategy.period_from, status.strategy.period_to, status.year
    );
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
        let score =
            node.score.map(|s| format!(" (wynik {})", format_decimal(s, 2))).unwrap_or_default();
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
                .unwrap_or_else(|| "brak wartości".to_owned());
            let progress = i
                .progress_pct
                .map(|p| format!(", postęp {} %", format_decimal(p, 1)))
                .unwrap_or_default();
            let missed = if i.target_missed { ", termin minął" } else { "" };
            out.push_str(&format!(
                "{}  · {} {}: {} → cel {} {} ({}){progress} — {}{missed}\n",
                "  ".repeat(depth(&node.code)),
                i.code,
                i.name,
                latest,
                format_decimal(i.target.value, 2),
                i.unit,
                i.target.year,
                status_label(&i.status)
            ));
        }
    }
    out
}

pub fn strategy_list(list: &[jst_core::StrategyListItemView]) -> String {
    if list.is_empty() {
        return "Brak strategii: wczytaj szablon (jst import strategy PLIK).\n".to_owned();
    }
    list.iter()
        .map(|s| {
            let resolution = match (&s.resolution_number, &s.resolution_date) {
                (Some(n), Some(d)) => format!(", uchwała {n} z {d}"),
                (Some(n), None) => format!(", uchwała {n}"),
                _ => String::new(),
            };
            format!(
                "{} {:>3}  {} ({}–{}){resolution}{}\n",
                if s.active { "*" } else { " " },
                s.id,
                s.name,
                s.period_from,
                s.period_to,
                if s.sample { " [dane przykładowe]" } else { "" }
            )
        })
        .collect()
}

pub fn budget_import(report: &jst_core::BudgetImportView) -> String {
    let mut out = format!("Wczytano sprawozdania budżetowe z pliku {}", report.file);
    if report.budget_units > 0 {
        out.push_str(&format!(" (jednostek budżetowych: {})", report.budget_units));
    }
    out.push_str(":\n");
    for r in &report.reports {
        // A whole year needs no remark; a part of it must not pass for the year.
        let period = match r.period {
            4 => String::new(),
            2 => " (I półrocze)".to_owned(),
            p => format!(" (narastająco do końca {p}. kwartału)"),
        };
        out.push_str(&format!(
            "  {} {}{period}: pozycje {}, plan {} zł, wykonanie {} zł\n",
            r.report,
            r.year,
            r.lines,
            format_decimal(r.plan, 2),
            format_decimal(r.execution, 2)
        ));
    }
    out.push_str(&findings(&report.findings));
    out
}

pub fn benchmark(view: &jst_core::BenchmarkView) -> String {
    let num = |v: Option<f64>| v.map(|v| format_decimal(v, 2)).unwrap_or_else(|| "—".to_owned());
    let mut out = format!(
        "{} ({}), rok {}\nGrupa: {} — jednostek: {}, z wartością: {}\n",
        view.indicator.name,
        view.indicator.unit,
        view.year,
        view.group.label,
        view.group.n,
        view.stats.n
    );
    out.push_str(&format!(
        "Jednostka {}: {}; centyl {}; miejsce {}\n",
        view.own.teryt,
        num(view.own.value),
        num(view.percentile_rank),
        view.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".to_owned())
    ));
    let s = &view.stats;
    out.push_str(&format!(
        "Kwartyle: Q1 {}, mediana {}, Q3 {}; średnia {}; min {}, max {}; P10 {}, P90 {}\n",
        num(s.q1),
        num(s.median),
        num(s.q3),
        num(s.mean),
        num(s.min),
        num(s.max),
        num(s.p10),
        num(s.p90)
    ));
    for (i, m) in view.members.iter().enumerate() {
        let own = if m.teryt == view.own.teryt { "  ← własna" } else { "" };
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
        out.push_str(&format!(
            "{:>3}. {} {} — odległość {}; różnice: {}\n",
            i + 1,
            n.teryt,
            n.name,
            format_decimal(n.distance, 3),
            top.join(", ")
        ));
    }
    out
}

pub fn costs(view: &jst_core::CostsView) -> String {
    let num = |v: Option<f64>| v.map(|v| format_decimal(v, 2)).unwrap_or_else(|| "—".to_owned());
    let prices = match view.real_base {
        Some(base) => format!("ceny stałe {base}"),
        None => "ceny bieżące".to_owned(),
    };
    let mut out = format!(
        "Koszty jednostkowe: {} ({}), rok {}, {prices}\nGrupa: {} — jednostek: {}\n",
        view.unit_name, view.teryt, view.year, view.group.label, view.group.n
    );
    if view.synthetic_peers {
        out.push_str("Dane porównawcze: syntetyczne dane przykładowe (demo)\n");
    }
    for service in &view.services {
        out.push_str(&format!("\n{}\n", service.service.to_uppercase()));
        for r in &service.rows {
            let mark = match r.above_q3 {
                Some(true) => "  ▲ powyżej Q3",
                _ => "",
            };
            out.push_str(&format!(
                "  {} [{}]: {} {}; n {}; Q1 {}, mediana {}, Q3 {}{mark}\n",
                r.name,
                r.indicator,
                num(r.own),
                r.unit,
                r.n,
                num(r.q1),
                num(r.median),
                num(r.q3)
            ));
        }
    }
    out
}

pub fn sync(view: &jst_core::SyncView) -> String {
    let version = view.version.map(|v| v.to_string()).unwrap_or_else(|| "—".to_owned());
    match view.outcome {
        SyncOutcome::Applied => {
            let mut out = format!(
                "Wczytano wydanie {version}: pobrano {} B, fragmentów nowych {}, bez zmian {}.\n",
                view.bytes_downloaded, view.chunks_downloaded, view.chunks_reused
            );
            if let Some(r) = view.register.as_ref() {
                if r.outcome == jst_core::RegisterSyncOutcome::Applied {
                    out.push_str(&format!(
                        "Rejestr TERYT zaktualizowano do stanu na {}: nowe jednostki {}, \
                         wygaszone {}, zmiany nazw {}, zmiany kodu {}.\n",
                        r.as_of, r.created, r.ended, r.renamed, r.recoded
                    ));
                }
            }
            if let Some(message) = &view.message {
                out.push_str(message);
                out.push('\n');
            }
            out
        }
        SyncOutcome::UpToDate => format!("Dane porównawcze są aktualne (wydanie {version}).\n"),
        SyncOutcome::Offline => "Brak połączenia z serwerem; spróbuj później.\n".to_owned(),
        SyncOutcome::Rejected => {
            format!("Wydanie odrzucone ({}).\n", view.code.map_or("?", |c| c.as_str()))
        }
    }
}

pub fn submit(view: &jst_core::SubmitView) -> String {
    match view.outcome {
        SubmitOutcome::NothingToSend => {
            "Nic do wysłania: udostępniane wartości są już u stowarzyszenia.\n".to_owned()
        }
        SubmitOutcome::Offline => {
            "Brak połączenia z serwerem; zgłoszenie czeka w skrzynce nadawczej.\n".to_owned()
        }
        SubmitOutcome::Refused => {
            format!("Serwer odmówił przyjęcia ({}).\n", view.code.as_deref().unwrap_or("?"))
        }
        SubmitOutcome::Sent => {
            let mut out = format!("Wysłano zgłoszeń: {}.\n", view.submissions.len());
            for i in &view.items {
                let server = match (i.result, i.server_value) {
                    (SubmissionResult::Conflict, Some(v)) => {
                        format!(" — na serwerze {}", format_decimal(v, 2))
                    }
                    _ => String::new(),
                };
                out.push_str(&format!(
                    "  {} {}: {} → {}{server}{}\n",
                    i.indicator,
                    i.year,
                    format_decimal(i.value, 2),
                    i.result.code(),
                    if i.synced { " ✓" } else { "" }
                ));
            }
            out
        }
    }
}

pub fn groups(groups: &[jst_core::PeerGroupView]) -> String {
    if groups.is_empty() {
        return "Brak zapisanych grup (jst groups save NAZWA --units T1,T2).\n".to_owned();
    }
    let mut out = String::new();
    for g in groups {
        let names: Vec<String> =
            g.members.iter().map(|m| format!("{} {}", m.teryt, m.name)).collect();
        out.push_str(&format!(
            "{} (liczba jednostek: {}): {}\n",
            g.group,
            g.members.len(),
            names.join(", ")
        ));
    }
    out
}

pub fn sio_import(report: &jst_core::SioImportView) -> String {
    let school = |s: &jst_core::SchoolView| {
        format!(
            "  {} {} — {}, organ prowadzący: {}, uczniów: {}\n",
            s.rspo,
            s.name,
            s.school_type,
            s.organ_type,
            format_decimal(s.pupils, 2)
        )
    };
    let mut out = format!(
        "Wczytano wykaz SIO z pliku {}: {} za {} = {} (szkoły podstawowe prowadzone przez jednostkę).\nPoliczone:\n",
        report.file,
        report.indicator,
        report.year,
        format_decimal(report.pupils, 2)
    );
    out.extend(report.counted.iter().map(school));
    out.push_str("Pominięte (inny typ szkoły albo inny organ prowadzący):\n");
    out.extend(report.left_out.iter().map(school));
    out
}

pub fn budget_lines(year: i32, lines: &[jst_core::BudgetLineView]) -> String {
    if lines.is_empty() {
        return format!("Brak wczytanych sprawozdań za rok {year} (jst import budget PLIK).\n");
    }
    let mut out = String::new();
    for l in lines {
        let code = [Some(l.dzial.as_str()), l.rozdzial.as_deref(), l.paragraf.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let period = if l.period == 4 { String::new() } else { format!(", okres {}", l.period) };
        out.push_str(&format!(
            "{} {}{period}  {code}: plan {} zł, wykonanie {} zł\n",
            l.report,
            l.year,
            format_decimal(l.plan, 2),
            format_decimal(l.execution, 2)
        ));
    }
    out
}

pub fn own_values(values: &[jst_core::OwnValueRowView]) -> String {
    if values.is_empty() {
        return "Brak wartości własnych.\n".to_owned();
    }
    let mut out = String::new();
    for v in values {
        let status = match v.status {
            jst_domain::ObservationStatus::Wstepne => "wstępne",
            jst_domain::ObservationStatus::Ostateczne => "ostateczne",
        };
        out.push_str(&format!(
            "{} {}: {} ({status}) — {}{}\n",
            v.indicator,
            v.year,
            format_decimal(v.value, 2),
            v.source.as_deref().unwrap_or("źródło nieznane"),
            v.note.as_deref().map(|n| format!("; uwagi: {n}")).unwrap_or_default()
        ));
    }
    out
}

pub fn report_header(view: &jst_core::ReportHeaderView) -> String {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
    let name = match &view.unit_name {
        Some(n) => n.clone(),
        None => format!("{} (z rejestru)", view.default_unit_name),
    };
    let emblem = match &view.emblem_format {
        Some(f) => {
            format!("{} ({} B)", f.to_uppercase(), format_integer(i64::from(view.emblem_bytes)))
        }
        None => "brak".to_owned(),
    };
    format!(
        "Pełna nazwa jednostki: {name}\nAutor: {}\nKomórka: {}\nHerb: {emblem}\n",
        show(&view.author),
        show(&view.department)
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

fn backup_kind(kind: jst_core::BackupKind) -> &'static str {
    match kind {
        jst_core::BackupKind::Daily => "codzienna",
        jst_core::BackupKind::Manual => "ręczna",
        jst_core::BackupKind::PreMigration => "przed migracją",
        jst_core::BackupKind::BeforeRestore => "przed przywróceniem",
        jst_core::BackupKind::Other => "inny plik",
    }
}

/// `2026-12-01T21:40:00Z` as `2026-12-01 21:40:00 UTC`.
fn utc(created: &str) -> String {
    match created.strip_suffix('Z') {
        Some(at) => format!("{} UTC", at.replacen('T', " ", 1)),
        None => created.to_owned(),
    }
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "tak"
    } else {
        "nie"
    }
}

pub fn backup_written(copy: &jst_core::BackupView) -> String {
    format!(
        "Zapisano sprawdzoną kopię bazy: {} ({}, schemat {}).\n",
        copy.file,
        size(copy.size),
        copy.schema_version
    )
}

pub fn backups(view: &jst_core::BackupsView) -> String {
    if view.backups.is_empty() {
        return format!("Brak kopii w folderze {}.\n", view.folder);
    }
    let mut out = format!(
        "Kopie w folderze {} (zostaje {} najnowszych codziennych i ręcznych):\n",
        view.folder, view.keep
    );
    let header = ["Utworzona", "Rodzaj", "Rozmiar", "Schemat", "Sprawdzona", "Plik"];
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
                backup_kind(b.kind).to_owned(),
                size(b.size),
                b.schema_version.to_string(),
                yes_no(b.verified).to_owned(),
                name,
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
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
    out.push_str(&line(&header.map(str::to_owned)));
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}

/// `5 wierszy`, `1 wiersz`, `22 wiersze`.
fn rows(n: u32) -> String {
    let word = match (n % 10, n % 100) {
        _ if n == 1 => "wiersz",
        (2..=4, r) if !(12..=14).contains(&r) => "wiersze",
        _ => "wierszy",
    };
    format!("{} {word}", format_integer(i64::from(n)))
}

/// What `jst export` wrote: „Zapisano PLIK (N wierszy).”, the files beside it, the demo label.
pub fn export_written(view: &jst_core::ExportWrittenView) -> String {
    let mut out = format!("Zapisano {} ({}).\n", view.path, rows(view.rows));
    let parts = [("historia zmian", view.history_rows), ("notatki", view.note_rows)];
    if view.companion_files.is_empty() && view.kind == jst_core::ExportKind::Values {
        for (sheet, (label, n)) in ["Historia", "Notatki"].iter().zip(parts) {
            out.push_str(&format!("Arkusz „{sheet}”: {label} ({}).\n", rows(n)));
        }
    }
    for (file, (label, n)) in view.companion_files.iter().zip(parts) {
        out.push_str(&format!("Zapisano {file}: {label} ({}).\n", rows(n)));
    }
    if view.sample {
        out.push_str("Uwaga: to dane przykładowe demo, nie dane jednostki.\n");
    }
    out
}

pub fn restore_preview(copy: &jst_core::BackupView, asked: &std::path::Path) -> String {
    format!(
        "Kopia do przywrócenia: {}\n  utworzona: {}, rodzaj: {}, rozmiar: {}, schemat: {}, \
         sprawdzona (integrity_check): tak\n\
         Nic nie zmieniono. Aby ją przywrócić, dodaj --yes: jst restore {} --yes\n\
         (bieżąca baza zostanie najpierw zapisana jako kopia w kopie/).\n",
        copy.file,
        utc(&copy.created),
        backup_kind(copy.kind),
        size(copy.size),
        copy.schema_version,
        asked.display()
    )
}

pub fn restored(done: &jst_core::RestoredView) -> String {
    format!(
        "Przywrócono bazę z kopii {} (utworzona {}, schemat {}).\n\
         Poprzednią bazę zapisano jako kopię {}.\n",
        done.restored.file,
        utc(&done.restored.created),
        done.restored.schema_version,
        done.previous.file
    )
}

/// Columns padded to their widest cell, two spaces apart.
fn columns(header: &[&str], rows: &[Vec<String>]) -> String {
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
    std::iter::once(line(header.iter().map(|h| (*h).to_owned()).collect()))
        .chain(rows.iter().cloned().map(line))
        .collect()
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
        return "Brak zmian spełniających warunki.\n".to_owned();
    }
    let rows: Vec<Vec<String>> = log
        .entries
        .iter()
        .map(|e| {
            vec![
                utc_minute(&e.at),
                e.user.clone(),
                e.kind.label_pl().to_owned(),
                e.action.clone(),
                e.detail.clone(),
            ]
        })
        .collect();
    let mut out = columns(&["Kiedy", "Użytkownik", "Rodzaj", "Czynność", "Szczegóły"], &rows);
    if log.more {
        out.push_str("… są starsze wpisy: następna strona z --offset\n");
    }
    out
}

pub fn trusted_keys(keys: &[jst_core::TrustedKeyEntryView]) -> String {
    if keys.is_empty() {
        return "Brak zaufanych kluczy wydań; dodaj klucz stowarzyszenia: jst trust add PLIK --yes\n"
            .to_owned();
    }
    let rows: Vec<Vec<String>> = keys
        .iter()
        .map(|k| {
            let origin = match k.origin {
                jst_core::KeyOrigin::Pinned => "wbudowany w program",
                jst_core::KeyOrigin::Administrator => "dodany przez administratora",
            };
            vec![
                k.key_id.clone(),
                origin.to_owned(),
                k.added_at.as_deref().map(utc_minute).unwrap_or_else(|| "—".to_owned()),
                k.added_by.clone().unwrap_or_else(|| "—".to_owned()),
            ]
        })
        .collect();
    columns(&["Klucz", "Pochodzenie", "Dodano", "Dodał(a)"], &rows)
}

pub fn thresholds(view: &jst_core::ThresholdsView) -> String {
    let ratio = |v: f64| format_decimal(v, 4);
    let (c, d) = (&view.current, &view.defaults);
    let rows = vec![
        vec![
            "Zgodnie z planem: stosunek tempa od".to_owned(),
            ratio(c.on_track),
            ratio(d.on_track),
        ],
        vec![
            "Wymaga przyspieszenia: stosunek tempa od".to_owned(),
            ratio(c.acceleration_needed),
            ratio(d.acceleration_needed),
        ],
        vec![
            "Utrzymanie: tolerancja (ułamek celu)".to_owned(),
            ratio(c.maintain_tolerance),
            ratio(d.maintain_tolerance),
        ],
    ];
    let mut out = columns(&["Próg", "Obowiązuje", "Domyślnie"], &rows);
    out.push_str(if view.custom {
        "Progi ustawione przez jednostkę (przywrócenie domyślnych: jst settings thresholds --reset).\n"
    } else {
        "Progi domyślne programu.\n"
    });
    out
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
