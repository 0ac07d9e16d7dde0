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

## Files and folders

core-invalid-folder = nieprawidłowy folder { $path }
core-cannot-read-folder = nie można odczytać folderu { $path }
core-cannot-remove-old-copy = nie można usunąć starej kopii { $path }
core-cannot-create-data-folder = nie można utworzyć folderu danych { $path }
core-invalid-data-folder = nieprawidłowy folder danych { $path }
core-file-missing = plik nie istnieje; sprawdź nazwę i folder
core-file-no-permission = brak uprawnień do odczytu pliku
core-file-unreadable = nie można odczytać pliku ({ $reason })
core-not-a-regular-file = to nie jest zwykły plik (folder, urządzenie lub potok); wskaż plik z danymi
core-file-too-large = plik ma { $size } { $size ->
    [one] bajt
    [few] bajty
   *[many] bajtów
}, więcej niż dopuszczalne { $cap }
core-cannot-write-file = nie można zapisać pliku { $path }

## The own unit and the register

core-register-file-small = liczba jednostek w pliku ({ $offered }) jest dużo mniejsza niż w rejestrze ({ $active }): jako pełny stan rejestru plik zakończy ważność jednostek, których w nim nie ma
core-register-would-shrink = jako pełny stan rejestru plik zakończyłby ważność { $count } { $count ->
    [one] jednostki
   *[other] jednostek
} (m.in. { $examples }); w prawdziwym rejestrze kończy się ich rocznie najwyżej kilka, więc plik jest zapewne niepełny lub urwany. Jeśli zmiana jest zamierzona, { $surface ->
    [window] zezwól na zmniejszenie rejestru i wczytaj plik ponownie
   *[cli] wczytaj plik z opcją --allow-shrink
}
core-demo-needs-empty-folder = folder danych zawiera własne dane ({ $values } wartości{ $strategy ->
    [yes] {" "}i strategię
   *[no] {""}
}); demo otwórz w osobnym folderze danych{ $surface ->
    [window] {""}
   *[cli] {" "}(--data-dir)
}, aby nie pomieszać danych przykładowych z prawdziwymi
core-unit-ended = jednostka { $teryt } { $name } nie istnieje od { $date } (według wczytanego rejestru TERYT)
core-no-own-unit = { $surface ->
    [window] nie wybrano jednostki; { hint-choose-unit }
   *[cli] najpierw wybierz jednostkę: { hint-choose-unit }
}
core-folder-holds-other-unit = folder danych zawiera { $values } własnych wartości jednostki { $teryt } { $name }; aby pracować z inną jednostką, użyj osobnego folderu danych{ $surface ->
    [window] {""}
   *[cli] {" "}(--data-dir)
}

## The audit log

core-audit-kind-values = wartości
core-audit-kind-strategy = strategia
core-audit-kind-imports = import danych
core-audit-kind-unit = jednostka
core-audit-kind-sync = synchronizacja
core-audit-kind-submissions = zgłoszenia
core-audit-kind-groups = grupy porównawcze
core-audit-kind-settings = ustawienia
core-audit-kind-reports = raporty
core-audit-kind-backups = kopie zapasowe
core-audit-kind-other = inne
core-audit-bad-day = data „{ $text }” nie jest datą w postaci RRRR-MM-DD, np. 2026-03-01
core-audit-days-reversed = data początkowa { $since } jest późniejsza niż końcowa { $until }
core-audit-bad-limit = liczba wierszy { $limit } spoza zakresu 1–{ $max }

## The strategy editor

