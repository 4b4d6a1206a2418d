// Package windowtest drives the real desktop app: the built binary in a
// virtual X display (Xvfb), signed in through its Connect form with
// xdotool against a real Throughline server with the demo organisation.
// It holds only tests; see window_test.go.
package windowtest
