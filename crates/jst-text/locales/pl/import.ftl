# import

severity-critical = krytyczny
severity-error = błąd
severity-warning = ostrzeżenie
severity-info = informacja

## Reports of an import: where a finding is, the heading of a refused file.

import-at-row-column = wiersz { $row }, kolumna { $column }: { $message }
import-at-row = wiersz { $row }: { $message }
import-not-loaded = Nie wczytano pliku { $file }, niczego nie zapisano:
import-only-first-problems = (pokazano tylko pierwsze błędy)
import-cancelled = przerwano na życzenie użytkownika; nic nie zapisano
# $code: U+0000 with the character's name, e.g. „U+0000 (NUL)”.
import-control-character = { $subject } zawiera znak sterujący { $code }, niedozwolony w tekście
import-control-in-field = { $problem }; usuń go z pliku
import-subject-field = pole
import-subject-text = tekst
import-subject-note = notatka
import-subject-name = nazwa

## Cells, numbers and delimited text shared by the formats.

# $why: import-number-not-a-number or import-number-too-large.
import-value-refused = wartość „{ $value }” { $why }
import-number-not-a-number = nie jest liczbą
import-number-too-large = przekracza dopuszczalną wartość bezwzględną 10^15
import-note-too-long = notatka ma { $chars ->
        [one] { $chars } znak
        [few] { $chars } znaki
       *[many] { $chars } znaków
    }, a może mieć najwyżej 10 000; skróć ją
import-unexpected-header = nieoczekiwany nagłówek „{ $found }”; oczekiwano kolumn { $expected }
import-ambiguous-point = wartość „{ $raw }” jest niejednoznaczna: odczytano ją jako { $comma } (kropka dziesiętna){ $hint }; jeśli kropka oddziela tysiące, zapisz { $thousands } albo { $spaced }, a ułamek zapisz z przecinkiem ({ $comma })
import-ambiguous-point-commas = { " " }(w innych wierszach tej kolumny separatorem dziesiętnym jest przecinek, więc kropka wygląda tu na separator tysięcy)
import-extra-fields = wiersz ma { $fields ->
        [one] { $fields } pole
        [few] { $fields } pola
       *[many] { $fields } pól
    }, a nagłówek { $width ->
        [one] { $width } kolumnę
        [few] { $width } kolumny
       *[many] { $width } kolumn
    } (nadmiarowe: „{ $extra }”){ $hint }
import-extra-fields-comma = ; pola rozdziela przecinek, więc liczba z przecinkiem dziesiętnym (np. 1234,56) rozpada się na dwa pola: ujmij ją w cudzysłów albo zapisz plik ze średnikiem (;) jako separatorem
import-extra-fields-check = ; sprawdź separator i cudzysłowy
import-too-many-fields = wiersz ma więcej niż { $max } pól (separator „{ $delimiter }”); wczytywane są wiersze do { $max } pól — sprawdź, czy to właściwy plik
import-unreadable-row = nieczytelny wiersz ({ $error })
import-empty-file = plik jest pusty
# The column of a header cell, by its place: „3 nagłówka”.
import-header-column = { $column } nagłówka
import-text-utf16 = plik jest zapisany w kodowaniu UTF-16 (np. „Tekst Unicode” w Excelu); wczytywane są pliki w UTF-8 i Windows-1250. Zapisz go jako UTF-8 (w Excelu „CSV UTF-8”) i spróbuj ponownie.
import-text-unknown-encoding = nie rozpoznano kodowania znaków (bajt { $byte } nie pasuje do UTF-8): plik nie jest ani w UTF-8, ani w Windows-1250 z oczekiwanym nagłówkiem. Zapisz go jako UTF-8 i spróbuj ponownie.
import-text-ambiguous-encoding = nie da się jednoznacznie rozpoznać kodowania znaków: bajt { $iso_byte } jest polską literą w ISO-8859-2 („{ $iso_letter }”), a bajt { $windows_byte } w Windows-1250 („{ $windows_letter }”); każde z tych kodowań przekręci część liter. Zapisz plik jako UTF-8 i spróbuj ponownie.

## Workbooks (XLSX, XLS).

