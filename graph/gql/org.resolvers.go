package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// ID is the resolver for the id field.
func (r *cycleResolver) ID(ctx context.Context, obj *throughline.Cycle) (string, error) {
	return globalID(throughline.KindCycle, obj.ID), nil
}

// Objectives is the resolver for the objectives field.
func (r *cycleResolver) Objectives(ctx context.Context, obj *throughline.Cycle, level *throughline.ObjectiveLevel, first *int32, after *string) (*model.ObjectiveConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f := throughline.ObjectiveFilter{CycleID: &obj.ID}
	if level != nil {
		f.Level = *level
	}
	p, err := r.OKRs.FindObjectives(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return objectiveConnection(p, page), nil
}

// CreateCycle is the resolver for the createCycle field.
func (r *mutationResolver) CreateCycle(ctx context.Context, input model.CreateCycleInput) (*model.CreateCyclePayload, error) {
	c := &throughline.Cycle{Name: input.Name}
	if input.StartsOn != nil {
		c.StartsOn = *input.StartsOn
	}
	if input.EndsOn != nil {
		c.EndsOn = *input.EndsOn
	}
	err := r.Org.CreateCycle(ctx, c)
	return payload(c, err, func(v *throughline.Cycle, ue []*model.UserError) *model.CreateCyclePayload {
		return &model.CreateCyclePayload{Cycle: v, UserErrors: ue}
	})
}

// CreateTeam is the resolver for the createTeam field.
func (r *mutationResolver) CreateTeam(ctx context.Context, input model.CreateTeamInput) (*model.CreateTeamPayload, error) {
	t, err := teamFromInput(input)
	if err == nil {
		err = r.Org.CreateTeam(ctx, t)
	}
	return payload(t, err, func(v *throughline.Team, ue []*model.UserError) *model.CreateTeamPayload {
		return &model.CreateTeamPayload{Team: v, UserErrors: ue}
	})
}

// UpdateTeam is the resolver for the updateTeam field.
func (r *mutationResolver) UpdateTeam(ctx context.Context, input model.UpdateTeamInput) (*model.UpdateTeamPayload, error) {
	t, err := r.updateTeam(ctx, input)
	return payload(t, err, func(v *throughline.Team, ue []*model.UserError) *model.UpdateTeamPayload {
		return &model.UpdateTeamPayload{Team: v, UserErrors: ue}
	})
}

// CreatePerson is the resolver for the createPerson field.
func (r *mutationResolver) CreatePerson(ctx context.Context, input model.CreatePersonInput) (*model.CreatePersonPayload, error) {
	p, err := personFromInput(input)
	if err == nil {
		err = r.Org.CreatePerson(ctx, p)
	}
	return payload(p, err, func(v *throughline.Person, ue []*model.UserError) *model.CreatePersonPayload {
		return &model.CreatePersonPayload{Person: v, UserErrors: ue}
	})
}

// UpdatePerson is the resolver for the updatePerson field.
func (r *mutationResolver) UpdatePerson(ctx context.Context, input model.UpdatePersonInput) (*model.UpdatePersonPayload, error) {
	p, err := r.updatePerson(ctx, input)
	return payload(p, err, func(v *throughline.Person, ue []*model.UserError) *model.UpdatePersonPayload {
		return &model.UpdatePersonPayload{Person: v, UserErrors: ue}
	})
}

// ID is the resolver for the id field.
func (r *personResolver) ID(ctx context.Context, obj *throughline.Person) (string, error) {
	return globalID(throughline.KindPerson, obj.ID), nil
}

// Team is the resolver for the team field.
func (r *personResolver) Team(ctx context.Context, obj *throughline.Person) (*throughline.Team, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Team, obj.TeamID, "team")
}

// Manager is the resolver for the manager field.
func (r *personResolver) Manager(ctx context.Context, obj *throughline.Person) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.ManagerID, "person")
}

// Reports is the resolver for the reports field.
func (r *personResolver) Reports(ctx context.Context, obj *throughline.Person, first *int32, after *string) (*model.PersonConnection, error) {
	return r.findPeople(ctx, throughline.PersonFilter{ManagerID: &obj.ID}, first, after)
}

// Plan is the resolver for the plan field.
func (r *personResolver) Plan(ctx context.Context, obj *throughline.Person, cycle *string) (*throughline.DevelopmentPlan, error) {
	c, err := r.cycleOrCurrent(ctx, cycle)
	if err != nil || c == nil {
		return nil, err
	}
	return planFor(ctx, obj.ID, c.ID)
}

