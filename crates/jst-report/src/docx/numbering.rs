//! The one list style: a bullet at the first level.

use docx_rust::document::{
    AbstractNum, AbstractNumId, Level, LevelJustification, LevelStart, LevelText, Num, NumFmt,
    Numbering, PPr,
};
use docx_rust::formatting::{Indent, JustificationVal};

/// The `w:numId` of bulleted lists.
pub(crate) const BULLETS: isize = 1;

pub(crate) fn numbering() -> Numbering<'static> {
    let bullet = Level {
        i_level: Some(0),
        start: Some(LevelStart { value: Some(1) }),
        number_format: Some(NumFmt { value: "bullet".into() }),
        level_text: Some(LevelText { value: Some("•".into()) }),
        justification: Some(LevelJustification { value: JustificationVal::Left }),
        p_pr: Some(PPr {
            indent: Some(Indent { left: Some(720), hanging: Some(360), ..Default::default() }),
        }),
        r_pr: Vec::new(),
    };
    Numbering {
        abstract_numberings: vec![AbstractNum {
            abstract_num_id: Some(0),
            levels: vec![bullet],
            ..Default::default()
        }],
        numberings: vec![Num {
            num_id: Some(BULLETS),
            abstract_num_id: Some(AbstractNumId { value: Some(0) }),
            level_overrides: Vec::new(),
        }],
    }
}
