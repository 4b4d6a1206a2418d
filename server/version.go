package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/httpapi"
)

// The commit and build date of a release build, set at link time beside
// throughline.dev/graph.Version:
//
//	-ldflags "-X throughline.dev/graph.Version=1.2.0 -X main.commit=abc1234 -X main.buildDate=2025-06-01T12:00:00Z"
//
// Left empty, they come from what the Go toolchain recorded of the
// source tree (a build from a git checkout), or read "unknown".
var (
	commit    string
	buildDate string
)

// build names the release this binary was built from.
type build struct {
	Version, Commit, Date, Go string
}

func buildInfo() build {
	b := build{Version: throughline.Version, Commit: commit, Date: buildDate, Go: runtime.Version()}
	vcsCommit, vcsDate := vcsStamp()
	if b.Commit == "" {
		b.Commit = vcsCommit
	}
	if b.Date == "" {
		b.Date = vcsDate
	}
	return b
}

// vcsStamp returns the commit and its time that `go build` recorded from
// a git checkout, the commit marked -dirty when the tree had changes;
// "unknown" for what it did not record.
func vcsStamp() (commit, date string) {
	commit, date = "unknown", "unknown"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return commit, date
	}
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.time":
			date = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty && commit != "unknown" {
		commit += "-dirty"
	}
	return commit, date
}

func (b build) http() httpapi.BuildInfo {
	return httpapi.BuildInfo{Version: b.Version, Commit: b.Commit, Date: b.Date}
}

type versionCmd struct{}

func (versionCmd) Run() error {
	b := buildInfo()
	fmt.Printf("throughline %s\ncommit:     %s\nbuilt:      %s\ngo:         %s %s/%s\n",
		b.Version, b.Commit, b.Date, b.Go, runtime.GOOS, runtime.GOARCH)
	return nil
}
