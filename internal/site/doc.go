// Package site builds a whole site: it loads the configuration,
// translations and articles of a source folder, renders every page and
// writes them, with the assets, to an Output.
//
// # Layout of a source folder
//
//	isnad.toml          configuration (optional; see package config)
//	content/            articles (see package content)
//	content/outlets.yaml  the outlet registry, over the built-in one (package outlet)
//	templates/          page templates and i18n/LANG.toml, over the built-in ones
//	assets/             CSS, fonts, scripts, over the built-in ones
//
// A site's own templates/ and assets/ files replace the built-in ones of
// the same name, file by file, so a site can change one template or the
// stylesheet and keep the rest.
//
// # Output
//
//	index.html                      the home page: every briefing, newest first
//	2024/putin-pyongyang/index.html one page per article, at its content path
//	                                (the last part replaced by the slug, if any)
//	2024/putin-pyongyang/claims.json
//	                                its claims, as "isnad annotate --format json"
//	                                gives them, with the article's URL
//	claims.json                     every article's claims, newest article first
//	outlets/index.html              every source, most claims first
//	outlets/kcna/index.html         one per source in the registry, listing the
//	                                claims it makes, passes on or is told
//	                                (outlets/kcna/page/2/... when they are many)
//	outlets/unlisted/<slug>/        one per source outside the registry, by name
//	tags/index.html                 every tag; tags/روسيا/index.html one per tag
//	404.html, .nojekyll             for GitHub Pages; 404.html links from the
//	                                base URL's path, so it works at any depth
//	CNAME                           when the base URL is a domain of its own
//	search/index.html, search/LANG/ the search page in each language, and the
//	search/index.js, t/ m/ x/ o/    index it loads on demand (see package search)
//	feed.xml, feed.LANG.xml         Atom feeds: every article, and per language
//	sitemap.xml, robots.txt         for search engines, with hreflang alternates
//	assets/...                      the assets, and assets/code.css for code
//
// Every link between pages is relative and names index.html, so the site
// works from file://, from any subpath and from any server. Feeds, the
// sitemap, canonical links and Open Graph tags need full addresses: they
// are written only when the base URL (isnad.toml's baseURL or
// Config.BaseURL) is one, "https://user.github.io/repo/".
//
// Drafts and articles dated after the build's time are left out unless
// Config.Drafts or Config.Future says otherwise.
//
// BuildDir writes only the files whose bytes changed, so unchanged files
// keep their modification times and deploys stay small. It writes them
// into a staging folder beside the target and moves them into place only
// when the build succeeds, under a journal that survives a crash: a failed
// build leaves the previous site untouched, and files of deleted articles
// never linger. What it knows of the last build is in a cache folder
// beside the site, .isnad-cache/ (see Config.CacheDir), which is only a
// hint: deleting it, or any damage to it, costs time, never correctness.
//
// BuildDir is incremental across runs. When no input changed (the program,
// the options, isnad.toml, content/, templates/, assets/, the built-in
// defaults), it checks the site is as it left it and stops. Otherwise it
// builds with the preview server's incremental Builder, whose memory it
// keeps in the cache between runs: an article whose files did not change
// is not parsed or annotated again, and a page whose inputs did not
// change (see Builder) is not rendered again.
package site
