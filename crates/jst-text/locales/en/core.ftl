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

## Files and folders

core-invalid-folder = invalid folder { $path }
core-cannot-read-folder = cannot read the folder { $path }
core-cannot-remove-old-copy = cannot remove the old copy { $path }
core-cannot-create-data-folder = cannot create the data folder { $path }
core-invalid-data-folder = invalid data folder { $path }
core-file-missing = the file does not exist; check its name and folder
core-file-no-permission = no permission to read the file
core-file-unreadable = cannot read the file ({ $reason })
core-not-a-regular-file = this is not a regular file (a folder, a device or a pipe); choose a data file
core-file-too-large = the file has { $size } { $size ->
    [one] byte
   *[other] bytes
}, more than the { $cap } allowed
core-cannot-write-file = cannot write the file { $path }

## The own unit and the register

core-register-file-small = the file has far fewer units ({ $offered }) than the register ({ $active }): as the full state of the register it will end the units it does not list
core-register-would-shrink = as the full state of the register the file would end { $count } { $count ->
    [one] unit
   *[other] units
} (including { $examples }); a real register ends a few a year at most, so the file is probably incomplete or cut short. If the change is intended, { $surface ->
    [window] allow the register to shrink and load the file again
   *[cli] load the file with the option --allow-shrink
}
core-demo-needs-empty-folder = the data folder holds own data ({ $values } { $values ->
    [one] value
   *[other] values
}{ $strategy ->
    [yes] {" "}and a strategy
   *[no] {""}
}); open the demo in a data folder of its own{ $surface ->
    [window] {""}
   *[cli] {" "}(--data-dir)
}, so that sample data does not mix with real data
core-unit-ended = unit { $teryt } { $name } has not existed since { $date } (according to the loaded TERYT register)
core-no-own-unit = { $surface ->
    [window] no unit chosen yet; { hint-choose-unit }
   *[cli] choose a unit first: { hint-choose-unit }
}
core-folder-holds-other-unit = the data folder holds { $values } own { $values ->
    [one] value
   *[other] values
} of unit { $teryt } { $name }; to work with another unit, use a data folder of its own{ $surface ->
    [window] {""}
   *[cli] {" "}(--data-dir)
}

## The audit log

core-audit-kind-values = values
core-audit-kind-strategy = strategy
core-audit-kind-imports = data imports
core-audit-kind-unit = unit
core-audit-kind-sync = synchronisation
core-audit-kind-submissions = submissions
core-audit-kind-groups = comparison groups
core-audit-kind-settings = settings
core-audit-kind-reports = reports
core-audit-kind-backups = backups
core-audit-kind-other = other
core-audit-bad-day = “{ $text }” is not a date in the form YYYY-MM-DD, e.g. 2026-03-01
core-audit-days-reversed = the start date { $since } is later than the end date { $until }
core-audit-bad-limit = the number of rows { $limit } is outside the range 1–{ $max }

## The strategy editor

core-edit-field-node-code = node code
core-edit-field-parent-code = parent node
core-edit-field-level = level
core-edit-field-title = name
core-edit-field-node-weight = node weight
core-edit-field-indicator-code = indicator code
core-edit-field-indicator-name = indicator name
core-edit-field-unit = unit
core-edit-field-direction = direction
core-edit-field-baseline-year = baseline year
core-edit-field-baseline-value = baseline value
core-edit-field-target-year = target year
core-edit-field-target-value = target value
core-edit-field-indicator-weight = indicator weight
core-edit-field-department = department
core-edit-field-source = source
core-edit-field-milestones = milestones
core-edit-no-node = there is no node “{ $code }” in the active strategy
core-edit-code-taken = a node with code “{ $code }” is already in the strategy; give another code
core-edit-lowest-level = no node can be added under node { $parent }: { $level } is the lowest, fourth level of a strategy
core-edit-node-added = added { $level } { $code } “{ $title }”
core-edit-node-changed = changed the { $what ->
    [title-weight] name and weight
    [title] name
   *[weight] weight
} of node { $code }
core-edit-move-into-itself = node { $code } cannot be moved under { $parent }: { $parent } lies within it
core-edit-node-reordered = changed the order: node { $code }
core-edit-node-moved = moved node { $code } under { $parent }
core-edit-node-moved-to-top = moved node { $code } to the top level
core-edit-node-removed = removed node { $code } “{ $title }”
core-edit-node-removed-with-children = removed node { $code } “{ $title }” (child nodes: { $nodes }, indicators: { $indicators })
core-edit-indicator-not-in-node = indicator { $code } is not in node { $node }
core-edit-indicator-local = indicator { $code } is not in the catalogue and was added as a local one
core-edit-indicator-added = added indicator { $code } to node { $node }
core-edit-indicator-changed = changed indicator { $code } in node { $node }
core-edit-indicator-removed = removed indicator { $code } from node { $node }
core-edit-in-node = in node { $code }
core-edit-unchecked = an edit without checked data
core-nothing-to-undo = there are no strategy changes to undo (loading a template starts the history afresh)
core-undone = undone: { $label }

