mod comparison;
mod monitor;
mod reports;
mod strategy;
mod sync;
