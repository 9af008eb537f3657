package main

import (
	"context"
	"fmt"
	"io"
)

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "isnad new: not implemented yet")
	return 1
}
