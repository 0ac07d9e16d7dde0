# desktop: what the window's commands say (dialog filters, errors made in src-tauri)

desktop-open-folder-failed = the folder { $folder } could not be opened: { $reason }
desktop-internal-locked = internal error of the program (locked state); restart the program
desktop-no-data-dir = the application's data folder could not be found ({ $reason }); set the variable { $variable }
desktop-log-save-failed = the log could not be saved ({ $what }): { $reason }
desktop-log-empty = the program's log is empty
desktop-filter-csv = CSV (semicolon, UTF-8)
desktop-filter-official = Budget report, SIO list (XML, XLSX, CSV)
desktop-filter-emblem = Coat of arms (PNG, SVG)
desktop-filter-log = Log (LOG)
desktop-practice-not-image = This attachment is a PDF document: save it with “Save as…” and open it in a PDF viewer.
desktop-practice-attachment-read = The attachment could not be read from the cache: { $reason }