core-edit-field-node-code = kod węzła
core-edit-field-parent-code = węzeł nadrzędny
core-edit-field-level = poziom
core-edit-field-title = nazwa
core-edit-field-node-weight = waga węzła
core-edit-field-indicator-code = kod wskaźnika
core-edit-field-indicator-name = nazwa wskaźnika
core-edit-field-unit = jednostka
core-edit-field-direction = kierunek
core-edit-field-baseline-year = rok bazowy
core-edit-field-baseline-value = wartość bazowa
core-edit-field-target-year = rok docelowy
core-edit-field-target-value = wartość docelowa
core-edit-field-indicator-weight = waga wskaźnika
core-edit-field-department = komórka
core-edit-field-source = źródło
core-edit-field-milestones = kamienie milowe
core-edit-no-node = nie ma węzła „{ $code }” w aktywnej strategii
core-edit-code-taken = węzeł o kodzie „{ $code }” już jest w strategii; podaj inny kod
core-edit-lowest-level = pod węzłem { $parent } nie można dodać węzła: { $level } to najniższy, czwarty poziom strategii
core-edit-node-added = dodano { $level } { $code } „{ $title }”
core-edit-node-changed = zmieniono { $what ->
    [title-weight] nazwę i wagę
    [title] nazwę
   *[weight] wagę
} węzła { $code }
core-edit-move-into-itself = węzła { $code } nie można przenieść pod { $parent }: { $parent } leży w nim samym
core-edit-node-reordered = zmieniono kolejność: węzeł { $code }
core-edit-node-moved = przeniesiono węzeł { $code } pod { $parent }
core-edit-node-moved-to-top = przeniesiono węzeł { $code } na najwyższy poziom
core-edit-node-removed = usunięto węzeł { $code } „{ $title }”
core-edit-node-removed-with-children = usunięto węzeł { $code } „{ $title }” (węzły podrzędne: { $nodes }, wskaźniki: { $indicators })
core-edit-indicator-not-in-node = wskaźnika { $code } nie ma w węźle { $node }
core-edit-indicator-local = wskaźnik { $code } spoza katalogu dodany jako lokalny
core-edit-indicator-added = dodano wskaźnik { $code } do węzła { $node }
core-edit-indicator-changed = zmieniono wskaźnik { $code } w węźle { $node }
core-edit-indicator-removed = usunięto wskaźnik { $code } z węzła { $node }
core-edit-in-node = w węźle { $code }
core-edit-unchecked = edycja bez sprawdzonych danych
core-nothing-to-undo = nie ma zmian strategii do cofnięcia (wczytanie szablonu zaczyna historię od nowa)
core-undone = cofnięto: { $label }

## Status thresholds

core-thresholds-corrupt = ustawienie { $key } w local.db jest uszkodzone ({ $text }); { hint-reset-thresholds }
core-thresholds-not-numbers = progi oceny muszą być liczbami
core-thresholds-on-track = próg „zgodnie z planem” musi być większy od 0 i nie większy niż { $max } (podano { $given })
core-thresholds-acceleration = próg „wymaga przyspieszenia” musi być większy od 0 (podano { $given })
core-thresholds-order = próg „wymaga przyspieszenia” ({ $acceleration }) musi być mniejszy niż próg „zgodnie z planem” ({ $on_track })
core-thresholds-tolerance = tolerancja wskaźników do utrzymania musi wynosić od 0 do { $max } (podano { $given })

## Values and notes

core-unknown-stored-status = nieznany status wartości w bazie: „{ $code }”
core-value-not-a-number = wartość musi być liczbą
core-value-too-large = wartość { $value } przekracza dopuszczalną wartość bezwzględną 10^15
core-note-empty = notatka jest pusta
core-year-out-of-range = rok { $year } spoza zakresu 1990–2100
core-year-before-baseline = rok { $year } jest wcześniejszy niż rok bazowy { $baseline }

## Strategies and templates

