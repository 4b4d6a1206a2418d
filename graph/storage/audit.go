package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// The audit log holds one entry per object a write changes: who (the
// actor and token of the context, none from the command line), the action
// as the API names it, the object's kind and ID, when, and the object
// before and after as JSON (before is null for a create, after for a
// delete). Entries are written in the transaction of the change, so that
// the log and the data never disagree: a write that fails leaves none.
//
// The JSON holds the object's stored fields with keys as the API spells
// them (parentId, notePrivate). Rows with no ID of their own are recorded
// with the object they belong to: an objective with what it aligns to, a
// capability with its scale, an assessment with its evidence. A goal or
// action write raises its plan's version, but the plan itself is recorded
// only when its status changes: the version is bookkeeping for concurrent
// edits, and the goal or action entry is the change. A check-in's note,
// when private to its author, is stored as "(private)": the log is read
// by HR and admins.

// privateNote stands in the log for the note of a check-in whose note is
// private to its author: HR and admins read the log, and the note is not
// theirs to read.
const privateNote = "(private)"

// audit records a change in the transaction that makes it. before and
// after are stored as JSON; nil means the object did not exist on that
// side of the change.
func (s *Store) audit(ctx context.Context, tx *gorm.DB, action, kind string,
	id int64, before, after any,
) error {
	row, err := auditEntry(ctx, s.Now(), action, kind, id, before, after)
	if err != nil {
		return err
	}
	return mapError(tx.Create(row).Error)
}

// auditEntry builds one entry of the log, the actor taken from ctx.
func auditEntry(ctx context.Context, at time.Time, action, kind string,
	id int64, before, after any,
) (*throughline.AuditEntry, error) {
	row := &throughline.AuditEntry{At: at, Action: action, ObjectKind: kind}
	if id != 0 {
		row.ObjectID = &id
	}
	if a, ok := throughline.ActorFrom(ctx); ok {
		row.ActorID, row.TokenID = nonZero(a.PersonID), nonZero(a.TokenID)
	}
	var err error
	if row.Before, err = auditJSON(before); err != nil {
		return nil, err
	}
	if row.After, err = auditJSON(after); err != nil {
		return nil, err
	}
	return row, nil
}

func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// auditJSON renders an object for the log, its keys as the API spells
// them and a private check-in note redacted; nil stays nil.
func auditJSON(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, nil
	}
	b, err := json.Marshal(redacted(v))
	if err != nil {
		return nil, fmt.Errorf("storage: audit: %w", err)
	}
	s := string(camelKeys(b))
	return &s, nil
}

// redacted returns a check-in with a private note as the log keeps it:
// the note replaced by "(private)". Anything else is returned as it is.
func redacted(v any) any {
	switch c := v.(type) {
	case throughline.CheckIn:
		return redacted(&c)
	case *throughline.CheckIn:
		if c.NotePrivate {
			cp := *c
			cp.Note = privateNote
			return &cp
		}
	}
	return v
}

// camelKeys rewrites the object keys of JSON that encoding/json made from
// Go structs to the API's spelling: ParentID becomes parentId. It scans
// the bytes once; a string followed by a colon is a key, and values are
// copied as they are.
func camelKeys(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] != '"' {
			out = append(out, b[i])
			i++
			continue
		}
		end := stringEnd(b, i)
		if end < len(b) && b[end] == ':' {
			out = append(out, '"')
			out = append(out, camelName(string(b[i+1:end-1]))...)
			out = append(out, '"')
		} else {
			out = append(out, b[i:end]...)
		}
		i = end
	}
	return out
}

// stringEnd returns the index just past the JSON string that starts at
// b[start], skipping escaped characters.
func stringEnd(b []byte, start int) int {
	i := start + 1
	for i < len(b) && b[i] != '"' {
		if b[i] == '\\' {
			i++
		}
		i++
	}
	return i + 1
}

// camelName spells a Go field name as the API does: ID is id, a trailing
// ID is Id, and the first letter is lower case.
func camelName(name string) string {
	if name == "ID" {
		return "id"
	}
	if base, ok := strings.CutSuffix(name, "ID"); ok {
		name = base + "Id"
	}
	return strings.ToLower(name[:1]) + name[1:]
}

