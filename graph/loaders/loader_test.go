package loaders

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
)

// calls records the batches a fetch function was called with.
type calls struct {
	mu      sync.Mutex
	batches [][]int64
}

func (c *calls) fetch(_ context.Context, keys []int64) (map[int64]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.batches = append(c.batches, slices.Sorted(slices.Values(keys)))
	out := map[int64]string{}
	for _, k := range keys {
		if k > 0 {
			out[k] = "v" + string(rune('0'+k))
		}
	}
	return out, nil
}

func (c *calls) all() [][]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.batches)
}

func newTestLoader(c *calls, wait time.Duration) *Loader[int64, string] {
	return newLoader(c.fetch, func(int64) (string, error) { return "", ErrNotFound }, wait)
}

// inListItem is the context of a field of the i-th item of a list.
func inListItem(i int) context.Context {
	ctx := graphql.WithFieldContext(context.Background(), &graphql.FieldContext{Object: "Query"})
	ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Item"})
}

func TestPrefetchFetchesTheMissingKeysInOneCall(t *testing.T) {
	c := &calls{}
	l := newTestLoader(c, time.Hour)
	ctx := context.Background()
	if err := l.Prefetch(ctx, []int64{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	if err := l.Prefetch(ctx, []int64{2, 3, 4}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []int64{1, 2, 3, 4} {
		if _, err := l.Load(inListItem(int(k)), k); err != nil {
			t.Fatal(err)
		}
	}
	want := [][]int64{{1, 2, 3}, {4}}
	if got := c.all(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("batches %v, want %v", got, want)
	}
}

func TestLoadOutsideAListFetchesAtOnce(t *testing.T) {
	c := &calls{}
	l := newTestLoader(c, time.Hour)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if v, err := l.Load(context.Background(), 2); err != nil || v != "v2" {
			t.Errorf("got %q, %v", v, err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the load waited for the window")
	}
}

func TestLoadsInsideAListGatherInTheWindow(t *testing.T) {
	c := &calls{}
	l := newTestLoader(c, 50*time.Millisecond)
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			if _, err := l.Load(inListItem(i), int64(i+1)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	want := [][]int64{{1, 2, 3, 4, 5}}
	if got := c.all(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("batches %v, want %v", got, want)
	}
}

func TestMissingKeys(t *testing.T) {
	ctx := context.Background()
	c := &calls{}
	_, err := Load(ctx, newTestLoader(c, time.Hour), -1, "thing")
	if throughline.ErrorCode(err) != throughline.ENOTFOUND {
		t.Errorf("by ID: got %v, want ENOTFOUND", err)
	}
	lists := grouped(func(context.Context, []int64) (map[int64][]string, error) {
		return map[int64][]string{}, nil
	})
	if v, err := lists.Load(ctx, 1); err != nil || v != nil {
		t.Errorf("grouped: got %v, %v; want no list and no error", v, err)
	}
	maybe := optional(func(context.Context, []int64) (map[int64]*string, error) {
		return map[int64]*string{}, nil
	})
	if v, err := maybe.Load(ctx, 1); err != nil || v != nil {
		t.Errorf("optional: got %v, %v; want nil and no error", v, err)
	}
}

func TestAFailedFetchFailsEveryKeyOfItsBatch(t *testing.T) {
	boom := errors.New("boom")
	l := newLoader(func(context.Context, []int64) (map[int64]int, error) { return nil, boom },
		func(int64) (int, error) { return 0, ErrNotFound }, time.Hour)
	ctx := context.Background()
	if err := l.Prefetch(ctx, []int64{1, 2}); !errors.Is(err, boom) {
		t.Errorf("prefetch: got %v", err)
	}
	for _, k := range []int64{1, 2} {
		if _, err := l.Load(ctx, k); !errors.Is(err, boom) {
			t.Errorf("key %d: got %v", k, err)
		}
	}
}

func TestAPanickingFetchIsAnErrorNotAHang(t *testing.T) {
	l := newLoader(func(context.Context, []int64) (map[int64]int, error) { panic("bad") },
		func(int64) (int, error) { return 0, ErrNotFound }, time.Millisecond)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			if _, err := l.Load(inListItem(i), int64(i)); err == nil {
				t.Error("no error")
			}
		})
	}
	wg.Wait()
}

func TestLoadAllKeepsTheOrderAndPrimeIsKept(t *testing.T) {
	c := &calls{}
	l := newTestLoader(c, time.Hour)
	l.Prime(9, "primed")
	got, err := l.LoadAll(context.Background(), []int64{3, 9, 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"v3", "primed", "v1"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := l.LoadAll(context.Background(), []int64{1, -5}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing key: got %v", err)
	}
	if want := [][]int64{{1, 3}, {-5}}; !slices.EqualFunc(c.all(), want, slices.Equal) {
		t.Errorf("batches %v, want %v", c.all(), want)
	}
}
