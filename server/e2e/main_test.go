package e2e_test

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

// built is the server binary the tests run, built once per test run:
// building it for every test would cost more than the tests themselves.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "throughline-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	built.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
