package importer

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	throughline "throughline.dev/graph"
)

// layout names the columns a file must have and those it may have.
type layout struct {
	required []string
	optional []string
}

func (l layout) knows(col string) bool {
	return slices.Contains(l.required, col) || slices.Contains(l.optional, col)
}

// record is one data row of a CSV file and the line it starts on.
type record struct {
	line   int
	cols   map[string]int
	fields []string
}

// get returns a column's value, trimmed; "" when the file lacks the
// (optional) column.
func (r record) get(col string) string {
	i, ok := r.cols[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// has reports whether the file has a column at all.
func (r record) has(col string) bool {
	_, ok := r.cols[col]
	return ok
}

// readRecords reads a CSV file whose first line names its columns. It
// returns nil when the header is unusable; rows with the wrong number of
// fields are reported and left out.
func readRecords(r io.Reader, l layout, p *problems) []record {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		reportReadError(err, p)
		return nil
	}
	cols := readHeader(header, l, p)
	if cols == nil {
		return nil
	}
	p.columns = cols
	return readRows(cr, cols, len(header), p)
}

func reportReadError(err error, p *problems) {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, io.EOF):
		p.add(1, "", "the file is empty; it needs a header row naming the columns")
	case errors.As(err, &pe):
		p.add(pe.Line, "", "the file is not valid CSV: %v", pe.Err)
	default:
		p.add(1, "", "the file cannot be read: %v", err)
	}
}

// readHeader maps column names (lower case, trimmed) to their positions,
// or returns nil after reporting a missing, unknown or repeated column.
func readHeader(header []string, l layout, p *problems) map[string]int {
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF") // spreadsheet BOM
	}
	before := len(p.list)
	cols := make(map[string]int, len(header))
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch _, dup := cols[name]; {
		case name == "":
			p.add(1, "", "column %d has no name", i+1)
		case dup:
			p.add(1, name, "the column appears twice")
		case !l.knows(name):
			p.add(1, name, "unknown column; the columns are %s",
				strings.Join(append(slices.Clone(l.required), l.optional...), ", "))
		}
		cols[name] = i
	}
	for _, name := range l.required {
		if _, ok := cols[name]; !ok {
			p.add(1, name, "the header has no %s column", name)
		}
	}
	if len(p.list) > before {
		return nil
	}
	return cols
}

func readRows(cr *csv.Reader, cols map[string]int, width int, p *problems) []record {
	names := make([]string, width)
	for name, i := range cols {
		names[i] = name
	}
	var out []record
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			reportReadError(err, p)
			return out
		}
		line, _ := cr.FieldPos(0)
		if blank(fields) {
			continue // spreadsheets export empty rows as a line of commas
		}
		if len(fields) != width {
			p.add(line, "", "the row has %d fields; the header has %d", len(fields), width)
			continue
		}
		if !textsFit(fields, names, line, p) {
			continue
		}
		out = append(out, record{line: line, cols: cols, fields: fields})
	}
}

// textsFit checks each field's text as the API checks what people type,
// reporting each problem at its line and column: a file saved in another
// encoding, a NUL, a name too long.
func textsFit(fields, names []string, line int, p *problems) bool {
	fit := true
	for i, f := range fields {
		if err := throughline.CheckText(strings.TrimSpace(f), names[i], "the text"); err != nil {
			p.add(line, names[i], "%s", throughline.ErrorMessage(err))
			fit = false
		}
	}
	return fit
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
