package e2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

// Sixteen writers at once against one server: nothing fails (in
// particular no "database is locked"), nothing is lost, and concurrent
// edits of one plan are caught by its version rather than overwritten.
//
// Each writer makes 50 mutations: check-ins on its own plan and progress
// on its own key result, which must all succeed, and every fifth a
// status change of one plan that all sixteen share, sent with the version
// the writer just read. Each of those either succeeds or is refused with
// a CONFLICT on the version; the shared plan ends at 1 + the number that
// succeeded.
func TestSixteenWritersLoseNothing(t *testing.T) {
	const writers, mutations = 16, 50
	s := testserver.Start(t, nil)
	w := newWriteWorld(t, s, writers)

	results := make([]writerResult, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = w.runWriter(i, mutations)
		}()
	}
	wg.Wait()

	var won, lost int
	var versions []int
	for i, r := range results {
		for _, err := range r.errs {
			t.Errorf("writer %d: %v", i, err)
		}
		w.checkOwnWrites(t, i, r)
		won, lost = won+r.sharedWon, lost+r.sharedLost
		versions = append(versions, r.sharedVersions...)
	}
	if attempts := writers * mutations / 5; won+lost != attempts || won == 0 {
		t.Errorf("shared plan: %d changes succeeded and %d conflicted, of %d attempts",
			won, lost, attempts)
	}
	if v := w.planVersion(t, w.shared); v != 1+won {
		t.Errorf("shared plan at version %d after %d successful changes, want %d", v, won, 1+won)
	}
	// Each successful change made its own version: none was applied over
	// another unseen.
	slices.Sort(versions)
	for i, v := range versions {
		if v != i+2 {
			t.Fatalf("successful changes made versions %v, want 2 to %d once each", versions, 1+won)
		}
	}
	t.Logf("shared plan: %d changes succeeded, %d were refused as conflicts", won, lost)
}

// writeWorld is what the writers write to: a plan and a key result of
// their own for each, and one shared plan.
type writeWorld struct {
	s          *testserver.Server
	client     gqlClient
	plans, krs []string
	shared     string
}

// newWriteWorld makes, through the API, a cycle, a metric key result and
// a report of the test lead with a plan for each writer, and one more
// report whose plan they share.
func newWriteWorld(t *testing.T, s *testserver.Server, writers int) *writeWorld {
	t.Helper()
	w := &writeWorld{s: s, client: gqlClient{url: s.URL, token: s.Token}}
	mustMake(t, s, "createCycle", "cycle", map[string]any{"name": "2026-Q4"})
	objective := mustMake(t, s, "createObjective", "objective", map[string]any{
		"cycle": "2026-Q4", "level": "COMPANY", "title": "Grow"})
	for i := range writers {
		w.krs = append(w.krs, mustMake(t, s, "createKeyResult", "keyResult", map[string]any{
			"objectiveId": objective, "title": fmt.Sprintf("Result %d", i),
			"start": 0, "target": 1000, "unit": "points"}))
		w.plans = append(w.plans, w.mustReportWithPlan(t, fmt.Sprintf("writer%d", i)))
	}
	w.shared = w.mustReportWithPlan(t, "shared")
	return w
}

func (w *writeWorld) mustReportWithPlan(t *testing.T, name string) string {
	t.Helper()
	person := mustMake(t, w.s, "createPerson", "person", map[string]any{
		"email": name + "@example.com", "name": name, "managerId": w.s.LeadID})
	return mustMake(t, w.s, "createDevelopmentPlan", "plan", map[string]any{
		"personId": person, "cycle": "2026-Q4"})
}

// mustMake runs a create mutation from the test's goroutine and returns
// the new object's ID.
func mustMake(t *testing.T, s *testserver.Server, field, object string, in map[string]any) string {
	t.Helper()
	input := strings.ToUpper(field[:1]) + field[1:] + "Input"
	q := fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) { %s { id } userErrors { message } } }`,
		input, field, object)
	var payload map[string]json.RawMessage
	s.MustMutate(field, q, map[string]any{"in": in}, &payload)
	var out struct{ ID string }
	if err := json.Unmarshal(payload[object], &out); err != nil || out.ID == "" {
		t.Fatalf("%s gave no %s: %s", field, object, payload[object])
	}
	return out.ID
}

// writerResult is what one writer saw: the writes acknowledged, and any
// error, which the test reports from its own goroutine.
type writerResult struct {
	checkIns, progress    int
	lastValue             float64
	sharedWon, sharedLost int
	sharedVersions        []int // the versions this writer's changes made
	errs                  []error
}

func (w *writeWorld) runWriter(i, mutations int) writerResult {
	var r writerResult
	version := 1
	for n := range mutations {
		var err error
		switch {
		case n%5 == 4:
			err = w.changeShared(n, &r)
		case n%2 == 0:
			err = w.checkIn(w.plans[i], &version)
			r.checkIns++
		default:
			r.lastValue = float64(100*i + n)
			err = w.client.mutate("recordProgress", progressMutation, map[string]any{
				"keyResultId": w.krs[i], "value": r.lastValue}, nil)
			r.progress++
		}
		if err != nil {
			r.errs = append(r.errs, fmt.Errorf("mutation %d: %w", n, err))
			if len(r.errs) >= 3 {
				return r
			}
		}
	}
	return r
}

const progressMutation = `mutation($in: RecordProgressInput!) {
	recordProgress(input: $in) { progressUpdate { id note } userErrors { field message code } } }`

const checkInMutation = `mutation($in: RecordCheckInInput!) {
	recordCheckIn(input: $in) { plan { version } userErrors { field message code } } }`

const statusMutation = `mutation($in: SetPlanStatusInput!) {
	setPlanStatus(input: $in) { plan { version } userErrors { field message code } } }`

// checkIn records a monthly check-in on a plan only this writer changes,
// so that the version it holds is always the plan's.
func (w *writeWorld) checkIn(plan string, version *int) error {
	var out struct{ Plan struct{ Version int } }
	err := w.client.mutate("recordCheckIn", checkInMutation, map[string]any{
		"planId": plan, "version": *version, "kind": "MONTHLY", "statusAfter": "ON_TRACK",
		"realWork": "the work"}, &out)
	if err == nil && out.Plan.Version != *version+1 {
		err = fmt.Errorf("check-in moved the plan from version %d to %d", *version,
			out.Plan.Version)
	}
	*version = out.Plan.Version
	return err
}

// changeShared reads the shared plan's version and changes its status
// with it: success, or a CONFLICT on the version when another writer got
// there first.
func (w *writeWorld) changeShared(n int, r *writerResult) error {
	var read struct{ Node struct{ Version int } }
	err := w.client.query(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan { version } } }`,
		map[string]any{"id": w.shared}, &read)
	if err != nil {
		return err
	}
	status := []string{"ON_TRACK", "COMPLETED"}[n%2]
	var out struct{ Plan struct{ Version int } }
	err = w.client.mutate("setPlanStatus", statusMutation, map[string]any{
		"planId": w.shared, "version": read.Node.Version, "status": status}, &out)
	var ue *userErrorsError
	switch {
	case err == nil && out.Plan.Version != read.Node.Version+1:
		return fmt.Errorf("a change sent at version %d left the plan at %d",
			read.Node.Version, out.Plan.Version)
	case err == nil:
		r.sharedWon++
		r.sharedVersions = append(r.sharedVersions, out.Plan.Version)
	case asUserErrors(err, &ue) && ue.only("CONFLICT", "version"):
		r.sharedLost++
	default:
		return err
	}
	return nil
}