core-unknown-strategy = nie ma strategii o numerze { $id }; { hint-list-strategies }
core-template-needs-period = szablon nie ma wskaźników, więc okres strategii trzeba podać{ $surface ->
    [window] {" "}w szablonie
   *[cli] : --period RRRR-RRRR
}
core-period-reversed = okres { $from }–{ $to } kończy się przed początkiem
core-template-local-indicators = wskaźniki spoza katalogu dodane jako lokalne: { $codes }
core-template-export-csv = szablon zapisuję jako CSV: podaj plik z rozszerzeniem .csv zamiast { $file }
core-no-value-to-delete = wskaźnik { $code } nie ma wartości za rok { $year }
core-values-unknown-indicator = nieznany kod wskaźnika { $code }: nie ma go w katalogu ani w strategii
core-values-repeated = wartość { $code } za rok { $year } powtarza się (pierwszy raz w wierszu { $first })
core-values-before-baseline = wartość z roku { $year } jest sprzed roku bazowego { $baseline } wskaźnika { $code }
core-values-jump = zmiana { $code } o { $change } % względem roku { $year } ({ $previous } → { $value }); sprawdź wartość
core-values-note-wanted = z tą wartością wskaźnik { $code } w roku { $year } ma status „{ $status }”: dopisz wyjaśnienie w kolumnie uwagi albo po imporcie w Strategii

## Comparisons

core-no-indicator-values = brak wartości wskaźnika
core-group-too-little-data = za mało danych w grupie
core-group-suppressed = { $note } – stowarzyszenie nie publikuje statystyk grupy, w której mniej niż 5 jednostek przekazało dane
core-bad-formula = wskaźnik { $code } ma błędny wzór w katalogu: { $reason }
core-not-in-catalogue-hint = wskaźnika { $code } nie ma w katalogu; { hint-import-catalogue }
core-unit-index-unavailable = indeks porównań jest niedostępny
core-group-name-length = nazwa grupy musi mieć od 1 do { $max } znaków
core-group-empty = grupa musi zawierać co najmniej jedną jednostkę
core-group-other-kind = { $teryt } { $name } jest innego rodzaju niż { $own } – porównuje się gminy z gminami, powiaty z powiatami
core-group-not-read-back = zapisana grupa „{ $name }” nie została odczytana
core-no-peer-data = brak danych porównawczych; { hint-get-peers }
core-not-in-catalogue = wskaźnika { $code } nie ma w katalogu
core-nearest-no-variables = brak zmiennych strukturalnych z wartością jednostki za rok { $year }
core-nearest-weights = podaj tyle nieujemnych wag, ile zmiennych ({ $variables })
core-nearest-own-incomplete = jednostka { $teryt } nie ma wartości wszystkich zmiennych za rok { $year }
core-group-label-nearest = najbardziej podobne jednostki: { $count } (zmienne strukturalne, { $year })
core-group-label-custom = grupa własna „{ $name }” ({ $count } i własna)

## Comparison groups

core-group-units-empty = grupa units: wymaga listy kodów TERYT
core-group-nearest-k = grupa nearest:K wymaga liczby K od 1 do { $max }, podano „{ $given }”
core-group-custom-empty = grupa custom:NAZWA wymaga nazwy zapisanej grupy
core-group-unknown = nieznana grupa „{ $given }”; dostępne: type_size, voivodeship, powiat, all, nearest:K, custom:NAZWA, units:T1,T2
core-size-class-between = { $lower }–{ $upper } tys. mieszkańców
core-size-class-from = od { $lower } tys. mieszkańców
core-kinds-gminy-miejskie = gminy miejskie
core-kinds-gminy-wiejskie = gminy wiejskie
core-kinds-gminy-miejsko-wiejskie = gminy miejsko-wiejskie
core-kinds-miasta-na-prawach-powiatu = miasta na prawach powiatu
core-kinds-powiaty = powiaty
core-kinds-wojewodztwa = województwa
core-family-gminas = gminy i miasta na prawach powiatu
core-group-no-population = brak liczby ludności jednostki { $teryt } w danych referencyjnych, więc nie wiadomo, do której klasy wielkości należy; wybierz inną grupę (np. { $surface ->
    [window] województwo
   *[cli] voivodeship
})
core-group-label-type-size = { $kinds }, { $class }
core-group-label-voivodeship = { $kinds }, województwo { $name }
core-group-powiat-not-gmina = grupa powiat obejmuje gminy jednego powiatu; wybrana jednostka nie jest gminą w powiecie
core-group-label-powiat = gminy, powiat { $name }
core-group-label-all = wszystkie { $kinds }
core-group-not-resolved = grupa nie została rozwinięta do listy jednostek
core-group-label-units = wybrane jednostki ({ $count } i własna)
core-no-price-index = brak wskaźnika cen GUS dla roku { $year }; ceny stałe są dostępne dla lat { $first }–{ $last }

