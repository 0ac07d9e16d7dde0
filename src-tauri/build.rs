// App commands get generated permissions (`allow-<command>`), so a window may call only what its
// capability grants (DESIGN §9).
const COMMANDS: &[&str] = &[
    "app_status",
    "search_units",
    "choose_unit",
    "open_demo",
    "strategy_overview",
    "indicator_detail",
    "record_value",
    "pick_file",
    "check_import",
    "run_import",
    "cancel_import",
    "pick_official_file",
    "check_official_import",
    "run_official_import",
    "add_note",
    "comparable_indicators",
    "benchmark",
    "position_over_years",
    "boundaries",
    "nearest_peers",
    "peer_groups",
    "save_peer_group",
    "delete_peer_group",
    "costs",
    "export_costs",
    "pick_save_file",
    "sync_status",
    "configure_sync",
    "trust_key",
    "sync_now",
    "cancel_sync",
    "contributions",
    "set_contributed",
    "set_unit_token",
    "keep_own_value",
    "submit_now",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