import-xlsx-unopenable = nie można otworzyć pliku XLSX ({ $error })
import-xlsx-too-many-parts = plik XLSX ma { $parts } części, a skoroszyt ma ich najwyżej kilkadziesiąt (dopuszczalne { $max }); to nie wygląda na zwykły skoroszyt — niczego nie rozpakowano
import-xlsx-part-too-large = część „{ $part }” pliku XLSX po rozpakowaniu miałaby { $size } MiB, a dopuszczalne jest { $max } MiB; to nie wygląda na zwykły skoroszyt — niczego nie rozpakowano
import-xlsx-too-large = plik XLSX po rozpakowaniu miałby { $size } MiB, a dopuszczalne jest { $max } MiB; to nie wygląda na zwykły skoroszyt — niczego nie rozpakowano
import-xlsx-too-many-strings = plik XLSX ma lub zapowiada { $count } różnych napisów, a dopuszczalne jest { $max }; to nie wygląda na zwykły skoroszyt
import-xls-unopenable = nie można otworzyć pliku XLS ({ $error })
import-sheet-unreadable = nie można odczytać arkusza „{ $sheet }” ({ $error })
import-sheet-too-many-cells = arkusz „{ $sheet }” ma więcej niż 1 000 000 komórek (licząc puste komórki wierszy z danymi od kolumny A); wczytywane są arkusze do 1 000 000 komórek
import-sheet-too-wide = arkusz „{ $sheet }” ma dane w kolumnie { $letters } ({ $column }.); wczytywane są arkusze do { $max } kolumn
import-sheet-empty = arkusz „{ $sheet }” jest pusty
import-sheet-missing = brak arkusza „{ $sheet }”
import-workbook-no-sheets = skoroszyt nie ma arkuszy

## The rules of a strategy definition (the template and the window's editor).

import-rule-indicator-code = kod wskaźnika „{ $code }” może zawierać tylko wielkie litery A–Z, cyfry i _
import-rule-year = rok „{ $year }” nie jest rokiem z zakresu 1990–2100
import-rule-value-not-a-number = wartość musi być liczbą
import-rule-value-too-large = wartość { $value } przekracza dopuszczalną wartość bezwzględną 10^15
import-rule-weight = waga „{ $weight }” musi być liczbą nieujemną
import-rule-target-year = rok docelowy { $target } musi być późniejszy niż rok bazowy { $baseline }
# $given, $implied: direction codes as the template writes them (wzrost, spadek, utrzymanie).
import-rule-direction = kierunek „{ $given }” przeczy wartościom: z { $baseline } do { $target } to { $implied }
import-rule-maintain = wskaźnik { $code } ma kierunek utrzymanie, choć wartość docelowa różni się od bazowej; oceniana będzie odległość od wartości docelowej
import-rule-node-title = węzeł { $node } nie ma nazwy
import-rule-indicator-name = wskaźnik { $code } nie ma nazwy
import-rule-indicator-unit = wskaźnik { $code } nie ma jednostki miary
import-rule-attached-twice = wskaźnik { $code } jest już przypisany do węzła { $node }
# $level, $parent_level: level codes as the template writes them.
import-rule-level = węzeł { $code } ({ $level }) musi mieć niższy poziom niż nadrzędny { $parent } ({ $parent_level })
import-rule-milestone-repeated = rok { $year } powtarza się w kamieniach milowych
import-rule-milestone-period = kamień milowy { $year } leży poza okresem od roku bazowego do docelowego
import-rule-milestone-value = kamień milowy { $year }: { $problem }
import-rule-unknown-parent = nieznany kod nadrzędny „{ $parent }” węzła { $node }
import-rule-cycle = cykl w drzewie strategii: { $codes }
# $first: where the indicator was first given, e.g. import-in-row.
import-rule-indicator-differs = wskaźnik { $code } ma { $first } inną wartość bazową lub docelową; wartości własne są wspólne dla kodu

## Values, catalogue, budget lines, aggregates, boundaries, price index.

