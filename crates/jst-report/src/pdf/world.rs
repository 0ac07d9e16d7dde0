//! The smallest Typst `World` a report needs: one template, one JSON file, the images it names
//! and the shipped fonts. Nothing is read from disk or the system: the same document gives the
//! same PDF on every computer, and a template can't reach a user's files.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::Error;

/// The template's own path, for diagnostics.
const MAIN_PATH: &str = "/document.typ";

/// Built once a process: the standard library and parsed fonts are the same for every report.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Every character some shipped font has a glyph for.
    covered: HashSet<u32>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    // `Bytes::new` over the `&'static` slices: the fonts are not copied.
    let fonts: Vec<Font> =
        crate::fonts::FILES.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
    let covered = fonts.iter().flat_map(|f| f.info().coverage.iter()).collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        covered,
    }
});

/// Whether the shipped fonts can draw `c`.
pub(super) fn has_glyph(c: char) -> bool {
    SHARED.covered.contains(&u32::from(c))
}

pub(super) struct ReportWorld {
    template: &'static str,
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl ReportWorld {
    /// `files` are (absolute virtual path, bytes) pairs the template may read.
    pub(super) fn new(
        template: &'static str,
        files: impl IntoIterator<Item = (String, Vec<u8>)>,
    ) -> Result<Self, Error> {
        let main = Source::new(file_id(MAIN_PATH)?, template.to_owned());
        let files = files
            .into_iter()
            .map(|(path, bytes)| Ok((file_id(&path)?, Bytes::new(bytes))))
            .collect::<Result<_, Error>>()?;
        Ok(Self { template, main, files })
    }

    /// The template's text, to turn an error's position into a line number.
    pub(super) fn main_source(&self) -> &Source {
        &self.main
    }
}

/// File ids are interned for the life of the process (at most 2^16 of them), so the paths are
/// fixed names, not per-report ones.
fn file_id(path: &str) -> Result<FileId, Error> {
    let vpath = VirtualPath::new(path).map_err(|e| Error::Pdf(format!("{path}: {e}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if self.files.contains_key(&id) {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.template));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    /// No clock: every date a report prints comes with its data, so the same data always gives
    /// the same PDF. Typst's `datetime.today()` fails, which the template never calls.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
