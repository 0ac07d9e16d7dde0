# cli

cli-usage-error = Usage error (help: jst --help):
cli-error = Error: { $message }
