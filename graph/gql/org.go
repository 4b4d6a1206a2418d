package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// orNotFound turns ENOTFOUND into a null result: a query for something
// that does not exist answers null, as GraphQL clients expect.
func orNotFound[T any](v *T, err error) (*T, error) {
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return nil, nil
	}
	return v, err
}

// cycleOrCurrent finds a cycle by name, or the current quarter's when name
// is nil. It returns nil when there is no such cycle.
func (r *Resolver) cycleOrCurrent(ctx context.Context, name *string) (*throughline.Cycle, error) {
	n := throughline.QuarterOf(r.today())
	if name != nil {
		n = *name
	}
	return orNotFound(loaders.Load(ctx, loaders.For(ctx).CycleByName, n, "cycle"))
}

// planFor finds a person's plan in a cycle, or nil.
func planFor(ctx context.Context, personID, cycleID int64) (*throughline.DevelopmentPlan, error) {
	key := throughline.PlanKey{PersonID: personID, CycleID: cycleID}
	return orNotFound(loaders.Load(ctx, loaders.For(ctx).PlanFor, key, "plan"))
}

func (r *Resolver) findPeople(ctx context.Context, f throughline.PersonFilter,
	first *int32, after *string,
) (*model.PersonConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Org.FindPeople(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return &model.PersonConnection{
		Edges: edges(p, func(c string, n *throughline.Person) *model.PersonEdge {
			return &model.PersonEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

func (r *Resolver) findTeams(ctx context.Context, f throughline.TeamFilter,
	first *int32, after *string,
) (*model.TeamConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Org.FindTeams(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return &model.TeamConnection{
		Edges: edges(p, func(c string, n *throughline.Team) *model.TeamEdge {
			return &model.TeamEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

func teamFromInput(in model.CreateTeamInput) (*throughline.Team, error) {
	parent, err := decodeOptionalID("parentId", throughline.KindTeam, in.ParentID)
	if err != nil {
		return nil, err
	}
	lead, err := decodeOptionalID("leadId", throughline.KindPerson, in.LeadID)
	if err != nil {
		return nil, err
	}
	return &throughline.Team{Name: in.Name, ParentID: parent, LeadID: lead}, nil
}

func (r *Resolver) updateTeam(ctx context.Context, in model.UpdateTeamInput) (*throughline.Team, error) {
	id, err := decodeID("id", throughline.KindTeam, in.ID)
	if err != nil {
		return nil, err
	}
	u := throughline.TeamUpdate{Name: in.Name, ClearParent: in.ClearParent != nil && *in.ClearParent}
	if u.ClearParent && in.ParentID != nil {
		return nil, throughline.FieldErrorf(throughline.EINVALID, "clearParent",
			"give a new parentId or clearParent, not both")
	}
	if u.ParentID, err = decodeOptionalID("parentId", throughline.KindTeam, in.ParentID); err != nil {
		return nil, err
	}
	if u.LeadID, err = decodeOptionalID("leadId", throughline.KindPerson, in.LeadID); err != nil {
		return nil, err
	}
	return onField(r.Org.UpdateTeam(ctx, id, u))
}

func personFromInput(in model.CreatePersonInput) (*throughline.Person, error) {
	p := &throughline.Person{Email: in.Email, Name: in.Name}
	if in.Title != nil {
		p.Title = *in.Title
	}
	var err error
	if p.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, in.TeamID); err != nil {
		return nil, err
	}
	if p.ManagerID, err = decodeOptionalID("managerId", throughline.KindPerson, in.ManagerID); err != nil {
		return nil, err
	}
	return p, nil
}

func (r *Resolver) updatePerson(ctx context.Context,
	in model.UpdatePersonInput,
) (*throughline.Person, error) {
	id, err := decodeID("id", throughline.KindPerson, in.ID)
	if err != nil {
		return nil, err
	}
	u := throughline.PersonUpdate{
		Name: in.Name, Title: in.Title,
		ClearManager: in.ClearManager != nil && *in.ClearManager,
	}
	if u.ClearManager && in.ManagerID != nil {
		return nil, throughline.FieldErrorf(throughline.EINVALID, "clearManager",
			"give a new managerId or clearManager, not both")
	}
	if u.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, in.TeamID); err != nil {
		return nil, err
	}
	if u.ManagerID, err = decodeOptionalID("managerId", throughline.KindPerson, in.ManagerID); err != nil {
		return nil, err
	}
	return onField(r.Org.UpdatePerson(ctx, id, u))
}

// onField puts a not-found error about the object being updated on the
// input's id field, where the user typed it.
func onField[T any](v *T, err error) (*T, error) {
	if throughline.ErrorCode(err) == throughline.ENOTFOUND && throughline.ErrorField(err) == "" {
		return nil, throughline.FieldErrorf(throughline.ENOTFOUND, "id",
			"%s", throughline.ErrorMessage(err))
	}
	return v, err
}