## Status thresholds

core-thresholds-corrupt = the setting { $key } in local.db is damaged ({ $text }); { hint-reset-thresholds }
core-thresholds-not-numbers = the status thresholds must be numbers
core-thresholds-on-track = the “on track” threshold must be greater than 0 and at most { $max } ({ $given } given)
core-thresholds-acceleration = the “acceleration needed” threshold must be greater than 0 ({ $given } given)
core-thresholds-order = the “acceleration needed” threshold ({ $acceleration }) must be lower than the “on track” threshold ({ $on_track })
core-thresholds-tolerance = the tolerance of indicators to be maintained must be between 0 and { $max } ({ $given } given)

## Values and notes

core-unknown-stored-status = unknown value status in the database: “{ $code }”
core-value-not-a-number = the value must be a number
core-value-too-large = the value { $value } exceeds the allowed absolute value of 10^15
core-note-empty = the note is empty
core-year-out-of-range = the year { $year } is outside the range 1990–2100
core-year-before-baseline = the year { $year } is earlier than the baseline year { $baseline }

## Strategies and templates

core-unknown-strategy = there is no strategy number { $id }; { hint-list-strategies }
core-template-needs-period = the template has no indicators, so the strategy's period must be given{ $surface ->
    [window] {" "}in the template
   *[cli] : --period YYYY-YYYY
}
core-period-reversed = the period { $from }–{ $to } ends before it begins
core-template-local-indicators = indicators not in the catalogue, added as local ones: { $codes }
core-template-export-csv = the template is written as CSV: give a file ending in .csv instead of { $file }
core-no-value-to-delete = indicator { $code } has no value for { $year }
core-values-unknown-indicator = unknown indicator code { $code }: it is neither in the catalogue nor in the strategy
core-values-repeated = the value of { $code } for { $year } is repeated (first in row { $first })
core-values-before-baseline = the value for { $year } is from before the baseline year { $baseline } of indicator { $code }
core-values-jump = { $code } changes by { $change } % against { $year } ({ $previous } → { $value }); check the value
core-values-note-wanted = with this value indicator { $code } has the status “{ $status }” in { $year }: add an explanation in the uwagi (remarks) column, or on the Strategy screen after the import

## Comparisons

core-no-indicator-values = no values of the indicator
core-group-too-little-data = too little data in the group
core-group-suppressed = { $note } – the association does not publish the statistics of a group in which fewer than 5 units have contributed data
core-bad-formula = indicator { $code } has a wrong formula in the catalogue: { $reason }
core-not-in-catalogue-hint = indicator { $code } is not in the catalogue; { hint-import-catalogue }
core-unit-index-unavailable = the comparison index is unavailable
core-group-name-length = a group name must have 1 to { $max } characters
core-group-empty = a group must hold at least one unit
core-group-other-kind = { $teryt } { $name } is of another kind than { $own } – gminas are compared with gminas, powiats with powiats
core-group-not-read-back = the saved group “{ $name }” was not read back
core-no-peer-data = no comparison data; { hint-get-peers }
core-not-in-catalogue = indicator { $code } is not in the catalogue
core-nearest-no-variables = no structural variables with a value of the unit for { $year }
core-nearest-weights = give as many non-negative weights as there are variables ({ $variables })
core-nearest-own-incomplete = unit { $teryt } lacks a value of some variable for { $year }
core-group-label-nearest = most similar units: { $count } (structural variables, { $year })
core-group-label-custom = own group “{ $name }” ({ $count } and own)

## Comparison groups

