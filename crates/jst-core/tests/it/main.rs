mod comparison;
mod monitor;
mod reports;
mod settings;
mod strategy;
mod sync;
