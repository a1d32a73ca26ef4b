package diag

import (
	"errors"
	"testing"
)

func TestListSortAndFormat(t *testing.T) {
	var l List
	l.Add(Pos{File: "b.md", Line: 2, Col: 1}, "second", "")
	l.Add(Pos{File: "a.md", Line: 9, Col: 3}, "first", "fix it")
	l.Add(Pos{File: "a.md", Line: 9, Col: 3}, "first", "fix it")
	l.Append(errors.New("plain"))
	l = l.Sort()
	want := "plain\na.md:9:3: first; fix it\nb.md:2:1: second"
	if got := l.Error(); got != want {
		t.Errorf("List.Error() =\n%s\nwant\n%s", got, want)
	}
	var back List
	if !errors.As(l.Err(), &back) || len(back) != 3 {
		t.Errorf("errors.As(List) lost entries: %v", back)
	}
	if (List{}).Err() != nil {
		t.Error("empty List.Err() != nil")
	}
}

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		p    Pos
		want string
	}{
		{Pos{}, ""},
		{Pos{File: "x"}, "x"},
		{Pos{File: "x", Line: 3}, "x:3"},
		{Pos{File: "x", Line: 3, Col: 4}, "x:3:4"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
}
