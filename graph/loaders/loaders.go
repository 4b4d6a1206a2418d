// Package loaders batches and caches the lookups of one GraphQL request, so
// that a query costs a few SQL statements per level of depth however many
// objects each level holds.
//
// A Loaders value lives for one request: the middleware makes it, and
// resolvers reach it with For(ctx). Batch functions return maps keyed by
// ID, because a SQL IN query does not keep the order of its keys.
package loaders

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	throughline "throughline.dev/graph"
)

// wait is how long a loader gathers keys before it queries. Field
// resolvers run concurrently, so a short wait still catches a whole level.
const wait = 500 * time.Microsecond

// Source is what the loaders batch over: one query per call, whatever the
// number of IDs.
type Source interface {
	CyclesByID(ctx context.Context, ids []int64) (map[int64]*throughline.Cycle, error)
	TeamsByID(ctx context.Context, ids []int64) (map[int64]*throughline.Team, error)
	PeopleByID(ctx context.Context, ids []int64) (map[int64]*throughline.Person, error)
	ObjectivesByID(ctx context.Context, ids []int64) (map[int64]*throughline.Objective, error)
	KeyResultsByID(ctx context.Context, ids []int64) (map[int64]*throughline.KeyResult, error)
	CapabilitiesByID(ctx context.Context, ids []int64) (map[int64]*throughline.Capability, error)
	PlansByID(ctx context.Context, ids []int64) (map[int64]*throughline.DevelopmentPlan, error)
	GoalsByID(ctx context.Context, ids []int64) (map[int64]*throughline.DevelopmentGoal, error)

	AlignmentsByObjective(ctx context.Context, ids []int64) (map[int64][]*throughline.Alignment, error)
	KeyResultsByObjective(ctx context.Context, ids []int64) (map[int64][]*throughline.KeyResult, error)
	GoalsByPlan(ctx context.Context, ids []int64) (map[int64][]*throughline.DevelopmentGoal, error)
	ActionsByGoal(ctx context.Context, ids []int64) (map[int64][]*throughline.DevelopmentAction, error)
	LevelsByCapability(ctx context.Context, ids []int64) (map[int64][]*throughline.CapabilityLevel, error)
	EvidenceByAssessment(ctx context.Context, ids []int64) (map[int64][]*throughline.Evidence, error)
	RequirementsByKeyResult(ctx context.Context, ids []int64) (map[int64][]*throughline.CapabilityRequirement, error)
	ObjectivesAlignedToKeyResult(ctx context.Context, ids []int64) (map[int64][]*throughline.Objective, error)
	ObjectivesAlignedToObjective(ctx context.Context, ids []int64) (map[int64][]*throughline.Objective, error)
	CoveringGoalsByKeyResult(ctx context.Context, ids []int64) (map[int64][]*throughline.DevelopmentGoal, error)
	PlanSnapshots(ctx context.Context, planIDs []int64) (map[int64]*throughline.PlanSnapshot, error)
	CyclesByName(ctx context.Context, names []string) (map[string]*throughline.Cycle, error)
	PlansFor(ctx context.Context, keys []throughline.PlanKey) (map[throughline.PlanKey]*throughline.DevelopmentPlan, error)
	ReviewRhythm(ctx context.Context) (throughline.Rhythm, error)
}

// Loaders holds one loader per lookup that fans out in a query.
type Loaders struct {
	Cycle      *dataloadgen.Loader[int64, *throughline.Cycle]
	Team       *dataloadgen.Loader[int64, *throughline.Team]
	Person     *dataloadgen.Loader[int64, *throughline.Person]
	Objective  *dataloadgen.Loader[int64, *throughline.Objective]
	KeyResult  *dataloadgen.Loader[int64, *throughline.KeyResult]
	Capability *dataloadgen.Loader[int64, *throughline.Capability]
	Plan       *dataloadgen.Loader[int64, *throughline.DevelopmentPlan]
	Goal       *dataloadgen.Loader[int64, *throughline.DevelopmentGoal]

	Alignments   *dataloadgen.Loader[int64, []*throughline.Alignment]
	KeyResults   *dataloadgen.Loader[int64, []*throughline.KeyResult]
	Goals        *dataloadgen.Loader[int64, []*throughline.DevelopmentGoal]
	Actions      *dataloadgen.Loader[int64, []*throughline.DevelopmentAction]
	Levels       *dataloadgen.Loader[int64, []*throughline.CapabilityLevel]
	Evidence     *dataloadgen.Loader[int64, []*throughline.Evidence]
	Requirements *dataloadgen.Loader[int64, []*throughline.CapabilityRequirement]
	// AlignedToKeyResult and AlignedToObjective list the objectives that
	// align to a key result or an objective.
	AlignedToKeyResult *dataloadgen.Loader[int64, []*throughline.Objective]
	AlignedToObjective *dataloadgen.Loader[int64, []*throughline.Objective]
	// CoveringGoals lists the active execution goals that serve a key
	// result.
	CoveringGoals *dataloadgen.Loader[int64, []*throughline.DevelopmentGoal]
	// Snapshot gathers what the plan rules read, for all plans of a
	// request in a fixed number of queries.
	Snapshot *dataloadgen.Loader[int64, *throughline.PlanSnapshot]
	// CycleByName finds cycles by name; PlanFor a person's plan in a
	// cycle. Both are asked once per person in lists of people.
	CycleByName *dataloadgen.Loader[string, *throughline.Cycle]
	PlanFor     *dataloadgen.Loader[throughline.PlanKey, *throughline.DevelopmentPlan]
	// Rhythm is the review rhythm HR set, read once per request however
	// many plans' due dates use it.
	Rhythm *Once[throughline.Rhythm]
}