core-group-units-empty = the group units: needs a list of TERYT codes
core-group-nearest-k = the group nearest:K needs a number K from 1 to { $max }, “{ $given }” given
core-group-custom-empty = the group custom:NAME needs the name of a saved group
core-group-unknown = unknown group “{ $given }”; available: type_size, voivodeship, powiat, all, nearest:K, custom:NAME, units:T1,T2
core-size-class-between = { $lower }–{ $upper } thousand inhabitants
core-size-class-from = { $lower } thousand inhabitants or more
core-kinds-gminy-miejskie = urban gminas
core-kinds-gminy-wiejskie = rural gminas
core-kinds-gminy-miejsko-wiejskie = urban-rural gminas
core-kinds-miasta-na-prawach-powiatu = cities with powiat rights
core-kinds-powiaty = powiats
core-kinds-wojewodztwa = voivodeships
core-family-gminas = gminas and cities with powiat rights
core-group-no-population = the reference data has no population of unit { $teryt }, so its size class is unknown; choose another group (e.g. voivodeship)
core-group-label-type-size = { $kinds }, { $class }
core-group-label-voivodeship = { $kinds }, { $name } voivodeship
core-group-powiat-not-gmina = the powiat group holds the gminas of one powiat; the chosen unit is not a gmina in a powiat
core-group-label-powiat = gminas, powiat { $name }
core-group-label-all = all { $kinds }
core-group-not-resolved = the group was not resolved to a list of units
core-group-label-units = chosen units ({ $count } and own)
core-no-price-index = no GUS price index for { $year }; constant prices are available for { $first }–{ $last }

## Submissions to the association

hint-submit-server = { $surface ->
    [window] enter the server address on the Synchronisation screen
   *[cli] give the server address: jst submit --server URL
}
core-submit-not-the-api = the server’s answer is not an answer of the submissions API ({ $reason }); check the server address
core-submit-answer-start = { $reason }; beginning: { $start }
core-submit-result-count = { $results } results for { $items } items of the submission
core-submit-result-mismatch = result { $got } instead of { $expected }
core-submit-encode = cannot write the submission as JSON
core-submit-stored-unreadable = an unreadable submission in the outbox
core-submit-answer-unreadable = an unreadable answer from the server
core-submit-answer-mismatch = the server’s answer does not match the submission

## Synchronisation, keys and the unit token

core-no-conflict = there is no conflict for indicator { $code } in { $year }
core-token-shape = this is not a unit token (jst_ and 64 hexadecimal characters)
core-cannot-remove = cannot remove { $path }
core-cannot-save = cannot save { $path }
core-no-token = no unit token; { hint-unit-token }
core-server-address-scheme = the server address “{ $url }” must begin with https:// (or http://)
core-sync-interval-too-long = the synchronisation interval can be a week at most
core-no-server = { hint-server-address }
core-pinned-key-unreadable = an unreadable release key built into the program
core-trusted-key-unreadable = an unreadable trusted release key in local.db
core-sync-register-too-many-ended = The release’s TERYT register (as of { $as_of }) was not loaded: it would have ended { $count } units (including { $examples }), while a real register ends a few a year at most. The release’s values were loaded. If the change is intended, { hint-import-register }

## Exports

core-choose-it = { $surface ->
    [window] { hint-choose-unit }
   *[cli] choose it: { hint-choose-unit }
}
core-export-no-unit = no unit has been chosen, so there is nothing to export; { core-choose-it } { hint-open-demo }
core-export-wrong-extension = the file { $file } ends in .{ $extension }, but the export format is { $format }: give a .{ $format } file or change { $surface ->
    [window] the format
   *[cli] --format
}

## Imports of official files and public values

core-choose-own-unit-first = { $surface ->
    [window] { hint-choose-unit }
   *[cli] choose the own unit first ({ hint-choose-unit })
}
core-budget-is-school-list = this is an SIO school list, not a budget report (Rb-27S, Rb-28S): load it as an SIO list
core-budget-needs-own-unit = a package of reports is about one unit: { core-choose-own-unit-first }
core-budget-period = a package for the period “{ $kind }” { $number }: quarterly (cumulative) and yearly reports are loaded
core-budget-other-unit = unit no. { $ordinal } of the package, “{ $name }”, belongs to the unit with code { $teryt } ({ $codes }), while the chosen unit is { $own_teryt } { $own_name }: load the reports of the own unit
core-official-neither = the workbook is neither a budget report (a sheet “sprawozdania” with the columns rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie) nor an SIO school list; the remarks of both checks follow
core-sio-needs-own-unit = an SIO list is about one unit: { core-choose-own-unit-first }
core-sio-title-names = {" "}— the title names “{ $name }”
core-sio-no-unit-code = the list does not give the code of the unit it was made for (the columns Woj, Pow and Gmi of the registering body are empty in the school rows or missing){ $titled }, so it cannot be checked that it is the list of unit { $teryt } { $name }; load the list as downloaded from SIO, unchanged
core-sio-other-unit = the SIO list is about the unit with code { $code } ({ $codes }), while the chosen unit is { $teryt } { $name }: load the list of the own unit
core-peers-unknown-unit = unit { $teryt } is not in the TERYT register; the row was skipped
core-peers-repeated = the value of { $code } for { $year } of unit { $teryt } is repeated (first in row { $first })
core-peers-summary = units: { $units }, values: { $values }
core-catalogue-unknown-code = the formula of indicator { $indicator } uses an unknown code { $code }
core-catalogue-local-promoted = the local indicator { $code } becomes a catalogue indicator

