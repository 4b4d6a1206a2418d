package storage

import (
	"context"
	"testing"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage/storagetest"
)

// Every domain type gorm stores must map to a table the migrations create.
func TestDomainTypesMapToTables(t *testing.T) {
	s, err := Open(context.Background(), storagetest.Location(t, "t.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, v := range []any{
		&throughline.Cycle{}, &throughline.Team{}, &throughline.Person{},
		&throughline.Objective{}, &throughline.Alignment{}, &throughline.KeyResult{},
		&throughline.ProgressUpdate{}, &throughline.Capability{},
		&throughline.CapabilityLevel{}, &throughline.CapabilityRequirement{},
		&throughline.Assessment{}, &throughline.Evidence{},
		&throughline.DevelopmentPlan{}, &throughline.DevelopmentGoal{},
		&throughline.DevelopmentAction{}, &throughline.CheckIn{},
		&throughline.AuditEntry{},
	} {
		stmt := &gorm.Statement{DB: s.db}
		if err := stmt.Parse(v); err != nil {
			t.Fatal(err)
		}
		if !s.db.Migrator().HasTable(stmt.Schema.Table) {
			t.Errorf("%T maps to %q, which the migrations do not create", v, stmt.Schema.Table)
			continue
		}
		for _, f := range stmt.Schema.DBNames {
			if !s.db.Migrator().HasColumn(v, f) {
				t.Errorf("%T: column %s.%s is missing", v, stmt.Schema.Table, f)
			}
		}
	}
}
