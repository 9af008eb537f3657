// Package fold builds normalised keys for matching text: outlet names,
// reporting verbs, search terms. A key is never shown to anyone; displayed
// text is never altered.
//
// Folding, in order, one rune at a time:
//
//   - Arabic presentation forms and other compatibility characters are
//     replaced by their NFKC equivalents (ﻷ → لأ → لا);
//   - bidi and format controls (ZWNJ, ZWJ, LRM, RLM, ALM, isolates,
//     embeddings, BOM, soft hyphen), tatweel and every combining mark
//     (harakat, shadda, sukun, dagger alef, Quranic marks, Latin accents)
//     are dropped;
//   - alef variants أ إ آ ٱ become ا, ى becomes ي, ة becomes ه;
//   - letters are lower-cased;
//   - any run of white space becomes one space, and leading and trailing
//     space is dropped.
//
// The Loose tier goes further, for fuzzy name matching: ؤ → و, ئ → ي but
// → و before و (Egypt writes مسئول and شئون for مسؤول and شؤون), ء is
// dropped, the Persian and Urdu letters ی ک ھ ە become ي ك ه ه, and
// Arabic-Indic digits become ASCII digits.
//
// A Key keeps, for every byte of the key, the offset in the source of the
// rune it came from, so a match in the key maps back to an exact span of
// the source.
package fold

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tier selects how aggressively text is folded.
type Tier uint8

const (
	// Basic folds what every reader takes to be the same letters.
	Basic Tier = iota
	// Loose also folds hamza seats, Persian letters and digits.
	Loose
)

// Key is a folded string together with a map from its bytes back to the
// source. Write appends source text to it; the zero value is an empty Basic
// key ready to use. Reset and reuse a Key to fold many strings without
// allocating.
type Key struct {
	// Tier is how aggressively Write folds.
	Tier Tier
	// B is the key.
	B []byte
	// Off[i] is the source offset of the rune that produced B[i]. Offsets
	// never decrease and always fall on rune boundaries of the source.
	Off []int32
	// NoOffsets skips Off, for keys that are only compared or hashed;
	// Span is then meaningless.
	NoOffsets bool

	end     int  // source offset just past the last rune written
	start   int  // where the current string starts in B (see Mark)
	pending bool // a space is owed before the next non-space byte
	pendOff int  // source offset of that space
}

// Reset empties k, keeping its tier and its storage.
func (k *Key) Reset() {
	k.B = k.B[:0]
	k.Off = k.Off[:0]
	k.end = 0
	k.start = 0
	k.pending = false
}

// Mark starts a new string at the end of the key, folded as if the key
// were empty: no space is owed from before and leading space is dropped.
// Strings folded one after another this way share B and Off; Span works
// for the last one only.
func (k *Key) Mark() {
	k.start = len(k.B)
	k.pending = false
}

// String returns the key as a string.
func (k *Key) String() string { return string(k.B) }

// Len returns the length of the key in bytes.
func (k *Key) Len() int { return len(k.B) }

// Span maps the key bytes [i, j) back to the source span that produced
// them. The span ends where the source of key byte j starts, so it covers
// the marks and controls dropped after the last matched letter.
func (k *Key) Span(i, j int) (start, end int) {
	if i >= len(k.B) {
		return k.end, k.end
	}
	start = int(k.Off[i])
	if j >= len(k.B) {
		return start, k.end
	}
	return start, int(k.Off[j])
}

// SrcEnd returns the source offset just past the last rune written.
func (k *Key) SrcEnd() int { return k.end }

// WriteString folds s, whose first byte is at source offset base, and
// appends the result to the key. Source offsets must grow from one call to
// the next.
func (k *Key) WriteString(s string, base int) {
	write(k, s, base)
}

