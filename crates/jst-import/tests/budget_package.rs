//! `parse_budget_package` on the real packages of `tests/data/sprawozdania` (see its README) and
//! on a small hand-written package broken in every way the parser must refuse.

use jst_import::{
    looks_like_budget_package, parse_budget_package, BudgetLine, BudgetPackage, BudgetReport,
    ImportError,
};

const WYDATKI: &[u8] = include_bytes!("data/sprawozdania/kutno-2023-kwartal-2-wydatki-rb28s.xml");
const DOCHODY: &[u8] = include_bytes!("data/sprawozdania/kutno-2023-kwartal-2-dochody-rb27s.xml");

/// Two units of one gmina, an Rb-28s and an Rb-27s, one item per line so that row numbers are
/// checkable (the real files are one line long). Line 10 and line 25 share a classification.
const SMALL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<PaczkaSprawozdan Wersja="0.3">
<Okres><Rok>2024</Rok><TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>
<Jednostki>
<Jednostka><Nazwa>Urząd Gminy</Nazwa><Typ>JB</Typ><Regon>000903297     </Regon><WK>10</WK><PK>02</PK><GK>01</GK><GT>1</GT><PT>0</PT>
<Sprawozdania>
<Rb-28s Id="a">
<Okres><Rok>2024</Rok><TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>
<Pozycje>
<Pozycja><Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Grupa>1400</Grupa><Paragraf>401</Paragraf><P4>0</P4><PL>100.50</PL><ZA>1</ZA><WW>90.25</WW></Pozycja>
<Pozycja><Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Grupa>1100</Grupa><Paragraf>421</Paragraf><P4>0</P4><PL>10.00</PL></Pozycja>
</Pozycje>
</Rb-28s>
<Rb-27s Id="b">
<Pozycje>
<Pozycja><Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Paragraf>069</Paragraf><P4>0</P4><PL>5.00</PL><NA>x</NA><DW>1.50</DW></Pozycja>
</Pozycje>
</Rb-27s>
</Sprawozdania>
</Jednostka>
<Jednostka><Nazwa>Szkoła</Nazwa><Typ>JB</Typ><Regon>000903305</Regon><WK>10</WK><PK>02</PK><GK>01</GK><GT>1</GT><PT>0</PT>
<Sprawozdania>
<Rb-28s Id="c">
<Pozycje>
<Pozycja><Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Grupa>1400</Grupa><Paragraf>401</Paragraf><P4>0</P4><PL>0.50</PL><WW>0.75</WW></Pozycja>
</Pozycje>
</Rb-28s>
</Sprawozdania>
</Jednostka>
</Jednostki>
</PaczkaSprawozdan>
"#;

fn parse(text: &str) -> Result<BudgetPackage, ImportError> {
    parse_budget_package(text.as_bytes(), "paczka.xml")
}

fn line<'a>(
    package: &'a BudgetPackage,
    report: BudgetReport,
    key: (&str, &str, &str),
) -> &'a BudgetLine {
    package
        .lines
        .iter()
        .find(|l| {
            l.report == report
                && (l.dzial.as_str(), l.rozdzial.as_str(), l.paragraf.as_str()) == key
        })
        .unwrap_or_else(|| panic!("no line {report:?} {key:?}"))
}

/// Replaces exactly one occurrence, so a typo in a case cannot silently test the valid file.
fn with(from: &str, to: &str) -> String {
    assert_eq!(SMALL.matches(from).count(), 1, "{from:?} must occur once");
    SMALL.replacen(from, to, 1)
}

