# Where to go next. A message that sends the user somewhere references one of these; the
# window names its own screens, the command line a `jst` command ($surface: window | cli).

hint-choose-unit = { $surface ->
    [window] wybierz ją w oknie wyboru jednostki (przy pierwszym uruchomieniu albo Ustawienia → Jednostka)
   *[cli] jst init --unit TERYT
}
hint-open-demo = { $surface ->
    [window] albo otwórz demo w oknie wyboru jednostki
   *[cli] albo otwórz demo: jst init --demo
}
hint-search-unit = { $surface ->
    [window] wyszukaj ją po nazwie w oknie wyboru jednostki
   *[cli] wyszukaj ją po nazwie: jst units search NAZWA
}
hint-import-strategy = { $surface ->
    [window] wczytaj szablon strategii na ekranie Dane albo Strategia
   *[cli] wczytaj szablon strategii: jst import strategy PLIK
}
hint-list-strategies = { $surface ->
    [window] wczytane strategie pokazuje ekran Strategia
   *[cli] listę pokazuje: jst strategy list
}
hint-import-values = { $surface ->
    [window] wpisz albo wczytaj wartości na ekranie Dane
   *[cli] wczytaj wartości: jst import values PLIK
}
hint-import-catalogue = { $surface ->
    [window] wczytaj katalog wskaźników na ekranie Dane
   *[cli] wczytaj katalog: jst import catalogue PLIK
}
hint-get-peers = { $surface ->
    [window] pobierz dane na ekranie Synchronizacja albo wczytaj plik na ekranie Dane
   *[cli] pobierz je: jst sync, albo wczytaj plik: jst import peers PLIK
}
hint-import-register = { $surface ->
    [window] wczytaj plik rejestru na ekranie Dane i zezwól na zmniejszenie rejestru
   *[cli] wczytaj plik rejestru ręcznie: jst import register PLIK --allow-shrink
}
hint-save-group = { $surface ->
    [window] zapisz ją na ekranie Porównania
   *[cli] zapisz ją na ekranie Porównania albo: jst groups save NAZWA --units T1,T2
}
hint-list-keys = { $surface ->
    [window] zaufane klucze pokazuje Ustawienia → Zaufane klucze wydań
   *[cli] lista kluczy: jst trust list
}
hint-reset-thresholds = { $surface ->
    [window] przywróć wartości domyślne w Ustawienia → Progi oceny statusu
   *[cli] przywróć wartości domyślne: jst settings thresholds --reset
}
hint-server-address = { $surface ->
    [window] wpisz adres serwera na ekranie Synchronizacja
   *[cli] podaj adres serwera: jst sync --server URL
}
hint-unit-token = { $surface ->
    [window] wpisz token od stowarzyszenia na ekranie Synchronizacja
   *[cli] wpisz token od stowarzyszenia: jst token set
}
hint-sync = { $surface ->
    [window] pobierz wydanie na ekranie Synchronizacja
   *[cli] pobierz wydanie: jst sync
}
