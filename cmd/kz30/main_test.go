package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript scripts run the programs of scriptCommands as
// commands ("exec kz30 check").
// With KZ30_RUN_MAIN=1 the test binary is kz30 itself, signals included
// (the interruption tests).
func TestMain(m *testing.M) {
	if os.Getenv("KZ30_RUN_MAIN") == "1" {
		main()
	}
	testscript.Main(m, scriptCommands())
}

// scriptCommands are the programs scripts can exec; add a tool here when
// a script needs one.
func scriptCommands() map[string]func() {
	return map[string]func(){
		"kz30": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	}
}

// TestScripts runs testdata/script/*.txtar: the commands' exit codes and
// messages.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
