# store

store-schema-too-new = baza { $path } ma schemat w wersji { $found }, nowszej niż obsługiwana przez ten program ({ $supported }); zainstaluj nowszą wersję Monitora JST. Plik nie został zmieniony.
store-backup-before-migration = nie można utworzyć kopii bazy { $path } przed migracją: { $reason }
store-not-restorable = plik { $path } nie nadaje się do przywrócenia: { $defect }. Nic nie zmieniono.
store-in-use = baza { $path } jest otwarta w innym programie (np. w oknie Monitora JST); zamknij go i spróbuj ponownie. Nic nie zmieniono.
store-database-error = błąd bazy danych: { $reason }
store-unknown-unit = nie ma jednostki o kodzie TERYT { $teryt } w rejestrze
store-older-register = rejestr ze stanem na { $offered } jest starszy niż już wczytany (stan na { $current }); wczytaj aktualny plik TERC
store-corrupt = baza zawiera niepoprawne dane: { $detail }
store-migration-broken-links = migracja { $migration } zostawiłaby { $links } { $links ->
    [one] niespójne powiązanie
    [few] niespójne powiązania
   *[many] niespójnych powiązań
}
store-unknown-node-level = nieznany poziom węzła { $level }
store-missing-strategy = brak strategii { $id }
store-missing-unit-id = brak jednostki o identyfikatorze { $id }
store-missing-in-edited-strategy = brak „{ $code }” w edytowanej strategii

## Copies of the database and their restore

store-defect-unreadable = nie można go odczytać ({ $reason })
store-defect-not-a-database = to nie jest baza danych SQLite
store-defect-not-monitor-jst = to nie jest baza danych Monitora JST (local.db)
store-defect-damaged = baza jest uszkodzona lub niepełna ({ $reason })
store-defect-too-new = ma schemat w wersji { $found }, nowszej niż obsługiwana przez ten program ({ $supported }); przywróć ją nowszą wersją Monitora JST
store-defect-current-database = to jest baza używana przez program, nie kopia
store-not-a-regular-file = to nie jest zwykły plik
store-file-missing = plik nie istnieje
store-no-read-permission = brak uprawnień do odczytu
store-cannot-remove-file = nie można usunąć pliku { $path }
store-cannot-create-copy-folder = nie można utworzyć folderu kopii { $path }
store-cannot-name-copy = nie można nadać kopii nazwy { $path }
store-copy-failed-check = kopia { $path } nie przeszła sprawdzenia (integrity_check: { $verdict }, schemat { $found } zamiast { $expected })
store-cannot-sync-copy = nie można zapisać kopii { $path } na dysku
store-cannot-sync-folder = nie można zapisać folderu { $path } na dysku
store-cannot-swap-database = nie można podmienić bazy { $path }
