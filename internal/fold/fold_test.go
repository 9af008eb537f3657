package fold

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct {
		name, in, basic, loose string
	}{
		{"empty", "", "", ""},
		{"ascii lower", "reuters", "reuters", "reuters"},
		{"ascii upper", "The Wall  Street\tJournal", "the wall street journal", "the wall street journal"},
		{"trim", "  CNN \n", "cnn", "cnn"},
		{"alef variants", "أإآٱا", "ااااا", "ااااا"},
		{"alef maksura and teh marbuta", "مصطفى صحيفة", "مصطفي صحيفه", "مصطفي صحيفه"},
		{"diacritics", "وَوْل سْتْرِيت جُورْنَال", "وول ستريت جورنال", "وول ستريت جورنال"},
		{"shadda and tanwin", "صرّح مؤكداً", "صرح مؤكدا", "صرح موكدا"},
		{"tatweel", "جورنـــال", "جورنال", "جورنال"},
		{"dagger alef", "هٰذا", "هذا", "هذا"},
		{"bidi controls", "سي\u200fان\u200e ان\u200c", "سيان ان", "سيان ان"},
		{"isolates", "\u2067رويترز\u2069", "رويترز", "رويترز"},
		{"nbsp", "سي\u00a0إن\u202fإن", "سي ان ان", "سي ان ان"},
		{"hamza seats", "مسؤول رئيس جزء", "مسؤول رئيس جزء", "مسوول رييس جز"},
		{"yeh seat before waw", "مسئول مسئُولية شئون هيئة مبادئ", "مسئول مسئوليه شئون هيئه مبادئ", "مسوول مسووليه شوون هييه مبادي"},
		{"persian letters", "ایران کیهان", "ایران کیهان", "ايران كيهان"},
		{"arabic-indic digits", "٢٠٢٤ ۱۴۰۳", "٢٠٢٤ ۱۴۰۳", "2024 1403"},
		{"presentation forms", "ﻻ ﷲ ﺍﻟﺠﺰﻳﺮﺓ", "لا الله الجزيره", "لا الله الجزيره"},
		{"lam alef with hamza", "ﻷ", "لا", "لا"},
		{"latin accents", "Café Agence France-Presse", "cafe agence france-presse", "cafe agence france-presse"},
		{"combining accent", "Cafe\u0301", "cafe", "cafe"},
		{"full width", "ＣＮＮ", "cnn", "cnn"},
		{"ellipsis", "a…b", "a...b", "a...b"},
		{"punctuation kept", "(رويترز) -", "(رويترز) -", "(رويترز) -"},
		{"invalid utf-8", "a\xffb", "a\ufffdb", "a\ufffdb"},
		{"cyrillic", "ТАСС", "тасс", "тасс"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := String(tt.in); got != tt.basic {
				t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.basic)
			}
			if got := LooseString(tt.in); got != tt.loose {
				t.Errorf("LooseString(%q) = %q, want %q", tt.in, got, tt.loose)
			}
		})
	}
}

func TestKeySpan(t *testing.T) {
	src := "قال  مُسْؤُولٌ لـ\u200fرويترز: “نعم”"
	k := Key{Tier: Loose}
	k.WriteString(src, 100)
	key := k.String()
	for _, word := range []string{"قال", "مسوول", "لرويترز", "رويترز", "نعم"} {
		i := strings.Index(key, word)
		if i < 0 {
			t.Fatalf("%q not in key %q", word, key)
		}
		s, e := k.Span(i, i+len(word))
		got := src[s-100 : e-100]
		// The span covers the dropped marks and controls after the match,
		// and nothing else.
		if LooseString(got) != word {
			t.Errorf("span of %q = %q, folds to %q", word, got, LooseString(got))
		}
		if !strings.HasPrefix(got, string([]rune(got)[0])) || !utf8.ValidString(got) {
			t.Errorf("span of %q = %q: not valid", word, got)
		}
	}
	if s, e := k.Span(len(key), len(key)); s != 100+len(src) || e != s {
		t.Errorf("Span(end) = %d, %d, want %d", s, e, 100+len(src))
	}
}