## Submissions to the association

hint-submit-server = { $surface ->
    [window] wpisz adres serwera na ekranie Synchronizacja
   *[cli] podaj adres serwera: jst submit --server URL
}
core-submit-not-the-api = odpowiedź serwera nie jest odpowiedzią API zgłoszeń ({ $reason }); sprawdź adres serwera
core-submit-answer-start = { $reason }; początek: { $start }
core-submit-result-count = { $results } wyników na { $items } pozycji zgłoszenia
core-submit-result-mismatch = wynik { $got } zamiast { $expected }
core-submit-encode = nie można zapisać zgłoszenia jako JSON
core-submit-stored-unreadable = nieczytelne zgłoszenie w skrzynce nadawczej
core-submit-answer-unreadable = nieczytelna odpowiedź serwera
core-submit-answer-mismatch = odpowiedź serwera nie pasuje do zgłoszenia

## Synchronisation, keys and the unit token

core-no-conflict = nie ma konfliktu dla wskaźnika { $code } w roku { $year }
core-token-shape = to nie jest token jednostki (jst_ i 64 znaki szesnastkowe)
core-cannot-remove = nie można usunąć { $path }
core-cannot-save = nie można zapisać { $path }
core-no-token = brak tokenu jednostki; { hint-unit-token }
core-server-address-scheme = adres serwera „{ $url }” musi zaczynać się od https:// (lub http://)
core-sync-interval-too-long = odstęp synchronizacji może wynosić najwyżej tydzień
core-no-server = { hint-server-address }
core-pinned-key-unreadable = nieczytelny klucz wydań wbudowany w program
core-trusted-key-unreadable = nieczytelny zaufany klucz wydań w local.db
core-sync-register-too-many-ended = Nie wczytano rejestru TERYT z wydania (stan na { $as_of }): zakończyłby ważność jednostek: { $count } (m.in. { $examples }), a w prawdziwym rejestrze kończy się ich rocznie najwyżej kilka. Wartości z wydania wczytano. Jeśli zmiana jest zamierzona, { hint-import-register }

## Exports

core-choose-it = { $surface ->
    [window] { hint-choose-unit }
   *[cli] wybierz ją: { hint-choose-unit }
}
core-export-no-unit = nie wybrano jednostki, więc nie ma czego eksportować; { core-choose-it } { hint-open-demo }
core-export-wrong-extension = plik { $file } ma rozszerzenie .{ $extension }, a format eksportu to { $format }: podaj plik .{ $format } albo zmień { $surface ->
    [window] format
   *[cli] --format
}

## Imports of official files and public values

core-choose-own-unit-first = { $surface ->
    [window] { hint-choose-unit }
   *[cli] najpierw wybierz własną jednostkę ({ hint-choose-unit })
}
core-budget-is-school-list = to wykaz szkół z SIO, a nie sprawozdanie budżetowe (Rb-27S, Rb-28S): wczytaj go jako wykaz SIO
core-budget-needs-own-unit = paczka sprawozdań dotyczy jednej jednostki: { core-choose-own-unit-first }
core-budget-period = paczka za okres „{ $kind }” { $number }: wczytuję sprawozdania kwartalne (narastająco) i roczne
core-budget-other-unit = jednostka nr { $ordinal } paczki, „{ $name }”, należy do JST o kodzie { $teryt } ({ $codes }), a wybrana jednostka to { $own_teryt } { $own_name }: wczytaj sprawozdania własnej jednostki
core-official-neither = skoroszyt nie jest ani sprawozdaniem budżetowym (arkusz „sprawozdania” z kolumnami rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie), ani wykazem szkół SIO; poniżej uwagi obu sprawdzeń
core-sio-needs-own-unit = wykaz SIO dotyczy jednej jednostki: { core-choose-own-unit-first }
core-sio-title-names = {" "}— tytuł wymienia „{ $name }”
core-sio-no-unit-code = wykaz nie podaje kodu jednostki, dla której go sporządzono (kolumny Woj, Pow i Gmi organu rejestrującego w wierszach szkół są puste albo ich brak){ $titled }, więc nie można sprawdzić, że to wykaz jednostki { $teryt } { $name }; wczytaj wykaz pobrany z SIO bez zmian
core-sio-other-unit = wykaz SIO dotyczy jednostki o kodzie { $code } ({ $codes }), a wybrana jednostka to { $teryt } { $name }: wczytaj wykaz własnej jednostki
core-peers-unknown-unit = jednostki { $teryt } nie ma w rejestrze TERYT; wiersz pominięto
core-peers-repeated = wartość { $code } za { $year } dla jednostki { $teryt } powtarza się (pierwszy raz w wierszu { $first })
core-peers-summary = jednostki: { $units }, wartości: { $values }
core-catalogue-unknown-code = wzór wskaźnika { $indicator } używa nieznanego kodu { $code }
core-catalogue-local-promoted = lokalny wskaźnik { $code } staje się wskaźnikiem katalogu