import-aggregates-group = „{ $group }” nie jest grupą type_size
import-aggregates-count = liczba jednostek musi być liczbą całkowitą
import-boundaries-not-geojson = to nie jest zbiór granic GeoJSON z właściwościami terc i name (wiersz { $line }, kolumna { $column }): { $error }
import-boundaries-code = obiekt { $feature }: „{ $code }” nie jest kodem TERYT gminy, powiatu ani województwa
import-boundaries-geometry = obiekt { $feature } ({ $code }): geometria „{ $kind }” nie jest wielokątem
import-budget-report = sprawozdanie „{ $report }” musi być Rb-27S albo Rb-28S
import-budget-dzial = dział „{ $dzial }” musi mieć 3 cyfry
import-budget-rozdzial = rozdział „{ $rozdzial }” musi mieć 5 cyfr
import-budget-rozdzial-outside = rozdział { $rozdzial } nie należy do działu { $dzial }
import-budget-paragraf = paragraf „{ $paragraf }” musi mieć 4 cyfry (3 cyfry paragrafu i cyfra źródła finansowania)
import-values-status = status „{ $status }” musi być „wstepne” albo „ostateczne”
import-price-index-positive = wskaźnik cen „{ $index }” musi być dodatni
import-catalogue-repeated = kod { $code } powtarza się (pierwszy raz w wierszu { $first })
import-catalogue-no-name = brak nazwy wskaźnika
import-catalogue-no-unit = brak jednostki miary
import-catalogue-polarity = kierunek „{ $polarity }” musi być: wiecej_lepiej, mniej_lepiej albo neutralny
import-catalogue-no-area = brak obszaru
import-catalogue-flag = „{ $flag }” musi być tak albo nie

## The strategy template.

import-strategy-not-template = to nie jest szablon strategii: brak kolumn { $missing }; oczekiwany nagłówek: { $expected }
# A file named with one of its sheets.
import-file-sheet = { $file } (arkusz { $sheet })
import-strategy-weight = { $problem } (puste = 1)
import-strategy-no-code = brak kodu węzła
import-strategy-level = poziom „{ $level }” musi być jednym z: cel_strategiczny, cel_operacyjny, kierunek_dzialan, zadanie
import-strategy-node-disagrees = powtórzony kod węzła { $code }: kolumna { $column } różni się od wiersza { $first }; wiersze jednego węzła muszą się zgadzać
import-strategy-stray-indicator = kolumny wskaźnika są wypełnione, ale brak kodu wskaźnika; wiersz wczytano jako sam węzeł
import-strategy-direction = kierunek „{ $direction }” musi być: wzrost, spadek albo utrzymanie (puste = ze znaku różnicy)
import-strategy-no-target-year = brak roku docelowego (wskaźnik { $code })
import-strategy-no-value = brak wartości (wskaźnik { $code })
import-strategy-milestone = „{ $milestone }” nie jest kamieniem milowym w postaci ROK=WARTOŚĆ (np. 2022=50|2025=70)
import-in-row = w wierszu { $row }
import-strategy-summary = liczba węzłów: { $nodes }, przypisań wskaźników: { $indicators }

## XML read strictly (SIO list, budget package, TERC).

import-xml-unknown-entity = niepoprawny XML: nieznana encja „&{ $entity };”
# $written_in: how files of the format are written, e.g. import-package-written-in.
import-xml-utf16 = plik jest zapisany w kodowaniu UTF-16, nie w UTF-8; { $written_in }
# $again: what to do about a damaged file, e.g. import-package-again.
import-xml-cut-in-character = plik jest urwany w środku znaku UTF-8; { $again }
import-xml-not-utf8 = plik nie jest zapisany w kodowaniu UTF-8 (niepoprawny bajt { $byte } na pozycji { $position }); { $written_in }
import-xml-cut-in-tag = plik jest urwany w środku znacznika; { $again }
import-xml-mismatched-end = niepoprawny XML: znacznik </{ $found }> zamyka element <{ $expected }>
import-xml-cut-in-entity = plik jest urwany w środku encji (&…;); { $again }
import-xml-lone-ampersand = niepoprawny XML: znak & bez kończącego średnika (sam znak & zapisuje się jako &amp;)
import-xml-unmatched-end = niepoprawny XML: znacznik </{ $tag }> nie zamyka żadnego elementu
import-xml-invalid = niepoprawny XML: { $error }
# $plural: what is read, e.g. import-package-plural.
import-xml-declared-encoding = plik deklaruje kodowanie „{ $encoding }”; wczytywane są tylko { $plural } w UTF-8
import-xml-bad-attribute = niepoprawny XML: błędny atrybut ({ $error })
import-xml-second-root = po zamknięciu elementu { $root } plik zawiera kolejny element <{ $name }>
import-xml-with-namespace = { " " }z przestrzenią nazw { $namespace }
# $not_this: what the file is not, e.g. import-package-not-this.
import-xml-wrong-root = { $not_this }: element główny to <{ $name }>, oczekiwano <{ $root }>{ $with_namespace }
import-xml-control = niepoprawny XML: { $problem }
import-xml-text-after-root = po zamknięciu elementu { $root } plik zawiera dalszy tekst
import-xml-text-before-root = { $not_this }: przed elementem <{ $root }> plik zawiera tekst „{ $text }”
import-xml-cut-outer = { " " }i elementu głównego <{ $root }>
import-xml-cut = plik jest urwany: kończy się przed zamknięciem elementu <{ $name }> (otwartego w wierszu { $line }){ $outer }; { $again }
import-xml-no-root = { $not_this }: plik nie zawiera elementu <{ $root }>
import-package-not-this = to nie jest paczka sprawozdań budżetowych
import-package-plural = paczki
import-package-written-in = paczki sprawozdań zapisuje się w UTF-8
import-package-again = wyeksportuj paczkę ponownie
import-sio-not-this = to nie jest arkusz XML programu Excel (SpreadsheetML)
import-sio-plural = wykazy
import-sio-written-in = wykaz z SIO zapisuje się w UTF-8
import-sio-again = pobierz lub zapisz wykaz ponownie