func TestKeyReuse(t *testing.T) {
	var k Key
	k.WriteString("Hello World", 0)
	k.Reset()
	k.WriteString("  Bye", 0)
	if got := k.String(); got != "bye" {
		t.Fatalf("after Reset: %q", got)
	}
	if k.Off[0] != 2 {
		t.Fatalf("Off[0] = %d, want 2", k.Off[0])
	}
}

func TestKeyAppend(t *testing.T) {
	// Two writes with a gap in between: the offsets follow the source.
	var k Key
	k.WriteString("وقالت ", 10)
	k.WriteString("الوكالة", 40)
	if got, want := k.String(), "وقالت الوكاله"; got != want {
		t.Fatalf("key = %q, want %q", got, want)
	}
	i := strings.Index(k.String(), "الوكاله")
	if s, e := k.Span(i, k.Len()); s != 40 || e != 40+len("الوكالة") {
		t.Fatalf("span = %d, %d", s, e)
	}
}

func TestCollapse(t *testing.T) {
	if got := Collapse("وول ستريت جورنال"); got != "وولستريتجورنال" {
		t.Fatal(got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"", "", 1, 0},
		{"abc", "abc", 0, 0},
		{"abc", "", 5, 3},
		{"abc", "", 1, 2},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3},
		{Collapse(String("وول ستريت جورنال")), Collapse(String("وال ستريت جورنال")), 2, 1},
		{Collapse(String("وول ستريت جورنال")), Collapse(String("ولستريت جورنال")), 2, 1},
		{Collapse(String("وول ستريت جورنال")), Collapse(String("ووول ستريت جورنال")), 2, 1},
		{String("بلومبرغ"), String("بلومبيرغ"), 1, 1},
		{String("فايننشال"), String("فاينانشال"), 1, 1},
		{"reuters", "reutres", 2, 1},
		{"wsj", "wjs", 1, 1},
		{"ab", "ba", 0, 1},
		{"abcdef", "badcfe", 3, 3},
		{"wsj", "nyt", 1, 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
		if got := Distance(tt.b, tt.a, tt.max); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d (swapped)", tt.b, tt.a, tt.max, got, tt.want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{
		"", "abc", "وَوْل سْتْرِيت جُورْنَال", "ﻷ ﷲ", "a\xffb", "ＣＮＮ…", "\u200f \u00a0x ", "Café\u0301",
		"قال مسؤول لرويترز: “نعم”", "٢٠٢٤ ۱۴۰۳ ئ ء ؤ",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, tier uint8) {
		k := Key{Tier: Tier(tier % 2)}
		k.WriteString(s, 7)
		if len(k.Off) != len(k.B) {
			t.Fatalf("len(Off) = %d, len(B) = %d", len(k.Off), len(k.B))
		}
		if !utf8.Valid(k.B) {
			t.Fatalf("key %q is not valid UTF-8", k.B)
		}
		prev := 7
		for i, o := range k.Off {
			o := int(o)
			if o < prev || o >= 7+len(s) {
				t.Fatalf("Off[%d] = %d out of order or range (prev %d, len %d)", i, o, prev, len(s))
			}
			if !utf8.RuneStart(s[o-7]) && utf8.ValidString(s) {
				t.Fatalf("Off[%d] = %d not on a rune boundary", i, o)
			}
			prev = o
		}
		// Folding is idempotent, and the one-shot form agrees with Key.
		again := Key{Tier: k.Tier}
		again.Write(k.B, 0)
		if string(again.B) != string(k.B) {
			t.Fatalf("not idempotent: %q → %q", k.B, again.B)
		}
		if k.Tier == Basic && String(s) != string(k.B) {
			t.Fatalf("String(%q) = %q, Key gives %q", s, String(s), k.B)
		}
		if len(k.B) > 0 && (k.B[0] == ' ' || k.B[len(k.B)-1] == ' ' || strings.Contains(string(k.B), "  ")) {
			t.Fatalf("spaces not collapsed: %q", k.B)
		}
		// The runs folded at once fold as rune by rune.
		ref := Key{Tier: k.Tier}
		runeByRune(&ref, s, 7)
		if string(ref.B) != string(k.B) || !slices.Equal(ref.Off, k.Off) {
			t.Fatalf("%q folds to %q %v, rune by rune to %q %v", s, k.B, k.Off, ref.B, ref.Off)
		}
	})
}

