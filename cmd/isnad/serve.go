package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/devserver"
	"github.com/isnad/isnad/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("isnad serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "the site `folder`, holding content/ and optionally isnad.toml, templates/, assets/")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 shares the preview with the network")
	port := fs.Int("port", 1313, "the `port` to listen on; when taken, the next free one is used")
	baseURL := fs.String("base-url", "", "the site's public `URL`, overriding isnad.toml's baseURL; its path is served too")
	drafts := fs.Bool("drafts", false, "include articles marked draft")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: isnad serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--base-url URL] [--drafts]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "isnad serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "isnad serve: --port %d is not a port\n", *port)
		return 2
	}
	// The source is read through an os.Root, so no symbolic link can take
	// a build, and so the server, outside the site folder.
	root, err := os.OpenRoot(*src)
	if err != nil {
		fmt.Fprintf(stderr, "isnad serve: %v\n", err)
		return 1
	}
	defer root.Close()

	base := *baseURL
	if base == "" {
		conf, _ := config.Load(root.FS(), config.FileName) // its problems show with the first build
		base = conf.BaseURL
	}
	basePath := devserver.BasePath(base)

	l, err := devserver.Listen(*bind, *port, 100)
	if err != nil {
		fmt.Fprintf(stderr, "isnad serve: %v\n", err)
		return 1
	}
	got := l.Addr().(*net.TCPAddr).Port
	if *port != 0 && got != *port {
		fmt.Fprintf(stderr, "isnad serve: port %d is taken; using %d\n", *port, got)
	}
	host := *bind
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	local := "http://" + net.JoinHostPort(host, strconv.Itoa(got))
	url := local + basePath

	b := site.NewBuilder(site.Config{
		Source:   root.FS(),
		Defaults: isnad.Defaults,
		// Links are relative; permalinks (canonical, feeds) point at the
		// preview, as they will point at the site once published.
		BaseURL: url,
		Drafts:  *drafts,
	})
	var mu sync.Mutex // Logf is called from the server's goroutines
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(stderr, format+"\n", args...)
	}
	srv := &devserver.Server{Dir: *src, Build: b.Build, BasePath: basePath, Logf: logf}
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", *src, url)
	if err := srv.Serve(ctx, l); err != nil {
		fmt.Fprintf(stderr, "isnad serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