## The TERC register.

import-terc-header = to nie jest plik TERC: nagłówek „{ $header }” nie zawiera kolumn { $expected } (lub NAZDOD)
import-terc-fields = oczekiwano { $expected ->
        [one] { $expected } pola
       *[other] { $expected } pól
    }, jest { $found }; sprawdź separator i cudzysłowy
import-terc-again = pobierz plik ponownie
import-terc-second-root = po zamknięciu elementu <{ $root }> plik zawiera kolejny element <{ $name }>
import-terc-cut = plik XML jest urwany: brak zamknięcia elementu <{ $element }> (i { $outer ->
        [one] { $outer } zewnętrznego
       *[other] { $outer } zewnętrznych
    }); nic nie zapisano — pobierz plik ponownie
import-terc-no-elements = plik XML nie zawiera elementów
import-terc-no-rows = to nie jest rejestr TERC: plik XML (element główny <{ $root }>) nie zawiera wierszy <row> rejestru
import-terc-woj = „{ $code }” nie jest dwucyfrowym kodem województwa
import-terc-pow = „{ $code }” nie jest dwucyfrowym kodem powiatu
import-terc-gmi = „{ $code }” nie jest dwucyfrowym kodem gminy w powiecie
import-terc-rodz = „{ $code }” nie jest rodzajem jednostki TERC (1–5, 8, 9; puste dla powiatu i województwa)
import-no-unit-name = brak nazwy jednostki
import-terc-date = „{ $date }” nie jest datą w formacie RRRR-MM-DD
import-terc-repeated = jednostka { $teryt } powtarza się (pierwszy raz w wierszu { $first }); identyfikator gminy to pierwsze 6 cyfr kodu
import-terc-no-units = plik nie zawiera żadnej jednostki (województwa, powiatu ani gminy)
import-terc-no-voivodeship = brak wiersza województwa { $voivodeship } dla jednostki { $teryt }
import-terc-no-powiat = brak wiersza powiatu { $powiat } dla gminy { $teryt }
import-terc-city-county = miasto na prawach powiatu { $alias } nie ma wiersza gminy (…011)

## The budget package (PaczkaSprawozdan).

# $context: which element, e.g. import-package-item.
import-package-in = { $context }: { $message }
import-package-repeated = element { $element } powtarza się
import-package-nested = element { $field } zawiera element <{ $name }>; oczekiwano samego tekstu
import-package-period-twice = okres paczki podano drugi raz
import-package-unit-label = nr { $ordinal }
import-package-unit-label-regon = nr { $ordinal } (REGON { $regon })
import-package-period = okres paczki
import-package-report-of = sprawozdanie { $report } jednostki { $unit }
import-package-missing = brak elementu { $element }
import-package-period-kind = typ okresu „{ $kind }” nie jest obsługiwany: oczekiwano Kwartal, Miesiac albo Rok
import-package-period-range = okres „{ $period }” typu { $kind } musi być liczbą { $from }–{ $to }
import-package-period-number = okres „{ $period }” nie jest liczbą
import-package-unit = jednostka nr { $ordinal }
import-package-regon = REGON „{ $regon }” musi mieć 9 albo 14 cyfr
# $what: import-package-what-wk and the like.
import-package-code = { $element } „{ $code }” musi { $digits ->
        [1] być jedną cyfrą
       *[other] mieć { $digits } cyfry
    } ({ $what })
