package throughline

import (
	"context"
	"sync"
)

// Role is what a token lets its person do.
type Role string

// The roles. A token may carry several: an admin who is also HR holds
// ADMIN and HR.
const (
	// RoleAdmin manages tokens and data but reads no plan content.
	RoleAdmin Role = "ADMIN"
	// RoleHR reads everything and maintains the capability framework.
	RoleHR Role = "HR"
	// RoleManager reads and edits the plans of direct and indirect
	// reports.
	RoleManager Role = "MANAGER"
	// RoleEmployee reads their own plan and updates their own actions.
	RoleEmployee Role = "EMPLOYEE"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleHR || r == RoleManager || r == RoleEmployee
}

// Actor is who a request acts for: a person and the roles of the token
// they presented.
type Actor struct {
	PersonID int64
	TokenID  int64
	Roles    []Role

	// reports lists the people below the actor in the reporting line,
	// loaded once per request on first use.
	reportsOnce sync.Once
	reports     map[int64]bool
	reportsErr  error
	loadReports func(ctx context.Context, managerID int64) (map[int64]bool, error)
}

// NewActor makes an actor; loadReports finds everyone below a person in
// the reporting line.
func NewActor(personID, tokenID int64, roles []Role,
	loadReports func(ctx context.Context, managerID int64) (map[int64]bool, error),
) *Actor {
	return &Actor{PersonID: personID, TokenID: tokenID, Roles: roles, loadReports: loadReports}
}

// Afresh returns the actor with the reporting line not yet read, for a
// step that must see the line as it is now: a mutation may have moved
// people since the actor last read it in the same request.
func (a *Actor) Afresh() *Actor {
	return NewActor(a.PersonID, a.TokenID, a.Roles, a.loadReports)
}

// Has reports whether the actor holds a role.
func (a *Actor) Has(r Role) bool {
	for _, have := range a.Roles {
		if have == r {
			return true
		}
	}
	return false
}

// Manages reports whether personID is a direct or indirect report of the
// actor and the actor acts as a manager. Nobody manages themselves, even
// when bad data puts them below themselves in the reporting line: a
// manager reads their own plan as its person, and does not edit it.
func (a *Actor) Manages(ctx context.Context, personID int64) (bool, error) {
	if !a.Has(RoleManager) || a.loadReports == nil || personID == a.PersonID {
		return false, nil
	}
	a.reportsOnce.Do(func() {
		a.reports, a.reportsErr = a.loadReports(ctx, a.PersonID)
	})
	return a.reports[personID], a.reportsErr
}

// CanReadPlanOf reports whether the actor may read the development plan,
// assessments and check-ins of a person: HR, the person, or a manager
// above them.
func (a *Actor) CanReadPlanOf(ctx context.Context, personID int64) (bool, error) {
	if a.Has(RoleHR) || a.PersonID == personID {
		return true, nil
	}
	return a.Manages(ctx, personID)
}

// CanEditPlanOf reports whether the actor may change a person's plan:
// only a manager above them. HR reads but does not edit plans; the
// employee edits only their own actions (CanUpdateActionsOf).
func (a *Actor) CanEditPlanOf(ctx context.Context, personID int64) (bool, error) {
	return a.Manages(ctx, personID)
}

// CanUpdateActionsOf reports whether the actor may mark a person's actions
// done and record their outcome: the person or a manager above them.
func (a *Actor) CanUpdateActionsOf(ctx context.Context, personID int64) (bool, error) {
	if a.PersonID == personID {
		return true, nil
	}
	return a.Manages(ctx, personID)
}

// CanManageData reports whether the actor may change the organisation,
// OKRs and capability framework: admins and HR.
func (a *Actor) CanManageData() bool { return a.Has(RoleAdmin) || a.Has(RoleHR) }

type actorKey struct{}

// WithActor returns a context that acts for a.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of a context, if any.
func ActorFrom(ctx context.Context) (*Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(*Actor)
	return a, ok
}
