package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/isnad/isnad/internal/scaffold"
)

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("isnad new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "", "the article's language `tag` (default: guessed from the title's script)")
	dir := fs.String("dir", "", "the `folder` to write the article in (default content/YEAR)")
	draft := fs.Bool("draft", false, "mark the article as a draft, built only with --drafts")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: isnad new TITLE [--lang xx] [--dir content/...] [--draft]\n\n"+
			"Writes FOLDER/SLUG.md with its front matter filled in from the title,\n"+
			"and never overwrites a file.\n\n")
		fs.PrintDefaults()
	}
	// Flags may come before or after the title, which may be several
	// words: isnad new بوتين يزور بيونغ يانغ --lang ar.
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(words) == 0 {
		fs.Usage()
		return 2
	}
	now := time.Now()
	a, err := scaffold.New(strings.Join(words, " "), *lang, "ar", now)
	if err != nil {
		fmt.Fprintf(stderr, "isnad new: %v\n", err)
		return 2
	}
	a.Draft = *draft
	if *dir == "" {
		*dir = filepath.Join("content", strconv.Itoa(now.Year()))
	}
	name, err := scaffold.Create(*dir, a)
	if err != nil {
		fmt.Fprintf(stderr, "isnad new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n", name)
	if a.Draft {
		fmt.Fprintf(stderr, "isnad new: a draft; \"isnad build --drafts\" shows it, remove \"draft: true\" to publish it\n")
	}
	return 0
}
