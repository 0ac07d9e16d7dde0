mod comparison;
mod exports;
mod monitor;
mod reports;
mod strategy;
mod sync;
