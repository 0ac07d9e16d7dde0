# release

release-bad-signature = podpis pliku { $file } nie pochodzi z zaufanego klucza lub plik zmieniono
release-malformed-signature = plik podpisu { $file } ma nieprawidłową postać
release-malformed-key = klucz publiczny ma nieprawidłową postać: { $reason }
release-too-large = plik { $file } jest za duży ({ $size } B, dopuszczalne { $limit } B)
release-malformed = plik { $file } ma nieprawidłową postać: { $reason }
release-hash-mismatch = skrót SHA-256 pliku { $file } nie zgadza się z manifestem
release-key-not-a-point = to nie jest punkt krzywej Ed25519
release-key-prefix = oczekiwano wiersza zaczynającego się od „{ $prefix }”
release-key-base64 = niepoprawny base64
release-key-length = klucz musi mieć 32 bajty
release-not-a-date = „{ $text }” nie jest datą RFC 3339
release-unknown-format = nieznany format „{ $format }”
release-manifest-hash-field = manifest_sha256 nie jest skrótem SHA-256
release-chunk-name = niedozwolona nazwa fragmentu „{ $chunk }”
release-chunk-hash-field = fragment { $chunk }: sha256 nie jest skrótem
release-chunk-too-large = fragment { $chunk } jest za duży ({ $size } B)
release-one-chunk-of-kind = manifest musi mieć dokładnie jeden fragment { $kind }
