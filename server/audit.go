package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
)

// auditCmd exports the audit log for auditors and archives. It reads the
// log a page at a time and writes each entry as it is read, so a log of
// any size exports in little memory.
type auditCmd struct {
	Format     string    `enum:"jsonl,csv" default:"jsonl" help:"jsonl (a JSON object per line) or csv."`
	Out        string    `type:"path" placeholder:"FILE" help:"Write to FILE, not standard output."`
	Since      time.Time `format:"2006-01-02" placeholder:"DATE" help:"Only changes on or after this day (UTC)."`
	Until      time.Time `format:"2006-01-02" placeholder:"DATE" help:"Only changes on or before this day (UTC)."`
	ObjectKind string    `name:"object-kind" placeholder:"KIND" help:"Only changes to this kind, such as Person."`
}

// Help documents the columns, which both formats share.
func (c *auditCmd) Help() string {
	return `Exports the audit log, oldest change first: one row (csv) or one JSON
object per line (jsonl) for each object a change created, updated or
removed. The columns, in this order, and the keys of each JSON object:

  id           the entry's number, rising with every change
  at           when the change was made, RFC 3339 in UTC
  actor_id     the person who made it; empty (null) for the command line
               and for the bootstrap admin token, which acts for nobody
  actor_email  that person's email, looked up when exporting
  token_id     the access token used; empty (null) for the command line
  action       the operation, as the API names it: createPerson,
               setPlanStatus, recordCheckIn, importPeople, ...
  object_kind  the kind of object changed, a GraphQL type name such as
               Person, Objective or DevelopmentPlan
  object_id    the object's number within its kind
  before       the object before the change as JSON; empty (null) when the
               change created it
  after        the object after the change as JSON; empty (null) when the
               change removed it

In jsonl, before and after are JSON objects; in csv, JSON text. The note
of a check-in whose note is private to its author reads "(private)".`
}

// auditRecord is one exported entry; the JSON keys are the columns.
type auditRecord struct {
	ID         int64           `json:"id"`
	At         string          `json:"at"`
	ActorID    *int64          `json:"actor_id"`
	ActorEmail *string         `json:"actor_email"`
	TokenID    *int64          `json:"token_id"`
	Action     string          `json:"action"`
	ObjectKind string          `json:"object_kind"`
	ObjectID   *int64          `json:"object_id"`
	Before     json.RawMessage `json:"before"`
	After      json.RawMessage `json:"after"`
}

var auditColumns = []string{"id", "at", "actor_id", "actor_email", "token_id", "action",
	"object_kind", "object_id", "before", "after"}

func (c *auditCmd) Run(ctx context.Context, cl *cli) error {
	q, err := c.query()
	if err != nil {
		return err
	}
	a, err := cl.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if c.Out == "" {
		return exportAudit(ctx, a, q, c.Format, os.Stdout)
	}
	return exportAuditToFile(ctx, a, q, c.Format, c.Out)
}

// query turns the flags into what the store selects; --until keeps the
// whole of its day.
func (c *auditCmd) query() (storage.AuditQuery, error) {
	q := storage.AuditQuery{ObjectKind: c.ObjectKind, Since: c.Since}
	if !c.Until.IsZero() {
		q.Until = c.Until.AddDate(0, 0, 1)
	}
	if !c.Since.IsZero() && !c.Until.IsZero() && c.Until.Before(c.Since) {
		return q, errors.New("--until is before --since")
	}
	return q, nil
}

// exportAuditToFile writes the export to a file only its owner can read,
// since entries hold people's development data, and removes it when the
// export fails part way.
func exportAuditToFile(ctx context.Context, a *app.App, q storage.AuditQuery,
	format, path string,
) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	err = exportAudit(ctx, a, q, format, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path) // a partial export is no export
	}
	return err
}

// exportAudit writes the entries q selects to w in a format.
func exportAudit(ctx context.Context, a *app.App, q storage.AuditQuery, format string,
	w io.Writer,
) error {
	buf := bufio.NewWriter(w)
	out, err := newRecordWriter(format, buf)
	if err != nil {
		return err
	}
	emails := actorEmails(ctx, a)
	err = a.Store.EachAuditEntry(ctx, q, func(e *throughline.AuditEntry) error {
		return out.Write(auditRecordOf(e, emails(e.ActorID)))
	})
	if err != nil {
		return fmt.Errorf("export the audit log: %w", err)
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return buf.Flush()
}

func auditRecordOf(e *throughline.AuditEntry, email *string) *auditRecord {
	return &auditRecord{
		ID: e.ID, At: e.At.UTC().Format(time.RFC3339Nano), ActorID: e.ActorID,
		ActorEmail: email, TokenID: e.TokenID, Action: e.Action, ObjectKind: e.ObjectKind,
		ObjectID: e.ObjectID, Before: rawJSON(e.Before), After: rawJSON(e.After),
	}
}

// rawJSON embeds stored JSON as it is; nil stays nil, which encodes as
// null.
func rawJSON(s *string) json.RawMessage {
	if s == nil {
		return nil
	}
	return json.RawMessage(*s)
}

// actorEmails looks up each actor's email once: a log names few people
// many times.
func actorEmails(ctx context.Context, a *app.App) func(*int64) *string {
	seen := map[int64]*string{}
	return func(id *int64) *string {
		if id == nil {
			return nil
		}
		if email, ok := seen[*id]; ok {
			return email
		}
		var email *string
		if p, err := a.Store.FindPersonByID(ctx, *id); err == nil {
			email = &p.Email
		}
		seen[*id] = email
		return email
	}
}

// recordWriter writes exported entries in one format.
type recordWriter interface {
	Write(*auditRecord) error
	// Flush writes what the format holds back.
	Flush() error
}

func newRecordWriter(format string, w io.Writer) (recordWriter, error) {
	if format == "csv" {
		cw := csv.NewWriter(w)
		return &csvRecords{cw}, cw.Write(auditColumns)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return jsonLines{enc}, nil
}

// jsonLines writes one JSON object per line.
type jsonLines struct{ enc *json.Encoder }

func (j jsonLines) Write(r *auditRecord) error { return j.enc.Encode(r) }

func (j jsonLines) Flush() error { return nil }

// csvRecords writes one row per entry, after the header; null values are
// empty cells.
type csvRecords struct{ w *csv.Writer }

func (c *csvRecords) Write(r *auditRecord) error {
	return c.w.Write([]string{
		strconv.FormatInt(r.ID, 10), r.At, idCell(r.ActorID), textCell(r.ActorEmail),
		idCell(r.TokenID), r.Action, r.ObjectKind, idCell(r.ObjectID),
		string(r.Before), string(r.After),
	})
}

func (c *csvRecords) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

func idCell(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

func textCell(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
