//! The committed TypeScript bindings must equal what the Rust commands generate.
//! `cargo xtask codegen` rewrites them (it sets `UPDATE_BINDINGS=1`).

use std::path::Path;

#[test]
fn committed_bindings_are_fresh() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join(monitor_jst::BINDINGS_PATH);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        monitor_jst::export_bindings(&committed).expect("write bindings");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let fresh = dir.path().join("bindings.ts");
    monitor_jst::export_bindings(&fresh).expect("generate bindings");
    let fresh = std::fs::read_to_string(fresh).expect("read generated");
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/ipc/bindings.ts is stale: run `cargo xtask codegen` and commit the result"
    );
}
