# import

severity-critical = critical
severity-error = error
severity-warning = warning
severity-info = info

## Reports of an import: where a finding is, the heading of a refused file.

import-at-row-column = row { $row }, column { $column }: { $message }
import-at-row = row { $row }: { $message }
import-not-loaded = The file { $file } was not loaded; nothing was saved:
import-only-first-problems = (only the first problems are shown)
import-cancelled = stopped at the user's request; nothing was saved
# $code: U+0000 with the character's name, e.g. „U+0000 (NUL)”.
import-control-character = { $subject } contains the control character { $code }, which is not allowed in text
import-control-in-field = { $problem }; remove it from the file
import-subject-field = the field
import-subject-text = the text
import-subject-note = the note
import-subject-name = the name

## Cells, numbers and delimited text shared by the formats.

# $why: import-number-not-a-number or import-number-too-large.
import-value-refused = the value “{ $value }” { $why }
import-number-not-a-number = is not a number
import-number-too-large = exceeds the largest allowed absolute value, 10^15
import-note-too-long = the note has { $chars ->
        [one] { $chars } character
       *[other] { $chars } characters
    }, and may have at most 10 000; shorten it
import-unexpected-header = unexpected header “{ $found }”; expected the columns { $expected }
import-ambiguous-point = the value “{ $raw }” is ambiguous: it was read as { $comma } (decimal point){ $hint }; if the point separates thousands, write { $thousands } or { $spaced }, and write a fraction with a comma ({ $comma })
import-ambiguous-point-commas = { " " }(other rows of this column use a decimal comma, so the point looks like a thousands separator here)
import-extra-fields = the row has { $fields ->
        [one] { $fields } field
       *[other] { $fields } fields
    }, and the header { $width ->
        [one] { $width } column
       *[other] { $width } columns
    } (extra: “{ $extra }”){ $hint }
import-extra-fields-comma = ; fields are separated by commas, so a number with a decimal comma (e.g. 1234,56) falls apart into two fields: put it in quotes or save the file with a semicolon (;) as the separator
import-extra-fields-check = ; check the separator and the quotes
import-too-many-fields = the row has more than { $max } fields (separator “{ $delimiter }”); rows of up to { $max } fields are read — check that this is the right file
import-unreadable-row = unreadable row ({ $error })
import-empty-file = the file is empty
# The column of a header cell, by its place: „3 nagłówka”.
import-header-column = { $column } of the header
import-text-utf16 = the file is saved in the UTF-16 encoding (e.g. “Unicode Text” in Excel); files in UTF-8 and Windows-1250 are read. Save it as UTF-8 (in Excel “CSV UTF-8”) and try again.
import-text-unknown-encoding = the character encoding was not recognised (the byte { $byte } does not fit UTF-8): the file is neither in UTF-8 nor in Windows-1250 with the expected header. Save it as UTF-8 and try again.
import-text-ambiguous-encoding = the character encoding cannot be told for certain: the byte { $iso_byte } is a Polish letter in ISO-8859-2 (“{ $iso_letter }”), and the byte { $windows_byte } in Windows-1250 (“{ $windows_letter }”); either encoding would garble some letters. Save the file as UTF-8 and try again.

## Workbooks (XLSX, XLS).

import-xlsx-unopenable = the XLSX file cannot be opened ({ $error })
import-xlsx-too-many-parts = the XLSX file has { $parts } parts, while a workbook has a few dozen at most (allowed: { $max }); this does not look like an ordinary workbook — nothing was unpacked
import-xlsx-part-too-large = the part “{ $part }” of the XLSX file would take { $size } MiB unpacked, and { $max } MiB is allowed; this does not look like an ordinary workbook — nothing was unpacked
import-xlsx-too-large = the XLSX file would take { $size } MiB unpacked, and { $max } MiB is allowed; this does not look like an ordinary workbook — nothing was unpacked
import-xlsx-too-many-strings = the XLSX file has or announces { $count } distinct strings, and { $max } are allowed; this does not look like an ordinary workbook
import-xls-unopenable = the XLS file cannot be opened ({ $error })
import-sheet-unreadable = the sheet “{ $sheet }” cannot be read ({ $error })
import-sheet-too-many-cells = the sheet “{ $sheet }” has more than 1 000 000 cells (counting the empty cells of rows with data from column A); sheets of up to 1 000 000 cells are read
import-sheet-too-wide = the sheet “{ $sheet }” has data in column { $letters } (column no. { $column }); sheets of up to { $max } columns are read
import-sheet-empty = the sheet “{ $sheet }” is empty
import-sheet-missing = there is no sheet “{ $sheet }”
import-workbook-no-sheets = the workbook has no sheets

