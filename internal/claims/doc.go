// Package claims turns what the annotator found into what readers see:
// each claim's source as a page shows it (names in Arabic and English,
// kind, country, chain, conduit, the body a person speaks for, the report
// cited), an article's sources grouped by outlet with their back-link
// letters, its sourcing strip (claims by outlet and by kind, the share of
// unattributed statements), its JSON-LD, its claims as JSON, and the
// site-wide index behind the outlet pages.
//
// It computes; it renders nothing. Package render writes the chips, cards
// and margin notes and the templates show the rest.
//
// # Sources and outlet pages
//
// A source in the registry is known by its id and has its page at
// outlets/<id>/. A source the registry lacks (its name as written in the
// text: "Russian state media", "وسائل إعلام مصرية") has its page at
// outlets/unlisted/<slug>/, the slug made from the folded name, so the
// same name spelt with or without diacritics, tatweel or hamza on alef is
// one source, and the URL stays the same from build to build. Registry ids
// are lower-case ASCII with no "/", so the two kinds of pages never clash.
//
// # Order
//
// An article's sources section lists outlets in the order the text first
// cites them: a reader going from the text to the list finds them where
// they expect, the numbers that stand for them in print rise through the
// text, and adding a claim at the end never renumbers the earlier ones.
// The sourcing strip, a summary, lists them by number of claims instead.
// Outlet pages list claims newest first; the outlet index lists outlets by
// number of claims, ties in the collation order of the site's language.
package claims
