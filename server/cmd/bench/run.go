package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"throughline.dev/graph/storage/synth"
	"throughline.dev/server/internal/app"
)

// config is what the flags set.
type config struct {
	sizes       []int
	clients     []int
	n           int
	budget      time.Duration
	out         string
	databaseURL string
	slow        time.Duration
}

// sizeResult is everything measured on one organisation.
type sizeResult struct {
	Engine          string  `json:"engine"`
	People          int     `json:"people"`
	Teams           int     `json:"teams"`
	GenerateSeconds float64 `json:"generate_seconds"`
	// StartToFirstAnswerMillis runs from starting the server's process
	// (which opens the store, builds the handler and listens) to the
	// first answer read from the database.
	StartToFirstAnswerMillis float64 `json:"start_to_first_answer_ms"`
	// PeakRSSMiB is the server process's VmHWM over its whole run;
	// PeakHeapMiB the largest Go heap sampled every 2 ms.
	PeakRSSMiB  float64            `json:"peak_rss_mib"`
	PeakHeapMiB float64            `json:"peak_heap_mib"`
	Figures     map[string]figures `json:"figures"`
	Screens     []screenResult     `json:"screens"`
}

// screenResult is one screen at one concurrency, through the API and on
// the floor.
type screenResult struct {
	Screen                  string  `json:"screen"`
	Clients                 int     `json:"clients"`
	API                     timing  `json:"api"`
	SQLStatementsPerRequest float64 `json:"sql_statements_per_request"`
	SQLMillisPerRequest     float64 `json:"sql_ms_per_request"`
	Floor                   timing  `json:"floor"`
	FloorStatements         float64 `json:"floor_statements_per_request"`
	P50OverFloor            float64 `json:"p50_over_floor"`
}

// runSize builds an organisation of size people, starts a server on it
// and measures the five screens.
func runSize(ctx context.Context, cfg config, size int) (*sizeResult, error) {
	spec := synth.DefaultSpec(size, today)
	place, drop, err := newPlace(ctx, cfg.out, size, cfg.databaseURL)
	if err != nil {
		return nil, err
	}
	defer drop()
	res := &sizeResult{Engine: engineName(cfg), People: size, Teams: spec.Teams(),
		Figures: map[string]figures{}}
	toks, err := res.generate(ctx, place, spec)
	if err != nil {
		return nil, err
	}
	log, err := serverLog(cfg, place)
	if err != nil {
		return nil, err
	}
	defer log.Close()
	sp, err := spawnServer(place, cfg.slow, log)
	if err != nil {
		return nil, err
	}
	defer sp.Stop()
	c := newClient(sp.URL)
	if err := res.firstAnswer(ctx, c, sp, spec, toks); err != nil {
		return nil, err
	}
	if err := res.measure(ctx, cfg, c, place, spec, toks); err != nil {
		return nil, err
	}
	st, err := c.stats(ctx)
	res.PeakRSSMiB, res.PeakHeapMiB = st.PeakRSSMiB, st.PeakHeapMiB
	return res, err
}

// generate writes the organisation and times it.
func (res *sizeResult) generate(ctx context.Context, p app.Place, spec synth.Spec) (tokens, error) {
	t := time.Now()
	toks, err := generate(ctx, p, spec)
	if err != nil {
		return toks, fmt.Errorf("generate: %w", err)
	}
	res.GenerateSeconds = time.Since(t).Seconds()
	progress("%s, %d people: generated in %.1f s", res.Engine, res.People, res.GenerateSeconds)
	return toks, nil
}

// firstAnswer reads a card, which needs no ID, from the fresh server
// process, and times it from the process's start.
func (res *sizeResult) firstAnswer(ctx context.Context, c *client, sp *serverProcess,
	spec synth.Spec, toks tokens,
) error {
	_, err := c.query(ctx, toks.chainManager, cardByEmailQuery,
		map[string]any{"email": emailOf(castOf(spec).chainPerson)})
	if err != nil {
		return fmt.Errorf("first answer: %w", err)
	}
	res.StartToFirstAnswerMillis = millis(time.Since(sp.started))
	return nil
}

