package importer

// loopFinder finds the links of a graph that lie on a loop: team trees,
// reporting lines and alignment all must have none. It runs Tarjan's
// strongly connected components once over the whole graph, so a file of
// many thousands of people costs one pass, not one walk up the tree per
// person.
type loopFinder[K comparable] struct {
	parents func(K) []K
	index   map[K]int
	low     map[K]int
	onStack map[K]bool
	stack   []K
	comp    map[K]int // the component of each node that lies on a loop
}

// findLoops returns, for each node on a loop, an ID shared by the nodes of
// its loop. A link from a to b lies on a loop when both have the same ID.
func findLoops[K comparable](nodes []K, parents func(K) []K) map[K]int {
	f := &loopFinder[K]{
		parents: parents,
		index:   make(map[K]int, len(nodes)),
		low:     make(map[K]int, len(nodes)),
		onStack: map[K]bool{},
		comp:    map[K]int{},
	}
	for _, n := range nodes {
		if _, seen := f.index[n]; !seen {
			f.visit(n)
		}
	}
	return f.comp
}

func (f *loopFinder[K]) visit(v K) {
	f.index[v] = len(f.index)
	f.low[v] = f.index[v]
	f.stack = append(f.stack, v)
	f.onStack[v] = true
	for _, w := range f.parents(v) {
		if _, seen := f.index[w]; !seen {
			f.visit(w)
			f.low[v] = min(f.low[v], f.low[w])
		} else if f.onStack[w] {
			f.low[v] = min(f.low[v], f.index[w])
		}
	}
	if f.low[v] == f.index[v] {
		f.popComponent(v)
	}
}

// popComponent takes v's component off the stack and records it when it
// is a loop: more than one node, or one node that is its own parent.
func (f *loopFinder[K]) popComponent(v K) {
	i := len(f.stack) - 1
	for f.stack[i] != v {
		i--
	}
	members := f.stack[i:]
	f.stack = f.stack[:i]
	for _, m := range members {
		delete(f.onStack, m)
	}
	if len(members) == 1 && !f.isOwnParent(v) {
		return
	}
	for _, m := range members {
		f.comp[m] = f.index[v]
	}
}

func (f *loopFinder[K]) isOwnParent(v K) bool {
	for _, w := range f.parents(v) {
		if w == v {
			return true
		}
	}
	return false
}

// onLoop reports whether the link from child to parent lies on a loop.
func onLoop[K comparable](loops map[K]int, child, parent K) bool {
	c, ok := loops[child]
	if !ok {
		return false
	}
	p, ok := loops[parent]
	return ok && c == p
}
