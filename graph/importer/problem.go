package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	throughline "throughline.dev/graph"
)

// Problem is one thing wrong with an import file, where an editor would
// find it: Line is 1-based with the header on line 1, and Column is the
// column's name ("" when the problem is with the whole row).
type Problem struct {
	Line    int
	Column  string
	Message string
}

// format renders the problem as file:line: column: message, the form
// compilers use, so that editors can jump to it.
func (p Problem) format(file string) string {
	if p.Column == "" {
		return fmt.Sprintf("%s:%d: %s", file, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s: %s", file, p.Line, p.Column, p.Message)
}

// Error refuses a whole file and carries every problem found in it,
// ordered by line. Its code is EINVALID: the admin can fix the file.
type Error struct {
	File     string
	Problems []Problem
}

// Error lists every problem, one per line.
func (e *Error) Error() string {
	return strings.Join(e.Lines(), "\n")
}

// Lines returns one line per problem, as file:line: column: message.
func (e *Error) Lines() []string {
	out := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.format(e.File)
	}
	return out
}

// Unwrap gives the error a domain code, so that callers which only know
// domain errors treat it as input the user can fix.
func (e *Error) Unwrap() error {
	return throughline.Errorf(throughline.EINVALID,
		"%s has %s; nothing was imported", e.File, plural(len(e.Problems), "problem"))
}

// problems collects the problems of one file while it is checked.
// columns holds the position of each column once the header is read, so
// that problems on one line come in the order of their columns.
type problems struct {
	file    string
	list    []Problem
	columns map[string]int
}

func (p *problems) add(line int, column, format string, args ...any) {
	p.list = append(p.list, Problem{Line: line, Column: column,
		Message: fmt.Sprintf(format, args...)})
}

// err returns the problems as an *Error, or nil when there are none.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := slices.Clone(p.list)
	slices.SortStableFunc(list, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(p.position(a), p.position(b)))
	})
	return &Error{File: p.file, Problems: list}
}

// position is a problem's column position; problems with the whole row
// come first.
func (p *problems) position(x Problem) int {
	if i, ok := p.columns[x.Column]; ok && x.Column != "" {
		return i
	}
	return -1
}

// plural writes a count with its noun, "1 problem" or "3 problems".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
