// Package loaders batches and caches the lookups of one GraphQL request, so
// that a query costs a few SQL statements per level of depth however many
// objects each level holds.
//
// A Loaders value lives for one request: the middleware makes it, and
// resolvers reach it with For(ctx). Batch functions return maps keyed by
// ID, because a SQL IN query does not keep the order of its keys. See
// Loader for the two ways keys are batched: prefetched a level at a time,
// or gathered within a short window.
package loaders

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

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
	RequirementsByKeyResult(ctx context.Context, ids []int64) (
		map[int64][]*throughline.CapabilityRequirement, error)
	CoveringGoalCounts(ctx context.Context, pairs [][2]int64) (map[[2]int64]int64, error)
	PlanSnapshots(ctx context.Context, planIDs []int64) (map[int64]*throughline.PlanSnapshot, error)
	CyclesByName(ctx context.Context, names []string) (map[string]*throughline.Cycle, error)
	PlansFor(ctx context.Context, keys []throughline.PlanKey) (
		map[throughline.PlanKey]*throughline.DevelopmentPlan, error)
	ReviewRhythm(ctx context.Context) (throughline.Rhythm, error)

	LatestCheckIns(ctx context.Context, planIDs []int64, n int) (map[int64][]*throughline.CheckIn, error)
	LatestAssessments(ctx context.Context, pairs [][2]int64) (map[[2]int64]*throughline.Assessment, error)
	PacksByID(ctx context.Context, ids []int64) (map[int64]*throughline.HandoverPack, error)
	KeyResultsOwned(ctx context.Context, keys [][2]int64) (map[[2]int64][]*throughline.KeyResult, error)

	// Pages of lists that grow: one page of the list under each parent,
	// in one statement. A parent with an empty list may be left out.
	RequirementPagesByCapability(ctx context.Context, ids []int64, page throughline.PageRequest) (
		map[int64]*throughline.Page[*throughline.CapabilityRequirement], error)
	AlignedObjectivePagesByKeyResult(ctx context.Context, ids []int64, page throughline.PageRequest) (
		map[int64]*throughline.Page[*throughline.Objective], error)
	AlignedObjectivePagesByObjective(ctx context.Context, ids []int64, page throughline.PageRequest) (
		map[int64]*throughline.Page[*throughline.Objective], error)
	CoveringGoalPages(ctx context.Context, pairs [][2]int64, page throughline.PageRequest,
		reader *throughline.PlanFilter) (map[[2]int64]*throughline.Page[*throughline.DevelopmentGoal], error)
}

// LatestCheckInsPerPlan is how many check-ins LatestCheckIns keeps of each
// plan: what a chain and a handover pack show.
const LatestCheckInsPerPlan = 3