// Assessments is the resolver for the assessments field.
func (r *personResolver) Assessments(ctx context.Context, obj *throughline.Person, first *int32, after *string) (*model.AssessmentConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Capabilities.FindAssessments(ctx, throughline.AssessmentFilter{PersonID: &obj.ID}, page)
	if err != nil {
		return nil, err
	}
	return assessmentConnection(p, page), nil
}

// OwnedKeyResults is the resolver for the ownedKeyResults field.
func (r *personResolver) OwnedKeyResults(ctx context.Context, obj *throughline.Person, cycle *string, first *int32, after *string) (*model.KeyResultConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f := throughline.KeyResultFilter{OwnerID: &obj.ID}
	if cycle != nil {
		c, err := orNotFound(r.Org.FindCycleByName(ctx, *cycle))
		if err != nil || c == nil {
			return emptyKeyResultConnection(), err
		}
		f.CycleID = &c.ID
	}
	p, err := r.OKRs.FindKeyResults(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return keyResultConnection(p, page), nil
}

// Cycles is the resolver for the cycles field.
func (r *queryResolver) Cycles(ctx context.Context, first *int32, after *string) (*model.CycleConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Org.FindCycles(ctx, page)
	if err != nil {
		return nil, err
	}
	return &model.CycleConnection{
		Edges: edges(p, func(c string, n *throughline.Cycle) *model.CycleEdge {
			return &model.CycleEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

// Cycle is the resolver for the cycle field.
func (r *queryResolver) Cycle(ctx context.Context, name string) (*throughline.Cycle, error) {
	return orNotFound(r.Org.FindCycleByName(ctx, name))
}

// Teams is the resolver for the teams field.
func (r *queryResolver) Teams(ctx context.Context, rootsOnly *bool, first *int32, after *string) (*model.TeamConnection, error) {
	f := throughline.TeamFilter{RootOnly: rootsOnly != nil && *rootsOnly}
	return r.findTeams(ctx, f, first, after)
}

// People is the resolver for the people field.
func (r *queryResolver) People(ctx context.Context, search *string, teamID *string, first *int32, after *string) (*model.PersonConnection, error) {
	f := throughline.PersonFilter{}
	if search != nil {
		f.Search = *search
	}
	teamIDs, err := decodeOptionalID("teamId", throughline.KindTeam, teamID)
	if err != nil {
		return nil, err
	}
	f.TeamID = teamIDs
	return r.findPeople(ctx, f, first, after)
}

// Person is the resolver for the person field.
func (r *queryResolver) Person(ctx context.Context, email string) (*throughline.Person, error) {
	return orNotFound(r.Org.FindPersonByEmail(ctx, email))
}

// ID is the resolver for the id field.
func (r *teamResolver) ID(ctx context.Context, obj *throughline.Team) (string, error) {
	return globalID(throughline.KindTeam, obj.ID), nil
}

// Parent is the resolver for the parent field.
func (r *teamResolver) Parent(ctx context.Context, obj *throughline.Team) (*throughline.Team, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Team, obj.ParentID, "team")
}

// Children is the resolver for the children field.
func (r *teamResolver) Children(ctx context.Context, obj *throughline.Team, first *int32, after *string) (*model.TeamConnection, error) {
	return r.findTeams(ctx, throughline.TeamFilter{ParentID: &obj.ID}, first, after)
}

// Lead is the resolver for the lead field.
func (r *teamResolver) Lead(ctx context.Context, obj *throughline.Team) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.LeadID, "person")
}

// Members is the resolver for the members field.
func (r *teamResolver) Members(ctx context.Context, obj *throughline.Team, first *int32, after *string) (*model.PersonConnection, error) {
	return r.findPeople(ctx, throughline.PersonFilter{TeamID: &obj.ID}, first, after)
}

// Cycle returns generated.CycleResolver implementation.
func (r *Resolver) Cycle() generated.CycleResolver { return &cycleResolver{r} }

// Person returns generated.PersonResolver implementation.
func (r *Resolver) Person() generated.PersonResolver { return &personResolver{r} }

// Team returns generated.TeamResolver implementation.
func (r *Resolver) Team() generated.TeamResolver { return &teamResolver{r} }

type (
	cycleResolver  struct{ *Resolver }
	personResolver struct{ *Resolver }
	teamResolver   struct{ *Resolver }
)
