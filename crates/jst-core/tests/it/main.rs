mod monitor;
mod strategy;
