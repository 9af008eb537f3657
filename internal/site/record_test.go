package site

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/render"
)

// fullRecord has every field of an article record set, down to the
// claims' sources.
func fullRecord() *articleRecord {
	src := func(s string) annotate.Source { return annotate.Source{ID: s, Name: "اسم " + s, Kind: "agency"} }
	conduit, org := src("reuters"), src("nato")
	return &articleRecord{
		Key:   hash{1, 2, 3},
		Title: "عنوان", Lang: "ar", Dir: "rtl", Path: "2024/x/", Link: "https://example.org/2024/x/",
		Date:    time.Date(2024, 6, 19, 8, 30, 0, 0, time.FixedZone("", 3*3600)),
		Lastmod: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
		Authors: []string{"أ", "ب"}, Summary: "ملخص", Body: "<p>نص</p>",
		Headings: []render.Heading{{Level: 2, ID: "h", Text: "عنوان فرعي"}},
		Words:    412, Text: "نص",
		Claims: &annotate.Result{
			File: "content/2024/x.md", Lang: "ar",
			Claims: []annotate.Claim{{
				ID: "c-1", Start: 10, End: 20, Text: "وقال", Cue: "قال", Source: src("wsj"),
				Via: []annotate.Source{src("officials")}, Conduit: &conduit, Org: &org,
				Type: "indirect", Origin: "detected", URL: "https://example.org/r", Polarity: "deny", Plain: "وقال",
			}},
			Unattributed: []annotate.Span{{Start: 1, End: 9}},
		},
		Statements: []annotate.Span{{Start: 1, End: 9}},
		Diags:      diag.List{{Pos: diag.Pos{File: "content/2024/x.md", Line: 3, Col: 7}, Severity: diag.Warning, Msg: "m"}},
	}
}

// zeroFields lists the fields left at their zero value in v, following
// pointers, slices (their first element) and structs. time.Time is a leaf.
func zeroFields(v reflect.Value, path string) []string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return []string{path}
		}
		return zeroFields(v.Elem(), path)
	case reflect.Slice:
		if v.Len() == 0 {
			return []string{path}
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		return zeroFields(v.Index(0), path+"[0]")
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			if v.IsZero() {
				return []string{path}
			}
			return nil
		}
		var out []string
		for i := range v.NumField() {
			out = append(out, zeroFields(v.Field(i), path+"."+v.Type().Field(i).Name)...)
		}
		return out
	}
	if v.IsZero() {
		return []string{path}
	}
	return nil
}

// TestRecordRoundTrip checks that the bodies file gives back every field
// of a record, and nil and empty slices apart. A field added to the
// record (or to the claims) fails it until the codec and fullRecord
// carry it.
func TestRecordRoundTrip(t *testing.T) {
	full := fullRecord()
	if z := zeroFields(reflect.ValueOf(full), "record"); len(z) > 0 {
		t.Fatalf("fullRecord leaves fields unset (add them to it and to the codec in record.go): %v", z)
	}
	empty := &articleRecord{
		Authors: []string{}, Headings: []render.Heading{}, Statements: []annotate.Span{},
		Claims: &annotate.Result{Claims: []annotate.Claim{{Via: []annotate.Source{}}}, Unattributed: []annotate.Span{}},
		Diags:  diag.List{},
	}
	for name, rec := range map[string]*articleRecord{"full": full, "empty slices": empty, "nil slices": {}} {
		t.Run(name, func(t *testing.T) {
			got, err := decodeRecord(appendRecord(nil, rec))
			if err != nil {
				t.Fatal(err)
			}
			// Times are compared as instants with their offsets, as the
			// pages print them.
			if diff := cmp.Diff(rec, got, cmp.AllowUnexported(articleRecord{}), cmp.Comparer(func(a, b time.Time) bool {
				_, oa := a.Zone()
				_, ob := b.Zone()
				return a.Equal(b) && oa == ob
			})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if (rec.Authors == nil) != (got.Authors == nil) || (rec.Claims != nil && len(rec.Claims.Claims) > 0 && (rec.Claims.Claims[0].Via == nil) != (got.Claims.Claims[0].Via == nil)) {
				t.Error("nil and empty slices are not told apart")
			}
			// Its head alone gives all of it but the HTML.
			b := appendRecord(nil, rec)
			head, err := decodeRecordBody(b[:recordHead(b, len(rec.Body))], false)
			if err != nil {
				t.Fatalf("head: %v", err)
			}
			noBody := *got
			noBody.Body = ""
			if !reflect.DeepEqual(head, &noBody) {
				t.Errorf("the head reads %+v, want %+v", head, &noBody)
			}
		})
	}
}

// FuzzDecodeRecord: a damaged bodies file is an error, never a panic, and
// a record that decodes survives being written and read again.
func FuzzDecodeRecord(f *testing.F) {
	f.Add(appendRecord(nil, fullRecord()))
	f.Add(appendRecord(nil, &articleRecord{}))
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := decodeRecord(b)
		if err != nil {
			return
		}
		once := appendRecord(nil, rec)
		rec2, err := decodeRecord(once)
		if err != nil {
			t.Fatalf("a record written again does not read back: %v", err)
		}
		if twice := appendRecord(nil, rec2); string(twice) != string(once) {
			t.Errorf("a record read back differs:\n%x\n%x", once, twice)
		}
	})
}
