# Names of the domain's closed sets (DESIGN §12).

status-achieved = Achieved
status-on-track = On track
status-acceleration-needed = Acceleration needed
status-limited-progress = Limited progress
status-deterioration = Deterioration
status-no-data = No data

level-cel-strategiczny = strategic goal
level-cel-operacyjny = operational objective
level-kierunek-dzialan = line of action
level-zadanie = task

unit-kind-gmina-miejska = urban gmina
unit-kind-gmina-wiejska = rural gmina
unit-kind-gmina-miejsko-wiejska = urban-rural gmina
unit-kind-miasto-na-prawach-powiatu = city with powiat status
unit-kind-powiat = powiat
unit-kind-wojewodztwo = voivodeship

domain-teryt-malformed = TERYT code “{ $code }” must have 2, 4, 6 or 7 digits
domain-formula-invalid = formula “{ $formula }”: { $reason }; expected the form CODE[+CODE…] / CODE[+CODE…] [* number]
domain-formula-no-division = no division “/”
domain-formula-bad-multiplier = the multiplier is not a non-zero number
domain-formula-bad-numerator = the numerator is not a sum of indicator codes
domain-formula-bad-denominator = the denominator is not a sum of indicator codes
practice-area-rozwoj-instytucjonalny = Institutional development
practice-area-uslugi-spoleczne = Social services
practice-area-uslugi-techniczne = Technical services
practice-area-efektywnosc-energetyczna = Energy efficiency
practice-area-wspolpraca-jst-ngo = Local government–NGO cooperation
practice-area-wspolpraca-miedzy-jst = Cooperation between local governments
practice-area-dialog-spoleczny = Social dialogue
practice-sub-area-zarzadzanie-strategiczne = Strategic management
practice-sub-area-zarzadzanie-zasobami = Resource management
practice-sub-area-zarzadzanie-personelem = Personnel management
practice-sub-area-partnerstwo = Partnership
practice-sub-area-zarzadzanie-uslugami = Service management
