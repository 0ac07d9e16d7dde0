//! Rendering through the process-wide settings: language, surface, parameters, plural forms.

use jst_text::{render_in, with_language, Arg, Lang, Surface};

#[test]
fn a_hint_names_a_screen_in_the_window_and_a_command_on_the_command_line() {
    let window = render_in(Lang::Pl, Surface::Window, "hint-import-strategy", &[]);
    let cli = render_in(Lang::Pl, Surface::Cli, "hint-import-strategy", &[]);
    assert_eq!(window, "wczytaj szablon strategii na ekranie Dane albo Strategia");
    assert_eq!(cli, "wczytaj szablon strategii: jst import strategy PLIK");
    let english = render_in(Lang::En, Surface::Window, "hint-import-strategy", &[]);
    assert_eq!(english, "load a strategy template on the Data or Strategy screen");
}

#[test]
fn the_thread_override_wins_over_the_process_setting() {
    jst_text::set_language(Lang::Pl);
    let english = with_language(Lang::En, || jst_text::t!("status-achieved"));
    assert_eq!(english, "Achieved");
    assert_eq!(jst_text::language(), Lang::Pl);
}

#[test]
fn an_unknown_id_renders_as_itself() {
    assert_eq!(
        render_in(Lang::En, Surface::Cli, "no-such-message", &[Arg::from(3)].map(|a| ("n", a))),
        "no-such-message"
    );
}

#[test]
fn language_codes_round_trip() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
    assert_eq!(Lang::from_code("de"), None);
}
