// Package render turns loaded articles into HTML: the body through
// goldmark (Markdown) or straight from the line blocks (plain text), and
// whole pages through html/template.
//
// One Renderer serves a whole build and is safe for concurrent use: its
// goldmark.Markdown and its templates are built once and shared by every
// goroutine.
//
// # Markdown
//
// CommonMark with tables, strikethrough, autolinks, footnotes and heading
// ids. Heading ids keep Arabic letters ("## زواج مصلحة" → id
// "زواج-مصلحة") and are unique per page. Raw HTML is shown as text
// unless the site's markup.unsafe is set. Fenced code is highlighted by
// chroma with CSS classes, always left to right (dir="ltr"); the
// stylesheet, for light and dark, comes from Renderer.CodeCSS. Extra goldmark
// extenders plug in through Config.Extenders, and AST transformers that
// must also see plain-text articles through Config.Transformers.
//
// # Plain text
//
// A plain-text article becomes a goldmark AST built by hand: a level-two
// heading for each quoted subheading line and a paragraph for every other
// line but the byline, each holding one text node whose segment is the
// line's exact bytes. Its text is never parsed as Markdown, so "*" and "<"
// show as written. Segments of both kinds of article are offsets into
// Doc.Body(); add Doc.BodyStart for offsets into the file.
//
// # Claims
//
// With Config.Annotator set, Body annotates each article in the AST it
// parsed for rendering (Markdown through annotate.FromAST, with the
// citation markup of annotate.Extension; plain text through
// annotate.FromText), so no article is parsed twice. It wraps the claims
// and the unattributed statements of running text into the AST before
// the bidi isolation step, and Article.Claims holds them, resolved against
// the registry (package claims). Each claim renders as a span with its id,
// then, past the punctuation that ends it, its outlet chip (a link to its
// card, role doc-noteref, aria-describedby the card), the card (names in
// Arabic and English, kind and country or a person's role and body, the
// chain with arrows that point the way the page reads, the conduit, found
// or marked, links to the outlet page and to the report or homepage) and
// a margin note. Unattributed statements are spans of class
// "unattributed". assets/claims.css places and shows them, without
// JavaScript.
//
// # Templates
//
// The templates folder holds base.html, the frame every page shares, with
// a "main" block each page template fills, partials/*.html, available to
// all, and one template per kind of page: article.html, list.html (home),
// term.html (one tag), terms.html (all tags), search.html, outlet.html (one
// source and its claims), outlets.html (every source) and 404.html. Each
// runs with a *Page (see its fields). Functions:
//
//	t LANG KEY            the UI string KEY in LANG, from i18n/LANG.toml
//	n LANG KEY COUNT      its plural form for COUNT, "{n}" replaced
//	date LANG TIME        "20 يونيو 2024", "20 June 2024"
//	num LANG INT          a number in LANG's digits
//	ordinal LANG INT      أ ب ت ... / a b c ...
//	dir LANG              "rtl" or "ltr"
//	dict K V ...          a map, to pass several values to a partial
//	host URL              the URL's host without "www.", "kcna.kp"
//	minutes WORDS         reading time in minutes, at 200 words a minute
//	isodate TIME          "2024-06-20", for <time datetime>
//	rfc3339 TIME          "2024-06-20T00:00:00Z", in UTC, for Open Graph
//	locale LANG           "ar_AR", "en_US": Open Graph's og:locale
//	country LANG CODE     a country's name from its ISO code, "كوريا الشمالية"
//	percent LANG INT      "18%", or "١٨٪" with Arabic-Indic digits
package render
