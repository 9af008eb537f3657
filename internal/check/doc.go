// Package check validates a site without publishing it: it builds the
// site in memory and reports, as file:line:col diagnostics, everything a
// reader or the publisher would trip over.
//
//   - the configuration, every article's front matter and the templates,
//     as a build reports them;
//   - the outlet registry, content/outlets.yaml;
//   - citations that name an outlet the registry does not know
//     ([@reutres]), with a "did you mean";
//   - two articles that would have the same URL (a duplicate slug);
//   - feeds and the sitemap that are not well-formed XML;
//   - every link and asset reference in the built pages and stylesheets,
//     and every #anchor they point to. A broken link written in an
//     article is reported at its place in the article's file; one made by
//     a template, in the built page ("site/2024/x/index.html").
//
// These are errors. Warnings, which do not fail a check: sources that
// claims are attributed to but that the registry lacks (with an entry to
// add to content/outlets.yaml for each), links to a folder rather than to
// its index.html (which file:// cannot follow), articles with no date (left
// out of the feeds), translations that share a language, and a base URL
// that is not a full address (no feeds, sitemap or canonical links).
//
// Drafts and future-dated articles are checked too, as they will be
// published one day.
package check
