package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/check"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("isnad check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "the site `folder`, holding content/ and optionally isnad.toml, templates/, assets/")
	format := fs.String("format", "text", "output `format`: text, or json for tools")
	baseURL := fs.String("base-url", "", "the site's public `URL`, overriding isnad.toml's baseURL, as for build")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: isnad check [--src DIR] [--format text|json] [--base-url URL]\n\n"+
			"Builds the site in memory and reports every problem in it, without\n"+
			"writing anything. Exits 1 when there is an error; warnings alone pass.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "isnad check: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "isnad check: unknown format %q (want text or json)\n", *format)
		return 2
	}
	rep, err := check.Run(ctx, check.Options{Source: os.DirFS(*src), Defaults: isnad.Defaults, BaseURL: *baseURL})
	if err != nil {
		fmt.Fprintf(stderr, "isnad check: %v\n", err)
		return 1
	}
	// Files as seen from the current folder, so editors can jump to them.
	for i, d := range rep.Diags {
		if *src != "." && d.Pos.File != "" && !strings.HasPrefix(d.Pos.File, "-") {
			rep.Diags[i].Pos.File = filepath.Join(*src, filepath.FromSlash(d.Pos.File))
		}
	}
	if *format == "json" {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "isnad check: %v\n", err)
		return 1
	}
	if !rep.OK() {
		return 1
	}
	return 0
}
