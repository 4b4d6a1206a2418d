package storage

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"throughline.dev/graph/storage/storagetest"
)

// The two engines' migrations must build the same schema: the same
// versions, tables, columns, indexes and foreign keys with the same rules
// on delete, in each engine's own types. A migration written for one
// engine only fails here.
func TestEnginesBuildTheSameSchema(t *testing.T) {
	pg := storagetest.PostgresURL(t)
	ctx := context.Background()
	schemas := map[string]schemaShape{}
	for _, loc := range []string{filepath.Join(t.TempDir(), "t.db"), pg} {
		s, err := Open(ctx, loc, Options{Now: time.Now})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		schemas[s.dia.name()] = mustShape(t, s)
	}
	lite, post := schemas["sqlite"], schemas["postgres"]
	for _, part := range []struct {
		name string
		a, b []string
	}{
		{"migrations", lite.versions, post.versions},
		{"columns", lite.columns, post.columns},
		{"indexes", lite.indexes, post.indexes},
		{"foreign keys", lite.foreignKeys, post.foreignKeys},
	} {
		if !slices.Equal(part.a, part.b) {
			t.Errorf("%s differ:\nSQLite:     %v\nPostgreSQL: %v", part.name, part.a, part.b)
		}
	}
}

// schemaShape is what the engines must agree on, each item as a sorted
// string.
type schemaShape struct {
	versions, columns, indexes, foreignKeys []string
}

func mustShape(t *testing.T, s *Store) schemaShape {
	t.Helper()
	db := mustSQL(t, s)
	var sh schemaShape
	versions, err := s.migrationVersions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range versions {
		sh.versions = append(sh.versions, fmt.Sprint(v))
	}
	tables := mustTables(t, db)
	for _, table := range slices.Sorted(maps.Keys(tables)) {
		for _, c := range tables[table] {
			sh.columns = append(sh.columns, table+"."+c)
		}
	}
	sh.indexes = mustStrings(t, db, shapeSQL[s.dia.name()][0])
	sh.foreignKeys = mustStrings(t, db, shapeSQL[s.dia.name()][1])
	slices.Sort(sh.columns)
	return sh
}

// shapeSQL lists, per engine, the indexes made by CREATE INDEX, unique or
// not (those behind a key or UNIQUE constraint are named by the engine),
// and the foreign keys as table.column > table on delete rule.
var shapeSQL = map[string][2]string{
	"sqlite": {
		`SELECT m.name || CASE WHEN l."unique" THEN ' unique' ELSE '' END
		FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name
		WHERE m.type = 'index' AND m.sql IS NOT NULL`,
		`SELECT m.name || '.' || f."from" || ' > ' || f."table" || ' ' || f.on_delete
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table'`,
	},
	"postgres": {
		`SELECT i.relname || CASE WHEN x.indisunique THEN ' unique' ELSE '' END FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid
		JOIN pg_namespace n ON n.oid = i.relnamespace
		WHERE n.nspname = current_schema()
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
		`SELECT t.relname || '.' || a.attname || ' > ' || r.relname || ' ' ||
			CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
			WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_class r ON r.oid = c.confrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.contype = 'f' AND n.nspname = current_schema()`,
	},
}

func mustStrings(t *testing.T, db testDB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out) // the engines' collations may order differently
	return out
}