// Loaders holds one loader per lookup that fans out in a query.
type Loaders struct {
	Cycle      *Loader[int64, *throughline.Cycle]
	Team       *Loader[int64, *throughline.Team]
	Person     *Loader[int64, *throughline.Person]
	Objective  *Loader[int64, *throughline.Objective]
	KeyResult  *Loader[int64, *throughline.KeyResult]
	Capability *Loader[int64, *throughline.Capability]
	Plan       *Loader[int64, *throughline.DevelopmentPlan]
	Goal       *Loader[int64, *throughline.DevelopmentGoal]

	Alignments   *Loader[int64, []*throughline.Alignment]
	KeyResults   *Loader[int64, []*throughline.KeyResult]
	Goals        *Loader[int64, []*throughline.DevelopmentGoal]
	Actions      *Loader[int64, []*throughline.DevelopmentAction]
	Levels       *Loader[int64, []*throughline.CapabilityLevel]
	Evidence     *Loader[int64, []*throughline.Evidence]
	Requirements *Loader[int64, []*throughline.CapabilityRequirement]
	// CoveringGoalCount counts the active execution goals, of anyone,
	// that build a capability for a key result, keyed by {key result,
	// capability}.
	CoveringGoalCount *Loader[[2]int64, int64]
	// Snapshot gathers what the plan rules read, for all plans of a
	// request in a fixed number of queries.
	Snapshot *Loader[int64, *throughline.PlanSnapshot]
	// CycleByName finds cycles by name; PlanFor a person's plan in a
	// cycle. Both are asked once per person in lists of people.
	CycleByName *Loader[string, *throughline.Cycle]
	PlanFor     *Loader[throughline.PlanKey, *throughline.DevelopmentPlan]
	// Rhythm is the review rhythm HR set, read once per request however
	// many plans' due dates use it.
	Rhythm *Once[throughline.Rhythm]
	// LatestCheckIns keeps the LatestCheckInsPerPlan newest check-ins of
	// a plan.
	LatestCheckIns *Loader[int64, []*throughline.CheckIn]
	// LatestAssessment finds a person's newest assessment in a
	// capability, keyed by {person, capability}; nil when never assessed.
	LatestAssessment *Loader[[2]int64, *throughline.Assessment]
	Pack             *Loader[int64, *throughline.HandoverPack]
	// OwnedKeyResults lists the key results a person owns in a cycle,
	// keyed by {person, cycle}.
	OwnedKeyResults *Loader[[2]int64, []*throughline.KeyResult]

	// Pages of the lists that grow, each keyed by its parent and the page
	// asked for: a capability's requirements, the objectives aligned to a
	// key result or an objective, and the goals covering a key result's
	// need of a capability as one reader may see them.
	RequiredBy         *Loader[PageKey[int64], *throughline.Page[*throughline.CapabilityRequirement]]
	AlignedToKeyResult *Loader[PageKey[int64], *throughline.Page[*throughline.Objective]]
	AlignedToObjective *Loader[PageKey[int64], *throughline.Page[*throughline.Objective]]
	CoveringGoals      *Loader[PageKey[Coverage], *throughline.Page[*throughline.DevelopmentGoal]]

	src Source
}

// Fresh makes loaders over the same source with nothing read yet, for a
// step that must see writes made since the request began.
func (l *Loaders) Fresh() *Loaders { return New(l.src) }

// PageKey asks for one page of the list under one parent.
type PageKey[K comparable] struct {
	Parent K
	Page   throughline.PageRequest
}

// Coverage names the goals that build one capability for one key
// result, as one reader may see them: everyone's plans, or the plans of
// Reader and, with Reports, of everyone below them.
type Coverage struct {
	KeyResultID, CapabilityID int64
	Everyone                  bool
	Reader                    int64
	Reports                   bool
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

		CoveringGoalCount: counted(src.CoveringGoalCounts),
		Snapshot:          byID(src.PlanSnapshots),
		CycleByName:       byID(src.CyclesByName),
		PlanFor:           byID(src.PlansFor),
		Rhythm:            &Once[throughline.Rhythm]{fetch: src.ReviewRhythm},
		LatestCheckIns: grouped(func(ctx context.Context,
			ids []int64,
		) (map[int64][]*throughline.CheckIn, error) {
			return src.LatestCheckIns(ctx, ids, LatestCheckInsPerPlan)
		}),
		LatestAssessment: optional(src.LatestAssessments),
		Pack:             byID(src.PacksByID),
		OwnedKeyResults:  grouped(src.KeyResultsOwned),

		RequiredBy:         paged(src.RequirementPagesByCapability),
		AlignedToKeyResult: paged(src.AlignedObjectivePagesByKeyResult),
		AlignedToObjective: paged(src.AlignedObjectivePagesByObjective),
		CoveringGoals:      paged(coveringGoalPages(src)),

		src: src,
	}
}

