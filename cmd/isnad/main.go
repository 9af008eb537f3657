// Command isnad builds annotated news briefings into a static site.
//
// Usage:
//
//	isnad build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--future]
//	isnad serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--base-url URL] [--drafts]
//	isnad annotate [--format json|text] FILE...
//	isnad new TITLE [--lang xx] [--dir content/...]
//	isnad check [--src DIR] [--format text|json]
//
// This package only parses flags and wires the internal packages together.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// A command runs one subcommand with its arguments and returns the exit code.
type command func(ctx context.Context, args []string, stdout, stderr io.Writer) int

func commands() map[string]command {
	return map[string]command{
		"build":    runBuild,
		"serve":    runServe,
		"annotate": runAnnotate,
		"new":      runNew,
		"check":    runCheck,
	}
}

const usage = `isnad builds annotated news briefings into a static site.

Usage:

	isnad build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--future]
	isnad serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--base-url URL] [--drafts]
	isnad annotate [--format json|text] FILE...
	isnad new TITLE [--lang xx] [--dir content/...]
	isnad check [--src DIR] [--format text|json]

Run "isnad COMMAND -h" for a command's flags.
`

// run is main without the process: it returns the exit code, so tests can
// call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "isnad: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return cmd(ctx, args[1:], stdout, stderr)
}