// write folds s, a string or a byte slice, for WriteString and Write.
// Folding rarely lengthens text (only a few compatibility characters,
// invalid bytes and case pairs do): room for s and an owed space is made
// once, so the common runs below write into it without growing it.
func write[T string | []byte](k *Key, s T, base int) {
	k.B = slices.Grow(k.B, len(s)+1)
	if !k.NoOffsets {
		k.Off = slices.Grow(k.Off, len(s)+1)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf || c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// ASCII and U+0600–U+06FF, by far the most common runes
			// here: fold a run of them in one loop.
			i = run(k, s, i, base)
			continue
		}
		var r rune
		var n int
		switch v := any(s).(type) {
		case string:
			r, n = utf8.DecodeRuneInString(v[i:])
		case []byte:
			r, n = utf8.DecodeRune(v[i:])
		}
		k.rune(r, base+i, n)
		i += n
	}
	k.end = base + len(s)
}

// run folds the ASCII runes and those of U+0600–U+06FF starting at s[i],
// as ascii and arabic do one by one, and returns the index past them. A
// run folds to no more bytes than it has, plus an owed space: it writes
// into the room made for them rather than appending rune by rune. Each
// Arabic rune's fold comes encoded (see encoded): both bytes are written
// whatever their number, the next rune's overwriting what is past the
// fold.
func run[T string | []byte](k *Key, s T, i, base int) int {
	tbl := &encBasic
	if k.Tier == Loose {
		tbl = &encLoose
	}
	room := len(s) - i + 2
	k.B = slices.Grow(k.B, room)
	b, n := k.B[:len(k.B)+room], len(k.B)
	offs := !k.NoOffsets
	var off []int32
	if offs {
		k.Off = slices.Grow(k.Off, room)
		off = k.Off[:len(k.Off)+room]
	}
	pending, pendOff := k.pending, k.pendOff
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			c = asciiFold[c]
			if c == asciiSpace {
				if n != k.start && !pending {
					pending, pendOff = true, base+i
				}
				i++
				continue
			}
			if pending {
				pending = false
				b[n] = ' '
				if offs {
					off[n] = int32(pendOff)
				}
				n++
			}
			b[n] = c
			if offs {
				off[n] = int32(base + i)
			}
			n++
			i++
			continue
		}
		if c < 0xD8 || c > 0xDB || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
			break
		}
		// U+0600 + (c&3)<<6 | s[i+1]&0x3F is the rune.
		m := tbl[(c&3)<<6|s[i+1]&0x3F]
		if m>>16 == 0 {
			if m == encSeat {
				m = tbl[seatFold(s, i+2)]
			} else {
				i += 2 // dropped
				continue
			}
		}
		// No rune of the block folds to a space: whatever it folds to
		// pays the space owed first.
		if pending {
			pending = false
			b[n] = ' '
			if offs {
				off[n] = int32(pendOff)
			}
			n++
		}
		b[n], b[n+1] = byte(m), byte(m>>8)
		if offs {
			o := int32(base + i)
			off[n], off[n+1] = o, o
		}
		n += int(m >> 16)
		i += 2
	}
	k.pending, k.pendOff = pending, pendOff
	k.B = b[:n]
	if offs {
		k.Off = off[:n]
	}
	return i
}

// asciiFold maps each ASCII byte to its fold, asciiSpace for the white
// space that folds to one space or none. It is read-only.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = asciiSpace
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

// asciiSpace stands for white space in asciiFold: no ASCII byte folds to
// it.
const asciiSpace = 0xFF

// encBasic and encLoose are arabicBasic and arabicLoose encoded for
// arabicRun: a rune's fold in UTF-8, its first byte in bits 0–7, its
// second (if any) in 8–15, its length in bytes in 16–23; 0 for a rune
// dropped, encSeat for ئ. They are read-only.
var encBasic, encLoose = encoded(&arabicBasic), encoded(&arabicLoose)

// encSeat stands for ئ in encLoose; its length, 0, sets it apart from
// the folds written.
const encSeat = 1

func encoded(tbl *[256]uint16) (enc [256]uint32) {
	for i, m := range tbl {
		switch {
		case m == 0:
		case m == seat:
			enc[i] = encSeat
		case m < utf8.RuneSelf:
			enc[i] = uint32(m) | 1<<16
		default:
			enc[i] = uint32(0xC0|m>>6) | uint32(0x80|m&0x3F)<<8 | 2<<16
		}
	}
	return enc
}

// Write is WriteString for a byte slice.
func (k *Key) Write(b []byte, base int) {
	write(k, b, base)
}

