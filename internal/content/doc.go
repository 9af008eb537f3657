// Package content loads a site's articles: it walks content/ in a file
// system, splits each Markdown file's front matter (YAML between "---"
// lines or TOML between "+++" lines) from its body, reads a plain-text
// article's sidecar front matter file, decodes the front matter into a
// typed Meta, finds the language and direction of each article, and splits
// plain-text articles into line blocks.
//
// It keeps every file exactly as it is on disk (Doc.Src) and remembers
// where the body starts, so every later stage can map a position in the
// body back to file:line:col, and claims can be reported as byte offsets
// into the file. It does not parse Markdown; the render package does.
//
// # Files
//
//   - NAME.md, NAME.markdown: Markdown, with optional front matter.
//   - NAME.txt: a plain-text article, as pasted from a newsroom system. The
//     first line is a byline when it reads "بواسطة X", "بقلم X", "كتب X"
//     or "By X"; every other non-empty line is a paragraph, except a short
//     line that stands alone in quotation marks (“…”, "…", «…»), which is a
//     subheading. Its front matter, if any, is in a sidecar file beside it:
//     NAME.yaml, NAME.yml or NAME.toml, a plain YAML or TOML document.
//   - Files and folders whose names start with "." or "_" are skipped, and
//     so is every other file (outlets.yaml, the outlet registry, among them).
//
// # Front matter
//
//	title: string          # else the first "# heading" (Markdown) or the first sentence (text)
//	date: 2024-06-20       # YYYY-MM-DD, or RFC 3339 with a time
//	lastmod: 2024-06-21
//	byline: نجيم           # or authors: [a, b], or author: a
//	lang: ar               # else detected from the text's script
//	dir: rtl               # else from the language
//	tags: [روسيا, كوريا الشمالية]
//	summary: string        # else the start of the first paragraph
//	slug: string           # replaces the last part of the page's URL
//	draft: true            # built only with --drafts
//	translationKey: string # ties translations of one briefing together
//	sources:               # outlet id → URL of the report cited
//	  wsj: https://www.wsj.com/...
//
// Every other field is kept in Meta.Params for templates. A value of the
// wrong type, a date that does not parse, a malformed URL: each is a
// file:line:col diagnostic at the field's line.
package content
