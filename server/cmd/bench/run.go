package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/synth"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

// today anchors the synthetic data and the server's clock, so runs agree.
var today = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

// runSize generates an organisation, serves it and measures each query.
func runSize(ctx context.Context, size, n int, out string) ([]Result, error) {
	dir := filepath.Join(out, fmt.Sprintf("org-%d", size))
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	counter := &storage.StatementCounter{Slow: slowSQL}
	if slowSQL > 0 {
		counter.OnSlow = func(sql string, took time.Duration) {
			fmt.Fprintf(os.Stderr, "slow (%v): %.400s\n", took, sql)
		}
	}
	a, err := app.OpenWith(ctx, dir, storage.Options{
		Logger: counter, Now: func() time.Time { return today },
	})
	if err != nil {
		return nil, err
	}
	defer a.Close()
	db, err := a.Store.SQL()
	if err != nil {
		return nil, err
	}
	spec := synth.DefaultSpec(size, today)
	if err := synth.Generate(ctx, db, spec); err != nil {
		return nil, err
	}
	deps, err := a.HTTPDeps()
	if err != nil {
		return nil, err
	}
	secret, err := benchToken(ctx, a)
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(httpapi.New(deps, httpapi.Options{}))
	defer srv.Close()

	b := &bench{url: srv.URL + "/query", token: secret, counter: counter, size: size, n: n}
	return b.measureAll(spec)
}

type bench struct {
	url     string
	token   string
	counter *storage.StatementCounter
	size, n int
}

type query struct {
	name, text string
	vars       map[string]any
}

func (b *bench) measureAll(spec synth.Spec) ([]Result, error) {
	qs, err := b.queries(spec)
	if err != nil {
		return nil, err
	}
	ref, err := b.measure(query{name: "reference", text: "{ __typename }"})
	if err != nil {
		return nil, err
	}
	results := []Result{ref}
	for _, q := range qs {
		r, err := b.measure(q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.name, err)
		}
		r.OverReference = r.P50Millis / ref.P50Millis
		results = append(results, r)
	}
	results[0].OverReference = 1
	return results, nil
}

// queries picks a person in the deepest team, whose chain is the longest,
// and that person's team.
func (b *bench) queries(spec synth.Spec) ([]query, error) {
	last := spec.People - 1
	var who struct {
		Person struct {
			ID   string
			Team struct{ ID string }
		}
	}
	err := b.post(`query($e: String!) { person(email: $e) { id team { id } } }`,
		map[string]any{"e": fmt.Sprintf("person%06d@synth.example", last)}, &who)
	if err != nil {
		return nil, err
	}
	return []query{
		{name: "chain", text: chainQuery, vars: map[string]any{"id": who.Person.ID}},
		{name: "team", text: teamQuery, vars: map[string]any{"team": who.Person.Team.ID}},
		{name: "dashboard", text: dashboardQuery},
	}, nil
}

// measure runs a query b.n times after a warm-up and summarises it.
func (b *bench) measure(q query) (Result, error) {
	for range 5 {
		if err := b.post(q.text, q.vars, nil); err != nil {
			return Result{}, err
		}
	}
	stmts0, sql0 := b.counter.Counts()
	lat := make([]time.Duration, 0, b.n)
	for range b.n {
		start := time.Now()
		if err := b.post(q.text, q.vars, nil); err != nil {
			return Result{}, err
		}
		lat = append(lat, time.Since(start))
	}
	stmts1, sql1 := b.counter.Counts()
	slices.Sort(lat)
	return Result{
		People: b.size, Query: q.name, Requests: b.n,
		P50Millis:       millis(lat[len(lat)/2]),
		P99Millis:       millis(lat[len(lat)*99/100]),
		StatementsPerRq: float64(stmts1-stmts0) / float64(b.n),
		SQLMillisPerRq:  millis(sql1-sql0) / float64(b.n),
	}, nil
}

// post runs one GraphQL request and fails on any error in the answer.
func (b *bench) post(text string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": text, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, b.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+b.token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var r struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.Unmarshal(raw, &r); err != nil || len(r.Errors) > 0 {
		return fmt.Errorf("bad answer (%d): %.300s", res.StatusCode, raw)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

const chainQuery = `query($id: ID!) {
  chain(personId: $id) {
    plan { status }
    goals {
      goal { title lane }
      requirement { level capability { name } }
      pathsUp {
        reachesCompanyObjective
        steps {
          __typename
          ... on KeyResult { title progress }
          ... on Objective { title level owner { name } }
        }
      }
      actions { title kind dueOn doneOn supporter { name } }
      latestCheckIns { heldOn kind observedChange }
    }
  }
}`

const teamQuery = `query($team: ID!) {
  people(teamId: $team, first: 50) {
    totalCount
    nodes {
      name
      manager { name }
      plan {
        status
        nextCheckInDue
        warnings { code }
        executionGoals { title keyResult { title progress } capability { name } }
      }
    }
  }
}`

// dashboardQuery is HR's dashboard of the whole organisation, every
// field.
const dashboardQuery = `{
  dashboard {
    cycle { name }
    team { name }
    criticalCoverage { total covered share uncovered { title } }
    planStatusByTeam { team { name } onTrack blocked completed needsReset }
    milestoneAttainment { due doneOnTime share }
    observedChange { distribution { change count } mean }
    cadence { activePlans checkInsOnTime checkInShare reviewsDue reviewsHeld reviewShare }
    warningCounts { code plans }
  }
}`

// benchToken issues an HR token for the root team's lead, who may read
// every plan, so the benchmark measures the full work of each query.
func benchToken(ctx context.Context, a *app.App) (string, error) {
	lead := synth.PersonID(0)
	return a.Store.CreateToken(ctx, &throughline.Token{
		PersonID: &lead, Roles: []throughline.Role{throughline.RoleHR}, Label: "bench",
	})
}
