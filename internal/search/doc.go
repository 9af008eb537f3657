// Package search builds the site's search index: a set of small
// JavaScript files that assets/search.js loads on demand, so search works
// with no server, on GitHub Pages and from file:// alike (where a script
// may load another script, but not fetch a file).
//
// # Words and keys
//
// Text is folded as package fold's Loose tier does (no diacritics or
// tatweel, one alef, ى → ي, ة → ه, hamza seats, lower case, ASCII digits)
// and cut into words: runs of letters and digits of two or more
// characters. Each word gives the index one or more keys, a one-character
// marker and a body:
//
//	=word   the word as folded: exact matches, and prefixes as one types
//	~stem   an Arabic word without a prefix (و ف ب ك ل ال and their
//	        combinations: وال بال لل وبال ...), or an English word stemmed
//	^stem   an Arabic word without a prefix that holds the article ال
//
// An Arabic stem keeps at least three letters, or two after an article,
// so "والناتو" gives =والناتو ~الناتو ~ناتو ^ناتو. A query word matches
// a text word when either is the other with a prefix, or both carry an
// article before the same stem: "والناتو" finds "الناتو" and "للناتو",
// "الاتفاقيه" finds "اتفاقية", but "بيان" does not find "كيان". English
// words are stemmed lightly (plural, -ed, -ing, final e): "treaties" and
// "treaty", "signed" and "signing" meet.
//
// assets/search.js does exactly the same, and both are tested against one
// table of cases, testdata/normalize.json.
//
// # Files
//
//	search/index.js        entry: counts, the shard list, the outlets
//	search/o/HEX.js        the articles citing an outlet (its key in hex)
//	search/t/HEX.js        a shard of the dictionary: keys whose body starts
//	                       with the prefix HEX (its UTF-8 bytes in hex), with
//	                       their postings
//	search/m/N.js          titles, addresses, dates and languages of articles
//	                       N*MetaChunk ... (N+1)*MetaChunk-1
//	search/x/N.js          their plain text, for snippets, TextChunk at a time
//
// Articles are numbered in the order given, newest first. Shards start
// with two-letter prefixes and split into longer ones until each is under
// ShardSize bytes, so a query loads a few kilobytes, not the index.
package search
