package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"throughline.dev/graph/storage/storagetest"
)

// An upgrade must never lose a row. For every schema version a release
// could have left behind (each built-in migration but the newest), the
// test builds a database at that version, fills every table it has with
// rows through plain SQL, migrates it to the newest version and checks
// that every row is still there with the same values, and that SQLite
// finds no broken foreign key and no damaged page. It runs on the engine
// the test run asks for (storagetest): each engine has its migrations.
//
// A new migration is covered as soon as it is embedded: the versions come
// from the migration files. A migration that adds a table fails the test
// until fixtureRows gains rows for it; one that adds a column to a table
// needs nothing, since the fixture inserts only the columns a table has
// at the version being filled.
func TestMigrationsKeepEveryRow(t *testing.T) {
	versions := mustMigrationVersions(t)
	if len(versions) < 2 {
		t.Fatalf("migrations %v: nothing to upgrade from", versions)
	}
	newest := versions[len(versions)-1]
	for _, from := range versions[:len(versions)-1] {
		t.Run(fmt.Sprintf("from version %d", from), func(t *testing.T) {
			checkUpgrade(t, from, newest)
		})
	}
}

func checkUpgrade(t *testing.T, from, newest int64) {
	ctx := context.Background()
	s := mustOpenAt(t, from)
	db := mustSQL(t, s)
	fillTables(t, db, from)
	tables := mustTables(t, db)
	before := mustTableContents(t, db, tables)

	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate from %d: %v", from, err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != newest {
		t.Fatalf("after the upgrade: version %d (%v), want %d", v, err, newest)
	}
	after := mustTableContents(t, db, tables)
	for table, b := range before {
		a := after[table]
		if a.rows != b.rows || a.sum != b.sum {
			t.Errorf("%s: %d rows (checksum %.12s) before the upgrade, %d rows (%.12s) after",
				table, b.rows, b.sum, a.rows, a.sum)
		}
	}
	mustPassChecks(t, db)
}

// mustMigrationVersions lists the built-in migrations' versions.
func mustMigrationVersions(t *testing.T) []int64 {
	t.Helper()
	s := mustOpenAt(t, 0)
	versions, err := s.migrationVersions()
	if err != nil {
		t.Fatal(err)
	}
	return versions
}

// mustOpenAt opens a new database with the settings Open uses (foreign
// keys on, which is when a careless migration deletes rows), and migrates
// it to version only (none at 0).
func mustOpenAt(t *testing.T, version int64) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := connect(ctx, storagetest.Location(t, "throughline.db"), Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if version > 0 {
		if err := s.MigrateTo(context.Background(), version); err != nil {
			t.Fatalf("migrate to %d: %v", version, err)
		}
	}
	return s
}

// testDB is a store's database handle with its dialect, for the plain
// SQL of these tests.
type testDB struct {
	*sql.DB
	dia dialect
}

func mustSQL(t *testing.T, s *Store) testDB {
	t.Helper()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	return testDB{DB: db, dia: s.dia}
}

// fillTables inserts fixtureRows into the tables the database has, with
// the columns each table has, and fails if a table is left empty.
func fillTables(t *testing.T, db testDB, version int64) {
	t.Helper()
	tables := mustTables(t, db)
	for _, r := range fixtureRows {
		cols, ok := tables[r.table]
		if !ok {
			continue // the table comes in a later version
		}
		mustInsert(t, db, r, cols, version)
	}
	for table := range tables {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("table %s exists at version %d but the fixture gives it no rows: "+
				"add rows for it to fixtureRows", table, version)
		}
	}
}

func mustInsert(t *testing.T, db testDB, r fixtureRow, cols []string, version int64) {
	t.Helper()
	var names, marks []string
	var args []any
	for _, c := range cols {
		if v, ok := r.values[c]; ok {
			names = append(names, c)
			args = append(args, v)
			marks = append(marks, db.dia.bindVar(len(args)))
		}
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", r.table,
		strings.Join(names, ", "), strings.Join(marks, ", "))
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("version %d: insert into %s: %v\n(if a migration added a column "+
			"without a default, give fixtureRows a value for it)", version, r.table, err)
	}
}

