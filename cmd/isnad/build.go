package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/site"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("isnad build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "the site `folder`, holding content/ and optionally isnad.toml, templates/, assets/")
	out := fs.String("out", "", "the output `folder` (default SRC/site); replaced whole by each successful build")
	baseURL := fs.String("base-url", "", "the site's public `URL`, overriding isnad.toml's baseURL")
	drafts := fs.Bool("drafts", false, "include articles marked draft")
	future := fs.Bool("future", false, "include articles dated in the future")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write an allocation profile of the build to `file` (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: isnad build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--future]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "isnad build: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*src, "site")
	}
	stopProfiles, perr := startProfiles(*cpuProfile, *memProfile)
	if perr != nil {
		fmt.Fprintf(stderr, "isnad build: %v\n", perr)
		return 1
	}
	defer stopProfiles(stderr)
	start := time.Now()
	res, err := site.BuildDir(ctx, site.Config{
		Source:   os.DirFS(*src),
		Defaults: isnad.Defaults,
		BaseURL:  *baseURL,
		Drafts:   *drafts,
		Future:   *future,
	}, *out)
	for _, d := range res.Diags {
		fmt.Fprintln(stderr, prefixed(*src, d))
	}
	if err != nil {
		if len(diag.AsList(err)) == 0 {
			fmt.Fprintf(stderr, "isnad build: %v\n", err)
		}
		fmt.Fprintf(stderr, "isnad build: failed with %d error(s); %s left as it was\n", len(res.Diags.Errors()), *out)
		return 1
	}
	if res.UpToDate {
		fmt.Fprintf(stdout, "%s is up to date: %d articles, %d pages, %d files (checked in %v)\n",
			*out, res.Articles, res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
		return 0
	}
	fmt.Fprintf(stdout, "built %d articles into %s: %d pages, %d files (%d written, %d removed) in %v\n",
		res.Articles, *out, res.Pages, res.Files, res.Written, res.Removed, time.Since(start).Round(time.Millisecond))
	return 0
}

// prefixed shows a diagnostic's file relative to the current folder, so
// editors can jump to it when --src is not ".".
func prefixed(src string, d diag.Diagnostic) string {
	if src != "." && d.Pos.File != "" {
		d.Pos.File = filepath.Join(src, filepath.FromSlash(d.Pos.File))
	}
	return d.Error()
}

// startProfiles starts a CPU profile into cpu and arranges an allocation
// profile into mem ("" for none); the returned func stops and writes them.
func startProfiles(cpu, mem string) (func(io.Writer), error) {
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
		cpuFile = f
	}
	return func(stderr io.Writer) {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem == "" {
			return
		}
		f, err := os.Create(mem)
		if err == nil {
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "isnad build: memory profile: %v\n", err)
		}
	}, nil
}
