package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"
)

// report is bench.json: the machine, then each organisation measured.
type report struct {
	Machine machine       `json:"machine"`
	Results []*sizeResult `json:"results"`
}

// machine notes what the figures were measured on.
type machine struct {
	CPU   string `json:"cpu"`
	Cores int    `json:"cores"`
	Go    string `json:"go"`
	OS    string `json:"os"`
	When  string `json:"when"`
}

func thisMachine() machine {
	return machine{
		CPU: cpuModel(), Cores: runtime.NumCPU(), Go: runtime.Version(),
		OS: runtime.GOOS + "/" + runtime.GOARCH, When: time.Now().UTC().Format(time.RFC3339),
	}
}

// cpuModel is the first "model name" of /proc/cpuinfo, or "unknown".
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// print writes the table: one line per organisation, then one per screen
// and concurrency.
func (r report) print(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "%s, %d cores, %s, %s\n", m.CPU, m.Cores, m.Go, m.OS)
	for _, s := range r.Results {
		fmt.Fprintf(w, "\n%s, %d people (%d teams): first answer %.0f ms after start, "+
			"peak RSS %.0f MiB, peak Go heap %.0f MiB, generated in %.1f s\n",
			s.Engine, s.People, s.Teams, s.StartToFirstAnswerMillis, s.PeakRSSMiB,
			s.PeakHeapMiB, s.GenerateSeconds)
		fmt.Fprintf(w, "%-9s %3s %5s %8s %8s %8s %6s %8s | %8s %8s %6s | %6s\n",
			"screen", "cli", "reqs", "p50 ms", "p99 ms", "req/s", "stmts", "sql ms",
			"floor50", "floor99", "fstmts", "x floor")
		for _, q := range s.Screens {
			fmt.Fprintf(w, "%-9s %3d %5d %8.2f %8.2f %8.1f %6.1f %8.2f | %8.2f %8.2f %6.1f | %6.2f\n",
				q.Screen, q.Clients, q.API.Requests, q.API.P50Millis, q.API.P99Millis,
				q.API.PerSecond, q.SQLStatementsPerRequest, q.SQLMillisPerRequest,
				q.Floor.P50Millis, q.Floor.P99Millis, q.FloorStatements, q.P50OverFloor)
		}
	}
}
