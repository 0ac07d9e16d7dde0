//! The findings in the user's language: the same bad files read under Polish (the default)
//! and under English give the same problems, located the same way, in each language's words
//! and plural forms.

use jst_import::{
    parse_budget_package, parse_ctab, parse_own_values, parse_strategy_template, parse_terc,
    strategy_rules, ImportError,
};
use jst_text::{with_language, Lang};

fn refused<T: std::fmt::Debug>(result: Result<T, ImportError>) -> ImportError {
    result.expect_err("the file must be refused")
}

const BAD_VALUES: &str = "wskaznik_kod;rok;wartosc;status\n\
                          WSK_A;1800;12,5;\n\
                          wsk-b;2024;abc;pewne\n";

#[test]
fn a_refused_file_is_reported_in_english_with_rows_and_columns() {
    let english = with_language(Lang::En, || {
        refused(parse_own_values(BAD_VALUES.as_bytes(), "values.csv")).to_string()
    });
    assert_eq!(
        english,
        "The file values.csv was not loaded; nothing was saved:\n  \
         - row 2, column rok: the year “1800” is not a year from 1990–2100\n  \
         - row 3, column wskaznik_kod: the indicator code “wsk-b” may contain only capital \
         letters A–Z, digits and _\n  \
         - row 3, column wartosc: the value “abc” is not a number\n  \
         - row 3, column status: the status “pewne” must be “wstepne” (preliminary) or \
         “ostateczne” (final)"
    );
}

#[test]
fn the_same_file_is_reported_in_polish_by_default() {
    let polish = refused(parse_own_values(BAD_VALUES.as_bytes(), "values.csv")).to_string();
    assert_eq!(
        polish,
        "Nie wczytano pliku values.csv, niczego nie zapisano:\n  \
         - wiersz 2, kolumna rok: rok „1800” nie jest rokiem z zakresu 1990–2100\n  \
         - wiersz 3, kolumna wskaznik_kod: kod wskaźnika „wsk-b” może zawierać tylko wielkie \
         litery A–Z, cyfry i _\n  \
         - wiersz 3, kolumna wartosc: wartość „abc” nie jest liczbą\n  \
         - wiersz 3, kolumna status: status „pewne” musi być „wstepne” albo „ostateczne”"
    );
}

#[test]
fn a_file_of_another_kind_is_named_in_english() {
    let error = with_language(Lang::En, || {
        refused(parse_strategy_template(b"kod;nazwa\nA;B\n", "plan.csv"))
    });
    let problem = &error.problems[0];
    assert_eq!(problem.row, Some(1));
    assert!(
        problem.message.starts_with(
            "this is not a strategy template: the columns kod_nadrzedny, poziom, waga_wezla"
        ),
        "{}",
        problem.message
    );
    let terc = with_language(Lang::En, || refused(parse_terc(b"<teryt><catalog>", "terc.xml")));
    assert!(
        terc.problems[0].message.starts_with("the XML file is cut off: the element <catalog>"),
        "{}",
        terc.problems[0].message
    );
    assert!(terc.problems[0].message.contains("(nor 1 outer element)"), "{:?}", terc.problems);
    let package = with_language(Lang::En, || {
        refused(parse_budget_package(b"<Inna/>", "paczka.xml")).problems[0].message.clone()
    });
    assert_eq!(
        package,
        "this is not a package of budget reports: the root element is <Inna>, expected \
         <PaczkaSprawozdan>"
    );
}

/// A CTAB export whose rows have 1, 2 and 5 of the header's 7 cells.
const SHORT_ROWS: &str = "Kod;Nazwa;a;b;c;d;e;\n\
                          0201011\n\
                          0201011;Bolesławiec\n\
                          0201011;Bolesławiec;1;2;3\n";

fn short_rows() -> Vec<String> {
    let error = refused(parse_ctab(SHORT_ROWS.as_bytes(), "ctab.csv"));
    error.problems.iter().map(|p| p.message.clone()).collect()
}

#[test]
fn counts_take_the_plural_form_of_each_language() {
    let english = with_language(Lang::En, short_rows);
    let ends = ", and the header 7: the file is cut off in the middle of a row or the row is \
                incomplete";
    assert_eq!(
        english,
        [1, 2, 5]
            .map(|n| format!("the row has {n} {}{ends}", if n == 1 { "cell" } else { "cells" }))
    );
    let polish = short_rows();
    let ends = ", a nagłówek 7: plik jest ucięty w połowie wiersza albo wiersz jest niekompletny";
    assert_eq!(
        polish,
        ["1 komórkę", "2 komórki", "5 komórek"].map(|cells| format!("wiersz ma {cells}{ends}"))
    );
}

#[test]
fn a_value_split_by_the_delimiter_counts_fields_and_columns_in_both_languages() {
    let file = "wskaznik_kod;rok;wartosc\nWSK_A;2024;1;5;6\n";
    let polish = refused(parse_own_values(file.as_bytes(), "v.csv")).problems[0].message.clone();
    assert_eq!(
        polish,
        "wiersz ma 5 pól, a nagłówek 3 kolumny (nadmiarowe: „5;6”); sprawdź separator i cudzysłowy"
    );
    let english = with_language(Lang::En, || {
        refused(parse_own_values(file.as_bytes(), "v.csv")).problems[0].message.clone()
    });
    assert_eq!(
        english,
        "the row has 5 fields, and the header 3 columns (extra: “5;6”); check the separator and \
         the quotes"
    );
}

#[test]
fn the_strategy_rules_speak_the_language_of_the_editor() {
    let english = with_language(Lang::En, || {
        (
            strategy_rules::target_year_problem(2030, 2025),
            strategy_rules::weight_problem(-1.0),
            jst_import::note_problem(&"x".repeat(10_001)),
        )
    });
    assert_eq!(
        english.0.as_deref(),
        Some("the target year 2025 must be later than the baseline year 2030")
    );
    assert_eq!(english.1.as_deref(), Some("the weight “-1” must be a number that is not negative"));
    assert_eq!(
        english.2.as_deref(),
        Some("the note has 10001 characters, and may have at most 10 000; shorten it")
    );
    assert_eq!(
        strategy_rules::target_year_problem(2030, 2025).as_deref(),
        Some("rok docelowy 2025 musi być późniejszy niż rok bazowy 2030")
    );
}
