package kz30_test

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

const workflowPath = ".github/workflows/pages.yml"

// lintWorkflow runs actionlint (the Go library, offline) over a workflow.
func lintWorkflow(t *testing.T, name string, src []byte) []*actionlint.Error {
	t.Helper()
	l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(name, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

func readWorkflow(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(workflowPath)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestPagesWorkflowLints(t *testing.T) {
	for _, e := range lintWorkflow(t, workflowPath, readWorkflow(t)) {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
}

// TestPagesWorkflowBrokenCopies is the negative control: actionlint must
// see each mistake, or a passing lint proves nothing.
func TestPagesWorkflowBrokenCopies(t *testing.T) {
	src := string(readWorkflow(t))
	for _, tc := range []struct{ name, old, new, want string }{
		{"undefined step output", "steps.pages.outputs", "steps.page.outputs", `property "page" is not defined`},
		{"unknown action input", "go-version-file:", "go-version-fil:", `input "go-version-fil" is not defined`},
		{"unknown runner", "runs-on: ubuntu-latest", "runs-on: ubuntu-latst", `label "ubuntu-latst" is unknown`},
		{"unknown job in needs", "needs: build", "needs: bulid", `job "deploy" needs job "bulid" which does not exist`},
		{"bad permission", "pages: write", "pages: publish", `"publish" is invalid as permission of scope "pages"`},
		{"broken YAML", "jobs:\n", "jobs:\n  - oops\n", "could not parse as YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(src, tc.old) {
				t.Fatalf("the workflow no longer contains %q; update the test", tc.old)
			}
			broken := strings.Replace(src, tc.old, tc.new, 1)
			errs := lintWorkflow(t, "broken.yml", []byte(broken))
			if len(errs) == 0 {
				t.Fatal("actionlint found no error in the broken copy")
			}
			var msgs []string
			for _, e := range errs {
				if strings.Contains(e.Message, tc.want) {
					return
				}
				msgs = append(msgs, e.Message)
			}
			t.Errorf("no error mentions %q; got:\n%s", tc.want, strings.Join(msgs, "\n"))
		})
	}
}

// TestPagesWorkflowShape checks what the official Pages flow needs and a
// lint cannot know: triggers, permissions, concurrency, the environment,
// the test command and the base URL handed to the build.
func TestPagesWorkflowShape(t *testing.T) {
	w, errs := actionlint.Parse(readWorkflow(t))
	if len(errs) > 0 {
		t.Fatalf("parse: %v", errs[0])
	}
	var push, dispatch bool
	for _, ev := range w.On {
		switch e := ev.(type) {
		case *actionlint.WebhookEvent:
			if e.Hook.Value == "push" && e.Branches != nil && len(e.Branches.Values) == 1 && e.Branches.Values[0].Value == "main" {
				push = true
			}
		case *actionlint.WorkflowDispatchEvent:
			dispatch = true
		}
	}
	if !push || !dispatch {
		t.Errorf("triggers: push to main %v, workflow_dispatch %v; want both", push, dispatch)
	}
	if w.Permissions == nil {
		t.Fatal("no permissions block")
	}
	perms := map[string]string{}
	for name, s := range w.Permissions.Scopes {
		perms[name] = s.Value.Value
	}
	for name, want := range map[string]string{"contents": "read", "pages": "write", "id-token": "write"} {
		if perms[name] != want {
			t.Errorf("permission %s = %q, want %q", name, perms[name], want)
		}
	}
	if len(perms) != 3 {
		t.Errorf("permissions %v: want exactly contents, pages and id-token", perms)
	}
	if w.Concurrency == nil || w.Concurrency.Group == nil || w.Concurrency.Group.Value != "pages" {
		t.Error(`want concurrency group "pages"`)
	} else if c := w.Concurrency.CancelInProgress; c == nil || c.Value {
		t.Error("want cancel-in-progress: false, so a running deployment finishes")
	}

	build, deploy := w.Jobs["build"], w.Jobs["deploy"]
	if build == nil || deploy == nil {
		t.Fatalf("want jobs build and deploy, have %d jobs", len(w.Jobs))
	}
	if len(deploy.Needs) != 1 || deploy.Needs[0].Value != "build" {
		t.Error("deploy must need build")
	}
	env := deploy.Environment
	if env == nil || env.Name == nil || env.Name.Value != "github-pages" {
		t.Error(`deploy must run in the "github-pages" environment`)
	} else if env.URL == nil || env.URL.Value != "${{ steps.deployment.outputs.page_url }}" {
		t.Error("the environment's url must be the deployment's page_url")
	}

	// The build job's steps, in order.
	type step struct{ uses, run, id string }
	steps := func(j *actionlint.Job) []step {
		var out []step
		for _, s := range j.Steps {
			var st step
			if s.ID != nil {
				st.id = s.ID.Value
			}
			switch e := s.Exec.(type) {
			case *actionlint.ExecAction:
				st.uses = e.Uses.Value
				if e.Uses.Value == "actions/setup-go@v5" && (e.Inputs["go-version-file"] == nil || e.Inputs["go-version-file"].Value.Value != "go.mod") {
					t.Error("setup-go must read the Go version from go.mod")
				}
				if e.Uses.Value == "actions/cache@v4" && (e.Inputs["path"] == nil || e.Inputs["path"].Value.Value != ".kz30/cache") {
					t.Error("actions/cache must restore .kz30/cache, kz30's build cache")
				}
				if e.Uses.Value == "actions/upload-pages-artifact@v3" && (e.Inputs["path"] == nil || e.Inputs["path"].Value.Value != "public") {
					t.Error("upload-pages-artifact must upload public")
				}
			case *actionlint.ExecRun:
				st.run = strings.TrimSpace(e.Run.Value)
			}
			out = append(out, st)
		}
		return out
	}
	want := []step{
		{uses: "actions/checkout@v4"},
		{uses: "actions/setup-go@v5"},
		{run: "./test.sh"},
		{uses: "actions/cache@v4"},
		{uses: "actions/configure-pages@v5", id: "pages"},
		{run: `go run ./cmd/kz30 build --base-url "${{ steps.pages.outputs.base_url }}/"`},
		{uses: "actions/upload-pages-artifact@v3"},
	}
	got := steps(build)
	if len(got) != len(want) {
		t.Fatalf("build has %d steps, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("build step %d = %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if d := steps(deploy); len(d) != 1 || d[0] != (step{uses: "actions/deploy-pages@v4", id: "deployment"}) {
		t.Errorf("deploy steps = %+v, want only actions/deploy-pages@v4 with id deployment", d)
	}

	// The README's test command is the one the workflow runs.
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "./test.sh") {
		t.Error("README.md no longer names ./test.sh as the test command; keep it in step with the workflow")
	}
}
