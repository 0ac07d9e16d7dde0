# core

core-unknown-unit = there is no unit with TERYT code { $teryt } in the register; { hint-search-unit }
core-no-active-strategy = no active strategy; { hint-import-strategy }
core-unknown-group = there is no saved comparison group “{ $name }”; { hint-save-group }
core-unknown-key = there is no trusted release key { $key }; { hint-list-keys }
core-pinned-key = release key { $key } is built into the program (the association's key) and cannot be removed
core-unknown-indicator = indicator { $code } is not in the active strategy
core-invalid-value = invalid value: { $detail }
core-note-required = after this change the indicator's status is “{ $status }”: enter an explanation (remarks) of the causes
core-cancelled = stopped at your request; nothing was saved
