// Package isnad holds the files built into the isnad binary: the default
// page templates, translations and assets a site uses unless it has its
// own. The embedding lives here, at the module root, because go:embed
// cannot reach parent folders.
package isnad

import "embed"

// Defaults holds templates/ (page templates, partials, i18n/*.toml) and
// assets/ (CSS, fonts), as in the repository.
//
//go:embed templates assets
var Defaults embed.FS
