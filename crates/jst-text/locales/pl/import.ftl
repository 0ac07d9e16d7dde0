# import

severity-critical = krytyczny
severity-error = błąd
severity-warning = ostrzeżenie
severity-info = informacja
