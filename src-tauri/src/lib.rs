//! The desktop shell of Monitor JST: a thin Tauri layer whose commands (about ten lines each)
//! call `jst-core` and turn its errors into one serialisable [`ApiError`]. TypeScript bindings
//! for the commands and types are generated from here into `ui/src/ipc/bindings.ts`.
//!
//! This is the only crate that depends on Tauri. It must not contain domain logic, SQL or file
//! parsing, and it exposes no fs, shell, http or sql plugin to the webview.

mod api_error;
mod background;
mod backup_commands;
mod commands;
mod data_commands;
mod export_commands;
mod gwd_commands;
mod log;
mod navigation;
mod practice_commands;
mod report_commands;
mod settings_commands;
mod startup;
mod state;
mod strategy_edit_commands;

use tauri::Manager;

pub use api_error::ApiError;

/// The command set and types shared with the UI; also used to generate the bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        // View types only travel to the UI, so one TypeScript type per Rust type is enough.
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            commands::app_status,
            commands::search_units,
            commands::choose_unit,
            commands::open_demo,
            commands::strategy_overview,
            commands::indicator_detail,
            commands::record_value,
            data_commands::value_grid,
            data_commands::delete_value,
            commands::pick_file,
            commands::pick_import_file,
            commands::check_import,
            commands::run_import,
            commands::cancel_import,
            commands::pick_official_file,
            commands::check_official_import,
            commands::run_official_import,
            commands::add_note,
            commands::comparable_indicators,
            commands::indicator_years,
            commands::cost_years,
            commands::benchmark,
            commands::position_over_years,
            commands::boundaries,
            commands::nearest_peers,
            commands::peer_groups,
            commands::save_peer_group,
            commands::delete_peer_group,
            commands::costs,
            commands::export_costs,
            commands::pick_save_file,
            commands::sync_status,
            commands::configure_sync,
            commands::trust_key,
            commands::sync_now,
            commands::cancel_sync,
            commands::contributions,
            commands::set_contributed,
            commands::set_unit_token,
            commands::keep_own_value,
            commands::accept_server_value,
            commands::submit_now,
            report_commands::report_preview,
            report_commands::complete_report_year,
            report_commands::report_header,
            report_commands::save_report_header,
            report_commands::pick_emblem_file,
            report_commands::set_report_emblem,
            report_commands::report_texts,
            report_commands::save_report_text,
            report_commands::pick_report_file,
            report_commands::write_report,
            report_commands::cancel_report,
            report_commands::show_report_folder,
            strategy_edit_commands::strategy_definition,
            strategy_edit_commands::check_strategy_edit,
            strategy_edit_commands::edit_strategy,
            strategy_edit_commands::undo_strategy_edit,
            strategy_edit_commands::strategy_undo_state,
            strategy_edit_commands::export_strategy_template,
            backup_commands::backups,
            backup_commands::backup_now,
            backup_commands::check_backup,
            backup_commands::restore_backup,
            export_commands::pick_export_file,
            export_commands::export_own_data,
            settings_commands::audit_log,
            settings_commands::trusted_keys,
            settings_commands::remove_trusted_key,
            settings_commands::thresholds,
            settings_commands::save_thresholds,
            settings_commands::pick_log_file,
            settings_commands::save_log,
            settings_commands::set_language,
            settings_commands::about,
            startup::first_screen_ready,
            gwd_commands::gwd_groups,
            gwd_commands::gwd_shares,
            gwd_commands::gwd_notes,
            gwd_commands::add_gwd_note,
            gwd_commands::pick_gwd_sheet_file,
            gwd_commands::export_gwd_sheet,
            practice_commands::search_practices,
            practice_commands::practice,
            practice_commands::suggest_practices,
            practice_commands::practice_image,
            practice_commands::save_practice_attachment,
            practice_commands::check_practice_proposal,
            practice_commands::propose_practice,
            practice_commands::practice_proposals,
            practice_commands::send_practice_proposal,
        ])
}

/// Where the generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/ipc/bindings.ts";

/// Renders the TypeScript bindings (the committed file must equal this).
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    specta_builder()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from src-tauri by `cargo xtask codegen`; do not edit."),
            path,
        )
        .map_err(|e| e.to_string())
}

pub fn run() {
    startup::mark_start();
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(navigation::guard())
        // Used from Rust only (`pick_file`); no capability grants the webview `dialog:*`.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(|app| {
            // Messages made in Rust name the window's screens, never a `jst` command.
            jst_text::set_surface(jst_text::Surface::Window);
            let data_dir = state::data_dir(app.handle());
            let guard = data_dir.as_ref().ok().and_then(|dir| log::start(dir));
            app.manage(log::Guard::new(guard));
            tracing::info!(
                version = env!("CARGO_PKG_VERSION"),
                data_dir = ?data_dir.as_ref().ok(),
                "Monitor JST uruchomiony"
            );
            app.manage(state::AppState::new(data_dir));
            state::AppState::open_in_background(app.handle());
            background::start(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Monitor JST could not start its window");
}
