package importer_test

import (
	"context"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

// The store checks a plan again inside its transaction: data that changed
// after the file was checked can make a plan wrong, and then none of it
// is written, not even the rows written before the check failed.
func TestApplyIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		apply func(importer.Store) error
	}{
		{"people: a reporting loop through stored people", func(s importer.Store) error {
			_, err := s.ApplyPeopleImport(ctx, &importer.PeoplePlan{
				Teams: []importer.PlanTeam{{Name: "Board"}},
				People: []importer.PlanPerson{
					{Email: "chair@example.org", Name: "Chair", Team: "Board"},
					{Email: "ceo@example.org", Name: "Avery Lindqvist", Title: "CEO",
						Team: "Executive", ManagerEmail: "cmo@example.org"},
				},
			})
			return err
		}},
		{"people: a manager nobody stores", func(s importer.Store) error {
			_, err := s.ApplyPeopleImport(ctx, &importer.PeoplePlan{
				People: []importer.PlanPerson{
					{Email: "new@example.org", Name: "New"},
					{Email: "cfo@example.org", Name: "Eun-ji Park", Title: "CFO",
						ManagerEmail: "gone@example.org"},
				},
			})
			return err
		}},
		{"okrs: an alignment loop through stored objectives", func(s importer.Store) error {
			_, err := s.ApplyOKRImport(ctx, &importer.OKRPlan{
				Cycles: []importer.PlanCycle{{Name: "2018-Q2"}},
				Teams:  []string{"Brand new team"},
				Objectives: []importer.PlanObjective{{Cycle: "2018-Q2", Ref: "M1",
					Level: throughline.LevelTeam, Title: "Pipeline", Team: "Brand new team",
					AlignTo: []importer.PlanRef{{Cycle: "2018-Q2", Ref: "D1.1", KeyResult: true}}}},
			})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t)
			mustImportPublic(t, s)
			before := dump(t, s)

			err := tc.apply(s)

			if code := throughline.ErrorCode(err); code != throughline.ECONFLICT {
				t.Errorf("error %v (%s), want a conflict", err, code)
			}
			if after := dump(t, s); after != before {
				t.Errorf("a refused plan changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}