// New makes the loaders for one request.
func New(src Source) *Loaders {
	return &Loaders{
		Cycle:      byID(src.CyclesByID),
		Team:       byID(src.TeamsByID),
		Person:     byID(src.PeopleByID),
		Objective:  byID(src.ObjectivesByID),
		KeyResult:  byID(src.KeyResultsByID),
		Capability: byID(src.CapabilitiesByID),
		Plan:       byID(src.PlansByID),
		Goal:       byID(src.GoalsByID),

		Alignments:   grouped(src.AlignmentsByObjective),
		KeyResults:   grouped(src.KeyResultsByObjective),
		Goals:        grouped(src.GoalsByPlan),
		Actions:      grouped(src.ActionsByGoal),
		Levels:       grouped(src.LevelsByCapability),
		Evidence:     grouped(src.EvidenceByAssessment),
		Requirements: grouped(src.RequirementsByKeyResult),

		AlignedToKeyResult: grouped(src.ObjectivesAlignedToKeyResult),
		AlignedToObjective: grouped(src.ObjectivesAlignedToObjective),
		CoveringGoals:      grouped(src.CoveringGoalsByKeyResult),
		Snapshot:           byID(src.PlanSnapshots),
		CycleByName:        byID(src.CyclesByName),
		PlanFor:            byID(src.PlansFor),
		Rhythm:             &Once[throughline.Rhythm]{fetch: src.ReviewRhythm},
	}
}

// Once is a loader of one value with no key: the first Load fetches it,
// and every later Load of the request gets the same value or error.
type Once[V any] struct {
	once  sync.Once
	fetch func(context.Context) (V, error)
	v     V
	err   error
}

// Load returns the value, fetching it on first use.
func (o *Once[V]) Load(ctx context.Context) (V, error) {
	o.once.Do(func() { o.v, o.err = o.fetch(ctx) })
	return o.v, o.err
}

func byID[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error),
) *dataloadgen.Loader[K, V] {
	return dataloadgen.NewMappedLoader(fetch, dataloadgen.WithWait(wait))
}

// grouped makes a loader of lists; a key with no rows gets an empty list,
// not an error.
func grouped[V any](fetch func(context.Context, []int64) (map[int64][]V, error),
) *dataloadgen.Loader[int64, []V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []int64) ([][]V, []error) {
		m, err := fetch(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		out := make([][]V, len(keys))
		for i, k := range keys {
			out[i] = m[k]
		}
		return out, nil
	}, dataloadgen.WithWait(wait))
}

// Load fetches one object through a by-key loader, turning a missing key
// into a domain not-found error that names what was looked for.
func Load[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K,
	what string,
) (V, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return v, throughline.Errorf(throughline.ENOTFOUND, "no %s %v", what, key)
	}
	return v, err
}

// LoadOptional fetches an object by an optional ID: nil in, nil out.
func LoadOptional[V any](ctx context.Context,
	l *dataloadgen.Loader[int64, *V], id *int64, what string,
) (*V, error) {
	if id == nil {
		return nil, nil
	}
	return Load(ctx, l, *id, what)
}

type ctxKey struct{}

// Middleware gives each request its own loaders.
func Middleware(src Source, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), ctxKey{}, New(src))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// With returns a context that carries loaders, for callers outside HTTP.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the request's loaders. It panics when the middleware did not
// run: that is a wiring bug, not a runtime condition.
func For(ctx context.Context) *Loaders {
	l, ok := ctx.Value(ctxKey{}).(*Loaders)
	if !ok {
		panic("loaders: no loaders in context; wrap the handler in loaders.Middleware")
	}
	return l
}
