package gql_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"

	"throughline.dev/graph/gql"
)

// A client that hangs up leaves every field still resolving with a
// cancelled context; none of those is logged, while a real internal error
// is, once.
func TestPresentErrorLogsOnlyRealFailures(t *testing.T) {
	var log bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&log, nil)))
	defer slog.SetDefault(old)

	gone, cancel := context.WithCancel(context.Background())
	cancel()
	for range 50 {
		gql.PresentError(gone, fmt.Errorf("storage: %w", context.Canceled))
	}
	if log.Len() != 0 {
		t.Errorf("cancelled requests were logged:\n%s", log.String())
	}

	pres := gql.PresentError(context.Background(), errors.New("storage: disk I/O error"))
	if pres.Message != "internal error" || log.Len() == 0 {
		t.Errorf("internal error presented as %q and logged %q", pres.Message, log.String())
	}
}