#[test]
fn real_expenditure_package_is_summed_over_its_seven_units() {
    let package = parse_budget_package(WYDATKI, "Wydatki.xml").expect("valid sample");
    assert_eq!(package.year, 2023);
    assert_eq!(package.period.kind, "Kwartal");
    assert_eq!(package.period.number, 2);
    assert!(!package.period.whole_year());
    assert_eq!(package.units.len(), 7);
    for unit in &package.units {
        assert_eq!(unit.teryt(), "1002011", "{unit:?}");
        assert_eq!((unit.wk.as_str(), unit.pk.as_str(), unit.gk.as_str()), ("10", "02", "01"));
        assert_eq!((unit.gt.as_str(), unit.pt.as_str()), ("1", "0"));
        assert_eq!(unit.regon.len(), 9, "padding trimmed: {unit:?}");
    }
    assert_eq!(package.units[0].regon, "000903297");
    assert_eq!(package.units[0].name, "SZKOŁA PODSTAWOWA NR 5 IM. HENRYKA SIENKIEWICZA");
    // 307 items, 67 distinct (dział, rozdział, paragraf), all of the Rb-28s.
    assert_eq!(package.lines.len(), 67);
    assert!(package.lines.iter().all(|l| l.report == BudgetReport::Rb28S && l.year == 2023));
    // The whole file is one line.
    assert!(package.lines.iter().all(|l| l.line == 1));
    // Summed by hand from the XML (Python's Decimal over all 7 units).
    let salaries = line(&package, BudgetReport::Rb28S, ("801", "80101", "4010"));
    assert_eq!((salaries.plan, salaries.execution), (5_920_373.00, 2_741_439.01));
    // In 6 units, never spent: no WW element anywhere, so the execution is 0.
    let training = line(&package, BudgetReport::Rb28S, ("801", "80148", "4710"));
    assert_eq!((training.plan, training.execution), (14_056.00, 0.0));
}

#[test]
fn real_revenue_package_keeps_leading_zeros() {
    let package = parse_budget_package(DOCHODY, "Dochody.xml").expect("valid sample");
    assert_eq!((package.year, package.period.number), (2023, 2));
    assert_eq!(package.units.len(), 7);
    assert_eq!(package.lines.len(), 6, "38 items");
    assert!(package.lines.iter().all(|l| l.report == BudgetReport::Rb27S));
    let fees = line(&package, BudgetReport::Rb27S, ("801", "80101", "0690"));
    assert_eq!((fees.plan, fees.execution), (3_050.00, 456.00));
    let meals = line(&package, BudgetReport::Rb27S, ("801", "80148", "0830"));
    assert_eq!((meals.plan, meals.execution), (1_954_000.00, 1_175_944.40));
}

#[test]
fn recognised_by_content() {
    assert!(looks_like_budget_package(WYDATKI));
    assert!(looks_like_budget_package(DOCHODY));
    assert!(looks_like_budget_package(SMALL.as_bytes()));
    assert!(!looks_like_budget_package(
        b"rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n"
    ));
    assert!(!looks_like_budget_package(b"<?xml version=\"1.0\"?>\n<teryt><catalog/></teryt>"));
}

#[test]
fn small_package_sums_units_and_reads_both_reports() {
    let package = parse(SMALL).expect("valid");
    assert_eq!(package.year, 2024);
    assert!(package.period.whole_year());
    assert_eq!(package.units.len(), 2);
    assert_eq!(package.units[0].regon, "000903297");
    let keys: Vec<(BudgetReport, &str, usize)> =
        package.lines.iter().map(|l| (l.report, l.paragraf.as_str(), l.line)).collect();
    assert_eq!(
        keys,
        [
            (BudgetReport::Rb27S, "0690", 16),
            (BudgetReport::Rb28S, "4010", 10),
            (BudgetReport::Rb28S, "4210", 11)
        ]
    );
    let salaries = line(&package, BudgetReport::Rb28S, ("801", "80101", "4010"));
    assert_eq!((salaries.plan, salaries.execution), (101.0, 91.0));
    let materials = line(&package, BudgetReport::Rb28S, ("801", "80101", "4210"));
    assert_eq!((materials.plan, materials.execution), (10.0, 0.0));
    let fees = line(&package, BudgetReport::Rb27S, ("801", "80101", "0690"));
    assert_eq!((fees.plan, fees.execution), (5.0, 1.5));
}

#[test]
fn monthly_and_yearly_periods() {
    let period = |kind: &str, number: &str| {
        SMALL.replace(
            "<TypOkresu>Kwartal</TypOkresu><Okres>4</Okres>",
            &format!("<TypOkresu>{kind}</TypOkresu><Okres>{number}</Okres>"),
        )
    };
    let package = parse(&period("Miesiac", "12")).expect("December");
    assert_eq!((package.period.kind.as_str(), package.period.number), ("Miesiac", 12));
    assert!(package.period.whole_year());
    assert!(!parse(&period("Miesiąc", "11")).expect("November").period.whole_year());
    assert!(parse(&period("Rok", "1")).expect("year").period.whole_year());
    let err = parse(&period("Miesiac", "13")).expect_err("no 13th month");
    assert_eq!(err.problems[0].row, Some(3), "{err}");
    assert!(
        err.problems[0].message.contains("okres „13” typu Miesiac musi być liczbą 1–12"),
        "{err}"
    );
    // The report's period may be spelt differently but must be the same period.
    let spelt = SMALL.replacen(
        "<TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>\n<Pozycje>",
        "<TypOkresu>Kwartał</TypOkresu><Okres>4</Okres></Okres>\n<Pozycje>",
        1,
    );
    assert_ne!(spelt, SMALL);
    assert!(parse(&spelt).is_ok());
}

