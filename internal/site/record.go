package site

import (
	"encoding/binary"
	"errors"
	"time"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/outlet"
	"github.com/isnad/isnad/internal/render"
)

// The bodies file keeps each article record in a format of its own rather
// than gob's: a record is read alone, from its offset, and gob sends and
// compiles its types again for every one (a third of restoring a large
// site went there). Strings are a length and bytes; a slice is its length
// plus one, 0 standing for nil, so nil and empty slices come back as they
// went (JSON shows them apart: null or []). TestRecordRoundTrip fills
// every field, so a field added to the record or to the types below and
// not written here fails it.

var errRecord = errors.New("malformed article record")

type recWriter struct{ b []byte }

func (w *recWriter) uint(n uint64) { w.b = binary.AppendUvarint(w.b, n) }
func (w *recWriter) int(n int)     { w.b = binary.AppendVarint(w.b, int64(n)) }
func (w *recWriter) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }

// count writes the length of a slice, nil apart from empty.
func (w *recWriter) count(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

func (w *recWriter) time(t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil { // a zone offset out of range; not from a parsed date
		b, _ = t.UTC().MarshalBinary()
	}
	w.str(string(b))
}

func (w *recWriter) source(s annotate.Source) {
	w.str(s.ID)
	w.str(s.Name)
	w.str(string(s.Kind))
}

func (w *recWriter) optSource(s *annotate.Source) {
	if s == nil {
		w.uint(0)
		return
	}
	w.uint(1)
	w.source(*s)
}

func (w *recWriter) spans(l []annotate.Span) {
	w.count(len(l), l == nil)
	for _, s := range l {
		w.int(s.Start)
		w.int(s.End)
	}
}

// appendRecord appends r, encoded, to b.
func appendRecord(b []byte, r *articleRecord) []byte {
	w := &recWriter{b: b}
	w.b = append(w.b, r.Key[:]...)
	for _, s := range []string{r.Title, r.Lang, r.Dir, r.Path, r.Link} {
		w.str(s)
	}
	w.time(r.Date)
	w.time(r.Lastmod)
	w.count(len(r.Authors), r.Authors == nil)
	for _, a := range r.Authors {
		w.str(a)
	}
	w.str(r.Summary)
	w.count(len(r.Headings), r.Headings == nil)
	for _, h := range r.Headings {
		w.int(h.Level)
		w.str(h.ID)
		w.str(h.Text)
	}
	w.int(r.Words)
	w.str(r.Text)
	if c := r.Claims; c == nil {
		w.uint(0)
	} else {
		w.uint(1)
		w.str(c.File)
		w.str(c.Lang)
		w.count(len(c.Claims), c.Claims == nil)
		for i := range c.Claims {
			cl := &c.Claims[i]
			w.str(cl.ID)
			w.int(cl.Start)
			w.int(cl.End)
			w.str(cl.Text)
			w.str(cl.Cue)
			w.source(cl.Source)
			w.count(len(cl.Via), cl.Via == nil)
			for _, s := range cl.Via {
				w.source(s)
			}
			w.optSource(cl.Conduit)
			w.optSource(cl.Org)
			w.str(string(cl.Type))
			w.str(string(cl.Origin))
			w.str(cl.URL)
			w.str(cl.Polarity)
			w.str(cl.Plain)
		}
		w.spans(c.Unattributed)
	}
	w.spans(r.Statements)
	w.count(len(r.Diags), r.Diags == nil)
	for _, d := range r.Diags {
		w.str(d.Pos.File)
		w.int(d.Pos.Line)
		w.int(d.Pos.Col)
		w.int(int(d.Severity))
		w.str(d.Msg)
	}
	// The HTML last: the head before it is read alone (see recordHead).
	w.str(r.Body)
	return w.b
}

// recordHead is the length of the part of an encoded record rec, whose
// Body is body bytes long, before its Body: all a restore reads.
func recordHead(rec []byte, body int) int64 {
	return int64(len(rec) - body - len(binary.AppendUvarint(nil, uint64(body))))
}

// recReader reads what recWriter wrote; after the first error it reads
// zeros, and err says what went wrong.
type recReader struct {
	b   []byte
	err error
}

func (r *recReader) fail() {
	if r.err == nil {
		r.err = errRecord
	}
	r.b = nil
}

func (r *recReader) uint() uint64 {
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return n
}

func (r *recReader) int() int {
	n, k := binary.Varint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(n)
}

func (r *recReader) str() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count reads a slice's length; nil says the slice was nil. Every
// element takes at least a byte, which bounds a corrupt length.
func (r *recReader) count() (n int, isNil bool) {
	c := r.uint()
	if c == 0 {
		return 0, true
	}
	if c-1 > uint64(len(r.b)) {
		r.fail()
		return 0, true
	}
	return int(c - 1), false
}

func (r *recReader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(r.str())); err != nil {
		r.fail()
	}
	return t
}