## Reports

core-report-no-unit = no own unit has been chosen; { core-choose-it }
core-header-field-unit-name = full name of the unit
core-header-field-author = author
core-header-field-department = department
core-emblem-format = the file { $file } is neither a PNG nor an SVG image; load the coat of arms from a .png or .svg file
core-header-field-too-long = the field “{ $label }” has more than { $max } characters
core-header-field-control = the field “{ $label }” holds control characters
core-report-no-goal = there is no goal { $code } in the active strategy
core-report-text-too-long = the text has more than { $max } characters
core-report-text-control = the text holds control characters
core-or = {" "}or{" "}
core-report-format = the document “{ $document }” is made only in the { $formats } format
core-report-no-data = no data for { $year }: no indicator of the active strategy has a value for that year; { hint-import-values } or choose another year
core-report-kind-monitoring = strategy monitoring report
core-report-kind-chapter = chapter “Implementation of the strategy”
core-report-kind-xlsx = XLSX summary

## Shipped data

core-shipped-population-unknown-unit = the built-in population data { $file }: unit { $teryt } is not in the register
core-sync-outcome-applied = New release applied
core-sync-outcome-up-to-date = Up to date
core-sync-outcome-rejected = Release rejected
core-sync-outcome-offline = Offline
core-submission-imported = accepted
core-submission-updated = updated
core-submission-unchanged = unchanged
core-submission-conflict = conflict
core-submission-resend = to be resent
core-submission-invalid = rejected (invalid)
core-submission-period-closed = period closed

## Statistics (jst-analytics)

core-analytics-failed = comparison calculation error: { $reason }

# Actions of the history of changes (the Polish ones as recorded; a prefix is followed by
# codes, years or a file name).
core-audit-action-value = value
core-audit-action-values-import = values imported from
core-audit-action-sio = SIO school list from
core-audit-action-strategy-import = strategy import
core-audit-action-active-strategy = active strategy
core-audit-action-note = note
core-audit-action-register = TERYT register
core-audit-action-catalogue = indicator catalogue
core-audit-action-budget = budget reports
core-audit-action-unit = unit chosen
core-audit-action-sync = synchronisation
core-audit-action-trusted-key = trusted release key
core-audit-action-shared = shared indicators
core-audit-action-submission = submission to the association
core-audit-action-answer = association's answer
core-audit-action-conflict-own = conflict: own value kept
core-audit-action-conflict-server = conflict: server value accepted
core-audit-action-value-deleted = value deleted
core-audit-action-strategy-edit = strategy edit
core-audit-action-group = comparison group
core-audit-action-setting = setting
core-audit-action-thresholds = status thresholds
core-audit-action-report-header = report header
core-audit-action-report-text = report text
core-audit-action-backup = backup copy
core-audit-action-restore = copy restored
core-audit-action-value-year = value { $code } for { $year }

# experience-exchange groups (GWD)
core-group-gwd-empty = give the experience-exchange group's id after “gwd:”
core-group-label-gwd = experience-exchange group “{ $name }” ({ $area }), members: { $count } — data shared with the members' consent
core-gwd-not-configured = experience-exchange groups need the server address and the unit token; { hint-unit-token }
core-gwd-note-length = a note must have 1 to 10000 characters
core-audit-action-gwd = experience-exchange groups
core-audit-action-gwd-note = group meeting note
core-audit-action-practice-proposal = good practice proposed
core-audit-action-practice-proposal-sent = practice proposal sent
core-audit-action-practice-proposal-not-sent = practice proposal not sent
core-gwd-band-best = in the group's best quarter
core-gwd-band-second-best = in the group's second quarter
core-gwd-band-second-weakest = in the group's third quarter
core-gwd-band-weakest = in the group's weakest quarter
core-gwd-sheet-group = Group
core-gwd-sheet-q1 = lower quartile (Q1)
core-gwd-sheet-median = median
core-gwd-sheet-q3 = upper quartile (Q3)
core-gwd-sheet-quartiles = Group quartiles: Q1 { $q1 }, median { $median }, Q3 { $q3 } (units with a value: { $n }).
core-gwd-sheet-col-rank = Rank
core-gwd-sheet-col-unit = Unit
core-gwd-sheet-col-value = Value
core-gwd-sheet-col-band = Quarter
core-gwd-sheet-notes = Meeting notes
core-gwd-sheet-title = Meeting sheet: { $name }, { $year }
core-gwd-sheet-language = en-GB
core-practices-bad-woj = “{ $woj }” is not a voivodeship code (two digits, e.g. 12)
core-practices-bad-size-class = “{ $size }” is not a size class (e.g. 20000-50000 or 100000-inf)