#[test]
fn bad_rows_name_the_line_and_element_in_polish() {
    let cases: Vec<(String, usize, &str, &str)> = vec![
        (with("<WW>90.25</WW>", "<WW>abc</WW>"), 10, "WW", "pozycja 1 sprawozdania Rb-28s jednostki nr 1 (REGON 000903297): kwota WW „abc” nie jest liczbą"),
        (with("<WW>90.25</WW>", "<WW>NaN</WW>"), 10, "WW", "kwota WW „NaN” nie jest liczbą"),
        (with("<WW>90.25</WW>", "<WW>inf</WW>"), 10, "WW", "kwota WW „inf” nie jest liczbą"),
        (with("<WW>90.25</WW>", "<WW>90,25</WW>"), 10, "WW", "separatorem dziesiętnym jest kropka"),
        (with("<WW>90.25</WW>", "<WW>1e3</WW>"), 10, "WW", "nie jest liczbą"),
        (with("<PL>10.00</PL>", "<PL></PL>"), 11, "PL", "pozycja 2 sprawozdania Rb-28s jednostki nr 1 (REGON 000903297): kwota PL jest pusta"),
        (with("<PL>10.00</PL>", "<PL/>"), 11, "PL", "kwota PL jest pusta"),
        (with("<DW>1.50</DW>", "<DW>1.505</DW>"), 16, "DW", "ma więcej niż dwa miejsca po kropce"),
        (with("<Paragraf>069</Paragraf><P4>0</P4><PL>5.00</PL><NA>x</NA><DW>1.50</DW></Pozycja>", "<Paragraf>069</Paragraf><P4>0</P4><PL>5.00</PL><NA>x</NA><DW>1.50</DW><DW>1</DW></Pozycja>"), 16, "DW", "element DW powtarza się"),
        (with("<Pozycja><Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Paragraf>069", "<Pozycja><Rozdzial>80101</Rozdzial><Paragraf>069"), 16, "Dzial", "pozycja 1 sprawozdania Rb-27s jednostki nr 1 (REGON 000903297): brak elementu Dzial"),
        (with("<Rozdzial>80101</Rozdzial><Paragraf>069", "<Paragraf>069"), 16, "Rozdzial", "brak elementu Rozdzial"),
        (with("<Paragraf>069</Paragraf>", ""), 16, "Paragraf", "brak elementu Paragraf"),
        (with("<Paragraf>069</Paragraf><P4>0</P4>", "<Paragraf>069</Paragraf>"), 16, "P4", "brak elementu P4"),
        (with("<Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Paragraf>069", "<Dzial>80</Dzial><Rozdzial>80101</Rozdzial><Paragraf>069"), 16, "Dzial", "dział „80” musi mieć 3 cyfry"),
        (with("<Dzial>801</Dzial><Rozdzial>80101</Rozdzial><Paragraf>069", "<Dzial>8a1</Dzial><Rozdzial>80101</Rozdzial><Paragraf>069"), 16, "Dzial", "dział „8a1” musi mieć 3 cyfry"),
        (with("<Rozdzial>80101</Rozdzial><Paragraf>069", "<Rozdzial>8010</Rozdzial><Paragraf>069"), 16, "Rozdzial", "rozdział „8010” musi mieć 5 cyfr"),
        (with("<Rozdzial>80101</Rozdzial><Paragraf>069", "<Rozdzial>85401</Rozdzial><Paragraf>069"), 16, "Rozdzial", "rozdział 85401 nie należy do działu 801"),
        (with("<Paragraf>069</Paragraf>", "<Paragraf>0690</Paragraf>"), 16, "Paragraf", "paragraf „0690” musi mieć 3 cyfry (czwarta cyfra jest w elemencie P4)"),
        (with("<Paragraf>069</Paragraf><P4>0</P4>", "<Paragraf>069</Paragraf><P4>00</P4>"), 16, "P4", "P4 „00” musi być jedną cyfrą"),
        (with("<Regon>000903297     </Regon><WK>10</WK>", "<Regon>000903297     </Regon><WK>1A</WK>"), 5, "WK", "jednostka nr 1: WK „1A” musi mieć 2 cyfry (kod województwa)"),
        (with("<Regon>000903305</Regon><WK>10</WK><PK>02</PK>", "<Regon>000903305</Regon><WK>10</WK>"), 21, "PK", "jednostka nr 2: brak elementu PK (kod powiatu)"),
        (with("<GK>01</GK><GT>1</GT><PT>0</PT>\n<Sprawozdania>\n<Rb-28s Id=\"c\">", "<GK>0x</GK><GT>1</GT><PT>0</PT>\n<Sprawozdania>\n<Rb-28s Id=\"c\">"), 21, "GK", "GK „0x” musi mieć 2 cyfry (kod gminy)"),
        (with("<GT>1</GT><PT>0</PT>\n<Sprawozdania>\n<Rb-28s Id=\"a\">", "<GT>-</GT><PT>0</PT>\n<Sprawozdania>\n<Rb-28s Id=\"a\">"), 5, "GT", "GT „-” musi być jedną cyfrą (rodzaj gminy)"),
        (with("<Regon>000903305</Regon><WK>10</WK><PK>02</PK>", "<Regon>000903305</Regon><WK>10</WK><PK>03</PK>"), 21, "WK", "jednostka nr 2: należy do JST 1003011, a pierwsza jednostka paczki do 1002011"),
        (with("<Nazwa>Szkoła</Nazwa>", "<Nazwa> </Nazwa>"), 21, "Nazwa", "jednostka nr 2: brak nazwy jednostki"),
        (with("<Regon>000903305</Regon>", "<Regon>12345</Regon>"), 21, "Regon", "REGON „12345” musi mieć 9 albo 14 cyfr"),
        (with("<Okres>4</Okres></Okres>\n<Jednostki>", "<Okres>5</Okres></Okres>\n<Jednostki>"), 3, "Okres", "okres paczki: okres „5” typu Kwartal musi być liczbą 1–4"),
        (with("<Okres>4</Okres></Okres>\n<Jednostki>", "<Okres>0</Okres></Okres>\n<Jednostki>"), 3, "Okres", "musi być liczbą 1–4"),
        (with("<TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>\n<Jednostki>", "<TypOkresu>Tydzien</TypOkresu><Okres>4</Okres></Okres>\n<Jednostki>"), 3, "TypOkresu", "typ okresu „Tydzien” nie jest obsługiwany"),
        (with("<Rok>2024</Rok><TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>\n<Jednostki>", "<Rok>20x4</Rok><TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>\n<Jednostki>"), 3, "Rok", "rok „20x4” nie jest rokiem"),
        (with("<Okres>4</Okres></Okres>\n<Pozycje>", "<Okres>3</Okres></Okres>\n<Pozycje>"), 8, "Okres", "sprawozdanie Rb-28s jednostki nr 1 (REGON 000903297): okres sprawozdania (2024, Kwartal 3) różni się od okresu paczki (2024, Kwartal 4)"),
        (with("<Rok>2024</Rok><TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>\n<Pozycje>", "<Rok>2023</Rok><TypOkresu>Kwartal</TypOkresu><Okres>4</Okres></Okres>\n<Pozycje>"), 8, "Okres", "różni się od okresu paczki"),
        (with("<PL>0.50</PL>", "<PL><b>0.50</b></PL>"), 25, "PL", "element PL zawiera element <b>"),
    ];
    for (text, row, column, message) in cases {
        let err = parse(&text).expect_err(message);
        let first = &err.problems[0];
        assert_eq!(first.row, Some(row), "{err}");
        assert_eq!(first.column.as_deref(), Some(column), "{err}");
        assert!(first.message.contains(message), "expected {message:?} in {err}");
        assert!(err.to_string().contains("paczka.xml"), "{err}");
    }
}

