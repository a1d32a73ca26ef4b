package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
)

// BodyHash is the staleness fingerprint of a page body: the first 12 hex
// digits of the SHA-256 of the body after the front matter, with a UTF-8 BOM
// removed and CRLF turned into LF.
func BodyHash(body []byte) string {
	body = Normalize(body)
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])[:12]
}

// Normalize drops a UTF-8 byte order mark and turns CRLF line endings into
// LF. It returns src itself when there is nothing to change.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
}
