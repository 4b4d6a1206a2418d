package loaders

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// ErrNotFound is the error of a by-key load whose key the batch did not
// return.
var ErrNotFound = errors.New("loaders: not found")

// Loader batches and caches one kind of lookup for one request. Keys
// reach it three ways:
//
//   - Prefetch fetches every key of a level at once, now, in the calling
//     goroutine: one call of the batch function for a whole list, however
//     the loads of its items are later scheduled. Reading ahead for a
//     list (gql's Lookahead) prefetches what its items will ask for,
//     which makes the number of statements of a query a matter of its
//     shape alone.
//   - Load of a field that is not inside a list fetches its key at once:
//     nothing else at its level could join it, and a window would only
//     make it wait.
//   - Load of a field inside a list gathers the keys asked for within a
//     short window into one call. This catches what no read-ahead
//     foresaw; how many calls it makes depends on how the goroutines of
//     the request are scheduled.
//
// A key is fetched once per request whichever way: a key already fetched
// or on its way is waited for, not fetched again.
type Loader[K comparable, V any] struct {
	fetch func(context.Context, []K) (map[K]V, error)
	// missing gives the value and error of a key the fetch did not return.
	missing func(K) (V, error)
	wait    time.Duration

	mu      sync.Mutex
	results map[K]*result[V]
	pending []K // keys waiting for the window to close
}

// result is one key's value, ready once done is closed.
type result[V any] struct {
	done chan struct{}
	v    V
	err  error
}

func newLoader[K comparable, V any](fetch func(context.Context, []K) (map[K]V, error),
	missing func(K) (V, error), wait time.Duration,
) *Loader[K, V] {
	return &Loader[K, V]{fetch: fetch, missing: missing, wait: wait, results: map[K]*result[V]{}}
}

// Load returns the value of one key, fetched with the other keys asked
// for within the window, unless it was fetched or prefetched already.
func (l *Loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	if !inList(ctx) {
		return l.loadNow(ctx, key)
	}
	l.mu.Lock()
	r, ok := l.results[key]
	if !ok {
		r = l.add(key)
		if len(l.pending) == 0 {
			time.AfterFunc(l.wait, func() { l.dispatch(ctx) })
		}
		l.pending = append(l.pending, key)
	}
	l.mu.Unlock()
	<-r.done
	return r.v, r.err
}

// loadNow fetches one key at once, unless it is known.
func (l *Loader[K, V]) loadNow(ctx context.Context, key K) (V, error) {
	if err := l.Prefetch(ctx, []K{key}); err != nil {
		var zero V
		return zero, err
	}
	l.mu.Lock()
	r := l.results[key]
	l.mu.Unlock()
	<-r.done
	return r.v, r.err
}

// inList reports whether the field being resolved lies inside a list,
// where the items' loads may gather in one batch.
func inList(ctx context.Context) bool {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return true
		}
	}
	return false
}

// LoadAll loads several keys in one batch; the error joins those of the
// keys that failed.
func (l *Loader[K, V]) LoadAll(ctx context.Context, keys []K) ([]V, error) {
	if err := l.Prefetch(ctx, keys); err != nil {
		return nil, err
	}
	out := make([]V, len(keys))
	errs := make([]error, len(keys))
	for i, k := range keys {
		out[i], errs[i] = l.Load(ctx, k)
	}
	return out, errors.Join(errs...)
}

// Prefetch fetches, in one call and before it returns, every key not yet
// fetched or on its way. Errors of the fetch are kept for the keys' loads
// and returned.
func (l *Loader[K, V]) Prefetch(ctx context.Context, keys []K) error {
	l.mu.Lock()
	var missing []K
	var mine []*result[V]
	for _, k := range keys {
		if _, ok := l.results[k]; !ok {
			missing = append(missing, k)
			mine = append(mine, l.add(k))
		}
	}
	l.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	return l.complete(ctx, missing, mine)
}

// Prime records a value fetched some other way, unless the key is known.
func (l *Loader[K, V]) Prime(key K, v V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.results[key]; ok {
		return
	}
	r := l.add(key)
	r.v = v
	close(r.done)
}

// add records a key as on its way; the caller holds l.mu.
func (l *Loader[K, V]) add(key K) *result[V] {
	r := &result[V]{done: make(chan struct{})}
	l.results[key] = r
	return r
}

// dispatch fetches the keys the window gathered.
func (l *Loader[K, V]) dispatch(ctx context.Context) {
	l.mu.Lock()
	keys := l.pending
	l.pending = nil
	rs := make([]*result[V], len(keys))
	for i, k := range keys {
		rs[i] = l.results[k]
	}
	l.mu.Unlock()
	_ = l.complete(ctx, keys, rs)
}

// complete runs the batch function on keys and settles their results.
func (l *Loader[K, V]) complete(ctx context.Context, keys []K, rs []*result[V]) error {
	m, err := l.safeFetch(ctx, keys)
	for i, k := range keys {
		r := rs[i]
		v, found := m[k]
		switch {
		case err != nil:
			r.err = err
		case found:
			r.v = v
		default:
			r.v, r.err = l.missing(k)
		}
		close(r.done)
	}
	return err
}

// safeFetch turns a panic of the batch function into an error, so that
// the loads waiting for the batch end rather than hang.
func (l *Loader[K, V]) safeFetch(ctx context.Context, keys []K) (m map[K]V, err error) {
	defer func() {
		if p := recover(); p != nil {
			m, err = nil, fmt.Errorf("loaders: batch function panicked: %v", p)
		}
	}()
	return l.fetch(ctx, keys)
}