#[test]
fn all_row_problems_are_collected() {
    let text = with("<WW>90.25</WW>", "<WW>x</WW>").replace("<Paragraf>069", "<Paragraf>69");
    let err = parse(&text).expect_err("two bad items");
    let found: Vec<(Option<usize>, Option<&str>)> =
        err.problems.iter().map(|p| (p.row, p.column.as_deref())).collect();
    assert_eq!(found, [(Some(10), Some("WW")), (Some(16), Some("Paragraf"))], "{err}");
}

#[test]
fn bad_files_are_refused_whole() {
    let cases: Vec<(Vec<u8>, Option<usize>, &str)> = vec![
        (Vec::new(), None, "plik jest pusty"),
        (b"\xEF\xBB\xBF \n".to_vec(), None, "plik jest pusty"),
        (b"<?xml version=\"1.0\"?>\n<teryt><row/></teryt>".to_vec(), Some(2), "element główny to <teryt>, oczekiwano <PaczkaSprawozdan>"),
        (b"<?xml version=\"1.0\"?>\n<!-- nic -->".to_vec(), None, "nie zawiera elementu <PaczkaSprawozdan>"),
        (
            [&SMALL.as_bytes()[..SMALL.find("Szkoła").expect("name")], b"Szko\xB3a", &SMALL.as_bytes()[SMALL.find("Szkoła").expect("name") + "Szkoła".len()..]].concat(),
            Some(21),
            "plik nie jest zapisany w kodowaniu UTF-8",
        ),
        (SMALL.replace("encoding=\"utf-8\"", "encoding=\"windows-1250\"").into_bytes(), Some(1), "plik deklaruje kodowanie „windows-1250”"),
        (b"<PaczkaSprawozdan><Okres><Rok>2024</Rok><TypOkresu>Kwartal</TypOkresu><Okres>1</Okres></Okres><Jednostki></Jednostki></PaczkaSprawozdan>".to_vec(), None, "paczka nie zawiera żadnej jednostki"),
        (b"<PaczkaSprawozdan/>".to_vec(), None, "brak okresu paczki"),
        (SMALL.replace("Rb-28s", "Rb-N").replace("Rb-27s", "Rb-Z").into_bytes(), None, "paczka nie zawiera sprawozdania Rb-27S ani Rb-28S"),
        (
            b"<PaczkaSprawozdan><Okres><Rok>2024</Rok><TypOkresu>Kwartal</TypOkresu><Okres>1</Okres></Okres><Jednostki><Jednostka><Nazwa>A</Nazwa><WK>10</WK><PK>02</PK><GK>01</GK><GT>1</GT><Sprawozdania><Rb-28s><Pozycje/></Rb-28s></Sprawozdania></Jednostka></Jednostki></PaczkaSprawozdan>".to_vec(),
            None,
            "sprawozdania w paczce nie zawierają żadnej pozycji",
        ),
        (format!("{SMALL}koniec").into_bytes(), Some(32), "po zamknięciu elementu PaczkaSprawozdan plik zawiera dalszy tekst"),
        (format!("{SMALL}<PaczkaSprawozdan/>").into_bytes(), Some(32), "plik zawiera kolejny element <PaczkaSprawozdan>"),
        (SMALL.replacen("</Pozycje>", "</Pozycja>", 1).into_bytes(), Some(12), "niepoprawny XML: znacznik </Pozycja> zamyka element <Pozycje>"),
        (SMALL.replacen("<WW>90.25</WW>", "<WW>90&nbsp;25</WW>", 1).into_bytes(), Some(10), "nieznana encja „&nbsp;”"),
        (SMALL.replacen("<WW>90.25</WW>", "<WW>90 & 25</WW>", 1).into_bytes(), Some(10), "znak & bez kończącego średnika"),
    ];
    for (bytes, row, message) in cases {
        let err = parse_budget_package(&bytes, "paczka.xml").expect_err(message);
        let first = &err.problems[0];
        assert_eq!(first.row, row, "{err}");
        assert!(first.message.contains(message), "expected {message:?} in {err}");
    }
}