## Reports

core-report-no-unit = nie wybrano własnej jednostki; { core-choose-it }
core-header-field-unit-name = pełna nazwa jednostki
core-header-field-author = autor
core-header-field-department = komórka organizacyjna
core-emblem-format = plik { $file } nie jest obrazem PNG ani SVG; herb wczytaj z pliku .png albo .svg
core-header-field-too-long = pole „{ $label }” ma więcej niż { $max } znaków
core-header-field-control = pole „{ $label }” zawiera znaki sterujące
core-report-no-goal = w aktywnej strategii nie ma celu { $code }
core-report-text-too-long = tekst ma więcej niż { $max } znaków
core-report-text-control = tekst zawiera znaki sterujące
core-or = {" "}albo{" "}
core-report-format = dokument „{ $document }” powstaje tylko w formacie { $formats }
core-report-no-data = brak danych za rok { $year }: żaden wskaźnik aktywnej strategii nie ma wartości za ten rok; { hint-import-values } albo wybierz inny rok
core-report-kind-monitoring = raport z monitoringu strategii
core-report-kind-chapter = rozdział „Realizacja strategii”
core-report-kind-xlsx = zestawienie XLSX

## Shipped data

core-shipped-population-unknown-unit = wbudowane dane ludności { $file }: brak jednostki { $teryt } w rejestrze
core-sync-outcome-applied = Wczytano nowe wydanie
core-sync-outcome-up-to-date = Dane są aktualne
core-sync-outcome-rejected = Wydanie odrzucone
core-sync-outcome-offline = Brak połączenia
core-submission-imported = przyjęta
core-submission-updated = zaktualizowana
core-submission-unchanged = bez zmian
core-submission-conflict = konflikt
core-submission-resend = do ponownego wysłania
core-submission-invalid = odrzucona (błędna)
core-submission-period-closed = okres zamknięty

## Statistics (jst-analytics)

core-analytics-failed = błąd obliczeń porównawczych: { $reason }

# Actions of the history of changes (the Polish ones as recorded; a prefix is followed by
# codes, years or a file name).
core-audit-action-value = wartość
core-audit-action-values-import = import wartości z
core-audit-action-sio = wykaz SIO z
core-audit-action-strategy-import = import strategii
core-audit-action-active-strategy = aktywna strategia
core-audit-action-note = notatka
core-audit-action-register = rejestr TERYT
core-audit-action-catalogue = katalog wskaźników
core-audit-action-budget = sprawozdania budżetowe
core-audit-action-unit = wybór jednostki
core-audit-action-sync = synchronizacja
core-audit-action-trusted-key = zaufany klucz wydań
core-audit-action-shared = udostępniane wskaźniki
core-audit-action-submission = zgłoszenie do stowarzyszenia
core-audit-action-answer = odpowiedź stowarzyszenia
core-audit-action-conflict-own = konflikt: zachowana wartość własna
core-audit-action-conflict-server = konflikt: przyjęta wartość serwera
core-audit-action-value-deleted = usunięcie wartości
core-audit-action-strategy-edit = edycja strategii
core-audit-action-group = grupa porównawcza
core-audit-action-setting = ustawienie
core-audit-action-thresholds = progi oceny
core-audit-action-report-header = nagłówek raportu
core-audit-action-report-text = tekst raportu
core-audit-action-backup = kopia zapasowa
core-audit-action-restore = przywrócenie kopii
core-audit-action-value-year = wartość { $code } za { $year }

