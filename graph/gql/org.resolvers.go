package gql

import (
	"context"
	"fmt"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
)

// ID is the resolver for the id field.
func (r *cycleResolver) ID(ctx context.Context, obj *throughline.Cycle) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Objectives is the resolver for the objectives field.
func (r *cycleResolver) Objectives(ctx context.Context, obj *throughline.Cycle, level *throughline.ObjectiveLevel, first *int32, after *string) (*model.ObjectiveConnection, error) {
	panic(fmt.Errorf("not implemented: Objectives - objectives"))
}

// CreateCycle is the resolver for the createCycle field.
func (r *mutationResolver) CreateCycle(ctx context.Context, input model.CreateCycleInput) (*model.CreateCyclePayload, error) {
	panic(fmt.Errorf("not implemented: CreateCycle - createCycle"))
}

// CreateTeam is the resolver for the createTeam field.
func (r *mutationResolver) CreateTeam(ctx context.Context, input model.CreateTeamInput) (*model.CreateTeamPayload, error) {
	panic(fmt.Errorf("not implemented: CreateTeam - createTeam"))
}

// UpdateTeam is the resolver for the updateTeam field.
func (r *mutationResolver) UpdateTeam(ctx context.Context, input model.UpdateTeamInput) (*model.UpdateTeamPayload, error) {
	panic(fmt.Errorf("not implemented: UpdateTeam - updateTeam"))
}

// CreatePerson is the resolver for the createPerson field.
func (r *mutationResolver) CreatePerson(ctx context.Context, input model.CreatePersonInput) (*model.CreatePersonPayload, error) {
	panic(fmt.Errorf("not implemented: CreatePerson - createPerson"))
}

// UpdatePerson is the resolver for the updatePerson field.
func (r *mutationResolver) UpdatePerson(ctx context.Context, input model.UpdatePersonInput) (*model.UpdatePersonPayload, error) {
	panic(fmt.Errorf("not implemented: UpdatePerson - updatePerson"))
}

// ID is the resolver for the id field.
func (r *personResolver) ID(ctx context.Context, obj *throughline.Person) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Team is the resolver for the team field.
func (r *personResolver) Team(ctx context.Context, obj *throughline.Person) (*throughline.Team, error) {
	panic(fmt.Errorf("not implemented: Team - team"))
}

// Manager is the resolver for the manager field.
func (r *personResolver) Manager(ctx context.Context, obj *throughline.Person) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Manager - manager"))
}

// Reports is the resolver for the reports field.
func (r *personResolver) Reports(ctx context.Context, obj *throughline.Person, first *int32, after *string) (*model.PersonConnection, error) {
	panic(fmt.Errorf("not implemented: Reports - reports"))
}

// Plan is the resolver for the plan field.
func (r *personResolver) Plan(ctx context.Context, obj *throughline.Person, cycle *string) (*throughline.DevelopmentPlan, error) {
	panic(fmt.Errorf("not implemented: Plan - plan"))
}

// Assessments is the resolver for the assessments field.
func (r *personResolver) Assessments(ctx context.Context, obj *throughline.Person, first *int32, after *string) (*model.AssessmentConnection, error) {
	panic(fmt.Errorf("not implemented: Assessments - assessments"))
}

// OwnedKeyResults is the resolver for the ownedKeyResults field.
func (r *personResolver) OwnedKeyResults(ctx context.Context, obj *throughline.Person, cycle *string, first *int32, after *string) (*model.KeyResultConnection, error) {
	panic(fmt.Errorf("not implemented: OwnedKeyResults - ownedKeyResults"))
}

// Cycles is the resolver for the cycles field.
func (r *queryResolver) Cycles(ctx context.Context, first *int32, after *string) (*model.CycleConnection, error) {
	panic(fmt.Errorf("not implemented: Cycles - cycles"))
}

// Cycle is the resolver for the cycle field.
func (r *queryResolver) Cycle(ctx context.Context, name string) (*throughline.Cycle, error) {
	panic(fmt.Errorf("not implemented: Cycle - cycle"))
}

// Teams is the resolver for the teams field.
func (r *queryResolver) Teams(ctx context.Context, rootsOnly *bool, first *int32, after *string) (*model.TeamConnection, error) {
	panic(fmt.Errorf("not implemented: Teams - teams"))
}

// People is the resolver for the people field.
func (r *queryResolver) People(ctx context.Context, search *string, teamID *string, first *int32, after *string) (*model.PersonConnection, error) {
	panic(fmt.Errorf("not implemented: People - people"))
}

// Person is the resolver for the person field.
func (r *queryResolver) Person(ctx context.Context, email string) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Person - person"))
}

// ID is the resolver for the id field.
func (r *teamResolver) ID(ctx context.Context, obj *throughline.Team) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Parent is the resolver for the parent field.
func (r *teamResolver) Parent(ctx context.Context, obj *throughline.Team) (*throughline.Team, error) {
	panic(fmt.Errorf("not implemented: Parent - parent"))
}

// Children is the resolver for the children field.
func (r *teamResolver) Children(ctx context.Context, obj *throughline.Team, first *int32, after *string) (*model.TeamConnection, error) {
	panic(fmt.Errorf("not implemented: Children - children"))
}

// Lead is the resolver for the lead field.
func (r *teamResolver) Lead(ctx context.Context, obj *throughline.Team) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Lead - lead"))
}

// Members is the resolver for the members field.
func (r *teamResolver) Members(ctx context.Context, obj *throughline.Team, first *int32, after *string) (*model.PersonConnection, error) {
	panic(fmt.Errorf("not implemented: Members - members"))
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