#[test]
fn a_file_cut_short_is_refused_with_where_it_ends() {
    let cut = |marker: &str, keep: usize| {
        let at = SMALL.find(marker).expect("marker") + keep;
        parse(&SMALL[..at]).expect_err("cut short")
    };
    // After a closed item: the XML so far is fine, but the package never ends.
    let err = cut("</Pozycja>", "</Pozycja>".len());
    assert_eq!(err.problems[0].row, Some(10), "{err}");
    assert_eq!(err.problems[0].column.as_deref(), Some("Pozycje"), "{err}");
    assert!(err.problems[0].message.contains("plik jest urwany: kończy się przed zamknięciem elementu <Pozycje> (otwartego w wierszu 9) i elementu głównego <PaczkaSprawozdan>"), "{err}");
    // In the middle of an amount.
    let err = cut("<PL>100.50", "<PL>100.".len());
    assert_eq!(err.problems[0].column.as_deref(), Some("PL"), "{err}");
    // In the middle of a tag.
    let err = cut("<Pozycja>", "<Pozy".len());
    assert!(err.problems[0].message.contains("urwany w środku znacznika"), "{err}");
    // Everything but the closing root tag.
    let err = cut("</PaczkaSprawozdan>", 0);
    assert_eq!(err.problems[0].column.as_deref(), Some("PaczkaSprawozdan"), "{err}");
    // In the middle of an entity: a cut file to export again, not a lone `&` to escape.
    let quoted = SMALL.replacen("Szkoła", "Szkoła &quot;A&quot;", 1);
    let at = quoted.find("&quot;").expect("entity") + "&quo".len();
    let err = parse(&quoted[..at]).expect_err("cut in an entity");
    assert!(err.problems[0].message.contains("plik jest urwany w środku encji"), "{err}");
    // In the middle of a two-byte letter.
    let err = parse_budget_package(&SMALL.as_bytes()[..SMALL.find("ąd").expect("ą") + 1], "x")
        .expect_err("cut in a letter");
    assert!(err.problems[0].message.contains("urwany w środku znaku"), "{err}");
}

