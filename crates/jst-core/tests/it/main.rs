mod comparison;
mod monitor;
mod reports;
mod strategy;
mod strategy_edit;
mod sync;
