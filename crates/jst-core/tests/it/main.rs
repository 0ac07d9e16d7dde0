mod comparison;
mod monitor;
mod strategy;
