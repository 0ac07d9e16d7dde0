//! The indicator chart: an SVG that parses, Polish numbers and legend, a PNG of the asked width,
//! and the edge cases (one point, equal values, negative and huge values, nothing to draw).

use jst_report::chart;
use jst_report::Chart;
use resvg::tiny_skia::Pixmap;
use resvg::usvg::{Options, Tree};

fn sample() -> Chart {
    Chart {
        title: "Liczba mieszkańców korzystających z sieci kanalizacyjnej".into(),
        alt: "Wartości rosną od 12 340 w 2019 r. do 15 120 w 2024 r.; cel 18 000 w 2030 r.".into(),
        unit: "osoby".into(),
        observed: vec![
            (2019, 12_340.0),
            (2020, 12_900.0),
            (2021, 13_480.0),
            (2022, 13_950.0),
            (2023, 14_610.0),
            (2024, 15_120.0),
        ],
        planned: vec![(2020, 12_900.0), (2025, 15_000.0), (2030, 18_000.0)],
        projection: vec![(2024, 15_120.0), (2027, 16_500.0), (2030, 17_880.0)],
    }
}

fn with(observed: Vec<(i32, f64)>, planned: Vec<(i32, f64)>, projection: Vec<(i32, f64)>) -> Chart {
    Chart { observed, planned, projection, ..sample() }
}

fn parses(svg: &str) {
    let tree = Tree::from_str(svg, &Options::default()).expect("the SVG parses");
    assert_eq!((tree.size().width(), tree.size().height()), (640.0, 300.0));
}

#[test]
fn svg_parses_with_polish_legend_and_numbers() {
    let svg = chart::svg(&sample()).expect("svg");
    parses(&svg);
    for word in ["Wartości", "Ścieżka do celu", "Projekcja", "osoby"] {
        assert!(svg.contains(word), "{word} missing");
    }
    // Ticks every 1000 from 12 000: five digits grouped with a (non-breaking) space.
    assert!(svg.contains("14\u{a0}000"), "grouped thousands missing");
    // Whole years only.
    assert!(svg.contains(">\n2024\n") || svg.contains(">2024"), "year label missing");
    assert!(!svg.contains("2024.5") && !svg.contains("2024,5"));
    // The title is the document's, not the chart's.
    assert!(!svg.contains("kanalizacyjnej"));
}

#[test]
fn small_values_have_a_decimal_comma_and_four_digits_stay_whole() {
    let svg = chart::svg(&with(vec![(2020, 0.12), (2024, 0.47)], vec![], vec![])).expect("svg");
    assert!(svg.contains("0,2"));
    assert!(!svg.contains("0.2"));
    let svg = chart::svg(&with(vec![(2020, 1000.0), (2024, 8000.0)], vec![], vec![])).expect("svg");
    assert!(svg.contains(">2000\n") || svg.contains("2000"));
    assert!(!svg.contains("2\u{a0}000"));
}

#[test]
fn only_drawn_series_are_in_the_legend() {
    let svg = chart::svg(&with(sample().observed, sample().planned, vec![])).expect("svg");
    assert!(svg.contains("Ścieżka do celu"));
    assert!(!svg.contains("Projekcja"));
}

#[test]
fn edge_cases_render() {
    let cases = [
        ("one-point", with(vec![(2024, 42.0)], vec![], vec![])),
        (
            "equal",
            with(
                vec![(2020, 5.0), (2021, 5.0), (2022, 5.0)],
                vec![(2020, 5.0), (2030, 5.0)],
                vec![],
            ),
        ),
        (
            "negative",
            with(
                vec![(2019, -12.5), (2022, -3.0), (2024, 4.5)],
                vec![(2019, -12.5), (2030, 10.0)],
                vec![(2024, 4.5), (2030, 20.0)],
            ),
        ),
        (
            "huge",
            with(vec![(2019, 1.0e9), (2024, 3.4e9)], vec![(2019, 1.0e9), (2030, 5.0e9)], vec![]),
        ),
        ("zeros", with(vec![(2020, 0.0), (2024, 0.0)], vec![], vec![])),
        (
            "not-finite",
            with(vec![(2020, f64::NAN), (2021, 3.0), (2022, f64::INFINITY)], vec![], vec![]),
        ),
        ("empty", with(vec![], vec![], vec![])),
    ];
    for (name, c) in cases {
        let svg = chart::svg(&c).unwrap_or_else(|e| panic!("{name}: {e}"));
        parses(&svg);
        let png = chart::png(&c, 640).unwrap_or_else(|e| panic!("{name}: {e}"));
        let pixmap = Pixmap::decode_png(&png).expect("png decodes");
        assert_eq!(pixmap.width(), 640, "{name}");
    }
    let huge = chart::svg(&with(vec![(2019, 1.0e9), (2024, 3.4e9)], vec![], vec![])).expect("svg");
    assert!(huge.contains("1\u{a0}000\u{a0}000\u{a0}000"));
    let empty = chart::svg(&with(vec![], vec![], vec![])).expect("svg");
    assert!(empty.contains("Brak wartości"));
}

#[test]
fn png_has_the_asked_width_and_the_svg_proportions() {
    let png = chart::png(&sample(), 1280).expect("png");
    let pixmap = Pixmap::decode_png(&png).expect("png decodes");
    assert_eq!((pixmap.width(), pixmap.height()), (1280, 600));
    // Text was rendered from the shipped font: the legend row is not blank.
    let legend_row = (560..590).flat_map(|y| (0..1280).map(move |x| (x, y)));
    let dark =
        legend_row.filter(|&(x, y)| pixmap.pixel(x, y).is_some_and(|p| p.red() < 100)).count();
    assert!(dark > 100, "legend text missing from the PNG ({dark} dark pixels)");

    // Pictures to look at (not checked): the sample and the edge cases.
    let dir = std::path::Path::new("/tmp/chartshots");
    if std::fs::create_dir_all(dir).is_ok() {
        let _ = std::fs::write(dir.join("sample.png"), &png);
        let shots = [
            (
                "negative",
                with(
                    vec![(2019, -12.5), (2022, -3.0), (2024, 4.5)],
                    vec![(2019, -12.5), (2030, 10.0)],
                    vec![(2024, 4.5), (2030, 20.0)],
                ),
            ),
            (
                "huge",
                with(
                    vec![(2019, 1.0e9), (2022, 2.1e9), (2024, 3.4e9)],
                    vec![(2019, 1.0e9), (2030, 5.0e9)],
                    vec![],
                ),
            ),
            ("one-point", with(vec![(2024, 42.0)], vec![], vec![])),
            ("empty", with(vec![], vec![], vec![])),
        ];
        for (name, c) in shots {
            if let Ok(png) = chart::png(&c, 1280) {
                let _ = std::fs::write(dir.join(format!("{name}.png")), png);
            }
        }
    }
}