## The rules of a strategy definition (the template and the window's editor).

import-rule-indicator-code = the indicator code “{ $code }” may contain only capital letters A–Z, digits and _
import-rule-year = the year “{ $year }” is not a year from 1990–2100
import-rule-value-not-a-number = the value must be a number
import-rule-value-too-large = the value { $value } exceeds the largest allowed absolute value, 10^15
import-rule-weight = the weight “{ $weight }” must be a number that is not negative
import-rule-target-year = the target year { $target } must be later than the baseline year { $baseline }
# $given, $implied: direction codes as the template writes them (wzrost, spadek, utrzymanie).
import-rule-direction = the direction “{ $given }” contradicts the values: from { $baseline } to { $target } is { $implied }
import-rule-maintain = the indicator { $code } has the direction utrzymanie (maintain), although its target value differs from the baseline; the distance from the target value will be evaluated
import-rule-node-title = the node { $node } has no name
import-rule-indicator-name = the indicator { $code } has no name
import-rule-indicator-unit = the indicator { $code } has no unit of measure
import-rule-attached-twice = the indicator { $code } is already attached to the node { $node }
# $level, $parent_level: level codes as the template writes them.
import-rule-level = the node { $code } ({ $level }) must be of a lower level than its parent { $parent } ({ $parent_level })
import-rule-milestone-repeated = the year { $year } repeats in the milestones
import-rule-milestone-period = the milestone { $year } lies outside the period from the baseline year to the target year
import-rule-milestone-value = milestone { $year }: { $problem }
import-rule-unknown-parent = unknown parent code “{ $parent }” of the node { $node }
import-rule-cycle = a cycle in the strategy tree: { $codes }
# $first: where the indicator was first given, e.g. import-in-row.
import-rule-indicator-differs = the indicator { $code } has a different baseline or target value { $first }; own values are shared by the code

## Values, catalogue, budget lines, aggregates, boundaries, price index.

import-aggregates-group = “{ $group }” is not a type_size group
import-aggregates-count = the number of units must be a whole number
import-boundaries-not-geojson = this is not a GeoJSON set of boundaries with the properties terc and name (row { $line }, column { $column }): { $error }
import-boundaries-code = feature { $feature }: “{ $code }” is not the TERYT code of a gmina, powiat or voivodeship
import-boundaries-geometry = feature { $feature } ({ $code }): the geometry “{ $kind }” is not a polygon
import-budget-report = the report “{ $report }” must be Rb-27S or Rb-28S
import-budget-dzial = the dział “{ $dzial }” must have 3 digits
import-budget-rozdzial = the rozdział “{ $rozdzial }” must have 5 digits
import-budget-rozdzial-outside = the rozdział { $rozdzial } does not belong to the dział { $dzial }
import-budget-paragraf = the paragraf “{ $paragraf }” must have 4 digits (3 digits of the paragraf and the digit of the source of funding)
import-values-status = the status “{ $status }” must be “wstepne” (preliminary) or “ostateczne” (final)
import-price-index-positive = the price index “{ $index }” must be positive
import-catalogue-repeated = the code { $code } repeats (first in row { $first })
import-catalogue-no-name = the indicator has no name
import-catalogue-no-unit = there is no unit of measure
import-catalogue-polarity = the direction “{ $polarity }” must be: wiecej_lepiej, mniej_lepiej or neutralny
import-catalogue-no-area = there is no area
import-catalogue-flag = “{ $flag }” must be tak (yes) or nie (no)

