# store

store-schema-too-new = the database { $path } has schema version { $found }, newer than this program supports ({ $supported }); install a newer version of Monitor JST. The file was not changed.
store-backup-before-migration = cannot make a copy of the database { $path } before migrating it: { $reason }
store-not-restorable = the file { $path } cannot be restored: { $defect }. Nothing was changed.
store-in-use = the database { $path } is open in another program (e.g. in a Monitor JST window); close it and try again. Nothing was changed.
store-database-error = database error: { $reason }
store-unknown-unit = there is no unit with TERYT code { $teryt } in the register
store-older-register = the register as of { $offered } is older than the one already loaded (as of { $current }); load the current TERC file
store-corrupt = the database holds invalid data: { $detail }
store-migration-broken-links = migration { $migration } would leave { $links ->
    [one] { $links } broken link
   *[other] { $links } broken links
}
store-unknown-node-level = unknown node level { $level }
store-missing-strategy = strategy { $id } is missing
store-missing-unit-id = there is no unit with id { $id }
store-missing-in-edited-strategy = “{ $code }” is missing from the strategy being edited

## Copies of the database and their restore

store-defect-unreadable = it cannot be read ({ $reason })
store-defect-not-a-database = it is not an SQLite database
store-defect-not-monitor-jst = it is not a Monitor JST database (local.db)
store-defect-damaged = the database is damaged or incomplete ({ $reason })
store-defect-too-new = it has schema version { $found }, newer than this program supports ({ $supported }); restore it with a newer version of Monitor JST
store-defect-current-database = it is the database the program is using, not a copy
store-not-a-regular-file = it is not a regular file
store-file-missing = the file does not exist
store-no-read-permission = no permission to read it
store-cannot-remove-file = cannot remove the file { $path }
store-cannot-create-copy-folder = cannot create the copies folder { $path }
store-cannot-name-copy = cannot give the copy the name { $path }
store-copy-failed-check = the copy { $path } failed its check (integrity_check: { $verdict }, schema { $found } instead of { $expected })
store-cannot-sync-copy = cannot write the copy { $path } to disk
store-cannot-sync-folder = cannot write the folder { $path } to disk
store-cannot-swap-database = cannot swap in the database { $path }
