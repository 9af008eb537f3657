// Package scaffold writes the file of a new article, its front matter
// filled in from the title: the slug, the date, the language and the
// direction. It backs "isnad new".
//
// # Slugs
//
// A slug keeps the title's own letters, so an Arabic title gets an Arabic
// slug rather than a transliteration no reader would guess: "بوتين يزور
// بيونغ يانغ" → "بوتين-يزور-بيونغ-يانغ". Diacritics, tatweel and
// invisible controls are dropped, Latin letters lose their accents and are
// lower-cased, Arabic-Indic digits become ASCII, and every run of other
// characters becomes one "-". Such a slug is a valid IRI path segment
// that browsers show as written and percent-encode on the wire. Slugs are
// cut at a word boundary to at most MaxSlug bytes.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/isnad/isnad/internal/i18n"
)

// MaxSlug is the longest slug Slug makes, in bytes.
const MaxSlug = 80

// An Article is what a new article's front matter says.
type Article struct {
	Title string
	Slug  string
	Date  time.Time
	Lang  string
	Dir   string
	Draft bool
}

// New fills in an article from its title, at time now. lang, when not
// "", is the article's language; else it is guessed from the title's
// script, falling back to def.
func New(title, lang, def string, now time.Time) (Article, error) {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return Article{}, errors.New("the title is empty")
	}
	if lang == "" {
		lang = i18n.Detect([]byte(title))
	}
	if lang == "" {
		lang = def
	}
	slug := Slug(title)
	if slug == "" {
		// A title with no letters or digits: the date and time will do.
		slug = now.Format("2006-01-02-1504")
	}
	return Article{
		Title: title,
		Slug:  slug,
		Date:  now.Truncate(time.Second),
		Lang:  lang,
		Dir:   i18n.Dir(lang),
	}, nil
}

// Slug makes a URL slug of title; see the package comment.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKC.String(title) {
		switch {
		case r == 'ـ' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
			continue // marks, tatweel, ZWNJ and other invisible controls
		case r == '\'' || r == '’':
			continue // "Putin's" → "putins"
		case '٠' <= r && r <= '٩':
			r = '0' + r - '٠'
		case '۰' <= r && r <= '۹':
			r = '0' + r - '۰'
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		if r >= 0xC0 && r < 0x0590 {
			// Precomposed Latin, Greek and Cyrillic letters keep their base
			// letter, é → e; Arabic letters such as ؤ stay whole.
			if d := norm.NFD.String(string(r)); d != "" {
				r, _ = utf8.DecodeRuneInString(d)
			}
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	if len(s) <= MaxSlug {
		return s
	}
	cut := strings.LastIndexByte(s[:MaxSlug+1], '-')
	if cut <= 0 {
		// One long word: cut at a rune boundary.
		cut = MaxSlug
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut]
}

// Markdown returns the article's file: YAML front matter and an empty
// body, with the optional fields shown as comments.
func (a Article) Markdown() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("title: " + strconv.Quote(a.Title) + "\n")
	b.WriteString("slug: " + strconv.Quote(a.Slug) + "\n")
	b.WriteString("date: " + a.Date.Format(time.RFC3339) + "\n")
	b.WriteString("lang: " + a.Lang + "\n")
	b.WriteString("dir: " + a.Dir + "\n")
	if a.Draft {
		b.WriteString("draft: true\n")
	}
	b.WriteString("tags: []\n")
	b.WriteString("# summary: one or two sentences, for lists, feeds and link previews\n")
	b.WriteString("# translationKey: the same key on every translation of this briefing\n")
	b.WriteString("# sources:  # outlet id → the URL of the report cited\n")
	b.WriteString("#   reuters: https://www.reuters.com/...\n")
	b.WriteString("---\n\n")
	return []byte(b.String())
}

// Create writes the article into the folder dir as SLUG.md, creating the
// folder if need be, and returns the file's path. It never overwrites: an
// existing file is an error that wraps fs.ErrExist.
func Create(dir string, a Article) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name := filepath.Join(dir, a.Slug+".md")
	// Another article of the same slug may be plain text or have another
	// Markdown extension: its page would clash all the same.
	for _, ext := range []string{".txt", ".markdown"} {
		other := filepath.Join(dir, a.Slug+ext)
		if _, err := os.Stat(other); err == nil {
			return "", fmt.Errorf("%s already exists, and would have the same URL: %w", other, fs.ErrExist)
		}
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("%s already exists: %w", name, fs.ErrExist)
		}
		return "", err
	}
	if _, err := f.Write(a.Markdown()); err != nil {
		f.Close()
		os.Remove(name)
		return "", err
	}
	return name, f.Close()
}
