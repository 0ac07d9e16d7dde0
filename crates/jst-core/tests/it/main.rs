mod comparison;
mod exports;
mod monitor;
mod reports;
mod settings;
mod strategy;
mod strategy_edit;
mod sync;