## The strategy template.

import-strategy-not-template = this is not a strategy template: the columns { $missing } are missing; expected header: { $expected }
# A file named with one of its sheets.
import-file-sheet = { $file } (sheet { $sheet })
import-strategy-weight = { $problem } (empty = 1)
import-strategy-no-code = the node has no code
import-strategy-level = the level “{ $level }” must be one of: cel_strategiczny, cel_operacyjny, kierunek_dzialan, zadanie
import-strategy-node-disagrees = repeated node code { $code }: the column { $column } differs from row { $first }; the rows of one node must agree
import-strategy-stray-indicator = the indicator's columns are filled in, but the indicator code is missing; the row was loaded as a node alone
import-strategy-direction = the direction “{ $direction }” must be: wzrost, spadek or utrzymanie (empty = from the sign of the difference)
import-strategy-no-target-year = the target year is missing (indicator { $code })
import-strategy-no-value = the value is missing (indicator { $code })
import-strategy-milestone = “{ $milestone }” is not a milestone written as YEAR=VALUE (e.g. 2022=50|2025=70)
import-in-row = in row { $row }
import-strategy-summary = nodes: { $nodes }, indicator attachments: { $indicators }

## XML read strictly (SIO list, budget package, TERC).

import-xml-unknown-entity = invalid XML: unknown entity “&{ $entity };”
# $written_in: how files of the format are written, e.g. import-package-written-in.
import-xml-utf16 = the file is saved in the UTF-16 encoding, not in UTF-8; { $written_in }
# $again: what to do about a damaged file, e.g. import-package-again.
import-xml-cut-in-character = the file is cut off in the middle of a UTF-8 character; { $again }
import-xml-not-utf8 = the file is not saved in the UTF-8 encoding (invalid byte { $byte } at position { $position }); { $written_in }
import-xml-cut-in-tag = the file is cut off in the middle of a tag; { $again }
import-xml-mismatched-end = invalid XML: the tag </{ $found }> closes the element <{ $expected }>
import-xml-cut-in-entity = the file is cut off in the middle of an entity (&…;); { $again }
import-xml-lone-ampersand = invalid XML: the character & without a closing semicolon (the character & itself is written as &amp;)
import-xml-unmatched-end = invalid XML: the tag </{ $tag }> closes no element
import-xml-invalid = invalid XML: { $error }
# $plural: what is read, e.g. import-package-plural.
import-xml-declared-encoding = the file declares the encoding “{ $encoding }”; only { $plural } in UTF-8 are read
import-xml-bad-attribute = invalid XML: a broken attribute ({ $error })
import-xml-second-root = after the element { $root } is closed, the file holds another element <{ $name }>
import-xml-with-namespace = { " " }with the namespace { $namespace }
# $not_this: what the file is not, e.g. import-package-not-this.
import-xml-wrong-root = { $not_this }: the root element is <{ $name }>, expected <{ $root }>{ $with_namespace }
import-xml-control = invalid XML: { $problem }
import-xml-text-after-root = after the element { $root } is closed, the file holds more text
import-xml-text-before-root = { $not_this }: before the element <{ $root }> the file holds the text “{ $text }”
import-xml-cut-outer = { " " }and of the root element <{ $root }>
import-xml-cut = the file is cut off: it ends before the element <{ $name }> (opened in row { $line }) is closed{ $outer }; { $again }
import-xml-no-root = { $not_this }: the file holds no element <{ $root }>
import-package-not-this = this is not a package of budget reports
import-package-plural = packages
import-package-written-in = report packages are written in UTF-8
import-package-again = export the package again
import-sio-not-this = this is not an Excel XML spreadsheet (SpreadsheetML)
import-sio-plural = lists
import-sio-written-in = a list from SIO is written in UTF-8
import-sio-again = download or save the list again

## The TERC register.

import-terc-header = this is not a TERC file: the header “{ $header }” does not hold the columns { $expected } (or NAZDOD)
import-terc-fields = expected { $expected ->
        [one] { $expected } field
       *[other] { $expected } fields
    }, found { $found }; check the separator and the quotes
