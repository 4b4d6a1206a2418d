// Command bench measures five screens of the GraphQL API on synthetic
// organisations of several sizes: a person's chain, a manager's handover
// packs, HR's dashboard, the strategy tree and a person's card. Each is
// read over real HTTP from a real server process, at 1 and 8 concurrent
// clients: median and p99 latency, requests per second, SQL statements
// and SQL time per request; and the same answers are computed by
// hand-written SQL on the same database, the floor, timed the same way.
// Per organisation it also reports the server's peak memory and its time
// from start to first answer.
//
// The database is a SQLite file in -out, or, with -database-url, a fresh
// schema in that PostgreSQL database, dropped after the run.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"throughline.dev/server/internal/app"
)

func main() {
	cfg, serve := parseFlags()
	if serve {
		p := app.Place{DataDir: serveDataDir, DatabaseURL: cfg.databaseURL}
		if err := serveMain(p, cfg.slow); err != nil {
			log.Fatalf("bench server: %v", err)
		}
		return
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		log.Fatalf("bench: %v", err)
	}
	rep := report{Machine: thisMachine()}
	for _, size := range cfg.sizes {
		r, err := runSize(context.Background(), cfg, size)
		if err != nil {
			log.Fatalf("bench: %d people: %v", size, err)
		}
		rep.Results = append(rep.Results, r)
	}
	rep.print(os.Stdout)
	if err := writeJSON(filepath.Join(cfg.out, "bench.json"), rep); err != nil {
		log.Fatalf("bench: %v", err)
	}
}

// serveDataDir is the -serve-data-dir flag of a server process.
var serveDataDir string

func parseFlags() (config, bool) {
	var cfg config
	sizes := flag.String("sizes", "1000,10000",
		"comma-separated organisation sizes, in people (at least 350)")
	clients := flag.String("clients", "1,8", "comma-separated numbers of concurrent clients")
	flag.IntVar(&cfg.n, "n", 200, "most requests per screen, size and concurrency")
	flag.DurationVar(&cfg.budget, "budget", 10*time.Second,
		"time after which a screen's run stops early, once each client made a few requests")
	flag.StringVar(&cfg.out, "out", "bench-results", "directory for SQLite databases and bench.json")
	flag.StringVar(&cfg.databaseURL, "database-url", "",
		"a PostgreSQL URL (postgres://...) to measure on, in a fresh schema; empty for SQLite")
	flag.DurationVar(&cfg.slow, "slow", 0, "print SQL statements slower than this (0: none)")
	serve := flag.Bool("serve", false, "run as the server process (used by bench itself)")
	flag.StringVar(&serveDataDir, "serve-data-dir", "", "the server process's data directory")
	flag.Parse()
	cfg.sizes = parseInts(*sizes, 350, "size")
	cfg.clients = parseInts(*clients, 1, "number of clients")
	return cfg, *serve
}

func parseInts(s string, least int, what string) []int {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < least {
			log.Fatalf("bench: %q is not a %s of at least %d", f, what, least)
		}
		out = append(out, n)
	}
	return out
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: results in %s\n", path)
	return nil
}