# experience-exchange groups (GWD)
core-group-gwd-empty = po „gwd:” podaj identyfikator grupy wymiany doświadczeń
core-group-label-gwd = grupa wymiany doświadczeń „{ $name }” ({ $area }), liczba członków: { $count } — dane udostępnione za zgodą członków
core-gwd-not-configured = grupy wymiany doświadczeń wymagają adresu serwera i tokenu jednostki; { hint-unit-token }
core-gwd-note-length = notatka musi mieć od 1 do 10000 znaków
core-audit-action-gwd = grupy wymiany doświadczeń
core-audit-action-gwd-note = notatka ze spotkania grupy
core-audit-action-practice-proposal = propozycja dobrej praktyki
core-audit-action-practice-proposal-sent = propozycja praktyki wysłana
core-audit-action-practice-proposal-not-sent = propozycja praktyki niewysłana
core-gwd-band-best = w najlepszej ćwiartce grupy
core-gwd-band-second-best = w drugiej ćwiartce grupy
core-gwd-band-second-weakest = w trzeciej ćwiartce grupy
core-gwd-band-weakest = w najsłabszej ćwiartce grupy
core-gwd-sheet-group = Grupa
core-gwd-sheet-q1 = kwartyl dolny (Q1)
core-gwd-sheet-median = mediana
core-gwd-sheet-q3 = kwartyl górny (Q3)
core-gwd-sheet-quartiles = Kwartyle grupy: Q1 { $q1 }, mediana { $median }, Q3 { $q3 } (jednostek z wartością: { $n }).
core-gwd-sheet-col-rank = Pozycja
core-gwd-sheet-col-unit = Jednostka
core-gwd-sheet-col-value = Wartość
core-gwd-sheet-col-band = Ćwiartka
core-gwd-sheet-notes = Notatki ze spotkań
core-gwd-sheet-title = Zestawienie na spotkanie: { $name }, { $year }
core-gwd-sheet-language = pl-PL
core-practices-bad-woj = „{ $woj }” nie jest kodem województwa (dwie cyfry, np. 12)
core-practices-bad-size-class = „{ $size }” nie jest klasą wielkości (np. 20000-50000 lub 100000-inf)

## The good-practice base: a practice's page and the suggestions for what lags

hint-search-practices = { $surface ->
    [window] praktyki z ich numerami pokazuje wyszukiwarka dobrych praktyk
   *[cli] numery praktyk pokazuje: jst practices search SŁOWA
}
core-unknown-practice = w bazie dobrych praktyk nie ma praktyki nr { $id }; { hint-search-practices }
core-practice-unreadable = praktyka nr { $id } w bazie dobrych praktyk jest nieczytelna
core-suggest-lag-deteriorating = Pogorszenie wskaźnika „{ $indicator }” w { $year } r.
core-suggest-lag-far = Wskaźnik „{ $indicator }” jest daleko od celu strategii (stan w { $year } r.)
core-suggest-lag-weakest = W { $year } r. jednostka jest w najsłabszej ćwiartce grupy (ten sam rodzaj i wielkość) we wskaźniku „{ $indicator }”
core-suggest-basis-best = praktyka z jednostki tego samego rodzaju i wielkości ({ $kind }), która jest w najlepszej ćwiartce grupy
core-suggest-basis-same = praktyka z jednostki tego samego rodzaju i wielkości ({ $kind })
core-suggest-basis-other-size = praktyka z jednostki tego samego rodzaju, ale innej wielkości ({ $kind })
core-suggest-basis-other-kind = praktyka z jednostki innego rodzaju ({ $kind })
core-suggest-reason = { $lag }; { $basis }.
core-demo-practices-unreadable = przykładowe dobre praktyki demo są nieczytelne
## The good-practice base: attachments and proposals