// measure checks each screen against its floor, then times both at each
// concurrency.
func (res *sizeResult) measure(ctx context.Context, cfg config, c *client, p app.Place,
	spec synth.Spec, toks tokens,
) error {
	floor, err := openFloor(p)
	if err != nil {
		return err
	}
	defer floor.Close()
	subj, err := findSubjects(ctx, c, spec, toks)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	for _, sc := range screens(subj, castOf(spec)) {
		if err := res.measureOne(ctx, cfg, c, floor, sc); err != nil {
			return fmt.Errorf("%s: %w", sc.name, err)
		}
	}
	return nil
}

func (res *sizeResult) measureOne(ctx context.Context, cfg config, c *client,
	floor *floorDB, sc screen,
) error {
	if cfg.slow > 0 {
		progress("%s: one request, then its floor", sc.name)
	}
	fig, err := verify(ctx, c, floor, sc)
	if err != nil {
		return err
	}
	res.Figures[sc.name] = fig
	for _, clients := range cfg.clients {
		l := load{clients: clients, n: cfg.n, budget: cfg.budget}
		r, err := measureScreen(ctx, l, c, floor, sc)
		if err != nil {
			return fmt.Errorf("%d clients: %w", clients, err)
		}
		res.Screens = append(res.Screens, r)
		progress("%s, %d people: %-9s %d clients: p50 %.2f ms, floor %.2f ms",
			res.Engine, res.People, sc.name, clients, r.API.P50Millis, r.Floor.P50Millis)
	}
	return nil
}

// warmUp is how many requests precede each timed run, to fill caches
// and open connections.
const warmUp = 3

// measureScreen times one screen through the API, with the statements the
// server ran for it, then on the floor.
func measureScreen(ctx context.Context, l load, c *client, floor *floorDB,
	sc screen,
) (screenResult, error) {
	r := screenResult{Screen: sc.name, Clients: l.clients}
	api := func(ctx context.Context) error {
		_, err := c.query(ctx, sc.token, sc.text, sc.vars)
		return err
	}
	if err := repeat(ctx, warmUp, api); err != nil {
		return r, err
	}
	before, err := c.stats(ctx)
	if err != nil {
		return r, err
	}
	if r.API, err = l.run(ctx, api); err != nil {
		return r, err
	}
	after, err := c.stats(ctx)
	if err != nil {
		return r, err
	}
	n := float64(r.API.Requests)
	r.SQLStatementsPerRequest = float64(after.Statements-before.Statements) / n
	r.SQLMillisPerRequest = float64(after.SQLNanos-before.SQLNanos) / 1e6 / n
	return r, measureFloor(ctx, l, floor, sc, &r)
}

func measureFloor(ctx context.Context, l load, floor *floorDB, sc screen,
	r *screenResult,
) error {
	do := func(ctx context.Context) error {
		_, err := sc.floor(ctx, floor)
		return err
	}
	if err := repeat(ctx, warmUp, do); err != nil {
		return err
	}
	before := floor.statements.Load()
	var err error
	if r.Floor, err = l.run(ctx, do); err != nil {
		return err
	}
	r.FloorStatements = float64(floor.statements.Load()-before) / float64(r.Floor.Requests)
	r.P50OverFloor = r.API.P50Millis / r.Floor.P50Millis
	return nil
}

// serverLog is where the server process logs: server.log beside the
// database, or stderr when -slow asks to see statements as they run.
func serverLog(cfg config, p app.Place) (io.WriteCloser, error) {
	if cfg.slow > 0 {
		return nopCloser{os.Stderr}, nil
	}
	return os.Create(filepath.Join(p.DataDir, "server.log"))
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func repeat(ctx context.Context, n int, do func(context.Context) error) error {
	for range n {
		if err := do(ctx); err != nil {
			return err
		}
	}
	return nil
}

func engineName(cfg config) string {
	if cfg.databaseURL != "" {
		return "postgres"
	}
	return "sqlite"
}

// progress tells the person waiting how far the run is, on stderr, so
// that stdout holds the table alone.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