func (k *Key) ascii(c byte, off int) {
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		k.space(off)
		return
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	}
	k.flush()
	k.B = append(k.B, c)
	if !k.NoOffsets {
		k.Off = append(k.Off, int32(off))
	}
}

func (k *Key) space(off int) {
	if len(k.B) == k.start || k.pending {
		return
	}
	k.pending = true
	k.pendOff = off
}

func (k *Key) flush() {
	if k.pending {
		k.pending = false
		k.B = append(k.B, ' ')
		if !k.NoOffsets {
			k.Off = append(k.Off, int32(k.pendOff))
		}
	}
}

// rune folds one non-ASCII rune of n source bytes at off.
func (k *Key) rune(r rune, off, n int) {
	if r == utf8.RuneError && n == 1 {
		// Invalid UTF-8 is kept as U+FFFD so keys stay valid strings.
		k.emit(r, off)
		return
	}
	if 0x0600 <= r && r <= 0x06FF {
		k.arabic(r, off)
		return
	}
	switch {
	case isDropped(r):
		return
	case isSpace(r):
		k.space(off)
		return
	case needsNFKC(r):
		// Compatibility characters: fold their NFKC form, rune by rune.
		var buf [32]byte
		d := norm.NFKC.AppendString(buf[:0], string(r))
		for _, dr := range string(d) {
			if dr == r {
				k.emit(unicode.ToLower(r), off)
				continue
			}
			if dr < utf8.RuneSelf {
				k.ascii(byte(dr), off)
				continue
			}
			k.rune(dr, off, 0)
		}
		return
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
		return
	}
	if r < 0x2000 && r > 0x00BF && norm.NFD.PropertiesString(string(r)).Decomposition() != nil {
		// Precomposed Latin, Greek, Cyrillic letters: keep the base letter,
		// so é and e+◌́ fold alike.
		var buf [16]byte
		d := norm.NFD.AppendString(buf[:0], string(r))
		br, _ := utf8.DecodeRune(d)
		r = br
		if r < utf8.RuneSelf {
			k.ascii(byte(r), off)
			return
		}
	}
	k.emit(unicode.ToLower(r), off)
}

func (k *Key) emit(r rune, off int) {
	k.flush()
	n := len(k.B)
	k.B = utf8.AppendRune(k.B, r)
	for range len(k.B) - n {
		if !k.NoOffsets {
			k.Off = append(k.Off, int32(off))
		}
	}
}

// arabic folds a rune of the Arabic block U+0600–U+06FF.
func (k *Key) arabic(r rune, off int) {
	m := arabicBasic[r-0x0600]
	if k.Tier == Loose {
		m = arabicLoose[r-0x0600]
		if m == seat {
			m = 'ي' // a rune alone, from a compatibility form
		}
	}
	switch {
	case m == 0:
		return
	case m < utf8.RuneSelf:
		k.ascii(byte(m), off)
		return
	}
	// Every letter of the block is two bytes in UTF-8.
	k.flush()
	k.B = append(k.B, byte(0xC0|m>>6), byte(0x80|m&0x3F))
	if !k.NoOffsets {
		k.Off = append(k.Off, int32(off), int32(off))
	}
}

// arabicBasic and arabicLoose map each rune of U+0600–U+06FF to its folded
// form, 0 meaning dropped, seat for ئ in the Loose tier. They are read-only.
var arabicBasic, arabicLoose = arabicTables()

// seat stands in arabicLoose for ئ, which folds by what follows it: to و
// before و (a dropped mark between them aside), the seat writers trade
// with ؤ there (مسئول, مسؤول; شئون, شؤون), to ي elsewhere (رئيس, هيئة).
const seat = 1

// seatFold folds ئ, whose following runes start at s[i]: it returns the
// index in the tables (rune - U+0600) of what ئ folds to.
func seatFold[T string | []byte](s T, i int) uint8 {
	for i+1 < len(s) && s[i] >= 0xD8 && s[i] <= 0xDB && s[i+1]&0xC0 == 0x80 {
		switch arabicLoose[(s[i]&3)<<6|s[i+1]&0x3F] {
		case 0:
			i += 2
			continue
		case 'و':
			return 'و' - 0x0600
		}
		break
	}
	return 'ي' - 0x0600
}

