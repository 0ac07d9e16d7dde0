// Polish message catalogue: the first language of the app. Every user-visible string lives here.
export const pl = {
  "app.name": "Monitor JST",
  "app.loading": "Wczytywanie…",
  "app.error.title": "Nie można otworzyć danych",
  "app.error.retry": "Spróbuj ponownie",
  "app.skip": "Przejdź do treści",
  "lang.label": "Język",
  "lang.pl": "polski",
  "lang.en": "English",

  "nav.label": "Główna nawigacja",
  "nav.pulpit": "Pulpit",
  "nav.strategia": "Strategia",
  "nav.porownania": "Porównania",
  "nav.koszty": "Koszty",
  "nav.dane": "Dane",
  "nav.synchronizacja": "Synchronizacja",
  "nav.raporty": "Raporty",
  "nav.ustawienia": "Ustawienia",

  "chooser.title": "Wybierz swoją jednostkę",
  "chooser.intro":
    "Monitor JST przechowuje dane jednej jednostki samorządu terytorialnego. Wyszukaj gminę, miasto na prawach powiatu lub powiat po nazwie albo kodzie TERYT.",
  "chooser.search.label": "Nazwa lub kod TERYT",
  "chooser.search.placeholder": "np. Wieliczka albo 1219053",
  "chooser.results": "Wyniki wyszukiwania",
  "chooser.results.count": "Znaleziono: {count}",
  "chooser.results.none": "Nie znaleziono jednostki. Sprawdź pisownię albo wpisz kod TERYT.",
  "chooser.choose": "Wybierz",
  "chooser.demo.title": "Nie masz jeszcze danych?",
  "chooser.demo.text":
    "Otwórz demo: gmina Wieliczka z prawdziwą liczbą ludności i kilkoma wartościami przykładowymi.",
  "chooser.demo.button": "Otwórz demo (Wieliczka)",
  "chooser.cancel": "Wróć do pulpitu",

  "unit.kind": "Rodzaj",
  "unit.teryt": "Kod TERYT",
  "unit.powiat": "Powiat",
  "unit.voivodeship": "Województwo",
  "unit.population": "Ludność",
  "unit.population.value": "{value} (stan na 31.12.{year})",
  "unit.population.none": "brak danych referencyjnych dla tej jednostki",
  "unit.none": "—",

  "kind.gmina_miejska": "gmina miejska",
  "kind.gmina_wiejska": "gmina wiejska",
  "kind.gmina_miejsko_wiejska": "gmina miejsko-wiejska",
  "kind.miasto_na_prawach_powiatu": "miasto na prawach powiatu",
  "kind.powiat": "powiat",
  "kind.wojewodztwo": "województwo",

  "demo.badge": "Demo — dane przykładowe",
  "demo.banner":
    "To jest tryb demonstracyjny. Liczba ludności pochodzi z danych GUS, pozostałe wartości są przykładowe i nie są danymi urzędowymi.",

  "pulpit.title": "Pulpit",
  "pulpit.unit": "Jednostka",
  "pulpit.installation": "Dane programu",
  "pulpit.dataDir": "Folder danych",
  "pulpit.schema": "Wersja schematu bazy",
  "pulpit.attention": "Wymaga uwagi",
  "pulpit.attention.pending":
    "Lista wskaźników wymagających uwagi pojawi się razem z modułem Strategia (w przygotowaniu).",
  "pulpit.changeUnit": "Zmień jednostkę",

  "prep.badge": "W przygotowaniu",
  "prep.text": "Ten ekran jest w przygotowaniu i pojawi się w jednej z kolejnych wersji programu.",
  "prep.strategia": "Drzewo strategii rozwoju z celami, wskaźnikami, postępem i prognozą.",
  "prep.porownania": "Porównania z podobnymi jednostkami: rozkłady, pozycja w grupie, mapa.",
  "prep.koszty": "Koszty jednostkowe usług na tle grupy porównawczej, eksport do XLSX.",
  "prep.dane": "Wprowadzanie i import wartości wskaźników, historia zmian.",
  "prep.synchronizacja": "Pobieranie podpisanych danych porównawczych i przekazywanie własnych wartości.",
  "prep.raporty": "Raport z monitoringu strategii i rozdział do raportu o stanie gminy.",
  "prep.ustawienia": "Ustawienia programu, kopie zapasowe, klucze zaufane.",

  "error.invalid_input": "Nieprawidłowe dane",
  "error.not_found": "Nie znaleziono",
  "error.conflict": "Konflikt z istniejącymi danymi",
  "error.missing_data": "Brak potrzebnych danych",
  "error.schema_too_new": "Dane z nowszej wersji programu",
  "error.io": "Błąd odczytu lub zapisu",
  "error.internal": "Błąd programu",
} as const;

export type MessageKey = keyof typeof pl;
