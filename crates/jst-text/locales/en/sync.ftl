# sync

sync-rejected = release rejected ({ $code }): { $message }
sync-offline = no connection to the server: { $reason }
sync-cancelled = synchronisation stopped; nothing was saved
sync-no-response = { $what }: the server sent no answer within { $limit } (the request's time limit)
sync-past-deadline = the synchronisation's time limit ({ $limit }) was exceeded; peer data is unchanged, the chunks downloaded are kept for the next time
sync-too-large = { $what } exceeds { $limit } B
sync-too-large-declared = { $what } exceeds the declared { $size } B
sync-no-trusted-keys = no trusted release keys; { hint-add-release-key }
sync-rollback = release { $version } is older than the one already applied, { $highest }
sync-expired = release { $version } expired on { $expires }
sync-manifest-hash = manifest.json does not match its hash in latest.json
sync-manifest-other-release = the manifest describes another release than latest.json
sync-cannot-create = { $path } cannot be created
sync-cannot-read = { $path } cannot be read
sync-cannot-write = { $path } cannot be written
sync-chunk-hash = chunk { $chunk } has another hash than in the manifest
sync-chunk-rows = chunk { $chunk }: { $rows } rows instead of { $expected }
sync-too-many-keys = too many units or indicators in the release
sync-missing-file = the file { $path } is missing from the release folder: { $reason }
sync-server-answered = { $what }: the server answered { $status }
sync-server-status = the server answered { $status }
sync-answer = the server's answer
sync-no-time-to-send = no time left to send the submission
sync-groups-unauthorized = the server did not accept the unit token (401); experience-exchange groups unchanged
sync-groups-malformed = { $what }: the server's answer is not the groups API's ({ $reason })

hint-add-release-key = { $surface ->
    [window] add the association's key in Settings → Trusted release keys
   *[cli] add the association's key: jst trust add FILE --yes
}

## Why a release was refused (RejectionCode)

sync-code-bad-signature = the signature is not from a trusted key, or the file was changed
sync-code-hash-mismatch = a file does not match its hash in the manifest (damaged or changed)
sync-code-too-large = a release file is too large
sync-code-malformed = a release file is malformed
sync-code-malformed-rows = the release data has invalid rows
sync-code-rollback = the release is older than one already applied
sync-code-expired = the release has expired
sync-code-bad-key = the key file is not a release key
sync-code-untrusted-key = no release key is trusted yet; add the association's key
sync-code-missing-file = a file of the release is missing from its folder
sync-code-http-status = the server answered with an error
sync-practices-other-release = practices.json belongs to release { $version }, the manifest to release { $expected }
sync-practices-malformed = the good-practice chunk { $chunk } cannot be read: { $reason }

## Attachments of the good-practice base and proposals

sync-attachment-bad-name = “{ $sha }” is not the SHA-256 of an attachment
sync-attachment-too-large = the attachment has { $size } B, more than the allowed { $limit } B; not fetched
sync-attachment-hash = the fetched attachment's hash differs from the release's (damaged or replaced); refused, nothing saved
sync-attachment-kind = the fetched file is not a PDF, PNG or JPEG; refused, nothing saved
sync-proposal-unauthorized = the server did not accept the unit token (401: unknown or revoked); ask the association for a new token
sync-proposal-wrong-unit = the server refused (403): { $message }
sync-proposal-invalid = the server did not accept the practice: { $message }
