# sync

sync-rejected = wydanie odrzucone ({ $code }): { $message }
sync-offline = brak połączenia z serwerem: { $reason }
sync-cancelled = synchronizację przerwano; nic nie zapisano
sync-no-response = { $what }: serwer nie przesłał odpowiedzi w { $limit } (limit czasu żądania)
sync-past-deadline = przekroczono limit czasu synchronizacji ({ $limit }); dane porównawcze bez zmian, pobrane fragmenty zostają na następny raz
sync-too-large = { $what } przekracza { $limit } B
sync-too-large-declared = { $what } przekracza zadeklarowane { $size } B
sync-no-trusted-keys = brak zaufanych kluczy wydań; { hint-add-release-key }
sync-rollback = wydanie { $version } jest starsze niż już przyjęte { $highest }
sync-expired = wydanie { $version } straciło ważność { $expires }
sync-manifest-hash = manifest.json nie zgadza się ze skrótem w latest.json
sync-manifest-other-release = manifest opisuje inne wydanie niż latest.json
sync-cannot-create = nie można utworzyć { $path }
sync-cannot-read = nie można odczytać { $path }
sync-cannot-write = nie można zapisać { $path }
sync-chunk-hash = fragment { $chunk } ma inny skrót niż w manifeście
sync-chunk-rows = fragment { $chunk }: { $rows } wierszy zamiast { $expected }
sync-too-many-keys = za dużo jednostek lub wskaźników w wydaniu
sync-missing-file = brak pliku { $path } w folderze wydania: { $reason }
sync-server-answered = { $what }: serwer odpowiedział { $status }
sync-server-status = serwer odpowiedział { $status }
sync-answer = odpowiedź serwera
sync-no-time-to-send = brak czasu na wysłanie zgłoszenia
sync-groups-unauthorized = serwer nie przyjął tokenu jednostki (401); grupy wymiany doświadczeń bez zmian
sync-groups-malformed = { $what }: odpowiedź serwera nie jest odpowiedzią API grup ({ $reason })

hint-add-release-key = { $surface ->
    [window] dodaj klucz stowarzyszenia w Ustawienia → Zaufane klucze wydań
   *[cli] dodaj klucz stowarzyszenia: jst trust add PLIK --yes
}

## Why a release was refused (RejectionCode)

sync-code-bad-signature = podpis nie pochodzi z zaufanego klucza albo plik zmieniono
sync-code-hash-mismatch = plik nie zgadza się ze skrótem w manifeście (uszkodzony lub zmieniony)
sync-code-too-large = plik wydania jest za duży
sync-code-malformed = plik wydania ma nieprawidłową postać
sync-code-malformed-rows = dane wydania zawierają nieprawidłowe wiersze
sync-code-rollback = wydanie jest starsze niż już przyjęte
sync-code-expired = wydanie straciło ważność
sync-code-bad-key = plik klucza nie jest kluczem wydań
sync-code-untrusted-key = brak zaufanego klucza wydań; dodaj klucz stowarzyszenia
sync-code-missing-file = w folderze wydania brakuje pliku
sync-code-http-status = serwer odpowiedział błędem
sync-practices-other-release = practices.json należy do wydania { $version }, a manifest do wydania { $expected }
sync-practices-malformed = fragment dobrych praktyk { $chunk } jest nieczytelny: { $reason }

## Attachments of the good-practice base and proposals

sync-attachment-bad-name = „{ $sha }” nie jest skrótem SHA-256 załącznika
sync-attachment-too-large = załącznik ma { $size } B, więcej niż dopuszczalne { $limit } B; nie pobrano
sync-attachment-hash = pobrany załącznik ma inny skrót niż podany w wydaniu (uszkodzony lub podmieniony); odrzucono, nic nie zapisano
sync-attachment-kind = pobrany plik nie jest PDF, PNG ani JPEG; odrzucono, nic nie zapisano
sync-proposal-unauthorized = serwer nie przyjął tokenu jednostki (401: token nieznany lub unieważniony); poproś stowarzyszenie o nowy token
sync-proposal-wrong-unit = serwer odmówił (403): { $message }
sync-proposal-invalid = serwer nie przyjął praktyki: { $message }