## The good-practice base: a practice's page and the suggestions for what lags

hint-search-practices = { $surface ->
    [window] the search of good practices shows them with their numbers
   *[cli] practice numbers are shown by: jst practices search WORDS
}
core-unknown-practice = the good-practice base has no practice no. { $id }; { hint-search-practices }
core-practice-unreadable = practice no. { $id } of the good-practice base cannot be read
core-suggest-lag-deteriorating = “{ $indicator }” deteriorated in { $year }
core-suggest-lag-far = “{ $indicator }” is far from its strategy target (as of { $year })
core-suggest-lag-weakest = In { $year } the unit is in the weakest quartile of its group (same kind and size) on “{ $indicator }”
core-suggest-basis-best = a practice of a unit of the same kind and size ({ $kind }) that is in the group's best quartile
core-suggest-basis-same = a practice of a unit of the same kind and size ({ $kind })
core-suggest-basis-other-size = a practice of a unit of the same kind but another size ({ $kind })
core-suggest-basis-other-kind = a practice of a unit of another kind ({ $kind })
core-suggest-reason = { $lag }; { $basis }.
core-demo-practices-unreadable = the demo's sample good practices cannot be read
## The good-practice base: attachments and proposals

core-cannot-read-file = cannot read the file { $path }
core-practice-not-found = there is no practice no. { $id } in the base of the last release; { hint-sync }
core-attachment-not-listed = “{ $sha }” is not an attachment of practice no. { $id }
core-attachment-kind-unknown = the release names an attachment of kind “{ $media_type }”; only PDF, PNG and JPEG are opened
core-attachment-kind-differs = the attachment is not a { $media_type } file as the release says; refused
core-attachment-offline = the attachment is not downloaded yet and the release's source cannot be reached ({ $reason }); it will be fetched at the next connection
core-attachment-no-source = the attachment is not downloaded yet and there is nowhere known to fetch it from; it will be fetched at the next connection: { hint-server-address }
hint-proposal-server = { $surface ->
    [window] proposals go to the association's server: enter its address on the Synchronisation screen
   *[cli] proposals go to the association's server: give its address, e.g. jst practices send NO --server URL
}
core-proposal-no-server = the proposal was saved but not sent: { hint-proposal-server }
core-proposal-not-found = there is no practice proposal no. { $id }
core-proposal-unreadable = unreadable practice proposal no. { $id } in local.db
core-proposal-demo = practices cannot be proposed in the demo; { hint-choose-unit }
core-proposal-problem = field “{ $field }”: { $problem }
core-proposal-field-title = Title
core-proposal-field-sub-area = Sub-area
core-proposal-field-implementing-body = Implementing body
core-proposal-field-contacts = Contact persons
core-proposal-field-years = Years of implementation
core-proposal-field-summary = Summary
core-proposal-field-presentation = Full presentation
core-proposal-field-indicators = Indicators
core-proposal-field-keywords = Keywords
core-proposal-sub-area-required = the area Institutional development needs a sub-area: { $codes }
core-proposal-sub-area-unknown = unknown sub-area “{ $code }”; allowed: { $codes }
core-proposal-sub-area-other = the area { $area } has no sub-areas
core-proposal-too-many = at most { $max }
core-proposal-years = from { $first } to { $this_year }, the end not before the start
core-proposal-indicator-twice = the indicator { $code } is given twice
core-proposal-indicators-unknown = the catalogue has no indicators { $codes }
core-text-empty = the field is empty
core-text-too-long = at most { $max } characters
core-text-control-in-line = one line without control characters
core-text-control = control characters are not allowed
core-text-markup = contains an HTML tag (“<…>”); the text may hold no HTML or scripts
core-text-script = contains “{ $scheme }”; the text may hold no scripts
core-text-entity = contains HTML entities (“&#…”, “&lt;”); type plain characters
core-text-image = images in the text (“![…](…)”) are not allowed
core-text-link = link “{ $target }”: only https://, http:// and mailto: addresses are allowed
core-text-phone = phone number: digits, spaces and + - ( ) /
core-text-email = this is not an e-mail address
core-proposal-file = { $file }: this is not a practice proposal in JSON ({ $reason }); nothing saved
core-sync-gwd-failed = The experience-exchange groups were not refreshed (the previous copy stays): { $reason }
