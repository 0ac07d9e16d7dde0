# Names of the domain's closed sets (DESIGN §12).

status-achieved = Osiągnięto
status-on-track = Zgodnie z planem
status-acceleration-needed = Wymaga przyspieszenia
status-limited-progress = Niewielki postęp
status-deterioration = Pogorszenie
status-no-data = Brak danych

level-cel-strategiczny = cel strategiczny
level-cel-operacyjny = cel operacyjny
level-kierunek-dzialan = kierunek działań
level-zadanie = zadanie

unit-kind-gmina-miejska = gmina miejska
unit-kind-gmina-wiejska = gmina wiejska
unit-kind-gmina-miejsko-wiejska = gmina miejsko-wiejska
unit-kind-miasto-na-prawach-powiatu = miasto na prawach powiatu
unit-kind-powiat = powiat
unit-kind-wojewodztwo = województwo

domain-teryt-malformed = kod TERYT „{ $code }” musi składać się z 2, 4, 6 lub 7 cyfr
domain-formula-invalid = wzór „{ $formula }”: { $reason }; oczekiwano postaci KOD[+KOD…] / KOD[+KOD…] [* liczba]
domain-formula-no-division = brak dzielenia „/”
domain-formula-bad-multiplier = mnożnik nie jest liczbą różną od zera
domain-formula-bad-numerator = licznik nie jest sumą kodów wskaźników
domain-formula-bad-denominator = mianownik nie jest sumą kodów wskaźników
practice-area-rozwoj-instytucjonalny = Rozwój instytucjonalny
practice-area-uslugi-spoleczne = Usługi społeczne
practice-area-uslugi-techniczne = Usługi techniczne
practice-area-efektywnosc-energetyczna = Efektywność energetyczna
practice-area-wspolpraca-jst-ngo = Współpraca JST–NGO
practice-area-wspolpraca-miedzy-jst = Współpraca między JST
practice-area-dialog-spoleczny = Dialog społeczny
practice-sub-area-zarzadzanie-strategiczne = Zarządzanie strategiczne
practice-sub-area-zarzadzanie-zasobami = Zarządzanie zasobami
practice-sub-area-zarzadzanie-personelem = Zarządzanie personelem
practice-sub-area-partnerstwo = Partnerstwo
practice-sub-area-zarzadzanie-uslugami = Zarządzanie usługami
