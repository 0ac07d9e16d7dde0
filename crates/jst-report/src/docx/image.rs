//! Pictures: the PNG files the package carries and the inline drawings that show them, each
//! with its alternative text in `wp:docPr descr` (what Word's "Tekst alternatywny" edits and a
//! screen reader reads).

use docx_rust::document::{
    AvList, Blip, BlipFill, CNvPicPr, CNvPr, DocPr, Drawing, Ext, Extent, FillRect, Graphic,
    GraphicData, Inline, NvPicPr, Offset, Picture, PrstGeom, Run, RunContent, SpPr, Stretch, Xfrm,
};

use crate::chart::raster;
use crate::{Error, Image, ImageFormat};

const DRAWINGML: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PICTURE: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
/// English Metric Units in a centimetre.
const EMU_PER_CM: f64 = 360_000.0;
/// An SVG emblem is rasterised this many pixels high (over 400 dpi at 3.5 cm) and at most
/// `EMBLEM_MAX_PIXELS` wide, whatever proportions the file claims.
const EMBLEM_PIXELS: f64 = 600.0;
const EMBLEM_MAX_PIXELS: f64 = 2400.0;

/// The package's pictures, in the order they appear.
#[derive(Debug, Default)]
pub(crate) struct Media {
    pub files: Vec<MediaFile>,
}

#[derive(Debug)]
pub(crate) struct MediaFile {
    /// Relationship id the drawing points at.
    pub rel_id: String,
    /// Path inside `word/`.
    pub target: String,
    pub png: Vec<u8>,
}

impl Media {
    /// A run showing `png` (`pixels` wide and high) `width_cm` wide.
    pub(crate) fn picture(
        &mut self,
        png: Vec<u8>,
        pixels: (u32, u32),
        width_cm: f64,
        name: &str,
        alt: &str,
    ) -> Run<'static> {
        let n = self.files.len() + 1;
        let rel_id = format!("rIdImage{n}");
        self.files.push(MediaFile {
            rel_id: rel_id.clone(),
            target: format!("media/image{n}.png"),
            png,
        });
        let cx = (width_cm * EMU_PER_CM).round() as u64;
        let cy = (cx as f64 * f64::from(pixels.1) / f64::from(pixels.0.max(1))).round() as u64;
        let drawing = inline(&rel_id, n, (cx, cy), name, alt);
        Run { content: vec![RunContent::Drawing(drawing)], ..Run::default() }
    }

    /// A run showing the emblem `height_cm` high (at most `max_width_cm` wide); an SVG emblem is
    /// rasterised first, as not every Word reads SVG.
    pub(crate) fn emblem(
        &mut self,
        image: &Image,
        height_cm: f64,
        max_width_cm: f64,
    ) -> Result<Run<'static>, Error> {
        let fail = |why: String| Error::Docx(format!("herb jednostki: {why}"));
        let png = match image.format {
            ImageFormat::Png => image.bytes.clone(),
            ImageFormat::Svg => {
                let tree = raster::parse(&image.bytes).map_err(fail)?;
                let size = tree.size();
                let width = EMBLEM_PIXELS * f64::from(size.width()) / f64::from(size.height());
                let width = width.round().clamp(1.0, EMBLEM_MAX_PIXELS) as u32;
                raster::rasterise(&tree, width).map_err(fail)?
            }
        };
        let (w, h) =
            png_size(&png).ok_or_else(|| fail("to nie jest poprawny plik PNG".to_owned()))?;
        let width_cm = (height_cm * f64::from(w) / f64::from(h)).min(max_width_cm);
        Ok(self.picture(png, (w, h), width_cm, "Herb", &image.alt))
    }
}

/// Width and height from a PNG's header (signature, then the IHDR chunk).
pub(crate) fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if png.len() < 24 || !png.starts_with(SIGNATURE) || &png[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(png[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(png[20..24].try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

fn inline(
    rel_id: &str,
    id: usize,
    (cx, cy): (u64, u64),
    name: &str,
    alt: &str,
) -> Drawing<'static> {
    let id = id as isize;
    let picture = Picture {
        a: PICTURE.into(),
        nv_pic_pr: NvPicPr {
            c_nv_pr: Some(CNvPr {
                id: Some(id),
                name: Some(format!("image{id}.png").into()),
                descr: Some(alt.to_owned().into()),
            }),
            c_nv_pic_pr: Some(CNvPicPr {}),
        },
        fill: BlipFill {
            blip: Blip { embed: rel_id.to_owned().into(), cstate: None },
            stretch: Some(Stretch { fill_rect: Some(FillRect {}) }),
        },
        sp_pr: SpPr {
            xfrm: Some(Xfrm {
                offset: Some(Offset { x: Some(0), y: Some(0) }),
                ext: Some(Ext { cx: Some(cx as isize), cy: Some(cy as isize) }),
            }),
            prst_geom: Some(PrstGeom { prst: Some("rect".into()), av_lst: Some(AvList {}) }),
        },
    };
    let inline = Inline {
        dist_t: Some(0),
        dist_b: Some(0),
        dist_l: Some(0),
        dist_r: Some(0),
        extent: Some(Extent { cx, cy }),
        doc_property: DocPr {
            id: Some(id),
            name: Some(name.to_owned().into()),
            descr: Some(alt.to_owned().into()),
        },
        graphic: Some(Graphic {
            a: DRAWINGML.into(),
            data: GraphicData { uri: PICTURE.into(), children: vec![picture] },
        }),
        ..Inline::default()
    };
    Drawing { anchor: None, inline: Some(inline) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_size_reads_the_header_and_rejects_other_files() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(300u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((640, 300)));
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