// objectiveState is an objective as the log records it: what it aligns to
// belongs to it, so that a change of parents is a change of the objective.
type objectiveState struct {
	*throughline.Objective
	AlignedTo []throughline.AlignmentTarget
}

// objectiveNow reads an objective's alignment in tx and returns a copy of
// the objective with it, which later changes to o do not alter.
func objectiveNow(tx *gorm.DB, o *throughline.Objective) (*objectiveState, error) {
	var links []*throughline.Alignment
	if err := tx.Where("objective_id = ?", o.ID).Order("id").Find(&links).Error; err != nil {
		return nil, mapError(err)
	}
	cp := *o
	return &objectiveState{Objective: &cp, AlignedTo: alignedTo(links)}, nil
}

// alignedTo lists the parents of alignment rows; none is an empty list.
func alignedTo(links []*throughline.Alignment) []throughline.AlignmentTarget {
	out := make([]throughline.AlignmentTarget, len(links))
	for i, a := range links {
		out[i] = throughline.AlignmentTarget{
			KeyResultID: a.ParentKeyResultID, ObjectiveID: a.ParentObjectiveID,
		}
	}
	return out
}

// auditObjective records a change of an objective, reading its alignment
// as the change left it. before is nil for a new objective.
func (s *Store) auditObjective(ctx context.Context, tx *gorm.DB, action string,
	before *objectiveState, o *throughline.Objective,
) error {
	after, err := objectiveNow(tx, o)
	if err != nil {
		return err
	}
	return s.audit(ctx, tx, action, throughline.KindObjective, o.ID, before, after)
}

// capabilityState is a capability as the log records it, with its scale.
type capabilityState struct {
	*throughline.Capability
	Levels []*throughline.CapabilityLevel
}

// assessmentState is an assessment as the log records it, with the
// evidence behind it.
type assessmentState struct {
	*throughline.Assessment
	Evidence []*throughline.Evidence
}

// auditBatch gathers the entries of a bulk write and inserts them many
// rows per statement, as the importer inserts its own rows. Like a
// bufio.Writer it keeps the first error and reports it from flush, so
// that the loops that feed it stay plain.
type auditBatch struct {
	ctx    context.Context
	tx     *gorm.DB
	dia    dialect
	at     time.Time
	action string
	rows   []*throughline.AuditEntry
	err    error
	// full inserts a full batch. It is prepared once and closes with the
	// transaction: a large import writes hundreds of full batches.
	full *sql.Stmt
}

func (s *Store) newAuditBatch(ctx context.Context, tx *gorm.DB, at time.Time,
	action string,
) *auditBatch {
	return &auditBatch{ctx: ctx, tx: tx, dia: s.dia, at: at, action: action}
}

// add records one changed object; it writes the rows gathered so far once
// there are enough for a statement.
func (b *auditBatch) add(kind string, id int64, before, after any) {
	if b.err != nil {
		return
	}
	row, err := auditEntry(b.ctx, b.at, b.action, kind, id, before, after)
	if err != nil {
		b.err = err
		return
	}
	if b.rows = append(b.rows, row); len(b.rows) >= chunk {
		b.err = b.flush()
	}
}

// flush writes the rows gathered and returns the first error met.
func (b *auditBatch) flush() error {
	if b.err != nil || len(b.rows) == 0 {
		return b.err
	}
	b.err = b.insert()
	b.rows = b.rows[:0]
	return b.err
}

// insert writes the rows gathered in one statement. Unlike gorm's batch
// create it reads no IDs back, which nothing needs, and it parses the
// statement for a full batch once: parsing thousands of placeholders per
// statement was most of the cost of a large import's log. The prepared
// statement bypasses gorm, so it has the engine's own placeholders.
func (b *auditBatch) insert() error {
	if len(b.rows) < chunk {
		query, args := auditInsert(b.rows, gormBindVar)
		return mapError(b.tx.Exec(query, args...).Error)
	}
	query, args := auditInsert(b.rows, b.dia.bindVar)
	if b.full == nil {
		stmt, err := b.tx.Statement.ConnPool.PrepareContext(b.ctx, query)
		if err != nil {
			return mapError(err)
		}
		b.full = stmt
	}
	_, err := b.full.ExecContext(b.ctx, args...)
	return mapError(err)
}