// catalogSQL lists the tables of the schema, goose's and the engine's own
// left out, and the columns of one table in their order.
var catalogSQL = map[string][2]string{
	"sqlite": {`SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version'`,
		`SELECT name FROM pragma_table_info(?) ORDER BY cid`},
	"postgres": {`SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
		AND table_name <> 'goose_db_version'`,
		`SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`},
}

// mustTables maps the name of each table the schema holds to its columns.
func mustTables(t *testing.T, db testDB) map[string][]string {
	t.Helper()
	rows, err := db.Query(catalogSQL[db.dia.name()][0])
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	tables := make(map[string][]string, len(names))
	for _, name := range names {
		tables[name] = mustColumns(t, db, name)
	}
	return tables
}

func mustColumns(t *testing.T, db testDB, table string) []string {
	t.Helper()
	rows, err := db.Query(catalogSQL[db.dia.name()][1], table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	return cols
}

// tableContent is a table's row count and a checksum of its rows.
type tableContent struct {
	rows int
	sum  string
}

// mustTableContents reads the tables given, each with the columns
// given: those it had before the upgrade, so that a column a migration
// adds does not change the checksum of the rows that existed.
func mustTableContents(t *testing.T, db testDB,
	tables map[string][]string,
) map[string]tableContent {
	t.Helper()
	out := make(map[string]tableContent, len(tables))
	for table, cols := range tables {
		out[table] = mustChecksum(t, db, table, cols)
	}
	return out
}

// mustChecksum hashes a table's rows in the order of their values, so that
// a migration that rebuilds a table and renumbers its rowids still sums
// the same.
func mustChecksum(t *testing.T, db testDB, table string, cols []string) tableContent {
	t.Helper()
	order := make([]string, len(cols))
	for i := range cols {
		order[i] = fmt.Sprint(i + 1)
	}
	rows, err := db.Query(fmt.Sprintf("SELECT %s FROM %s ORDER BY %s",
		strings.Join(cols, ", "), table, strings.Join(order, ", ")))
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	h := sha256.New()
	var c tableContent
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			fmt.Fprintf(h, "%T:%v|", v, v)
		}
		h.Write([]byte{'\n'})
		c.rows++
	}
	c.sum = hex.EncodeToString(h.Sum(nil))
	return c
}

// mustPassChecks runs SQLite's foreign key and integrity checks.
// PostgreSQL needs none: it checks every constraint as rows are written.
func mustPassChecks(t *testing.T, db testDB) {
	t.Helper()
	if db.dia.name() != "sqlite" {
		return
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	broken := 0
	for rows.Next() {
		broken++
	}
	rows.Close()
	if broken > 0 {
		t.Errorf("foreign_key_check: %d rows point at nothing", broken)
	}
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Errorf("integrity_check: %q, %v", result, err)
	}
}

// fixtureRow is one row to insert: the values of the columns it sets.
// Rows go in the order listed, so a row may refer to any row above it.
type fixtureRow struct {
	table  string
	values map[string]any
}

var (
	day1 = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	at1  = time.Date(2026, 6, 20, 9, 15, 30, 123456789, time.UTC)
	at2  = time.Date(2026, 8, 3, 16, 45, 0, 0, time.UTC)
)

