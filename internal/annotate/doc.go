// Package annotate finds the claims of an article — every statement the
// text attributes to someone — and ties each to its source in the outlet
// registry: the outlet, agency, official body or person, the chain behind
// it (via) and the outlet that carried a person's words (conduit). It reads
// Arabic and English with rules and a lexicon; no model.
//
// An [Annotator] is built once from a registry with [New] and then
// annotates any number of articles, concurrently. Its input is an [Input]:
// the article's blocks of running text, each tied byte for byte to the
// file, so every claim it returns has exact byte offsets into the file as
// it is on disk. [FromAST] builds the blocks from a goldmark document,
// [FromText] from a plain-text article's lines; after annotation, [Wrap]
// puts each claim under [ClaimNode] nodes in the document so the renderer
// can mark it, and [ClaimRenderer] renders them.
//
// # What counts as a claim
//
// A claim is the whole sentence that carries an attribution, from its first
// word (a leading "و" and the cue included) to its last, without the final
// full stop. A sentence ends at . ! ? ؟ or the end of a paragraph (or of a
// line, in a plain-text article), not at the dot of a number or of an
// abbreviation (U.S.), nor inside a quotation that closes later. A
// participle that goes on with the same source ("...، مضيفا أن ...",
// "..., adding that ...") starts a second claim.
//
// The annotator reads: reporting verbs in every form ("وقالت", "فأكد",
// "تقول", "said", "told") with whatever stands between verb and content
// (dates, "في تقرير لها"); "according to" markers before or after the claim
// ("بحسب", "وفق الصحيفة", "according to", "per"); pro-drop verbs, pronouns
// and participles that go on with the previous source, agreeing in gender
// ("وأوضح", "He added"); type nouns that point back ("وقالت الوكالة", "the
// agency said"); a statement standing for whoever issued it ("وذكر
// البيان"); chains ("نقلت X عن مسؤولين", "X, citing officials") and
// conduits ("قال مسؤول لرويترز", "told Reuters"); headline colons
// ("رويترز: ...") when the name before the colon is a source; dateline
// credits ("القاهرة (رويترز) -", left out of the span); a document's
// author ("وجاء في بيان للجيش أن", "a statement released by the White
// House"); a report in the passive with its source ("was first reported by
// Axios"); a relative clause after a source ("Human Rights Watch, which
// said"); a verb coordinated with the registered subject of the one
// opening the sentence ("وزار أردوغان أنقرة وأكد أن", "Zelensky thanked
// allies and said"); a quotation whose speaker the next words name
// ("«...». بهذه الكلمات رد الوزير"). Names are matched
// on folded keys (package fold), misspelt ones within a small edit distance
// only where a cue makes a source likely ("صحيفة ولستريت"). A source the
// registry lacks still makes a claim, with its name as written: a person by
// the name that closes the role ("وزير المالية المصري أحمد كجوك" is "أحمد
// كجوك", "Spain coach Luis de la Fuente" is "Luis de la Fuente"), unnamed
// people with where they are ("سكان في شمال قطاع غزة").
//
// The order of the parts varies, and the rules follow it: the quotation
// before its verb ("«...»، قال X", "\"...\"، هكذا قالت", "\"...,\" X said")
// and a quotation standing alone after it; a reporting clause closing the
// sentence, which makes all before it its content (", Axios reported,
// citing officials", ", the bank predicted"); the subject before its verb
// across an apposition ("أحمد، وهو تاجر، قال"; "Fars, which is close to
// the Guards, said"); a conduit opening the sentence ("وفي حديث للجزيرة،
// قال", "Speaking to CNN,") or after "أبلغ" with no ل ("أبلغ مسؤول
// رويترز"). A role names whoever held it on the article's date, unless
// the text names the holder ("وزير الخارجية الإيراني عباس عراقجي",
// "Britain's foreign secretary David Lammy"). Unnamed people in a body are
// not the body ("analysts at Goldman Sachs", "مسؤول في البنتاغون"), but
// its spokesman speaks for it, and "the spokesman", "the minister", "the
// witnesses" point back to the one of that title. A type noun with a
// qualifier that names what the body does points only to a body of that
// name ("the interior ministry" is not the health ministry); an outlet's
// name with an adjective of another country is a namesake ("صحيفة الوطن
// السورية").
//
// Not claims: the writer's notes ("ويذكر أن", "الجدير بالذكر", "It is worth
// noting"), forecasts ("من المتوقع أن", "is expected to"), announcements
// of events ("أعلنت الشركة عن إطلاق ...", "was announced by"), passive
// reports with no source ("ذُكر أن", "it is believed", "وتشير التقارير إلى
// أن") and impersonal imperfects ("ويعتقد أن"), saying nothing ("has said
// little about"), verbs in
// subordinate clauses ("after the company reported results"), negated or
// infinitive verbs ("did not say", "declined to say"), verbs that take a
// plain object ("the economy added 254,000 jobs"), a verb of demanding
// with its object after it ("يطالب الحوثيين بالكف"), an outlet name that
// is an ordinary word with no cue.
// Sentences of paragraphs with no attribution are reported as
// unattributed.
//
// # Citation markup
//
// Authors mark claims by hand in Markdown; a marked claim wins over what
// the annotator found on the same text. A source is written "@id" (a
// registry id: @wsj), "@name" (a registered name or alias, in any
// language: @رويترز), or "=name" for a source outside the registry
// (=صحيفة الغد). An unknown "@" source is a file:line:col error with a
// "did you mean".
//
// After a sentence, Pandoc's citation attaches the sentence to a source:
//
//	Russia is expanding military cooperation with North Korea [@wsj].
//	روسيا توسع التعاون العسكري مع كوريا الشمالية [@wsj].
//
// A bracketed span followed by braces marks an exact claim inside a
// sentence:
//
//	قال مسؤول إن [روسيا توسع التعاون العسكري]{@wsj}.
//
// Both take options after the source, separated by spaces: url= (the
// specific report), via= (the chain behind the source, comma-separated:
// @ids or names as written, quoted when they hold spaces, in "…", “…” or
// «…»), conduit= (the outlet that carried the words):
//
//	[روسيا توسع التعاون العسكري]{@wsj url=https://www.wsj.com/... via="مسؤولون أميركيون"}
//	The plan was approved [@nyt via="two U.S. officials"].
//
// The editor has the last word without rewriting a sentence. Braces after a
// detected sentence override it: "{-}" says it is not a claim (it is
// reported as unattributed), "{@x}" gives it another source and keeps its
// cue and type:
//
//	وقالت الوكالة إن الاتفاق يشمل الطاقة {@kcna}.
//	ويقال إن المحادثات ستستأنف {-}.
//
// Front matter can do the same, keyed by a claim's id (as "isnad annotate"
// prints it) or by a fragment of its text:
//
//	claims:
//	  c-3f9a1e: "-"              # not a claim
//	  c-12ab34: "@reuters"       # its source is Reuters
//	  "عن مسؤولين": {source: "@wsj", url: "https://www.wsj.com/..."}
//
// Markup renders as nothing but the claim it makes: the claim's span and
// its outlet chip.
//
// # Claim ids
//
// A claim's id is "c-" and six hex digits of a hash of its folded text and
// of up to 32 bytes of folded context on each side, within its line (like a
// W3C TextQuoteSelector), so links to a claim survive edits elsewhere in
// the article. Two claims with the same text and context get distinct ids,
// deterministically, in document order.
package annotate