// gormBindVar writes gorm's placeholder, which gorm rewrites for the
// engine.
func gormBindVar(int) string { return "?" }

// auditInsert is the statement that inserts rows into the log, and its
// arguments; bindVar writes the placeholders.
func auditInsert(rows []*throughline.AuditEntry, bindVar func(int) string) (string, []any) {
	var values strings.Builder
	args := make([]any, 0, 8*len(rows))
	for i, r := range rows {
		if i > 0 {
			values.WriteString(", ")
		}
		values.WriteByte('(')
		for j := range 8 {
			if j > 0 {
				values.WriteString(", ")
			}
			values.WriteString(bindVar(len(args) + j + 1))
		}
		values.WriteByte(')')
		args = append(args, r.At, r.ActorID, r.TokenID, r.Action, r.ObjectKind, r.ObjectID,
			r.Before, r.After)
	}
	return "INSERT INTO audit_log (at, actor_id, token_id, action, object_kind, object_id, " +
		"before, after) VALUES " + values.String(), args
}

// Store implements throughline.AuditService.
var _ throughline.AuditService = (*Store)(nil)

// FindAuditEntries lists changes, oldest first.
func (s *Store) FindAuditEntries(ctx context.Context, f throughline.AuditFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.AuditEntry], error) {
	q := s.read(ctx)
	if f.ObjectKind != "" {
		q = q.Where("object_kind = ?", f.ObjectKind)
	}
	if f.ObjectID != nil {
		q = q.Where("object_id = ?", *f.ObjectID)
	}
	if f.ActorID != nil {
		q = q.Where("actor_id = ?", *f.ActorID)
	}
	return findPage(q, page, func(e *throughline.AuditEntry) int64 { return e.ID })
}

// FindAuditEntryByID returns one entry of the audit log, or ENOTFOUND.
func (s *Store) FindAuditEntryByID(ctx context.Context, id int64) (*throughline.AuditEntry, error) {
	return firstByID[throughline.AuditEntry](s.read(ctx), id, "audit entry")
}

// AuditQuery selects the part of the audit log an export reads.
type AuditQuery struct {
	// ObjectKind keeps the changes to one kind of object, a GraphQL type
	// name such as DevelopmentPlan; empty keeps every kind.
	ObjectKind string
	// Since keeps the changes made at or after it; zero keeps all.
	Since time.Time
	// Until keeps the changes made before it; zero keeps all.
	Until time.Time
}

// auditExportPage is how many entries an export reads per query.
const auditExportPage = 1000

// EachAuditEntry calls fn with every entry q selects, oldest first. It
// reads a page at a time and counts nothing, so that a log of any size
// streams through little memory; it stops at the first error fn returns.
func (s *Store) EachAuditEntry(ctx context.Context, q AuditQuery,
	fn func(*throughline.AuditEntry) error,
) error {
	var after int64
	for {
		page, err := s.auditPage(ctx, q, after)
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(page) < auditExportPage {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// auditPage reads the entries q selects that come after the entry with ID
// after. Times are compared in UTC, as they are stored.
func (s *Store) auditPage(ctx context.Context, q AuditQuery,
	after int64,
) ([]*throughline.AuditEntry, error) {
	db := s.read(ctx).Where("id > ?", after)
	if q.ObjectKind != "" {
		db = db.Where("object_kind = ?", q.ObjectKind)
	}
	if !q.Since.IsZero() {
		db = db.Where("at >= ?", q.Since.UTC())
	}
	if !q.Until.IsZero() {
		db = db.Where("at < ?", q.Until.UTC())
	}
	var page []*throughline.AuditEntry
	err := db.Order("id").Limit(auditExportPage).Find(&page).Error
	return page, mapError(err)
}
