# cli

cli-usage-error = Błąd użycia (pomoc: jst --help):
cli-error = Błąd: { $message }
