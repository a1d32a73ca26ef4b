package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	tparse "text/template/parse"

	"github.com/kz30/kz30/internal/diag"
)

// call is one place where a template calls another: {{template "x"}} or
// {{partialCached "x" …}} with the name written as a string.
type call struct {
	callee string
	node   tparse.Node
	tree   *tparse.Tree
	cached bool // through partialCached
}

// checkRecursion refuses a template set in which a template calls
// itself, directly or through others: kz30's templates render data that
// is already flat, and a call without end would exhaust the stack
// (partialCached starts a new execution, which Go's depth limit does not
// see) or take 100,000 levels to fail. It returns one error per cycle.
func checkRecursion(t *template.Template, seen map[string]bool) diag.List {
	calls := map[string][]call{}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		tree := tt.Tree
		walkNodes(tree.Root, func(n tparse.Node) {
			switch n := n.(type) {
			case *tparse.TemplateNode:
				calls[tt.Name()] = append(calls[tt.Name()], call{n.Name, n, tree, false})
			case *tparse.CommandNode:
				if len(n.Args) >= 2 {
					if id, ok := n.Args[0].(*tparse.IdentifierNode); ok && id.Ident == "partialCached" {
						if s, ok := n.Args[1].(*tparse.StringNode); ok {
							calls[tt.Name()] = append(calls[tt.Name()], call{s.Text, n, tree, true})
						}
					}
				}
			}
		})
	}
	names := make([]string, 0, len(calls))
	for name := range calls {
		names = append(names, name)
	}
	slices.Sort(names)
	var errs diag.List
	state := map[string]int{} // 0 unvisited, 1 on the path, 2 done
	var path []call
	var visit func(name string)
	visit = func(name string) {
		state[name] = 1
		for _, c := range calls[name] {
			switch state[c.callee] {
			case 0:
				path = append(path, c)
				visit(c.callee)
				path = path[:len(path)-1]
			case 1:
				cycle := []string{c.callee}
				i := len(path) - 1
				for ; i >= 0 && path[i].callee != c.callee; i-- {
				}
				for _, p := range path[i+1:] {
					cycle = append(cycle, p.callee)
				}
				cycle = append(cycle, c.callee)
				how := ""
				if c.cached {
					how = " through partialCached"
				}
				msg := fmt.Sprintf("template %q calls itself%s (%s)", c.callee, how, strings.Join(cycle, " → "))
				if !seen[msg] {
					seen[msg] = true
					loc, _ := c.tree.ErrorContext(c.node)
					errs = append(errs, &diag.Error{Pos: contextPos(loc), Msg: msg,
						Hint: "kz30 templates cannot recurse: render the data flat (a range over a list) instead"})
				}
			}
		}
		state[name] = 2
	}
	for _, name := range names {
		if state[name] == 0 {
			visit(name)
		}
	}
	return errs
}

// walkNodes calls fn on n and every node below it.
func walkNodes(n tparse.Node, fn func(tparse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *tparse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkNodes(c, fn)
		}
	case *tparse.ActionNode:
		walkNodes(n.Pipe, fn)
	case *tparse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkNodes(c, fn)
		}
	case *tparse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, fn)
		}
	case *tparse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.TemplateNode:
		walkNodes(n.Pipe, fn)
	}
}

func walkBranch(b *tparse.BranchNode, fn func(tparse.Node)) {
	walkNodes(b.Pipe, fn)
	if b.List != nil {
		walkNodes(b.List, fn)
	}
	if b.ElseList != nil {
		walkNodes(b.ElseList, fn)
	}
}

// contextPos turns tparse.Tree.ErrorContext's "templates/x.html:3:5" into a
// position.
func contextPos(loc string) diag.Pos {
	var p diag.Pos
	file, rest, ok := strings.Cut(loc, ":")
	if !ok {
		return diag.Pos{File: loc}
	}
	p.File = file
	_, _ = fmt.Sscanf(rest, "%d:%d", &p.Line, &p.Col)
	return p
}
