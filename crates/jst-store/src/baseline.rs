//! The floor of DESIGN §11's load target ("within 1.5× of a raw bulk load of the same rows into
//! the same storage engine"): the rows inserted into a bare table of the same layout in one
//! transaction, with the same durability settings and no dataset bookkeeping or extra index.
//! Used only by benchmarks; the program never stores data this way.

use std::path::Path;

use rusqlite::Connection;

use crate::{PublicValue, Result};

pub fn raw_bulk_load(path: &Path, values: &[PublicValue]) -> Result<()> {
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch(
        "CREATE TABLE raw_values (
             indicator TEXT NOT NULL, year INTEGER NOT NULL, unit TEXT NOT NULL,
             value REAL NOT NULL, PRIMARY KEY (indicator, year, unit)) WITHOUT ROWID;",
    )?;
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO raw_values (indicator, year, unit, value) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for v in values {
            stmt.execute((&v.indicator, v.year, &v.unit, v.value))?;
        }
    }
    tx.commit()?;
    Ok(())
}