// runeByRune is Write without its runs: the reference they are checked
// against.
func runeByRune(k *Key, s string, base int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf:
			k.ascii(byte(r), base+i)
		case r == 'ئ' && k.Tier == Loose:
			k.emit(0x0600+rune(seatFold(s, i+n)), base+i)
		default:
			k.rune(r, base+i, n)
		}
		i += n
	}
	k.end = base + len(s)
}

func BenchmarkKey(b *testing.B) {
	text := strings.Repeat("وذكرت وكالة الأنباء المركزية الكورية، الخميس، أن بيونغ يانغ وموسكو اتفقتا على تقديم كل مساعدة عسكرية. Reuters said on Monday that the talks failed. ", 20)
	k := Key{Tier: Loose}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		k.Reset()
		k.WriteString(text, 0)
	}
}

// osa is the textbook optimal string alignment distance, the reference
// Distance is checked against.
func osa(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func FuzzDistance(f *testing.F) {
	f.Add("kitten", "sitting", 2)
	f.Add("وول ستريت", "ولستريت", 1)
	f.Add("abcdef", "badcfe", 3)
	f.Fuzz(func(t *testing.T, a, b string, max int) {
		if max < 0 || max > 100 || !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		want := min(osa(a, b), max+1)
		if got := Distance(a, b, max); got != want {
			t.Fatalf("Distance(%q, %q, %d) = %d, want %d", a, b, max, got, want)
		}
	})
}

func TestNoOffsets(t *testing.T) {
	s := "وَقالت Reuters  ﻷ \u200f٢٠٢٤"
	a := Key{Tier: Loose}
	a.WriteString(s, 0)
	b := Key{Tier: Loose, NoOffsets: true}
	b.WriteString(s, 0)
	if string(a.B) != string(b.B) || len(b.Off) != 0 {
		t.Fatalf("NoOffsets key %q (%d offsets), want %q and none", b.B, len(b.Off), a.B)
	}
}

// Strings folded one after another with Mark fold as they would alone.
func TestMark(t *testing.T) {
	parts := []string{"  وقالت   الوكالة ", "\tThe Agency  said ", "", " ﻷ "}
	var k Key
	k.Tier = Loose
	for _, p := range parts {
		k.Mark()
		from := len(k.B)
		k.WriteString(p, 0)
		var alone Key
		alone.Tier = Loose
		alone.WriteString(p, 0)
		if got := string(k.B[from:]); got != string(alone.B) {
			t.Errorf("%q after Mark folds to %q, alone to %q", p, got, alone.B)
		}
		if got := k.Off[from:]; !slices.Equal(got, alone.Off) {
			t.Errorf("%q after Mark has offsets %v, alone %v", p, got, alone.Off)
		}
	}
}

// TestSeatEnds: SeatEnds tells the strings whose key is not the start of
// the key of the string with و after them.
func TestSeatEnds(t *testing.T) {
	for _, s := range []string{"", "a", "ئ", "مسئ", "مسئَ", "مسئـ", "ئa", "ئ ", "ئ\u200c", "رئيس", "ئ،", "شئو", "ءئء"} {
		k := Key{Tier: Loose}
		k.WriteString(s+"و", 0)
		cut := LooseString(s)
		differs := !strings.HasPrefix(string(k.B), cut)
		if got := SeatEnds([]byte(s)); got != differs {
			t.Errorf("SeatEnds(%q) = %v; %q folds to %q, %q with و after it", s, got, s, cut, k.B)
		}
	}
}
