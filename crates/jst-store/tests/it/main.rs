//! Integration tests of the store on real SQLite files.

mod aggregates;
mod audit;
mod backups;
mod gwd;
mod migrations;
mod observations;
mod peer_blocks;
mod peer_groups;
mod practice_proposals;
mod practices;
mod register;

use jst_store::Stamp;

pub fn stamp(at: &str) -> Stamp {
    Stamp { at: at.to_owned(), by: "test".to_owned() }
}

pub fn shipped_terc() -> &'static [u8] {
    include_bytes!("../../../../assets/register/TERC_2024-01-01.csv")
}
