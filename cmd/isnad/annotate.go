package main

import (
	"context"
	"fmt"
	"io"
)

func runAnnotate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "isnad annotate: not implemented yet")
	return 1
}