import-terc-again = download the file again
import-terc-second-root = after the element <{ $root }> is closed, the file holds another element <{ $name }>
import-terc-cut = the XML file is cut off: the element <{ $element }> is not closed (nor { $outer ->
        [one] { $outer } outer element
       *[other] { $outer } outer elements
    }); nothing was saved — download the file again
import-terc-no-elements = the XML file holds no elements
import-terc-no-rows = this is not a TERC register: the XML file (root element <{ $root }>) holds no register rows <row>
import-terc-woj = “{ $code }” is not a two-digit voivodeship code
import-terc-pow = “{ $code }” is not a two-digit powiat code
import-terc-gmi = “{ $code }” is not a two-digit code of a gmina within a powiat
import-terc-rodz = “{ $code }” is not a TERC unit kind (1–5, 8, 9; empty for a powiat and a voivodeship)
import-no-unit-name = the unit has no name
import-terc-date = “{ $date }” is not a date in the form YYYY-MM-DD
import-terc-repeated = the unit { $teryt } repeats (first in row { $first }); a gmina's identity is the first 6 digits of its code
import-terc-no-units = the file holds no unit (voivodeship, powiat or gmina)
import-terc-no-voivodeship = there is no row of the voivodeship { $voivodeship } for the unit { $teryt }
import-terc-no-powiat = there is no row of the powiat { $powiat } for the gmina { $teryt }
import-terc-city-county = the city with powiat status { $alias } has no gmina row (…011)

## The budget package (PaczkaSprawozdan).

# $context: which element, e.g. import-package-item.
import-package-in = { $context }: { $message }
import-package-repeated = the element { $element } repeats
import-package-nested = the element { $field } holds an element <{ $name }>; only text was expected
import-package-period-twice = the package's period is given a second time
import-package-unit-label = no. { $ordinal }
import-package-unit-label-regon = no. { $ordinal } (REGON { $regon })
import-package-period = the package's period
import-package-report-of = report { $report } of unit { $unit }
import-package-missing = the element { $element } is missing
import-package-period-kind = the period type “{ $kind }” is not supported: expected Kwartal, Miesiac or Rok
import-package-period-range = the period “{ $period }” of type { $kind } must be a number { $from }–{ $to }
import-package-period-number = the period “{ $period }” is not a number
import-package-unit = unit no. { $ordinal }
import-package-regon = the REGON “{ $regon }” must have 9 or 14 digits
# $what: import-package-what-wk and the like.
import-package-code = { $element } “{ $code }” must { $digits ->
        [1] be one digit
       *[other] have { $digits } digits
    } ({ $what })
import-package-code-missing = the element { $element } is missing ({ $what })
import-package-what-wk = voivodeship code
import-package-what-pk = powiat code
import-package-what-gk = gmina code
import-package-what-gt = kind of gmina
import-package-pt = PT “{ $pt }” must be one digit
import-package-other-unit = it belongs to the local government { $teryt }, and the package's first unit to { $first }; a package must concern one local government, because the units' items are summed
import-package-item = item { $ordinal } of report { $report } of unit { $unit }
import-package-paragraf = the paragraf “{ $paragraf }” must have 3 digits (the fourth digit is in the element P4)
import-package-p4 = P4 “{ $p4 }” must be one digit (the fourth digit of the paragraf)
# $why: import-amount-… .
import-package-amount = the amount { $element } { $why }
import-package-no-period = the package's period is missing: { $root } holds no element Okres (Rok, TypOkresu, Okres)
import-package-no-units = the package holds no unit (Jednostki/Jednostka)
import-package-no-reports = the package holds no Rb-27S or Rb-28S report
import-package-no-items = the reports in the package hold no items
import-package-period-differs = { $context }: the report's period ({ $year }, { $kind } { $number }) differs from the package's period ({ $package_year }, { $package_kind } { $package_number })
import-package-no-period-short = the package's period is missing
import-amount-empty = is empty
import-amount-comma-point = “{ $amount }” is not a number (the decimal separator is a point)
import-amount-not-a-number = “{ $amount }” is not a number
import-amount-fraction = “{ $amount }” has more than two places after the point
import-amount-too-large = “{ $amount }” is too large

