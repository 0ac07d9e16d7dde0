//! `jst-server keygen --out DIR`: a new release key pair. The secret key file is created
//! readable by its owner only and never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use jst_release::KeyPair;

use crate::{Error, Result};

pub const SECRET_FILE: &str = "release.key";
pub const PUBLIC_FILE: &str = "release.pub";

/// Writes `release.key` and `release.pub` into `dir`; returns their paths and the key id.
pub fn keygen(dir: &Path) -> Result<(PathBuf, PathBuf, String)> {
    std::fs::create_dir_all(dir)
        .map_err(Error::io(format!("nie można utworzyć {}", dir.display())))?;
    let secret = dir.join(SECRET_FILE);
    let public = dir.join(PUBLIC_FILE);
    if secret.exists() || public.exists() {
        return Err(Error::Invalid(format!(
            "w {} są już klucze; nowych nie zapisano (usuń je świadomie albo wybierz inny folder)",
            dir.display()
        )));
    }
    let pair = KeyPair::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    // Windows: a file inherits the ACL of its folder, which `docs/server.md` has readable by the
    // service's account only; there is no mode to set.
    #[cfg(not(unix))]
    {}
    let mut file = options
        .open(&secret)
        .map_err(Error::io(format!("nie można zapisać {}", secret.display())))?;
    file.write_all(pair.to_text().as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(Error::io(format!("nie można zapisać {}", secret.display())))?;
    std::fs::write(&public, pair.public().to_text())
        .map_err(Error::io(format!("nie można zapisać {}", public.display())))?;
    Ok((secret, public, pair.public().id()))
}
