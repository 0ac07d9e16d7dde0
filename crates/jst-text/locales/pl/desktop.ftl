# desktop: what the window's commands say (dialog filters, errors made in src-tauri)

desktop-open-folder-failed = nie udało się otworzyć folderu { $folder }: { $reason }
desktop-internal-locked = wewnętrzny błąd programu (zablokowany stan); uruchom program ponownie
desktop-no-data-dir = nie ustalono folderu danych aplikacji ({ $reason }); ustaw zmienną { $variable }
desktop-log-save-failed = nie udało się zapisać dziennika ({ $what }): { $reason }
desktop-log-empty = dziennik programu jest pusty
desktop-filter-csv = CSV (średnik, UTF-8)
desktop-filter-official = Sprawozdanie, wykaz SIO (XML, XLSX, CSV)
desktop-filter-emblem = Herb (PNG, SVG)
desktop-filter-log = Dziennik (LOG)
desktop-practice-not-image = Ten załącznik to dokument PDF: zapisz go przyciskiem „Zapisz jako…” i otwórz w przeglądarce PDF.
desktop-practice-attachment-read = Nie udało się odczytać załącznika z pamięci podręcznej: { $reason }
