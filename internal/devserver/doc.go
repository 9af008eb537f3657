// Package devserver is the preview server behind "isnad serve": it builds a
// site into memory, serves it over HTTP, watches the site's sources and
// rebuilds on every change, and tells the browsers showing the site what
// changed, over server-sent events.
//
// # Watching
//
// The site folder's isnad.toml and everything under content/ (the outlet
// registry, content/outlets.yaml, included), templates/ and assets/ are
// watched, recursively, including folders created later. Hidden files and
// the side files of editors and tools (vim's swap and probe files, emacs
// locks and autosaves, JetBrains' safe writes, backups ending in "~") are
// ignored.
//
// # Rebuilding
//
// A build starts as soon as a change arrives; its outcome is published once
// no other change has come for a quiet period (15 ms by default), so the
// several events of one save (a temporary file renamed over the article, a
// burst of writes) make exactly one published build, and the build's time
// overlaps the wait. A change that leaves its file missing or empty is
// most often the middle of a save (a delete and re-create, a truncate then
// write): no build starts until the file settles, or until 135 ms passed
// with no other change (a file deleted for good). A change arriving while
// a build runs cancels it and starts one covering both. A published build
// replaces the served site whole, in one atomic step: no request ever sees
// a page of one build and a stylesheet of another, nor a half-written
// file.
//
// The builds are site.Builder's: an edit to one article's text is patched
// into the last build, at a cost of the pages that show the article, not
// of the site (see site.Builder).
//
// # Reloading
//
// Every HTML page the server sends carries a small script (never part of a
// built site) that listens to {base}__isnad/events. After each build the
// server sends a "build" event (see Event) naming the output files whose
// bytes changed: a page reloads when it is among them, or uses a changed
// script, image or font, keeping its scroll position; changed stylesheets
// are swapped in place without a reload; other pages do nothing.
//
// # Errors
//
// When a build fails, the last good site stays served, and every open page
// (and any page loaded while the build is broken) shows an overlay listing
// each problem as file:line:col: message with the line of the source,
// in the page's language and direction. The next good build removes it.
// The server never exits because of a bad edit.
package devserver
