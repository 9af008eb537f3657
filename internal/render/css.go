package render

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// physicalToLogical rewrites the physical properties chroma's stylesheet
// uses into logical ones. Code is always left to right, so the meaning is
// the same; the site's CSS just stays logical throughout.
var physicalToLogical = strings.NewReplacer(
	"margin-right:", "margin-inline-end:",
	"margin-left:", "margin-inline-start:",
	"padding-right:", "padding-inline-end:",
	"padding-left:", "padding-inline-start:",
	"border-right:", "border-inline-end:",
	"border-left:", "border-inline-start:",
	"text-align: left", "text-align: start",
	"text-align: right", "text-align: end",
)

// CodeCSS returns the stylesheet of highlighted code: the light style,
// then the dark style inside @media (prefers-color-scheme: dark).
func (r *Renderer) CodeCSS() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("/* Code highlighting, generated from chroma styles. */\n")
	if err := r.writeStyle(&buf, r.code.style); err != nil {
		return nil, err
	}
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := r.writeStyle(&buf, r.dark); err != nil {
		return nil, err
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

func (r *Renderer) writeStyle(buf *bytes.Buffer, s *chroma.Style) error {
	var css bytes.Buffer
	if err := r.code.formatter.WriteCSS(&css, s); err != nil {
		return err
	}
	buf.WriteString(physicalToLogical.Replace(css.String()))
	return nil
}