// paged makes a loader of pages: one call of fetch for the parents that
// ask for the same page, which is all of them but for a query that asks
// differently in different places. A parent the fetch left out has an
// empty list.
func paged[K comparable, V any](
	fetch func(context.Context, []K, throughline.PageRequest) (map[K]*throughline.Page[V], error),
) *Loader[PageKey[K], *throughline.Page[V]] {
	return newLoader(func(ctx context.Context, keys []PageKey[K]) (
		map[PageKey[K]]*throughline.Page[V], error,
	) {
		parents := map[throughline.PageRequest][]K{}
		for _, k := range keys {
			parents[k.Page] = append(parents[k.Page], k.Parent)
		}
		out := make(map[PageKey[K]]*throughline.Page[V], len(keys))
		for page, ids := range parents {
			got, err := fetch(ctx, ids, page)
			if err != nil {
				return nil, err
			}
			for id, p := range got {
				out[PageKey[K]{Parent: id, Page: page}] = p
			}
		}
		return out, nil
	}, func(PageKey[K]) (*throughline.Page[V], error) {
		return &throughline.Page[V]{}, nil
	}, wait)
}

// coveringGoalPages fetches covering goals one reader at a time: a
// request has one reader, so this is one call.
func coveringGoalPages(src Source) func(context.Context, []Coverage, throughline.PageRequest) (
	map[Coverage]*throughline.Page[*throughline.DevelopmentGoal], error,
) {
	return func(ctx context.Context, keys []Coverage, page throughline.PageRequest) (
		map[Coverage]*throughline.Page[*throughline.DevelopmentGoal], error,
	) {
		byReader := map[Coverage][][2]int64{}
		for _, k := range keys {
			r := Coverage{Everyone: k.Everyone, Reader: k.Reader, Reports: k.Reports}
			byReader[r] = append(byReader[r], [2]int64{k.KeyResultID, k.CapabilityID})
		}
		out := make(map[Coverage]*throughline.Page[*throughline.DevelopmentGoal], len(keys))
		for r, pairs := range byReader {
			got, err := src.CoveringGoalPages(ctx, pairs, page, r.filter())
			if err != nil {
				return nil, err
			}
			for pair, p := range got {
				k := r
				k.KeyResultID, k.CapabilityID = pair[0], pair[1]
				out[k] = p
			}
		}
		return out, nil
	}
}

// filter is the reader as the store takes it; nil for everyone.
func (c Coverage) filter() *throughline.PlanFilter {
	if c.Everyone {
		return nil
	}
	reader := c.Reader
	return &throughline.PlanFilter{ReadableBy: &reader, Reports: c.Reports}
}

// counted makes a loader of counts; a key with no rows counts 0.
func counted[K comparable](fetch func(context.Context, []K) (map[K]int64, error)) *Loader[K, int64] {
	return newLoader(fetch, func(K) (int64, error) { return 0, nil }, wait)
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

// byID makes a loader of objects by key; a key with no row is
// ErrNotFound.
func byID[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error),
) *Loader[K, V] {
	return newLoader(fetch, func(K) (V, error) {
		var zero V
		return zero, ErrNotFound
	}, wait)
}

// grouped makes a loader of lists; a key with no rows gets an empty list,
// not an error.
func grouped[K comparable, V any](fetch func(context.Context, []K) (map[K][]V, error),
) *Loader[K, []V] {
	return newLoader(fetch, func(K) ([]V, error) { return nil, nil }, wait)
}

// optional makes a loader of objects that may not exist: a key with no
// row gets nil, not an error.
func optional[K comparable, V any](fetch func(context.Context, []K) (map[K]*V, error),
) *Loader[K, *V] {
	return newLoader(fetch, func(K) (*V, error) { return nil, nil }, wait)
}

// Load fetches one object through a by-key loader, turning a missing key
// into a domain not-found error that names what was looked for.
func Load[K comparable, V any](ctx context.Context, l *Loader[K, V], key K,
	what string,
) (V, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, ErrNotFound) {
		return v, throughline.Errorf(throughline.ENOTFOUND, "no %s %v", what, key)
	}
	return v, err
}

// LoadOptional fetches an object by an optional ID: nil in, nil out.
func LoadOptional[V any](ctx context.Context,
	l *Loader[int64, *V], id *int64, what string,
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
