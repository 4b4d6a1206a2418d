// Command bench measures the GraphQL API on synthetic organisations of
// several sizes: median and p99 latency and SQL statements per request for
// each benchmark query, over real HTTP on a real SQLite file.
//
// Times are reported beside a reference query (`{ __typename }`) timed in
// the same run, so that results compare across machines as ratios.
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
)

// slowSQL is the threshold of the -slow flag.
var slowSQL time.Duration

func main() {
	sizes := flag.String("sizes", "1000,10000", "comma-separated organisation sizes (people)")
	iterations := flag.Int("n", 200, "requests per query and size")
	out := flag.String("out", "bench-results", "directory for databases and results")
	flag.DurationVar(&slowSQL, "slow", 0, "print SQL statements slower than this (0: none)")
	flag.Parse()

	var results []Result
	for _, size := range parseSizes(*sizes) {
		rs, err := runSize(context.Background(), size, *iterations, *out)
		if err != nil {
			log.Fatalf("bench: %d people: %v", size, err)
		}
		results = append(results, rs...)
	}
	printTable(os.Stdout, results)
	if err := writeJSON(filepath.Join(*out, "bench.json"), results); err != nil {
		log.Fatalf("bench: %v", err)
	}
}

func parseSizes(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 50 {
			log.Fatalf("bench: %q is not a size of at least 50 people", f)
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
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// Result is one query measured at one size.
type Result struct {
	People          int     `json:"people"`
	Query           string  `json:"query"`
	Requests        int     `json:"requests"`
	P50Millis       float64 `json:"p50_ms"`
	P99Millis       float64 `json:"p99_ms"`
	StatementsPerRq float64 `json:"sql_statements_per_request"`
	SQLMillisPerRq  float64 `json:"sql_ms_per_request"`
	OverReference   float64 `json:"p50_over_reference"`
}

func printTable(w *os.File, rs []Result) {
	fmt.Fprintf(w, "%-8s %-12s %9s %9s %10s %10s %9s\n",
		"people", "query", "p50 ms", "p99 ms", "sql stmts", "sql ms", "p50/ref")
	for _, r := range rs {
		fmt.Fprintf(w, "%-8d %-12s %9.2f %9.2f %10.1f %10.2f %9.1f\n",
			r.People, r.Query, r.P50Millis, r.P99Millis, r.StatementsPerRq,
			r.SQLMillisPerRq, r.OverReference)
	}
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
