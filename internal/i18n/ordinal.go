package i18n

// arabicLetters is the alphabetical (hijāʾī) order used to number
// back-links and sub-items in Arabic: أ ب ت ث ج ...
var arabicLetters = []rune("أبتثجحخدذرزسشصضطظعغفقكلمنهوي")

var latinLetters = []rune("abcdefghijklmnopqrstuvwxyz")

// Ordinal returns the letter label of the 1-based position n in lang: 1 →
// "أ", 2 → "ب", 28 → "ي", 29 → "أأ" on Arabic pages; 1 → "a", 26 → "z",
// 27 → "aa" elsewhere, as Wikipedia labels back-links to a reference cited
// more than once. n < 1 gives "".
func Ordinal(lang string, n int) string {
	letters := latinLetters
	if Base(lang) == "ar" {
		letters = arabicLetters
	}
	if n < 1 {
		return ""
	}
	// Bijective base len(letters): no zero digit, so 27 is "aa", not "ba".
	var out []rune
	for n > 0 {
		n--
		out = append(out, letters[n%len(letters)])
		n /= len(letters)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}