## The SIO list of schools.

import-sio-no-sheet = the workbook holds no sheet
# Added to a message about a row of the XML file: the row Excel shows.
import-sio-sheet-row = { " " }(sheet row { $row })
import-sio-no-header = no header row was found in the sheet “{ $sheet }”: a row with the columns “{ $rspo }” and “{ $pupils }” was looked for (the list needs the columns { $columns }); is this the SIO list of schools?
# $at: import-sio-sheet-row or nothing.
import-sio-missing-columns = the header row{ $at } lacks the columns: { $columns }
import-sio-school-year = the school year was not recognised in “{ $title }”{ $at }; expected “rok szkolny YYYY/YYYY” with consecutive years
import-sio-no-date = there is no date after “stan na”{ $at }
import-sio-no-school-year = above the header of the sheet “{ $sheet }” there is no row “rok szkolny YYYY/YYYY”; it is not known which year the list is for
import-sio-no-state-date = above the header of the sheet “{ $sheet }” there is no row with the reference date (“… stan na …”)
import-sio-below-totals = the row{ $at } lies below the totals row (row { $totals }); the list ends at the totals, and schools added below them would not be loaded
import-sio-empty-cell = empty cell{ $at }
import-sio-rspo = the RSPO number “{ $rspo }” is not a whole number{ $at }
import-sio-no-schools = the sheet “{ $sheet }” holds no school or institution below its header
import-sio-no-year-or-date = the school year or the reference date is missing
import-sio-pupils-not-a-number = “{ $pupils }” is not a number of pupils (expected a number, e.g. 420,5)
import-sio-pupils-comma = “{ $pupils }” is not a number of pupils: the cell is numeric (ss:Type="Number"), and such a cell writes a fraction with a point
import-sio-pupils-too-large = the number of pupils “{ $pupils }” exceeds the largest allowed absolute value, 10^15
import-sio-pupils-negative = the number of pupils cannot be negative ({ $pupils })
import-sio-bad-attribute = invalid XML: a broken value of the attribute { $name } ({ $error })
# $what: import-sio-what-row or import-sio-what-cell.
import-sio-index-range = { $what }: the attribute ss:{ $name }=“{ $value }” is outside { $from }–{ $to }
import-sio-what-row = row
import-sio-what-cell = cell
import-sio-row-back = row: ss:Index={ $index } goes back before row { $next }
import-sio-cell-back = cell: ss:Index={ $index } goes back before column { $next }
import-sio-cell-beyond = a cell beyond the sheet's last column ({ $max })

## The Ministry of Finance's dBase report files.

# $codes: the unit's codes as the record gives them (WK … PK … GK … GT … PT …).
import-mf-no-code = the unit's { $field } code is missing ({ $codes })
import-mf-wk-00 = WK 00 is not a voivodeship code ({ $codes })
import-mf-pk-00 = PK 00 means a voivodeship, which has GK 00, not GK { $gk } ({ $codes })
import-mf-powiat-gk = a powiat (PT 1) and a city with powiat status (PT 2) have GK 00, not GK { $gk } ({ $codes })
import-mf-gmina-gk = a gmina (PT 0) cannot have GK 00 ({ $codes })
import-mf-gmina-gt = a gmina (PT 0) has GT 1 (urban), 2 (rural) or 3 (urban-rural) ({ $codes })
import-mf-unknown-unit = the unit was not recognised: PT means 0 a gmina, 1 a powiat, 2 a city with powiat status ({ $codes })
import-mf-empty-code = (empty)
import-mf-cut = the file is cut short: the header announces { $records ->
        [one] { $records } record
       *[other] { $records } records
    } of { $size } bytes, and the file ends in record { $record }
