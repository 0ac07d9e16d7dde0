//! The kinds of file the good-practice base attaches to a practice: told by their first bytes,
//! never by a name, and named in a release by their media type.

/// An attachment's kind, a closed set; the codes are the JSON contract of the views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    Pdf,
    Png,
    Jpeg,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 3] = [Self::Pdf, Self::Png, Self::Jpeg];

    /// The media type a release's practice names (`application/pdf`, `image/png`, `image/jpeg`).
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    pub fn from_media_type(media_type: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.media_type() == media_type.trim())
    }

    /// The kind by the file's first bytes (its magic number), or `None` for anything else.
    pub fn from_magic(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    /// The usual file extension, for a name a user saves the file under.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_first_bytes_and_named_by_media_type() {
        assert_eq!(AttachmentKind::from_magic(b"%PDF-1.7\n"), Some(AttachmentKind::Pdf));
        assert_eq!(AttachmentKind::from_magic(b"\x89PNG\r\n\x1a\n...."), Some(AttachmentKind::Png));
        assert_eq!(
            AttachmentKind::from_magic(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(AttachmentKind::Jpeg)
        );
        assert_eq!(AttachmentKind::from_magic(b"<html>"), None);
        assert_eq!(AttachmentKind::from_magic(b""), None);
        for kind in AttachmentKind::ALL {
            assert_eq!(AttachmentKind::from_media_type(kind.media_type()), Some(kind));
        }
        assert_eq!(AttachmentKind::from_media_type("image/svg+xml"), None);
        assert_eq!(serde_json::to_string(&AttachmentKind::Jpeg).ok().as_deref(), Some("\"jpeg\""));
    }
}
