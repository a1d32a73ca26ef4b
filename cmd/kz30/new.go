package main

import (
	"context"
	"io"
)

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return notYet("new")(ctx, args, stdout, stderr)
}