import-mf-record-flag = the record mark { $flag } is neither a space (a valid record) nor “*” (a deleted record): the file is damaged
import-mf-no-records = the file holds no valid record (deleted: { $deleted })
import-mf-too-short = the file is shorter than the header of a dBase file (32 bytes); this is not a database of Ministry of Finance reports
import-mf-no-terminator = the header of the dBase file is damaged or cut short: after { $fields } field descriptions the byte ending the header (0x0D) is missing
import-mf-record-size = the header of the dBase file gives a record length of { $declared } bytes, and the field descriptions give { $computed }: the file is damaged
import-mf-version = the version byte of the dBase file is { $byte }; the MF report databases are in the dBase III format (0x03)
import-mf-language = the language driver byte (byte 29 of the header) is { $byte } ({ $name }); the Ministry of Finance's report databases are written in Windows-1250 and have 0xC8 there, so this file comes from elsewhere or was rewritten by another program
import-mf-no-classification = the budget classification code is missing
import-mf-quarter = the quarter “{ $quarter }” is not a number 1–4
# $why: import-mf-amount-… or import-amount-… .
import-mf-amount = the amount { $why }
import-mf-not-dbase = the header or the field descriptions do not make a valid dBase file ({ $error }); this is not a database of Ministry of Finance reports, or the file is damaged
import-mf-no-fields = the file has no fields
import-mf-fields = the file has the fields: { $fields }
# $present: import-mf-fields or import-mf-no-fields.
import-mf-missing-fields = the fields { $missing } required in a database of { $report } reports are missing (needed: { $required }); { $present }
import-mf-field-twice = the field { $field } occurs more than once in the file
import-mf-expected-numeric = numeric (N)
import-mf-expected-text-or-numeric = character (C) or numeric (N)
import-mf-field-type = the field { $field } has the type { $kind }, and should be { $expected }
import-mf-other-report = the file has the fields { $fields } of the { $other } report, and is being loaded as { $report }: R4 would mean something else here; choose the right kind of report
import-mf-utf8-file = the file's text is written in UTF-8, not in Windows-1250 as in the MF databases: the field { $field } of record { $record } holds “{ $text }”
import-mf-more-problems = and { $more ->
        [one] { $more } more problem
       *[other] { $more } more problems
    } (the file was checked to its end)
import-mf-tail = after the last record the header announces ({ $records }) the file has { $bytes ->
        [one] { $bytes } more byte
       *[other] { $bytes } more bytes
    }: the header gives too small a number of records, so part of the data would be left out
import-read-error = the file could not be read ({ $error })
import-mf-utf8-text = the text “{ $text }” is written in UTF-8, while the file declares Windows-1250 (byte 0xC8); read as Windows-1250 it would give “{ $cp1250 }”
import-mf-undefined-byte = the byte { $byte } does not exist in Windows-1250: the text is not in the encoding the file declares
import-mf-code = the code “{ $code }” is not a code of at most { $width } { $width ->
        [1] digit
       *[other] digits
    } (padded with zeros on the left)
import-mf-gt = “{ $code }” is not a gmina type (a digit, or Z for an association of local governments)
import-mf-pt = “{ $code }” is not a powiat type (a digit)
import-mf-overflow = “{ $amount }” is an overflowed field (only asterisks): the program that wrote the file could not fit the amount into it
import-mf-amount-comma = “{ $amount }” has a decimal comma; in a dBase file the separator is a point
import-mf-amount-infinite = “{ $amount }” is not a finite number
import-mf-amount-too-large = “{ $amount }” exceeds the allowed 10^15
import-mf-code-page-undefined = encoding not given
import-mf-code-page-invalid = unknown code
import-mf-code-page = code page { $page }
import-mf-type-character = character (C)
import-mf-type-numeric = numeric (N)
import-mf-type-float = numeric (F)
import-mf-type-date = date (D)
import-mf-type-logical = logical (L)
import-mf-type-memo = memo (M)
import-mf-type-binary = binary (FoxPro)

## The Ministry of Finance's dictionary of local governments.

