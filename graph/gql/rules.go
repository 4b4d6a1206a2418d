package gql

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/loaders"
)

// rule decides whether an actor may call a mutation at all. Rules about
// one object (whose plan this is) are checked again in the resolver,
// where the object is known.
type rule struct {
	what  string // for the error message: "you may not <what>"
	allow func(*throughline.Actor) bool
}

var (
	dataManager = func(a *throughline.Actor) bool { return a.CanManageData() }
	anyone      = func(*throughline.Actor) bool { return true }
)

// mutationRules lists every mutation with who may call it. A mutation
// missing here is refused to everyone, so a new one cannot slip out
// unguarded; a test holds the list to the schema.
var mutationRules = map[string]rule{
	"createCycle":                 {"change cycles", dataManager},
	"createTeam":                  {"change teams", dataManager},
	"updateTeam":                  {"change teams", dataManager},
	"createPerson":                {"change people", dataManager},
	"updatePerson":                {"change people", dataManager},
	"createObjective":             {"change OKRs", dataManager},
	"updateObjective":             {"change OKRs", dataManager},
	"createKeyResult":             {"change OKRs", dataManager},
	"updateKeyResult":             {"change OKRs", dataManager},
	"createCapability":            {"change the capability framework", dataManager},
	"setCapabilityRequirement":    {"change capability requirements", dataManager},
	"removeCapabilityRequirement": {"change capability requirements", dataManager},
	"createToken":                 {"issue tokens", isAdmin},
	"revokeToken":                 {"revoke tokens", isAdmin},

	// Checked per object in the resolver: the key result's owner and
	// their managers record progress; managers above a person assess
	// them and edit their plan; the person updates their own actions.
	"recordProgress":          {"record progress", anyone},
	"recordAssessment":        {"assess people", anyone},
	"createDevelopmentPlan":   {"make plans", anyone},
	"setPlanStatus":           {"change plans", anyone},
	"addDevelopmentGoal":      {"change plans", anyone},
	"updateDevelopmentGoal":   {"change plans", anyone},
	"addDevelopmentAction":    {"change plans", anyone},
	"updateDevelopmentAction": {"change plans", anyone},
	"recordCheckIn":           {"record check-ins", anyone},

	// HR and admins open cycles and HR sets the rhythm; the managers above
	// a person hold their review (checked per plan in the resolver); a
	// manager keeps their own calendar feed.
	"openCycle":           {"open cycles", dataManager},
	"setReviewRhythm":     {"change the review rhythm", isHR},
	"holdQuarterlyReview": {"hold quarterly reviews", anyone},
	"resetCalendarFeed":   {"keep a calendar feed", isManager},

	// HR and admins record departures. The rest are checked per person
	// or pack in the resolver: HR or a manager above every person moved
	// hands over; HR or a manager above the person drafts a pack; the
	// incoming manager acknowledges it.
	"recordDeparture":         {"record departures", dataManager},
	"handOver":                {"move people between managers", anyone},
	"draftHandoverPack":       {"draft handover packs", anyone},
	"acknowledgeHandoverPack": {"acknowledge handover packs", anyone},
}

// MutationRules returns the names of the mutations with a rule, for the
// test that holds the list to the schema.
func MutationRules() []string {
	names := make([]string, 0, len(mutationRules))
	for name := range mutationRules {
		names = append(names, name)
	}
	return names
}

// GuardMutations refuses a mutation before it runs when the actor's roles
// do not allow it. It tells a mutation by its operation: a root field's
// context names the field, not the type it is on.
func GuardMutations(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc := graphql.GetRootFieldContext(ctx)
	if fc == nil || !inMutation(ctx) {
		return next(ctx)
	}
	r, ok := mutationRules[fc.Field.Name]
	if !ok {
		r = rule{what: "call " + fc.Field.Name, allow: func(*throughline.Actor) bool { return false }}
	}
	if err := require(ctx, r.what, r.allow); err != nil {
		graphql.AddError(ctx, err)
		return graphql.Null
	}
	// The mutations of a request run one after another, and one may move
	// people: each reads the reporting line afresh.
	if a, ok := throughline.ActorFrom(ctx); ok {
		ctx = throughline.WithActor(ctx, a.Afresh())
	}
	return next(ctx)
}

// inMutation reports whether the request's operation is a mutation.
func inMutation(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Mutation
}

// mayEditPlanOf checks that the actor manages a person. When the actor
// may not even read the person's plan, the answer is the not-found the
// actor would get for an object that does not exist, on field.
func mayEditPlanOf(ctx context.Context, personID int64, field string) error {
	a, err := actorFrom(ctx)
	if err != nil {
		return err
	}
	return decide(ctx, field, "change this plan",
		func() (bool, error) { return a.CanReadPlanOf(ctx, personID) },
		func() (bool, error) { return a.CanEditPlanOf(ctx, personID) })
}

// mayUpdateActionsOf checks that the actor is the person or manages them.
func mayUpdateActionsOf(ctx context.Context, personID int64, field string) error {
	a, err := actorFrom(ctx)
	if err != nil {
		return err
	}
	return decide(ctx, field, "change this action",
		func() (bool, error) { return a.CanReadPlanOf(ctx, personID) },
		func() (bool, error) { return a.CanUpdateActionsOf(ctx, personID) })
}

func decide(ctx context.Context, field, what string, read, act func() (bool, error)) error {
	ok, err := read()
	if err != nil {
		return err
	}
	if !ok {
		return throughline.FieldErrorf(throughline.ENOTFOUND, field, "no such record")
	}
	if ok, err = act(); err != nil || ok {
		return err
	}
	return throughline.Errorf(throughline.EUNAUTHORIZED, "you may not %s", what)
}

// planOwner finds whose plan a plan, goal or action belongs to; a missing
// record is a not-found on field.
func planOwner(ctx context.Context, planID int64, field string) (int64, error) {
	p, err := loaders.Load(ctx, loaders.For(ctx).Plan, planID, "plan")
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return 0, throughline.FieldErrorf(throughline.ENOTFOUND, field, "no such plan")
	}
	if err != nil {
		return 0, err
	}
	return p.PersonID, nil
}

func goalOwner(ctx context.Context, goalID int64, field string) (int64, error) {
	g, err := loaders.Load(ctx, loaders.For(ctx).Goal, goalID, "goal")
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return 0, throughline.FieldErrorf(throughline.ENOTFOUND, field, "no such goal")
	}
	if err != nil {
		return 0, err
	}
	return planOwner(ctx, g.PlanID, field)
}

// mayEditPlan checks the actor may change the plan with an ID.
func mayEditPlan(ctx context.Context, planID int64, field string) error {
	person, err := planOwner(ctx, planID, field)
	if err != nil {
		return err
	}
	return mayEditPlanOf(ctx, person, field)
}

// mayEditGoal checks the actor may change the plan a goal is in.
func mayEditGoal(ctx context.Context, goalID int64, field string) error {
	person, err := goalOwner(ctx, goalID, field)
	if err != nil {
		return err
	}
	return mayEditPlanOf(ctx, person, field)
}