#[test]
fn real_sample_cut_anywhere_is_an_error() {
    let last_item = WYDATKI.windows(10).rposition(|w| w == b"</Pozycja>").expect("items") + 10;
    let before_root_end = WYDATKI.len() - "</PaczkaSprawozdan>".len();
    let cuts = (0..WYDATKI.len()).step_by(997).chain([
        1,
        2,
        3,
        last_item,
        before_root_end,
        WYDATKI.len() - 1,
    ]);
    for cut in cuts {
        let err = parse_budget_package(&WYDATKI[..cut], "Wydatki.xml")
            .expect_err(&format!("a file cut at byte {cut} must be refused"));
        let message = &err.problems[0].message;
        assert!(message.contains("urwany") || message.contains("pusty"), "cut at {cut}: {err}");
    }
    for cut in (0..DOCHODY.len()).step_by(997) {
        assert!(parse_budget_package(&DOCHODY[..cut], "Dochody.xml").is_err(), "cut at {cut}");
    }
}

proptest::proptest! {
    // Failure files cannot be kept for an integration test (proptest looks for lib.rs); a
    // failure prints its minimal input instead.
    #![proptest_config(proptest::test_runner::Config {
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..1024)) {
        let _ = looks_like_budget_package(&bytes);
        let _ = parse_budget_package(&bytes, "x.xml");
    }

    #[test]
    fn every_truncation_of_a_valid_package_is_refused(cut in 0..SMALL.trim_end().len()) {
        let bytes = &SMALL.as_bytes()[..cut];
        proptest::prop_assert!(parse_budget_package(bytes, "x.xml").is_err());
    }

    #[test]
    fn mutated_packages_never_panic(
        edits in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::u8::ANY), 1..6),
        cut in proptest::num::usize::ANY,
    ) {
        let mut bytes = SMALL.as_bytes().to_vec();
        for (at, byte) in edits {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut % (bytes.len() + 1));
        let _ = looks_like_budget_package(&bytes);
        if let Ok(package) = parse_budget_package(&bytes, "x.xml") {
            proptest::prop_assert!(!package.lines.is_empty() && !package.units.is_empty());
        }
    }

    #[test]
    fn mutated_text_never_panics(body in "[<>/&;#a-zA-Z0-9 .,\\-\n]{0,200}") {
        let text = SMALL.replacen("<WW>90.25</WW>", &format!("<WW>{body}</WW>"), 1);
        let _ = parse(&text);
        let text = SMALL.replacen("<Pozycje>", &format!("<Pozycje>{body}"), 1);
        let _ = parse(&text);
    }
}