import-dictionary-looked-in = { " " }(sheets looked at: { $sheets })
# $looked_in: import-dictionary-looked-in or nothing.
import-dictionary-no-header = no header row with the columns WK, PK and GK was found{ $looked_in }; expected the Ministry of Finance's dictionary of local governments with the columns { $columns }
import-dictionary-missing-columns = the header row lacks the columns: { $missing }; expected the columns { $columns }
# Between the accepted names of one column.
import-dictionary-or = { " " }or{ " " }
import-dictionary-no-units = there is no unit below the dictionary's header
import-empty-cell = empty cell
import-dictionary-empty-code = empty cell; a code was expected
import-dictionary-code = “{ $code }” is not a code of at most { $width } { $width ->
        [1] digit
       *[other] digits
    }
import-dictionary-code-or-z = “{ $code }” is not a code of at most { $width } { $width ->
        [1] digit
       *[other] digits
    } nor Z (an association of local governments)
import-dictionary-gus = “{ $code }” is not a 7-digit GUS code (a 6-digit one without the leading zero is accepted too)

## The GUS BDL: CTAB exports and API pages.

import-ctab-xml = this is an XML file, not a CTAB (CSV) export from the Local Data Bank with the columns “Kod” and “Nazwa”
import-ctab-header = unexpected header “{ $header }”; expected a CTAB export from the Local Data Bank with the columns “Kod” and “Nazwa”
import-ctab-no-values = the header has no column of values besides “Kod” and “Nazwa”; the file is cut short or it is not a CTAB export
import-ctab-ambiguous-code = the code { $code } (written as “{ $written }”) is ambiguous: row { $first } has the same code (written as “{ $first_written }”); a spreadsheet may have removed the leading zeros, correct the codes
import-ctab-no-rows = there is no unit row below the header: the file is cut short or empty
import-ctab-code = the code “{ $code }” is not a 7-digit unit code WWPPGGR (a 6-digit code without the leading zero is accepted too)
import-ctab-short-row = the row has { $cells ->
        [one] { $cells } cell
       *[other] { $cells } cells
    }, and the header { $header }: the file is cut off in the middle of a row or the row is incomplete
import-ctab-long-row = the row has { $cells ->
        [one] { $cells } cell
       *[other] { $cells } cells
    }, and the header only { $header }
import-ctab-value = the value “{ $value }” { $why } (allowed: a number, “-” or empty)
import-bdl-not-json = the BDL API's answer is not valid JSON (row { $line }, column { $column }): { $error }
import-bdl-not-object = the BDL API's answer is not a JSON object with the field “results”
import-bdl-no-results = the BDL API's answer has no field “results”
import-bdl-refused = the BDL API answered with an error instead of data: { $reason }
import-bdl-results-not-list = the field “results” of the BDL API's answer is not a list
import-bdl-header-field = the field “{ $field }” has the value { $value }, and should be a whole number that is not negative
import-bdl-next = the field “links.next” has the value { $value }, not an address
import-bdl-result-not-object = result { $result } is not a JSON object
import-bdl-id = result { $result }: the unit identifier { $id } is not a 12-digit BDL identifier
import-bdl-no-id = result { $result }: the field “id” (the unit's identifier) is missing
import-bdl-result = result { $result }
import-bdl-result-id = result { $result } ({ $id })
# $at: import-bdl-result or import-bdl-result-id.
import-bdl-in = { $at }: { $message }
import-bdl-name = { $at }: the name { $name } is not text
import-bdl-values-not-list = { $at }: the field “values” is not a list
import-bdl-value = { $at }, value { $value }: { $message }
import-bdl-value-not-object = { $value } is not an object with the fields year, val and attrId
import-bdl-absent = (missing)
import-bdl-year = the year { $year } is not a year
import-bdl-val = the value { $value } is not a number
import-bdl-attr = the attrId flag { $flag } is not a whole number
import-bdl-unit-twice = the unit { $id } { $name } occurs more than once in the answer
import-bdl-same-unit = the BDL units { $first } and { $id } point to the same register unit { $teryt }
import-bdl-values-of-year = the unit { $id } { $name } has more than one value for the year { $year }

# Text of a file quoted in a message (a sheet's or a column's name).
import-quoted = “{ $text }”
