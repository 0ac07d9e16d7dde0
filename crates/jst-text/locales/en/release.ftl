# release

release-bad-signature = the signature of { $file } is not from a trusted key, or the file was changed
release-malformed-signature = the signature file { $file } is malformed
release-malformed-key = the public key is malformed: { $reason }
release-too-large = the file { $file } is too large ({ $size } B, allowed { $limit } B)
release-malformed = the file { $file } is malformed: { $reason }
release-hash-mismatch = the SHA-256 hash of { $file } does not match the manifest
release-key-not-a-point = it is not a point of the Ed25519 curve
release-key-prefix = a line starting with “{ $prefix }” was expected
release-key-base64 = invalid base64
release-key-length = a key must have 32 bytes
release-not-a-date = “{ $text }” is not an RFC 3339 date
release-unknown-format = unknown format “{ $format }”
release-manifest-hash-field = manifest_sha256 is not a SHA-256 hash
release-chunk-name = chunk name “{ $chunk }” is not allowed
release-chunk-hash-field = chunk { $chunk }: sha256 is not a hash
release-chunk-too-large = chunk { $chunk } is too large ({ $size } B)
release-one-chunk-of-kind = the manifest must have exactly one { $kind } chunk