import-package-code-missing = brak elementu { $element } ({ $what })
import-package-what-wk = kod województwa
import-package-what-pk = kod powiatu
import-package-what-gk = kod gminy
import-package-what-gt = rodzaj gminy
import-package-pt = PT „{ $pt }” musi być jedną cyfrą
import-package-other-unit = należy do JST { $teryt }, a pierwsza jednostka paczki do { $first }; paczka musi dotyczyć jednej JST, bo pozycje jednostek są sumowane
import-package-item = pozycja { $ordinal } sprawozdania { $report } jednostki { $unit }
import-package-paragraf = paragraf „{ $paragraf }” musi mieć 3 cyfry (czwarta cyfra jest w elemencie P4)
import-package-p4 = P4 „{ $p4 }” musi być jedną cyfrą (czwartą cyfrą paragrafu)
# $why: import-amount-… .
import-package-amount = kwota { $element } { $why }
import-package-no-period = brak okresu paczki: { $root } nie zawiera elementu Okres (Rok, TypOkresu, Okres)
import-package-no-units = paczka nie zawiera żadnej jednostki (Jednostki/Jednostka)
import-package-no-reports = paczka nie zawiera sprawozdania Rb-27S ani Rb-28S
import-package-no-items = sprawozdania w paczce nie zawierają żadnej pozycji
import-package-period-differs = { $context }: okres sprawozdania ({ $year }, { $kind } { $number }) różni się od okresu paczki ({ $package_year }, { $package_kind } { $package_number })
import-package-no-period-short = brak okresu paczki
import-amount-empty = jest pusta
import-amount-comma-point = „{ $amount }” nie jest liczbą (separatorem dziesiętnym jest kropka)
import-amount-not-a-number = „{ $amount }” nie jest liczbą
import-amount-fraction = „{ $amount }” ma więcej niż dwa miejsca po kropce
import-amount-too-large = „{ $amount }” jest za duża

## The SIO list of schools.

import-sio-no-sheet = skoroszyt nie zawiera żadnego arkusza
# Added to a message about a row of the XML file: the row Excel shows.
import-sio-sheet-row = { " " }(wiersz arkusza { $row })
import-sio-no-header = w arkuszu „{ $sheet }” nie znaleziono wiersza nagłówka: szukano wiersza z kolumnami „{ $rspo }” i „{ $pupils }” (wykaz potrzebuje kolumn { $columns }); czy to wykaz szkół z SIO?
# $at: import-sio-sheet-row or nothing.
import-sio-missing-columns = w wierszu nagłówka{ $at } brak kolumn: { $columns }
import-sio-school-year = nie rozpoznano roku szkolnego w „{ $title }”{ $at }; oczekiwano „rok szkolny RRRR/RRRR” z kolejnymi latami
import-sio-no-date = po „stan na” brak daty{ $at }
import-sio-no-school-year = nad nagłówkiem arkusza „{ $sheet }” brak wiersza „rok szkolny RRRR/RRRR”; nie wiadomo, którego roku dotyczy wykaz
import-sio-no-state-date = nad nagłówkiem arkusza „{ $sheet }” brak wiersza ze stanem na dzień („… stan na …”)
import-sio-below-totals = wiersz{ $at } leży pod wierszem sumy (wiersz { $totals }); wykaz kończy się na sumie, dopisane pod nią szkoły nie zostałyby wczytane
import-sio-empty-cell = pusta komórka{ $at }
import-sio-rspo = numer RSPO „{ $rspo }” nie jest liczbą całkowitą{ $at }
import-sio-no-schools = arkusz „{ $sheet }” nie zawiera pod nagłówkiem żadnej szkoły ani placówki
import-sio-no-year-or-date = brak roku szkolnego lub stanu na dzień
import-sio-pupils-not-a-number = „{ $pupils }” nie jest liczbą uczniów (oczekiwano liczby, np. 420,5)
import-sio-pupils-comma = „{ $pupils }” nie jest liczbą uczniów: komórka jest liczbowa (ss:Type="Number"), a w takiej ułamek zapisuje się z kropką
import-sio-pupils-too-large = liczba uczniów „{ $pupils }” przekracza dopuszczalną wartość bezwzględną 10^15
import-sio-pupils-negative = liczba uczniów nie może być ujemna ({ $pupils })
import-sio-bad-attribute = niepoprawny XML: błędna wartość atrybutu { $name } ({ $error })
# $what: import-sio-what-row or import-sio-what-cell.
import-sio-index-range = { $what }: atrybut ss:{ $name }=„{ $value }” poza zakresem { $from }–{ $to }
import-sio-what-row = wiersz
import-sio-what-cell = komórka
import-sio-row-back = wiersz: ss:Index={ $index } cofa się przed wiersz { $next }
import-sio-cell-back = komórka: ss:Index={ $index } cofa się przed kolumnę { $next }
import-sio-cell-beyond = komórka poza ostatnią kolumną arkusza ({ $max })