func (r *recReader) source() annotate.Source {
	return annotate.Source{ID: r.str(), Name: r.str(), Kind: outlet.Kind(r.str())}
}

func (r *recReader) optSource() *annotate.Source {
	if r.uint() == 0 {
		return nil
	}
	s := r.source()
	return &s
}

func (r *recReader) spans() []annotate.Span {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	l := make([]annotate.Span, n)
	for i := range l {
		l[i] = annotate.Span{Start: r.int(), End: r.int()}
	}
	return l
}

// decodeRecord reads a record appendRecord wrote.
func decodeRecord(b []byte) (*articleRecord, error) { return decodeRecordBody(b, true) }

// decodeRecordBody reads a record appendRecord wrote, with its Body when
// body is set, else only its head (see recordHead): a build that restores
// every article needs the HTML of few of them, and the HTML is most of a
// record.
func decodeRecordBody(b []byte, body bool) (*articleRecord, error) {
	if len(b) < len(hash{}) {
		return nil, errRecord
	}
	rec := &articleRecord{}
	copy(rec.Key[:], b)
	r := &recReader{b: b[len(hash{}):]}
	rec.Title, rec.Lang, rec.Dir, rec.Path, rec.Link = r.str(), r.str(), r.str(), r.str(), r.str()
	rec.Date, rec.Lastmod = r.time(), r.time()
	if n, isNil := r.count(); !isNil {
		rec.Authors = make([]string, n)
		for i := range rec.Authors {
			rec.Authors[i] = r.str()
		}
	}
	rec.Summary = r.str()
	if n, isNil := r.count(); !isNil {
		rec.Headings = make([]render.Heading, n)
		for i := range rec.Headings {
			rec.Headings[i] = render.Heading{Level: r.int(), ID: r.str(), Text: r.str()}
		}
	}
	rec.Words, rec.Text = r.int(), r.str()
	if r.uint() != 0 {
		c := &annotate.Result{File: r.str(), Lang: r.str()}
		if n, isNil := r.count(); !isNil {
			c.Claims = make([]annotate.Claim, n)
			for i := range c.Claims {
				cl := &c.Claims[i]
				cl.ID, cl.Start, cl.End, cl.Text, cl.Cue = r.str(), r.int(), r.int(), r.str(), r.str()
				cl.Source = r.source()
				if n, isNil := r.count(); !isNil {
					cl.Via = make([]annotate.Source, n)
					for j := range cl.Via {
						cl.Via[j] = r.source()
					}
				}
				cl.Conduit, cl.Org = r.optSource(), r.optSource()
				cl.Type, cl.Origin = annotate.Type(r.str()), annotate.Origin(r.str())
				cl.URL, cl.Polarity, cl.Plain = r.str(), r.str(), r.str()
			}
		}
		c.Unattributed = r.spans()
		rec.Claims = c
	}
	rec.Statements = r.spans()
	if n, isNil := r.count(); !isNil {
		rec.Diags = make(diag.List, n)
		for i := range rec.Diags {
			d := &rec.Diags[i]
			d.Pos = diag.Pos{File: r.str(), Line: r.int(), Col: r.int()}
			d.Severity, d.Msg = diag.Severity(r.int()), r.str()
		}
	}
	if body {
		rec.Body = r.str()
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errRecord
	}
	return rec, nil
}
