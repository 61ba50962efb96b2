// Package source reads articles: plain-text and HTML files, directories of
// them, and (later) feeds and URLs. It cleans the text of scrape noise and
// finds the metadata the text carries. It knows nothing of extraction.
package source

import (
	"crypto/sha256"
	"encoding/hex"
)

// Article is one article's cleaned text and metadata.
type Article struct {
	ID     string // content hash of the raw bytes (schema.ContentID); stable across builds
	Doc    string // file name (or URL), the key used by gold standards
	Path   string // where it was read from
	Title  string // headline, without an outlet's name around it
	Outlet string // publishing outlet (site name or web domain), when the page or text names it clearly
	Author string // byline, sign-off or page author, when there is one
	Date   string // ISO 8601 (YYYY-MM-DD) when the text gives one
	Text   string // the body, cleaned: paragraphs separated by blank lines
}

// ContentID is the stable id of an article's content: the first 16 hex
// digits of the SHA-256 of its raw bytes. The same bytes always get the
// same id, so an unchanged article is recognised in every build.
func ContentID(raw []byte) string {
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:8])
}