## The Ministry of Finance's dBase report files.

# $codes: the unit's codes as the record gives them (WK … PK … GK … GT … PT …).
import-mf-no-code = brak kodu { $field } jednostki ({ $codes })
import-mf-wk-00 = WK 00 nie jest kodem województwa ({ $codes })
import-mf-pk-00 = PK 00 oznacza województwo, które ma GK 00, a nie GK { $gk } ({ $codes })
import-mf-powiat-gk = powiat (PT 1) i miasto na prawach powiatu (PT 2) mają GK 00, a nie GK { $gk } ({ $codes })
import-mf-gmina-gk = gmina (PT 0) nie może mieć GK 00 ({ $codes })
import-mf-gmina-gt = gmina (PT 0) ma GT 1 (miejska), 2 (wiejska) lub 3 (miejsko-wiejska) ({ $codes })
import-mf-unknown-unit = nie rozpoznano jednostki: PT oznacza 0 gminę, 1 powiat, 2 miasto na prawach powiatu ({ $codes })
import-mf-empty-code = (puste)
import-mf-cut = plik jest ucięty: nagłówek zapowiada { $records ->
        [one] { $records } rekord
        [few] { $records } rekordy
       *[many] { $records } rekordów
    } po { $size } bajtów, a plik kończy się w rekordzie { $record }
import-mf-record-flag = znacznik rekordu { $flag } nie jest ani spacją (rekord ważny), ani „*” (rekord usunięty): plik jest uszkodzony
import-mf-no-records = plik nie zawiera żadnego ważnego rekordu (usuniętych: { $deleted })
import-mf-too-short = plik jest krótszy niż nagłówek pliku dBase (32 bajty); to nie jest baza sprawozdań Ministerstwa Finansów
import-mf-no-terminator = nagłówek pliku dBase jest uszkodzony albo ucięty: po { $fields } opisach pól brak bajtu kończącego nagłówek (0x0D)
import-mf-record-size = nagłówek pliku dBase podaje długość rekordu { $declared } bajtów, a opisy pól dają { $computed }: plik jest uszkodzony
import-mf-version = bajt wersji pliku dBase ma wartość { $byte }; bazy sprawozdań MF są w formacie dBase III (0x03)
import-mf-language = bajt sterownika języka (bajt 29 nagłówka) ma wartość { $byte } ({ $name }); bazy sprawozdań Ministerstwa Finansów są zapisane w Windows-1250 i mają tam 0xC8, więc ten plik pochodzi skądinąd albo został przepisany innym programem
import-mf-no-classification = brak kodu klasyfikacji budżetowej
import-mf-quarter = kwartał „{ $quarter }” nie jest liczbą 1–4
# $why: import-mf-amount-… or import-amount-… .
import-mf-amount = kwota { $why }
import-mf-not-dbase = nagłówek lub opisy pól nie tworzą poprawnego pliku dBase ({ $error }); to nie jest baza sprawozdań Ministerstwa Finansów albo plik jest uszkodzony
import-mf-no-fields = plik nie ma żadnych pól
import-mf-fields = plik ma pola: { $fields }
# $present: import-mf-fields or import-mf-no-fields.
import-mf-missing-fields = brak pól { $missing } wymaganych w bazie sprawozdań { $report } (potrzebne: { $required }); { $present }
import-mf-field-twice = pole { $field } występuje w pliku więcej niż raz
import-mf-expected-numeric = liczbowe (N)
import-mf-expected-text-or-numeric = znakowe (C) lub liczbowe (N)
import-mf-field-type = pole { $field } ma typ { $kind }, a powinno być { $expected }
import-mf-other-report = plik ma pola { $fields } sprawozdania { $other }, a wczytywany jest jako { $report }: R4 znaczyłoby tu co innego; wybierz właściwy rodzaj sprawozdania
import-mf-utf8-file = tekst pliku jest zapisany w UTF-8, a nie w Windows-1250 jak w bazach MF: pole { $field } rekordu { $record } zawiera „{ $text }”
import-mf-more-problems = oraz { $more ->
        [one] { $more } dalszy problem
        [few] { $more } dalsze problemy
       *[many] { $more } dalszych problemów
    } (plik sprawdzono do końca)