// SeatEnds reports whether b ends with ئ and runes that fold to nothing:
// folded in the Loose tier, that ئ becomes ي, but folded with what
// follows b it may become و. Keys cut from a longer key where b ends
// differ from b's own then.
func SeatEnds(b []byte) bool {
	i := len(b)
	for i >= 2 && b[i-2] >= 0xD8 && b[i-2] <= 0xDB && b[i-1]&0xC0 == 0x80 {
		switch arabicLoose[(b[i-2]&3)<<6|b[i-1]&0x3F] {
		case 0:
			i -= 2
			continue
		case seat:
			return true
		}
		break
	}
	return false
}

func arabicTables() (basic, loose [256]uint16) {
	for i := range basic {
		r := rune(0x0600 + i)
		switch {
		case 0x064B <= r && r <= 0x065F, r == 0x0670, 0x0610 <= r && r <= 0x061A,
			0x06D6 <= r && r <= 0x06ED && r != 0x06E5 && r != 0x06E6,
			r == 0x0640, r == 0x061C:
			r = 0 // diacritics, Quranic marks, tatweel, ALM
		case r == 0x0623, r == 0x0625, r == 0x0622, r == 0x0671, r == 0x0672, r == 0x0673, r == 0x0675:
			r = 'ا'
		case r == 0x0649, r == 0x0678:
			r = 'ي'
		case r == 0x0629:
			r = 'ه'
		case r == 0x0676, r == 0x0677:
			r = 'و' // high hamza waw: NFKC gives وٴ
		}
		basic[i] = uint16(r)
		switch {
		case r == 0x0624:
			r = 'و'
		case r == 0x0626:
			r = seat
		case r == 0x0621:
			r = 0
		case r == 0x06CC:
			r = 'ي'
		case r == 0x06A9:
			r = 'ك'
		case r == 0x06BE, r == 0x06D5, r == 0x06C1:
			r = 'ه'
		case 0x0660 <= r && r <= 0x0669:
			r = '0' + r - 0x0660
		case 0x06F0 <= r && r <= 0x06F9:
			r = '0' + r - 0x06F0
		}
		loose[i] = uint16(r)
	}
	return basic, loose
}

// isDropped reports format controls that carry no letters.
func isDropped(r rune) bool {
	switch {
	case 0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E,
		0x2060 <= r && r <= 0x2064, 0x2066 <= r && r <= 0x206F,
		r == 0xFEFF, r == 0x00AD, r == 0x034F, r == 0x180E,
		0xFE00 <= r && r <= 0xFE0F:
		return true
	}
	return false
}

func isSpace(r rune) bool {
	switch r {
	case 0x0085, 0x00A0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// needsNFKC reports runes whose NFKC form differs in letters, not only in
// marks: presentation forms, ligatures, full-width and styled letters.
func needsNFKC(r rune) bool {
	switch {
	case 0xFB00 <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFC,
		0xFF00 <= r && r <= 0xFFEF, 0x1D400 <= r && r <= 0x1D7FF,
		0x2100 <= r && r <= 0x218F, 0x2460 <= r && r <= 0x24FF,
		0x3300 <= r && r <= 0x33FF, 0x1EE00 <= r && r <= 0x1EEFF,
		r == 0x2026:
		return true
	}
	return false
}

// String returns the Basic key of s.
func String(s string) string { return fold(s, Basic) }

// LooseString returns the Loose key of s.
func LooseString(s string) string { return fold(s, Loose) }

// Collapse returns key without its spaces, the form fuzzy name matching
// compares ("وول ستريت" and "وولستريت" collapse alike).
func Collapse(key string) string {
	if strings.IndexByte(key, ' ') < 0 {
		return key
	}
	return strings.ReplaceAll(key, " ", "")
}

func fold(s string, t Tier) string {
	if isFolded(s) {
		return s
	}
	k := Key{Tier: t, B: make([]byte, 0, len(s)), Off: make([]int32, 0, len(s))}
	k.WriteString(s, 0)
	return string(k.B)
}

// isFolded reports whether s is plain lower-case ASCII with single inner
// spaces, which folds to itself.
func isFolded(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return len(s) == 0 || !prevSpace
}
