// Package annotate finds the claims of an article — every statement the
// text attributes to someone — and ties each to its source in the outlet
// registry: the outlet, agency, official body or person, the chain behind
// it and the outlet that carried it. It reads Arabic and English, with
// rules and a lexicon, no model.
//
// An [Annotator] is built once from a registry with [New] and then
// annotates any number of articles, concurrently. Its input is an [Input]:
// the article's blocks of running text, each tied byte for byte to the
// file, so every claim it returns has exact byte offsets into the file as
// it is on disk.
package annotate