import-mf-tail = po ostatnim rekordzie zapowiedzianym w nagłówku ({ $records }) plik ma jeszcze { $bytes ->
        [one] { $bytes } bajt
        [few] { $bytes } bajty
       *[many] { $bytes } bajtów
    }: nagłówek podaje za małą liczbę rekordów, więc część danych zostałaby pominięta
import-read-error = błąd odczytu pliku ({ $error })
import-mf-utf8-text = tekst „{ $text }” jest zapisany w UTF-8, a plik deklaruje Windows-1250 (bajt 0xC8); odczytany jako Windows-1250 dałby „{ $cp1250 }”
import-mf-undefined-byte = bajt { $byte } nie istnieje w Windows-1250: tekst nie jest w kodowaniu, które deklaruje plik
import-mf-code = kod „{ $code }” nie jest kodem z najwyżej { $width } { $width ->
        [1] cyfrą
       *[other] cyframi
    } (uzupełnianych zerami z lewej)
import-mf-gt = „{ $code }” nie jest typem gminy (cyfra albo Z dla związku JST)
import-mf-pt = „{ $code }” nie jest typem powiatu (cyfra)
import-mf-overflow = „{ $amount }” to przepełnione pole (same gwiazdki): program, który zapisał plik, nie zmieścił w nim kwoty
import-mf-amount-comma = „{ $amount }” ma przecinek dziesiętny; w pliku dBase separatorem jest kropka
import-mf-amount-infinite = „{ $amount }” nie jest skończoną liczbą
import-mf-amount-too-large = „{ $amount }” przekracza dopuszczalne 10^15
import-mf-code-page-undefined = kodowanie nieokreślone
import-mf-code-page-invalid = nieznany kod
import-mf-code-page = strona kodowa { $page }
import-mf-type-character = znakowy (C)
import-mf-type-numeric = liczbowy (N)
import-mf-type-float = liczbowy (F)
import-mf-type-date = data (D)
import-mf-type-logical = logiczny (L)
import-mf-type-memo = notatka (M)
import-mf-type-binary = binarny (FoxPro)

## The Ministry of Finance's dictionary of local governments.

import-dictionary-looked-in = { " " }(przejrzano arkusze { $sheets })
# $looked_in: import-dictionary-looked-in or nothing.
import-dictionary-no-header = nie znaleziono wiersza nagłówka z kolumnami WK, PK i GK{ $looked_in }; oczekiwano słownika JST Ministerstwa Finansów z kolumnami { $columns }
import-dictionary-missing-columns = w wierszu nagłówka brak kolumn: { $missing }; oczekiwano kolumn { $columns }
# Between the accepted names of one column.
import-dictionary-or = { " " }lub{ " " }
import-dictionary-no-units = pod nagłówkiem słownika nie ma żadnej jednostki
import-empty-cell = pusta komórka
import-dictionary-empty-code = pusta komórka; oczekiwano kodu
import-dictionary-code = „{ $code }” nie jest kodem z najwyżej { $width } { $width ->
        [1] cyfrą
       *[other] cyframi
    }
