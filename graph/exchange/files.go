package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

// The columns of the files, in the order they are written. They are the
// importer's columns, optional ones included.
var (
	peopleColumns = []string{"email", "name", "title", "team", "parent_team", "manager_email"}
	okrColumns    = []string{"cycle", "cycle_start", "cycle_end", "ref", "type", "parent",
		"level", "team", "owner", "title", "start", "target", "current", "unit", "critical"}
)

// WriteDir reads the whole database through d and writes it to dir as an
// export. dir is created when missing and must otherwise be empty, so
// that no file of an older export is mistaken for part of this one. The
// files are readable by their owner only: they hold people's development
// data.
func WriteDir(ctx context.Context, d Dumper, dir string) (*Export, error) {
	if err := emptyDir(dir); err != nil {
		return nil, err
	}
	dump, err := d.Dump(ctx)
	if err != nil {
		return nil, err
	}
	e := Build(dump)
	return e, e.Write(dir)
}

func emptyDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("exchange: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("exchange: %w", err)
	}
	if len(entries) > 0 {
		return throughline.Errorf(throughline.ECONFLICT,
			"%s is not empty: export into a new or empty directory", dir)
	}
	return nil
}

// Write writes the export's files into dir.
func (e *Export) Write(dir string) error {
	files := map[string][]byte{PeopleFile: e.peopleCSV()}
	for _, f := range e.OKRs {
		files[f.Name] = okrCSV(f.Rows)
	}
	g, err := json.MarshalIndent(e.Graph, "", "  ")
	if err != nil {
		return fmt.Errorf("exchange: %w", err)
	}
	files[GraphFile] = append(g, '\n')
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			return fmt.Errorf("exchange: %w", err)
		}
	}
	return nil
}

func (e *Export) peopleCSV() []byte {
	records := make([][]string, 0, len(e.People))
	for _, p := range e.People {
		records = append(records, []string{p.Email, p.Name, p.Title, p.Team, p.ParentTeam,
			p.ManagerEmail})
	}
	return encodeCSV(peopleColumns, records)
}

func okrCSV(rows []OKRRow) []byte {
	records := make([][]string, 0, len(rows))
	for _, r := range rows {
		records = append(records, r.record())
	}
	return encodeCSV(okrColumns, records)
}

// record is the row as the OKR importer reads it: levels in lower case,
// numbers in the shortest form that parses back to the same value.
func (r OKRRow) record() []string {
	critical := ""
	if r.Type == TypeKeyResult {
		critical = "no"
		if r.Critical {
			critical = "yes"
		}
	}
	return []string{r.Cycle, r.CycleStart.String(), r.CycleEnd.String(), r.Ref, r.Type,
		strings.Join(r.Parents, ";"), strings.ToLower(string(r.Level)), r.Team, r.Owner,
		r.Title, number(r.Start), number(r.Target), number(r.Current), r.Unit, critical}
}

func number(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func encodeCSV(header []string, records [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(header) // writes to a bytes.Buffer do not fail
	_ = w.WriteAll(records)
	return buf.Bytes()
}

// ReadGraph reads and checks graph.json, of any format version up to
// FormatVersion. Fields it does not know are refused, so that a typo in a
// hand-edited file is not silently dropped.
func ReadGraph(r io.Reader, name string) (*Graph, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, throughline.Errorf(throughline.EINVALID, "%s cannot be read: %v", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var g Graph
	if err := dec.Decode(&g); err != nil {
		return nil, throughline.Errorf(throughline.EINVALID, "%s: line %d: %v",
			name, lineAt(data, errorOffset(data, err, dec)), err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, throughline.Errorf(throughline.EINVALID,
			"%s: more than one JSON document", name)
	}
	if g.Format != Format || g.FormatVersion < 1 || g.FormatVersion > FormatVersion {
		return nil, throughline.Errorf(throughline.EINVALID,
			"%s is not a Throughline export of format version 1 to %d (format %q, version %d)",
			name, FormatVersion, g.Format, g.FormatVersion)
	}
	return &g, Check(&g)
}

// errorOffset is where in the document a decoding error is: the offset a
// syntax or type error names; for a date or time that is none, where its
// text first stands (the decoder reports those only once it has read the
// whole document); else as far as the decoder read.
func errorOffset(data []byte, err error, dec *json.Decoder) int64 {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var parse *time.ParseError
	switch {
	case errors.As(err, &syntax):
		return syntax.Offset
	case errors.As(err, &typ):
		return typ.Offset
	case errors.As(err, &parse):
		if at := bytes.Index(data, []byte(strconv.Quote(parse.Value))); at >= 0 {
			return int64(at)
		}
	}
	return dec.InputOffset()
}

// lineAt is the line, counted from 1, that holds a byte offset.
func lineAt(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}