// checkOwnWrites checks that everything a writer saw acknowledged on its
// own plan and key result is stored.
func (w *writeWorld) checkOwnWrites(t *testing.T, i int, r writerResult) {
	t.Helper()
	var plan struct {
		Node struct {
			Version  int
			CheckIns struct{ TotalCount int }
		}
	}
	w.s.MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan {
		version checkIns(first: 1) { totalCount } } } }`, map[string]any{"id": w.plans[i]}, &plan)
	if p := plan.Node; p.CheckIns.TotalCount != r.checkIns || p.Version != 1+r.checkIns {
		t.Errorf("writer %d: plan has %d check-ins at version %d, want %d at %d", i,
			p.CheckIns.TotalCount, p.Version, r.checkIns, 1+r.checkIns)
	}
	var kr struct {
		Node struct {
			Metric          struct{ Current float64 }
			ProgressUpdates struct{ TotalCount int }
		}
	}
	w.s.MustDo(`query($id: ID!) { node(id: $id) { ... on KeyResult {
		metric { current } progressUpdates(first: 1) { totalCount } } } }`,
		map[string]any{"id": w.krs[i]}, &kr)
	if k := kr.Node; k.ProgressUpdates.TotalCount != r.progress || k.Metric.Current != r.lastValue {
		t.Errorf("writer %d: key result has %d updates, current %v; want %d, %v", i,
			k.ProgressUpdates.TotalCount, k.Metric.Current, r.progress, r.lastValue)
	}
}

func (w *writeWorld) planVersion(t *testing.T, plan string) int {
	t.Helper()
	var out struct{ Node struct{ Version int } }
	w.s.MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan { version } } }`,
		map[string]any{"id": plan}, &out)
	return out.Node.Version
}

// gqlClient speaks GraphQL from any goroutine. It returns errors rather
// than failing the test: only the test's own goroutine may do that.
type gqlClient struct {
	url, token string
}

var httpClient = &http.Client{Timeout: 30 * time.Second}

// query posts a document and decodes its data into out; a GraphQL error
// is an error.
func (c gqlClient) query(query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, c.url+"/query", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	res, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		return fmt.Errorf("status %d: %w", res.StatusCode, err)
	}
	if res.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		return fmt.Errorf("status %d: %v", res.StatusCode, r.Errors)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(r.Data, out)
}

// mutate runs a mutation whose payload is data.<field>, with its input
// as $in. Payload user errors come back as a *userErrorsError; out, when
// given, receives the payload.
func (c gqlClient) mutate(field, query string, in map[string]any, out any) error {
	var data map[string]json.RawMessage
	if err := c.query(query, map[string]any{"in": in}, &data); err != nil {
		return err
	}
	var p struct{ UserErrors []planUserError }
	if err := json.Unmarshal(data[field], &p); err != nil {
		return err
	}
	if len(p.UserErrors) > 0 {
		return &userErrorsError{field: field, errs: p.UserErrors}
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(data[field], out)
}

// userErrorsError is a payload's userErrors as an error.
type userErrorsError struct {
	field string
	errs  []planUserError
}

func (e *userErrorsError) Error() string {
	return fmt.Sprintf("%s: user errors %+v", e.field, e.errs)
}

// only reports whether the payload has exactly one user error, of code
// on the input field given.
func (e *userErrorsError) only(code, inputField string) bool {
	if len(e.errs) != 1 {
		return false
	}
	f := e.errs[0].Field
	return e.errs[0].Code == code && len(f) == 2 && f[1] == inputField
}

func asUserErrors(err error, target **userErrorsError) bool {
	ue, ok := err.(*userErrorsError)
	*target = ue
	return ok
}
