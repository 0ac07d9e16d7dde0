mod comparison;
mod monitor;
mod strategy;
mod sync;
