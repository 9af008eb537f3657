package i18n

import (
	"slices"
	"testing"
	"time"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"arabic", "قالت وكالة رويترز إن الاتفاق وقع الخميس", "ar"},
		{"arabic with latin names", "قال Jens Stoltenberg إن التحالف بين هذه الدول يتعزز", "ar"},
		{"english", "Reuters reported that the pact was signed on Thursday.", "en"},
		{"english with arabic word", "The word isnad (إسناد) means a chain of transmitters.", "en"},
		{"persian", "گزارش‌ها نشان می‌دهد که پوتین به کره شمالی سفر کرد", "fa"},
		{"urdu", "روس اور شمالی کوریا نے ایک معاہدے پر دستخط کیے ہیں جو بہت اہم ہے", "ur"},
		{"hebrew", "ראש הממשלה אמר כי ההסכם נחתם", "he"},
		{"russian", "Путин посетил Пхеньян впервые за 24 года", "ru"},
		{"greek", "Ο πρόεδρος επισκέφθηκε την Πιονγκγιάνγκ", "el"},
		{"digits only", "2024 - 06 - 20", ""},
		{"empty", "", ""},
		{"arabic with one persian letter", "زار بوتين مدينة گوانغجو وقال إن العلاقات بين البلدين تتعزز يوما بعد يوم في كل المجالات المشتركة بينهما", "ar"},
		{"invalid utf-8", "\xff\xfeقال", "ar"},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.text)); got != tt.want {
			t.Errorf("%s: Detect(%q) = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestDir(t *testing.T) {
	tests := map[string]string{
		"ar": "rtl", "ar-EG": "rtl", "AR": "rtl", "fa": "rtl", "ur": "rtl", "he": "rtl",
		"ckb": "rtl", "en": "ltr", "en-GB": "ltr", "": "ltr", "ku-Arab": "rtl",
		"az-Latn": "ltr", "fr": "ltr", "ru": "ltr", "ps_AF": "rtl",
	}
	for lang, want := range tests {
		if got := Dir(lang); got != want {
			t.Errorf("Dir(%q) = %q, want %q", lang, got, want)
		}
	}
}

func testCatalog() Catalog {
	c := Catalog{}
	c.Set("ar", "month.6", Message{Other: "يونيو"})
	c.Set("en", "month.6", Message{Other: "June"})
	c.Set("en", "date.format", Message{Other: "{day} {month} {year}"})
	c.Set("ar", "claims", Message{Zero: "لا ادعاءات", One: "ادعاء واحد", Two: "ادعاءان", Few: "{n} ادعاءات", Many: "{n} ادعاءً", Other: "{n} ادعاء"})
	c.Set("en", "claims", Message{One: "{n} claim", Other: "{n} claims"})
	c.Set("en", "nav.home", Message{Other: "Home"})
	return c
}

func TestFormatDate(t *testing.T) {
	c := testCatalog()
	d := time.Date(2024, 6, 20, 23, 59, 0, 0, time.UTC)
	tests := []struct {
		lang   string
		digits Digits
		want   string
	}{
		{"ar", Latin, "20 يونيو 2024"},
		{"ar", ArabicIndic, "٢٠ يونيو ٢٠٢٤"},
		{"ar-EG", ArabicIndic, "٢٠ يونيو ٢٠٢٤"},
		{"en", Latin, "20 June 2024"},
		{"fr", Latin, "20 June 2024"}, // falls back to English
	}
	for _, tt := range tests {
		if got := c.FormatDate(d, tt.lang, tt.digits); got != tt.want {
			t.Errorf("FormatDate(%s, %s) = %q, want %q", tt.lang, tt.digits, got, tt.want)
		}
	}
	if got := c.FormatDate(time.Time{}, "ar", Latin); got != "" {
		t.Errorf("FormatDate(zero) = %q, want empty", got)
	}
}

func TestPluralAndNumbers(t *testing.T) {
	c := testCatalog()
	tests := []struct {
		lang   string
		n      int
		digits Digits
		want   string
	}{
		{"ar", 0, Latin, "لا ادعاءات"},
		{"ar", 1, Latin, "ادعاء واحد"},
		{"ar", 2, Latin, "ادعاءان"},
		{"ar", 3, ArabicIndic, "٣ ادعاءات"},
		{"ar", 11, Latin, "11 ادعاءً"},
		{"ar", 100, Latin, "100 ادعاء"},
		{"ar", 103, Latin, "103 ادعاءات"},
		{"ar", 12345, ArabicIndic, "١٢٬٣٤٥ ادعاءً"},
		{"en", 1, Latin, "1 claim"},
		{"en", 0, Latin, "0 claims"},
		{"en", 1234567, Latin, "1,234,567 claims"},
	}
	for _, tt := range tests {
		if got := c.N(tt.lang, "claims", tt.n, tt.digits); got != tt.want {
			t.Errorf("N(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	if got := c.T("ar", "nav.home"); got != "Home" {
		t.Errorf("T falls back to English: got %q", got)
	}
	if got := c.T("ar", "no.such.key"); got != "no.such.key" {
		t.Errorf("T of a missing key = %q, want the key", got)
	}
	if got := FormatNumber(-1234, "en", Latin); got != "-1234" {
		t.Errorf("FormatNumber(-1234) = %q", got)
	}
	if got := FormatNumber(-12345, "fa", Persian); got != "-۱۲٬۳۴۵" {
		t.Errorf("FormatNumber(-12345, Persian) = %q", got)
	}
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"ar", 1, "أ"}, {"ar", 2, "ب"}, {"ar", 3, "ت"}, {"ar", 4, "ث"}, {"ar", 28, "ي"},
		{"ar", 29, "أأ"}, {"ar", 30, "أب"}, {"en", 1, "a"}, {"en", 26, "z"}, {"en", 27, "aa"},
		{"en", 52, "az"}, {"en", 53, "ba"}, {"en", 702, "zz"}, {"en", 703, "aaa"}, {"en", 0, ""},
	}
	for _, tt := range tests {
		if got := Ordinal(tt.lang, tt.n); got != tt.want {
			t.Errorf("Ordinal(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestSortArabic(t *testing.T) {
	in := []string{"روسيا", "إيران", "الصين", "كوريا الشمالية", "أوكرانيا", "ايران", "بيونغ يانغ", "آسيا", "الـصين", "مُسيّرات"}
	SortFunc("ar", in, func(s string) string { return s })
	// Ties after folding follow CLDR, which puts the hamza forms before bare alef.
	want := []string{"آسيا", "الصين", "الـصين", "أوكرانيا", "إيران", "ايران", "بيونغ يانغ", "روسيا", "كوريا الشمالية", "مُسيّرات"}
	if !slices.Equal(in, want) {
		t.Errorf("sorted:\n got %q\nwant %q", in, want)
	}
	if k1, k2 := SortKey("ar", "إيران"), SortKey("ar", "ايران"); k1 != k2 {
		t.Errorf("SortKey does not fold hamza on alef: %q vs %q", k1, k2)
	}
	c := NewCollator("ar")
	if c.Compare("مُسيّرات", "مسيرات") == 0 {
		t.Error("Compare must be total: different strings never compare equal")
	}
}

func TestSortArabicBeforeLatin(t *testing.T) {
	in := []string{"NATO", "روسيا", "Russia", "الناتو", "2024"}
	SortFunc("ar", in, func(s string) string { return s })
	want := []string{"2024", "الناتو", "روسيا", "NATO", "Russia"}
	if !slices.Equal(in, want) {
		t.Errorf("sorted:\n got %q\nwant %q", in, want)
	}
	in = []string{"روسيا", "Russia", "NATO"}
	SortFunc("en", in, func(s string) string { return s })
	if want := []string{"NATO", "Russia", "روسيا"}; !slices.Equal(in, want) {
		t.Errorf("English sort: got %q, want %q", in, want)
	}
}

func TestSortEnglish(t *testing.T) {
	in := []string{"reuters", "CNN", "Al Jazeera", "al-monitor", "KCNA", "item 10", "item 9"}
	SortFunc("en", in, func(s string) string { return s })
	want := []string{"Al Jazeera", "al-monitor", "CNN", "item 9", "item 10", "KCNA", "reuters"}
	if !slices.Equal(in, want) {
		t.Errorf("sorted:\n got %q\nwant %q", in, want)
	}
}

func TestOtherRuns(t *testing.T) {
	tests := []struct {
		dir, text string
		want      []string
	}{
		{"rtl", "شركة ميرسك الدنماركية (Maersk)، التي", []string{"Maersk"}},
		{"rtl", "الفرنسية (CMA CGM)، التي", []string{"CMA CGM"}},
		{"rtl", "منصة PortWatch التي", []string{"PortWatch"}},
		{"rtl", "هاباغ لويد (Hapag-Lloyd).", []string{"Hapag-Lloyd"}},
		{"rtl", "في فبراير 2022، حيث", nil},
		{"rtl", "التغير ‎-46.8% والسفن", []string{"-46.8%"}},
		{"rtl", "يناير 2023-01 و 10:30 صباحا", []string{"2023-01", "10:30"}},
		{"rtl", "بنحو 2,155 سفينة", []string{"2,155"}},
		{"rtl", "قال Jens Stoltenberg 2024 إن", []string{"Jens Stoltenberg 2024"}},
		{"rtl", "U.S. officials", []string{"U.S. officials"}},
		{"ltr", "The pact (الاتفاق) was signed", []string{"الاتفاق"}},
		{"ltr", "Reuters said 46.8% in 2024", nil},
		{"ltr", "written אבג and نص عربي طويل.", []string{"אבג", "نص عربي طويل"}},
		{"rtl", "", nil},
		{"rtl", "\xff\xfeAB", []string{"AB"}},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range OtherRuns([]byte(tt.text), tt.dir) {
			got = append(got, tt.text[r[0]:r[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("OtherRuns(%q, %s) = %q, want %q", tt.text, tt.dir, got, tt.want)
		}
	}
}

// TestFormatDateFormats runs odd date formats: placeholders repeated,
// next to braces, cut short.
func TestFormatDateFormats(t *testing.T) {
	d := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
	for format, want := range map[string]string{
		"{year}-{day}":          "2024-20",
		"{{day}}":               "{20}",
		"{day}{day} {mon":       "2020 {mon",
		"x{":                    "x{",
		"{month} {year}{":       "June 2024{",
		"":                      "",
		"{year}/{month}/{day}!": "2024/June/20!",
	} {
		c := Catalog{"en": {"date.format": {Other: format}}}
		if format == "" {
			want = "20 June 2024" // the default format
		}
		if got := c.FormatDate(d, "en", Latin); got != want {
			t.Errorf("format %q: %q, want %q", format, got, want)
		}
	}
}
