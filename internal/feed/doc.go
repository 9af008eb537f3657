// Package feed writes the files through which other programs follow a
// site: Atom feeds (RFC 4287) and the sitemap (sitemaps.org 0.9, with
// hreflang alternates between translations). It only encodes: the caller
// gives every URL in full and every date, and gets well-formed XML in
// UTF-8 back.
//
// Dates are written in RFC 3339, in UTC. Text is escaped for XML, and
// characters XML 1.0 cannot hold (most control characters, unpaired
// surrogates, invalid UTF-8) are dropped, so whatever an article holds the
// feed stays well formed.
package feed