import-dictionary-code-or-z = „{ $code }” nie jest kodem z najwyżej { $width } { $width ->
        [1] cyfrą
       *[other] cyframi
    } ani Z (związek JST)
import-dictionary-gus = „{ $code }” nie jest 7-cyfrowym kodem GUS (dopuszczalny jest też 6-cyfrowy bez wiodącego zera)

## The GUS BDL: CTAB exports and API pages.

import-ctab-xml = to plik XML, a nie eksport CTAB (CSV) z Banku Danych Lokalnych z kolumnami „Kod” i „Nazwa”
import-ctab-header = nieoczekiwany nagłówek „{ $header }”; oczekiwano eksportu CTAB z Banku Danych Lokalnych z kolumnami „Kod” i „Nazwa”
import-ctab-no-values = nagłówek nie ma żadnej kolumny z wartościami poza „Kod” i „Nazwa”; plik jest ucięty albo to nie jest eksport CTAB
import-ctab-ambiguous-code = kod { $code } (zapisany jako „{ $written }”) jest niejednoznaczny: ten sam kod ma wiersz { $first } (zapisany jako „{ $first_written }”); arkusz mógł usunąć wiodące zera, popraw kody
import-ctab-no-rows = pod nagłówkiem nie ma żadnego wiersza jednostki: plik jest ucięty albo pusty
import-ctab-code = kod „{ $code }” nie jest 7-cyfrowym kodem jednostki WWPPGGR (dopuszczalny jest też 6-cyfrowy kod bez wiodącego zera)
import-ctab-short-row = wiersz ma { $cells ->
        [one] { $cells } komórkę
        [few] { $cells } komórki
       *[many] { $cells } komórek
    }, a nagłówek { $header }: plik jest ucięty w połowie wiersza albo wiersz jest niekompletny
import-ctab-long-row = wiersz ma { $cells ->
        [one] { $cells } komórkę
        [few] { $cells } komórki
       *[many] { $cells } komórek
    }, a nagłówek tylko { $header }
import-ctab-value = wartość „{ $value }” { $why } (dopuszczalne: liczba, „-” lub pusta)
import-bdl-not-json = odpowiedź API BDL nie jest poprawnym JSON-em (wiersz { $line }, kolumna { $column }): { $error }
import-bdl-not-object = odpowiedź API BDL nie jest obiektem JSON z polem „results”
import-bdl-no-results = odpowiedź API BDL nie ma pola „results”
import-bdl-refused = API BDL odpowiedziało błędem zamiast danych: { $reason }
import-bdl-results-not-list = pole „results” odpowiedzi API BDL nie jest listą
import-bdl-header-field = pole „{ $field }” ma wartość { $value }, a powinno być nieujemną liczbą całkowitą
import-bdl-next = pole „links.next” ma wartość { $value }, a nie adres
import-bdl-result-not-object = wynik { $result } nie jest obiektem JSON
import-bdl-id = wynik { $result }: identyfikator jednostki { $id } nie jest 12-cyfrowym identyfikatorem BDL
import-bdl-no-id = wynik { $result }: brak pola „id” (identyfikatora jednostki)
import-bdl-result = wynik { $result }
import-bdl-result-id = wynik { $result } ({ $id })
# $at: import-bdl-result or import-bdl-result-id.
import-bdl-in = { $at }: { $message }
import-bdl-name = { $at }: nazwa { $name } nie jest tekstem
import-bdl-values-not-list = { $at }: pole „values” nie jest listą
import-bdl-value = { $at }, wartość { $value }: { $message }
import-bdl-value-not-object = { $value } nie jest obiektem z polami year, val i attrId
import-bdl-absent = (brak)
import-bdl-year = rok { $year } nie jest rokiem
import-bdl-val = wartość { $value } nie jest liczbą
import-bdl-attr = znacznik attrId { $flag } nie jest liczbą całkowitą
import-bdl-unit-twice = jednostka { $id } { $name } występuje w odpowiedzi więcej niż raz
import-bdl-same-unit = jednostki BDL { $first } i { $id } wskazują tę samą jednostkę rejestru { $teryt }
import-bdl-values-of-year = jednostka { $id } { $name } ma więcej niż jedną wartość za rok { $year }

# Text of a file quoted in a message (a sheet's or a column's name).
import-quoted = „{ $text }”
