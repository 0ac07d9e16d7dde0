# core

core-unknown-unit = nie ma jednostki o kodzie TERYT { $teryt } w rejestrze; { hint-search-unit }
core-no-active-strategy = brak aktywnej strategii; { hint-import-strategy }
core-unknown-group = nie ma zapisanej grupy porównawczej „{ $name }”; { hint-save-group }
core-unknown-key = nie ma zaufanego klucza wydań { $key }; { hint-list-keys }
core-pinned-key = klucz wydań { $key } jest wbudowany w program (klucz stowarzyszenia) i nie można go usunąć
core-unknown-indicator = wskaźnika { $code } nie ma w aktywnej strategii
core-invalid-value = nieprawidłowa wartość: { $detail }
core-note-required = po tej zmianie wskaźnik ma status „{ $status }”: wpisz wyjaśnienie (uwagi) przyczyn
core-cancelled = przerwano na życzenie; nic nie zapisano
