mod monitor;
