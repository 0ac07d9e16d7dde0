//! SVG to PNG through resvg, with a font database holding only the shipped DejaVu Sans: the
//! picture is the same on every machine and no system font is looked up.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, ImageHrefResolver, Options, Tree};

use crate::fonts::{FAMILY, FILES};

/// The shipped fonts, loaded once.
fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            for file in FILES {
                db.load_font_data(file.to_vec());
            }
            db.set_sans_serif_family(FAMILY);
            Arc::new(db)
        })
        .clone()
}

/// Options that resolve every font to the shipped family and read no file an SVG names: an
/// emblem's `<image href="…">` may embed a picture (a data URL) but not pull one off the disk.
fn options() -> Options<'static> {
    let images = ImageHrefResolver {
        resolve_data: ImageHrefResolver::default_data_resolver(),
        resolve_string: Box::new(|_, _| None),
    };
    Options {
        font_family: FAMILY.to_owned(),
        fontdb: fonts(),
        image_href_resolver: images,
        ..Options::default()
    }
}

/// Parses an SVG with the shipped fonts. Errors are Polish phrases the caller puts into its
/// own error (a chart's or a DOCX emblem's).
pub(crate) fn parse(svg: &[u8]) -> Result<Tree, String> {
    Tree::from_data(svg, &options()).map_err(|e| format!("niepoprawny plik SVG ({e})"))
}

/// Renders a parsed SVG as PNG, `width` pixels wide, its height in proportion.
pub(crate) fn rasterise(tree: &Tree, width: u32) -> Result<Vec<u8>, String> {
    let size = tree.size();
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).round().max(1.0) as u32;
    let mut pixmap = Pixmap::new(width.max(1), height)
        .ok_or_else(|| format!("niepoprawny rozmiar obrazu {width} × {height} pikseli"))?;
    resvg::render(tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("nie udało się zapisać PNG ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_cannot_pull_a_file_off_the_disk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("red.png");
        let mut red = Pixmap::new(4, 4).expect("pixmap");
        red.fill(resvg::tiny_skia::Color::from_rgba8(255, 0, 0, 255));
        std::fs::write(&path, red.encode_png().expect("png")).expect("write");
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><image href="{}" width="4" height="4"/></svg>"#,
            path.display()
        );
        let png = rasterise(&parse(svg.as_bytes()).expect("parses"), 4).expect("renders");
        let drawn = Pixmap::decode_png(&png).expect("decodes");
        assert!(drawn.pixels().iter().all(|p| p.alpha() == 0), "the file was read");
    }
}