// fixtureRows fill every table of every released version, with NULL and
// set values in the optional columns, and text that needs care (quotes,
// accents, a newline).
var fixtureRows = []fixtureRow{
	{"cycles", map[string]any{"id": 1, "name": "2026-Q3", "starts_on": day1,
		"ends_on": day2, "created_at": at1}},
	{"cycles", map[string]any{"id": 2, "name": "FY27 first half", "starts_on": day2,
		"ends_on": day2.AddDate(0, 6, 0), "created_at": at2}},
	{"teams", map[string]any{"id": 1, "name": "Northwind", "created_at": at1, "updated_at": at1}},
	{"people", map[string]any{"id": 1, "email": "zoe@example.com", "name": "Zoë Ångström",
		"title": "CEO", "team_id": 1, "created_at": at1, "updated_at": at2}},
	{"people", map[string]any{"id": 2, "email": "o'brien@example.com", "name": "Pat O'Brien",
		"title": "Engineer", "team_id": 1, "manager_id": 1, "created_at": at1, "updated_at": at1}},
	{"people", map[string]any{"id": 3, "email": "new@example.com", "name": "New Starter",
		"created_at": at2, "updated_at": at2}},
	{"people", map[string]any{"id": 4, "email": "gone@example.com", "name": "Left Early",
		"manager_id": 1, "left_on": day2, "created_at": at1, "updated_at": at2}},
	{"teams", map[string]any{"id": 2, "name": "Platform", "parent_id": 1, "lead_id": 1,
		"created_at": at2, "updated_at": at2}},
	{"objectives", map[string]any{"id": 1, "cycle_id": 1, "ref": "C1", "level": "COMPANY",
		"title": "Grow revenue", "description": "line one\nline two", "owner_id": 1,
		"team_id": 1, "created_at": at1, "updated_at": at1}},
	{"objectives", map[string]any{"id": 2, "cycle_id": 1, "level": "TEAM",
		"title": "Ship faster", "team_id": 2, "created_at": at1, "updated_at": at2}},
	{"key_results", map[string]any{"id": 1, "objective_id": 1, "ref": "C1.1",
		"title": "Revenue reaches 10M", "owner_id": 1, "start_value": 0.0,
		"target_value": 10e6, "current_value": 2.5e6, "unit": "EUR", "confidence": 70,
		"critical": true, "created_at": at1, "updated_at": at2}},
	{"key_results", map[string]any{"id": 2, "objective_id": 2, "title": "Deploy on Fridays",
		"done": true, "created_at": at1, "updated_at": at1}},
	{"alignments", map[string]any{"id": 1, "objective_id": 2, "parent_key_result_id": 1}},
	{"alignments", map[string]any{"id": 2, "objective_id": 2, "parent_objective_id": 1}},
	{"progress_updates", map[string]any{"id": 1, "key_result_id": 1, "value": 2.5e6,
		"confidence": 70, "note": "a good month", "recorded_by_id": 1, "recorded_at": at2}},
	{"progress_updates", map[string]any{"id": 2, "key_result_id": 2, "done": true,
		"recorded_at": at2}},
	{"capabilities", map[string]any{"id": 1, "name": "Discovery",
		"description": "asking the right questions", "created_at": at1, "updated_at": at1}},
	{"capabilities", map[string]any{"id": 2, "name": "Writing", "created_at": at1,
		"updated_at": at2}},
	{"capability_levels", map[string]any{"capability_id": 1, "level": 1, "name": "Aware",
		"descriptor": "knows the questions"}},
	{"capability_levels", map[string]any{"capability_id": 1, "level": 2, "name": "Fluent"}},
	{"capability_levels", map[string]any{"capability_id": 2, "level": 1, "name": "Clear"}},
	{"capability_levels", map[string]any{"capability_id": 2, "level": 2, "name": "Crisp"}},
	{"capability_requirements", map[string]any{"id": 1, "key_result_id": 1,
		"capability_id": 1, "level": 2, "reason": "deals are won in discovery",
		"created_at": at1}},
	{"assessments", map[string]any{"id": 1, "person_id": 2, "capability_id": 1, "level": 1,
		"assessed_by_id": 1, "assessed_on": day1, "note": "early days", "created_at": at1}},
	{"assessments", map[string]any{"id": 2, "person_id": 2, "capability_id": 2, "level": 2,
		"assessed_on": day2, "created_at": at2}},
	{"evidence", map[string]any{"id": 1, "assessment_id": 1, "kind": "MISSED_DEADLINE",
		"description": "the pricing page slipped", "observed_on": day1}},
	{"evidence", map[string]any{"id": 2, "assessment_id": 1, "kind": "OTHER",
		"description": "a \"weak\" call"}},
	{"development_plans", map[string]any{"id": 1, "person_id": 2, "cycle_id": 1,
		"status": "BLOCKED", "status_reason": "no budget", "version": 3,
		"created_at": at1, "updated_at": at2}},
	{"development_plans", map[string]any{"id": 2, "person_id": 3, "cycle_id": 2,
		"status": "ON_TRACK", "created_at": at2, "updated_at": at2}},
	{"development_goals", map[string]any{"id": 1, "plan_id": 1, "lane": "EXECUTION",
		"title": "Run discovery alone", "change_in_work": "leaves calls with a budget",
		"key_result_id": 1, "capability_id": 1, "target_level": 2, "state": "ACTIVE",
		"created_at": at1, "updated_at": at1}},
	{"development_goals", map[string]any{"id": 2, "plan_id": 1, "lane": "CAREER",
		"title": "Lead a team", "horizon": "2027-Q4", "state": "DROPPED",
		"created_at": at1, "updated_at": at2}},
	{"development_actions", map[string]any{"id": 1, "goal_id": 1, "kind": "EXPERIENCE",
		"title": "Run the Acme calls", "supporter_id": 1, "supporter_role": "MANAGER",
		"due_on": day2, "done_on": day1, "outcome": "two deals", "created_at": at1,
		"updated_at": at2}},
	{"development_actions", map[string]any{"id": 2, "goal_id": 2, "kind": "EDUCATION",
		"title": "Leadership course", "created_at": at1, "updated_at": at1}},
	{"check_ins", map[string]any{"id": 1, "plan_id": 1, "kind": "MONTHLY", "held_on": day1,
		"author_id": 1, "capability_building": "discovery", "real_work": "Acme",
		"still_hard": "pricing", "support_needed": "budget", "output_improved": "notes",
		"observed_change": "SOME_IMPROVEMENT", "status_after": "BLOCKED",
		"status_reason": "no budget", "note": "private", "note_private": true,
		"created_at": at2}},
	{"check_ins", map[string]any{"id": 2, "plan_id": 2, "kind": "QUARTERLY", "held_on": day2,
		"status_after": "ON_TRACK", "created_at": at2}},
	{"tokens", map[string]any{"id": 1, "roles": "ADMIN", "label": "bootstrap",
		"secret_hash": "hash-one", "created_at": at1}},
	{"tokens", map[string]any{"id": 2, "person_id": 2, "roles": "MANAGER,HR",
		"secret_hash": "hash-two", "created_at": at1, "created_by_id": 1,
		"last_used_at": at2, "revoked_at": at2}},
	{"audit_log", map[string]any{"id": 1, "at": at2, "actor_id": 1, "token_id": 2,
		"action": "update", "object_kind": "plan", "object_id": 1,
		"before": `{"status":"ON_TRACK"}`, "after": `{"status":"BLOCKED"}`}},
	{"audit_log", map[string]any{"id": 2, "at": at2, "action": "create",
		"object_kind": "cycle"}},
	{"handovers", map[string]any{"id": 1, "from_manager_id": 1, "to_manager_id": 2,
		"effective_on": day1, "note": "Zoë moves on", "created_by_id": 1, "created_at": at1}},
	{"handovers", map[string]any{"id": 2, "to_manager_id": 1, "effective_on": day2,
		"created_at": at2}},
	{"handover_packs", map[string]any{"id": 1, "handover_id": 1, "person_id": 3,
		"from_manager_id": 1, "risks": "pricing", "stakeholder_priorities": "Acme first",
		"snapshot": `{"plan":1}`, "drafted_by_id": 1, "acknowledged_at": at2,
		"acknowledged_by_id": 2, "created_at": at1, "updated_at": at2}},
	{"handover_packs", map[string]any{"id": 2, "person_id": 2, "created_at": at2,
		"updated_at": at2}},
	{"manager_history", map[string]any{"id": 1, "person_id": 2, "manager_id": 1,
		"from_on": day1, "until_on": day2, "handover_id": 1}},
	{"manager_history", map[string]any{"id": 2, "person_id": 3, "from_on": day2}},
	{"calendar_feeds", map[string]any{"person_id": 1, "secret_hash": "feed-hash",
		"created_at": at1}},
}

// The fixture must fill every table of the newest schema, with values
// its columns accept, so that the upgrade from the newest version is
// covered with data the day a newer migration arrives.
func TestFixtureFillsTheNewestSchema(t *testing.T) {
	versions := mustMigrationVersions(t)
	newest := versions[len(versions)-1]
	s := mustOpenAt(t, newest)
	db := mustSQL(t, s)
	fillTables(t, db, newest)
	mustPassChecks(t, db)
}