core-cannot-read-file = nie można odczytać pliku { $path }
core-practice-not-found = nie ma praktyki nr { $id } w bazie z ostatniego wydania; { hint-sync }
core-attachment-not-listed = „{ $sha }” nie jest załącznikiem praktyki nr { $id }
core-attachment-kind-unknown = wydanie podaje załącznik rodzaju „{ $media_type }”; otwierane są tylko PDF, PNG i JPEG
core-attachment-kind-differs = załącznik nie jest plikiem { $media_type }, jak podaje wydanie; odrzucono
core-attachment-offline = załącznik nie jest jeszcze pobrany, a źródło wydania jest niedostępne ({ $reason }); zostanie pobrany przy następnym połączeniu
core-attachment-no-source = załącznik nie jest jeszcze pobrany i nie wiadomo skąd go pobrać; zostanie pobrany przy następnym połączeniu: { hint-server-address }
hint-proposal-server = { $surface ->
    [window] propozycje trafiają na serwer stowarzyszenia: wpisz jego adres na ekranie Synchronizacja
   *[cli] propozycje trafiają na serwer stowarzyszenia: podaj jego adres, np. jst practices send NR --server URL
}
core-proposal-no-server = propozycję zapisano, ale jej nie wysłano: { hint-proposal-server }
core-proposal-not-found = nie ma propozycji praktyki nr { $id }
core-proposal-unreadable = nieczytelna propozycja praktyki nr { $id } w local.db
core-proposal-demo = w demo nie można proponować praktyk; { hint-choose-unit }
core-proposal-problem = pole „{ $field }”: { $problem }
core-proposal-field-title = Tytuł
core-proposal-field-sub-area = Podobszar
core-proposal-field-implementing-body = Jednostka wdrażająca
core-proposal-field-contacts = Osoby do kontaktu
core-proposal-field-years = Lata wdrożenia
core-proposal-field-summary = Skrót
core-proposal-field-presentation = Pełna prezentacja
core-proposal-field-indicators = Wskaźniki
core-proposal-field-keywords = Słowa kluczowe
core-proposal-sub-area-required = obszar Rozwój instytucjonalny wymaga podobszaru: { $codes }
core-proposal-sub-area-unknown = nieznany podobszar „{ $code }”; dozwolone: { $codes }
core-proposal-sub-area-other = obszar { $area } nie ma podobszarów
core-proposal-too-many = najwyżej { $max }
core-proposal-years = od { $first } do { $this_year }, a rok zakończenia nie przed rokiem rozpoczęcia
core-proposal-indicator-twice = wskaźnik { $code } podano dwa razy
core-proposal-indicators-unknown = w katalogu nie ma wskaźników { $codes }
core-text-empty = pole jest puste
core-text-too-long = najwyżej { $max } znaków
core-text-control-in-line = jeden wiersz bez znaków sterujących
core-text-control = znaki sterujące są niedozwolone
core-text-markup = zawiera znacznik HTML („<…>”); tekst nie może zawierać HTML ani skryptów
core-text-script = zawiera „{ $scheme }”; tekst nie może zawierać skryptów
core-text-entity = zawiera encje HTML („&#…”, „&lt;”); wpisz zwykłe znaki
core-text-image = obrazy w tekście („![…](…)”) są niedozwolone
core-text-link = odnośnik „{ $target }”: dozwolone są tylko adresy https://, http:// i mailto:
core-text-phone = numer telefonu: cyfry, spacje i + - ( ) /
core-text-email = to nie jest adres e-mail
core-proposal-file = { $file }: to nie jest propozycja praktyki w JSON ({ $reason }); nic nie zapisano
core-sync-gwd-failed = Grup wymiany doświadczeń nie odświeżono (zostaje poprzednia kopia): { $reason }
