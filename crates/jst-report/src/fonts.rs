//! The fonts every document is set in, shipped inside the binary (assets/fonts): a town hall's
//! computer may have none with Polish letters and the status marks, and a PDF for the BIP must
//! embed its fonts anyway.

pub(crate) const FAMILY: &str = "DejaVu Sans";

pub(crate) const FILES: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-BoldOblique.ttf"),
];
