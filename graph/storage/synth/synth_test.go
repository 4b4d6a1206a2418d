package synth_test

import (
	"context"
	"testing"
	"time"

	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/graph/storage/synth"
)

// The generator fills a migrated database without breaking a constraint,
// with the counts its spec promises.
func TestGenerateCounts(t *testing.T) {
	ctx := context.Background()
	s, err := storage.Open(ctx, storagetest.Location(t, "s.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, _ := s.SQL()
	spec := synth.DefaultSpec(1000, time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC))
	if err := synth.Generate(ctx, db, spec); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{
		"people": 1000, "teams": 20, "objectives": 60, "key_results": 180,
		"development_plans": 1000, "development_goals": 3000,
		"development_actions": 5000, "check_ins": 10000,
	} {
		var got int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: %d rows, want %d", table, got, want)
		}
	}
	if s.Engine() != "sqlite" {
		return // PostgreSQL checks foreign keys as rows are written
	}
	var bad int
	if err := db.QueryRow("SELECT COUNT(*) FROM pragma_foreign_key_check").Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d foreign key violations", bad)
	}
}
