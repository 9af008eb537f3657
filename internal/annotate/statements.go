package annotate

import (
	"sort"

	"github.com/yuin/goldmark/ast"
)

// KindStatementNode is the node kind of a StatementNode.
var KindStatementNode = ast.NewNodeKind("StatementNode")

// A StatementNode wraps one run of an unattributed statement in the AST,
// as a ClaimNode wraps a claim, so a page can show on demand what the text
// asserts without saying who says so. Part counts the runs of one
// statement from 0.
type StatementNode struct {
	ast.BaseInline
	Span        Span
	Part, Parts int
}

// Kind implements ast.Node.
func (n *StatementNode) Kind() ast.NodeKind { return KindStatementNode }

// Dump implements ast.Node.
func (n *StatementNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

// WrapStatements puts each span (an unattributed statement, as Result
// reports them) under StatementNode nodes in doc, as Wrap does for
// claims; spans must not overlap each other or any claim. Call it before
// or after Wrap.
func WrapStatements(doc ast.Node, source []byte, base int, spans []Span) {
	var s Scratch
	s.Wrap(doc, source, base, nil, spans, WrapOptions{})
}

// wrapStatementsSeq is WrapStatements for spans that are out of order,
// overlap or are empty: it wraps them one after another, sorted.
func wrapStatementsSeq(doc ast.Node, base int, spans []Span) {
	if len(spans) == 0 {
		return
	}
	ss := spans // the annotator's come sorted
	if !sort.SliceIsSorted(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start }) {
		ss = append([]Span(nil), spans...)
		sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	}
	cuts := make([]int, 0, 2*len(ss))
	for _, s := range ss {
		cuts = append(cuts, s.Start-base, s.End-base)
	}
	leaves := leafBlocks(doc, make([]leaf, 0, 32))
	splitLeaves(leaves, cuts, &textSlab{n: len(cuts) / 3})
	var w wrapper
	// Most statements are one run: their nodes come from one slice.
	nodes := make([]StatementNode, len(ss))
	for _, s := range ss {
		w.reset(s.Start-base, s.End-base)
		w.collectIn(leaves)
		nodes = w.wrapStatement(s, nodes)
	}
}
