package throughline_test

import (
	"context"
	"testing"

	throughline "throughline.dev/graph"
)

// TestManagerDoesNotManageThemselves puts a manager below themselves, as
// bad data might: they still read their own plan as its person, and may
// not edit it as its manager.
func TestManagerDoesNotManageThemselves(t *testing.T) {
	ctx := context.Background()
	loop := func(context.Context, int64) (map[int64]bool, error) {
		return map[int64]bool{1: true, 2: true}, nil
	}
	a := throughline.NewActor(1, 9, []throughline.Role{throughline.RoleManager}, loop)
	for _, c := range []struct {
		what  string
		check func(context.Context, int64) (bool, error)
		self  bool
	}{
		{"manage", a.Manages, false},
		{"edit the plan of", a.CanEditPlanOf, false},
		{"read the plan of", a.CanReadPlanOf, true},
		{"update the actions of", a.CanUpdateActionsOf, true},
	} {
		if got, err := c.check(ctx, 1); err != nil || got != c.self {
			t.Errorf("a manager may %s themselves: %v (%v), want %v", c.what, got, err, c.self)
		}
		if got, err := c.check(ctx, 2); err != nil || !got {
			t.Errorf("a manager may %s their report: %v (%v), want true", c.what, got, err)
		}
	}
}
