//! Messages of the core in both languages and on both surfaces: the command line names `jst`
//! commands, the window its screens (rendered with `render_in`, since the surface is
//! process-wide and the other tests here read command-line hints).

use jst_core::{ErrorKind, ExportFormat, ExportKind, Monitor};
use jst_text::{render_in, with_language, Arg, Lang, Surface};

#[test]
fn a_hinted_error_names_a_command_on_the_command_line_and_a_screen_in_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    let err = monitor.activate_strategy(99).expect_err("no such strategy");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        err.to_string(),
        "nieprawidłowa wartość: nie ma strategii o numerze 99; listę pokazuje: jst strategy list"
    );
    let english =
        with_language(Lang::En, || monitor.activate_strategy(99).expect_err("none").to_string());
    assert_eq!(
        english,
        "invalid value: there is no strategy number 99; to list them: jst strategy list"
    );
    let id = [("id", Arg::from(99))];
    assert_eq!(
        render_in(Lang::Pl, Surface::Window, "core-unknown-strategy", &id),
        "nie ma strategii o numerze 99; wczytane strategie pokazuje ekran Strategia"
    );
    assert_eq!(
        render_in(Lang::En, Surface::Window, "core-unknown-strategy", &id),
        "there is no strategy number 99; the Strategy screen shows the loaded strategies"
    );
}

#[test]
fn the_window_is_told_where_to_choose_a_unit_and_the_command_line_how() {
    let dir = tempfile::tempdir().expect("tempdir");
    let monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    let err =
        monitor.export_file_name(ExportKind::Values, ExportFormat::Csv).expect_err("no unit yet");
    assert_eq!(err.kind(), ErrorKind::MissingData);
    assert_eq!(
        err.to_string(),
        "nie wybrano jednostki, więc nie ma czego eksportować; wybierz ją: jst init --unit TERYT \
         albo otwórz demo: jst init --demo"
    );
    assert_eq!(
        render_in(Lang::Pl, Surface::Window, "core-export-no-unit", &[]),
        "nie wybrano jednostki, więc nie ma czego eksportować; wybierz ją w oknie wyboru \
         jednostki (przy pierwszym uruchomieniu albo Ustawienia → Jednostka) albo otwórz demo w \
         oknie wyboru jednostki"
    );
    assert_eq!(
        render_in(Lang::En, Surface::Window, "core-export-no-unit", &[]),
        "no unit has been chosen, so there is nothing to export; choose it in the unit chooser \
         (at first start, or Settings → Unit) or open the demo from the unit chooser"
    );
}

#[test]
fn an_invalid_value_is_explained_in_english() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    let thresholds = jst_core::ThresholdValues {
        on_track: 0.5,
        acceleration_needed: 0.6,
        maintain_tolerance: 0.05,
    };
    let err = with_language(Lang::En, || {
        monitor.set_thresholds(&thresholds).map(|_| ()).expect_err("reversed").to_string()
    });
    assert_eq!(
        err,
        "invalid value: the “acceleration needed” threshold (0,6) must be lower than the “on \
         track” threshold (0,5)"
    );
}

/// Catalogue indicators carry `nazwa_en`: the comparison screens name them in English when
/// English is chosen, in Polish otherwise.
#[test]
fn catalogue_indicators_are_named_in_the_chosen_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    let name_of = |indicators: Vec<jst_core::ComparableIndicatorView>| {
        indicators.into_iter().find(|i| i.code == "LUD_OGOLEM").expect("in the catalogue").name
    };
    assert_eq!(
        name_of(monitor.comparable_indicators().expect("indicators")),
        "Ludność ogółem (stan na 31 grudnia)"
    );
    let english = with_language(Lang::En, || monitor.comparable_indicators().expect("indicators"));
    assert_eq!(name_of(english), "Population (as of 31 December)");
}
