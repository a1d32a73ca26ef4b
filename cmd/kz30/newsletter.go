package main

import (
	"context"
	"io"
)

func runNewsletter(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return notYet("newsletter")(ctx, args, stdout, stderr)
}
