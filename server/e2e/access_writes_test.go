package e2e_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
)

// The second access matrix, for writes: every mutation that the first
// one (access_test.go) leaves out, made by every actor, on each person
// it can concern. A write the actor may make must take effect and report
// no problem; any other must leave the database as it was, and say so.
// Each mutation's refused cells run before its allowed ones, so that a
// refusal is never only the result of an allowed cell's change.

// mxWrite is one mutation of the matrix.
type mxWrite struct {
	name string
	// doc is the mutation's document; "" makes one that takes an input
	// named after the mutation.
	doc string
	// owners are whom the mutation is tried on: people whose plan or
	// pack it concerns, or "" for a mutation that concerns no one.
	owners []string
	may    map[string][]string // actor → owners
	// input makes what the cell needs, as the test lead, and returns
	// the input; nil for a mutation that takes none.
	input func(c *mxCell) map[string]any
	// probe reads, from the database, what the cell's write would
	// change.
	probe func(c *mxCell) string
}

// mxCell is one actor's write on one owner, with a tag no other cell
// uses.
type mxCell struct {
	o     *mxWriteOrg
	actor accessActor
	owner string
	tag   string
	n     int
}

// mxWriteOrg is the access organisation with what the writes need.
type mxWriteOrg struct {
	*mxOrg
	setCapability string // a capability only setCapabilityRequirement uses
}

var (
	mxNoOwner      = []string{""}
	mxDataManagers = actorsMay("H", "A", "A+HR")
	mxAdmins       = actorsMay("A", "A+HR")
	mxHR           = actorsMay("H", "A+HR")
	mxManagers     = actorsMay("M", "M2")
	// mxMovesOrDrafts: HR may move anyone and draft anyone's pack; a
	// manager only for the people below them.
	mxMovesOrDrafts = map[string][]string{
		"M": {"R", "RR"}, "M2": {"O"}, "H": accessOwners, "A+HR": accessOwners,
	}
	// mxIncoming are the incoming managers whose packs the
	// acknowledgement cells make.
	mxIncoming = []string{"M", "M2"}
	// mxAcknowledges: the incoming manager acknowledges their pack, and
	// HR may stand in for them.
	mxAcknowledges = map[string][]string{
		"M": {"M"}, "M2": {"M2"}, "H": mxIncoming, "A+HR": mxIncoming,
	}
)

// mxReviewCycle is the cycle quarterly reviews move plans into. It starts
// four days after the server's today, inside the review rhythm's lead.
const mxReviewCycle = "review-next"

var mxWrites = []mxWrite{
	{name: "createCycle", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{"name": c.tag, "startsOn": "2029-01-01", "endsOn": "2029-03-31"}
		},
		probe: func(c *mxCell) string { return c.count("cycles WHERE name = ?", c.tag) }},
	{name: "createTeam", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any { return map[string]any{"name": c.tag} },
		probe: func(c *mxCell) string { return c.count("teams WHERE name = ?", c.tag) }},
	{name: "updateTeam", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{"id": c.o.made["team"], "name": c.tag}
		},
		probe: func(c *mxCell) string { return c.count("teams WHERE name = ?", c.tag) }},
	{name: "createPerson", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{"email": c.email(), "name": c.tag}
		},
		probe: func(c *mxCell) string { return c.count("people WHERE email = ?", c.email()) }},
	{name: "updateObjective", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{"id": c.o.found("objective"), "title": c.tag}
		},
		probe: func(c *mxCell) string { return c.count("objectives WHERE title = ?", c.tag) }},
	{name: "createKeyResult", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{"objectiveId": c.o.found("objective"), "title": c.tag}
		},
		probe: func(c *mxCell) string { return c.count("key_results WHERE title = ?", c.tag) }},
	{name: "updateKeyResult", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{"id": c.o.found("key result"), "unit": c.tag}
		},
		probe: func(c *mxCell) string { return c.count("key_results WHERE unit = ?", c.tag) }},
	{name: "setCapabilityRequirement", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			return map[string]any{
				"keyResultId": c.o.found("key result"), "capabilityId": c.o.setCapability,
				"level": 2, "reason": c.tag,
			}
		},
		probe: func(c *mxCell) string {
			return c.count("capability_requirements WHERE reason = ?", c.tag)
		}},
	{name: "removeCapabilityRequirement", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			capability := c.o.leadMake("createCapability", "capability", "CreateCapabilityInput",
				map[string]any{"name": c.tag, "levels": []map[string]any{
					{"name": "Aware", "descriptor": "knows it"}, {"name": "Able", "descriptor": "does it"},
				}})
			id := c.o.leadMake("setCapabilityRequirement", "requirement",
				"SetCapabilityRequirementInput", map[string]any{
					"keyResultId": c.o.found("key result"), "capabilityId": capability,
					"level": 1, "reason": c.tag,
				})
			return map[string]any{"id": id}
		},
		probe: func(c *mxCell) string {
			return c.count("capability_requirements WHERE reason = ?", c.tag)
		}},
	{name: "revokeToken", owners: mxNoOwner, may: mxAdmins,
		input: func(c *mxCell) map[string]any {
			id := c.o.leadMake("createToken", "token", "CreateTokenInput", map[string]any{
				"personId": c.o.found("O person"), "roles": []string{"EMPLOYEE"}, "label": c.tag,
			})
			return map[string]any{"id": id}
		},
		probe: func(c *mxCell) string {
			return c.count("tokens WHERE label = ? AND revoked_at IS NOT NULL", c.tag)
		}},
	{name: "holdQuarterlyReview", owners: accessOwners, may: editsPlanOf,
		input: func(c *mxCell) map[string]any {
			return map[string]any{
				"planId": c.o.found(c.owner + " " + kindPlan), "version": c.o.version(c.owner),
				"cycle": mxReviewCycle, "note": c.tag,
				"decisions": []map[string]any{{
					"goalId": c.o.found(c.owner + " " + kindGoal), "decision": "CLOSE_ACHIEVED",
				}},
			}
		},
		probe: func(c *mxCell) string {
			return fmt.Sprintf("v%d, reviews %s", c.o.version(c.owner),
				c.count("check_ins WHERE note = ?", c.tag))
		}},
	{name: "setReviewRhythm", owners: mxNoOwner, may: mxHR,
		input: func(c *mxCell) map[string]any {
			m, w, l := c.rhythm()
			return map[string]any{"monthlyEveryDays": m, "reviewWindowDays": w, "reviewLeadDays": l}
		},
		probe: func(c *mxCell) string {
			r, err := c.o.store().ReviewRhythm(context.Background())
			c.o.must(err)
			m, w, l := r.Days()
			return fmt.Sprintf("rhythm %d/%d/%d", m, w, l)
		}},
	{name: "openCycle", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*c.n)
			return map[string]any{
				"name": c.tag, "startsOn": start.Format(time.DateOnly),
				"endsOn": start.AddDate(0, 0, 6).Format(time.DateOnly),
			}
		},
		probe: func(c *mxCell) string { return c.count("cycles WHERE name = ?", c.tag) }},
	{name: "resetCalendarFeed", owners: mxNoOwner, may: mxManagers,
		doc: `mutation { resetCalendarFeed { feed { path } userErrors { field message code } } }`,
		probe: func(c *mxCell) string {
			if c.actor.person == "" {
				return "nobody's feed"
			}
			return c.text(`SELECT f.secret_hash FROM calendar_feeds f
				JOIN people p ON p.id = f.person_id WHERE p.email = ?`,
				c.o.people[c.actor.person].Email)
		}},
	{name: "recordDeparture", owners: mxNoOwner, may: mxDataManagers,
		input: func(c *mxCell) map[string]any {
			id := c.o.leadMake("createPerson", "person", "CreatePersonInput",
				map[string]any{"email": c.email(), "name": c.tag, "managerId": c.o.found("R person")})
			return map[string]any{"personId": id, "leftOn": "2026-11-16"}
		},
		probe: func(c *mxCell) string {
			return c.count("people WHERE email = ? AND left_on IS NOT NULL", c.email())
		}},
	{name: "handOver", owners: accessOwners, may: mxMovesOrDrafts,
		input: func(c *mxCell) map[string]any {
			// A colleague of the owner, under the same manager, so that
			// the same people manage both and the owner stays put.
			id := c.o.leadMake("createPerson", "person", "CreatePersonInput", map[string]any{
				"email": c.email(), "name": c.tag, "managerId": c.o.personID(mxManagerOf(c.owner)),
			})
			return map[string]any{
				"personIds": []string{id}, "toManagerId": c.o.personID("H"), "note": c.tag,
			}
		},
		probe: func(c *mxCell) string {
			return c.count(`people p JOIN people m ON m.id = p.manager_id
				WHERE p.email = ? AND m.email = ?`, c.email(), c.o.people["H"].Email)
		}},
	{name: "draftHandoverPack", owners: accessOwners, may: mxMovesOrDrafts,
		input: func(c *mxCell) map[string]any {
			in := map[string]any{"personId": c.o.found(c.owner + " person"), "risks": c.tag}
			// An edit names the version of the draft it was made on.
			v := c.text(`SELECT version FROM handover_packs p JOIN people x ON x.id = p.person_id
				WHERE x.email = ? AND p.handover_id IS NULL`, c.o.people[c.owner].Email)
			if n, err := strconv.Atoi(v); err == nil {
				in["version"] = n
			}
			return in
		},
		probe: func(c *mxCell) string {
			return c.count("handover_packs WHERE risks = ? AND handover_id IS NULL", c.tag)
		}},
	{name: "acknowledgeHandoverPack", owners: mxIncoming, may: mxAcknowledges,
		input: func(c *mxCell) map[string]any {
			// Someone of the other manager's moves to the owner: the
			// outgoing manager reads the pack but does not acknowledge it.
			from := "M2"
			if c.owner == "M2" {
				from = "M"
			}
			person := c.o.leadMake("createPerson", "person", "CreatePersonInput", map[string]any{
				"email": c.email(), "name": c.tag, "managerId": c.o.personID(from),
			})
			return map[string]any{"packId": c.o.leadHandOver(person, c.owner)}
		},
		probe: func(c *mxCell) string {
			return c.count(`handover_packs h JOIN people p ON p.id = h.person_id
				WHERE p.email = ? AND h.acknowledged_at IS NOT NULL`, c.email())
		}},
}

// mxManagerOf is whom an owner reports to.
func mxManagerOf(owner string) string {
	for _, p := range accessLine {
		if p[0] == owner {
			return p[1]
		}
	}
	return ""
}

// mxMatrixMutations names every mutation the two write matrices hold.
func mxMatrixMutations() []string {
	var names []string
	for _, w := range slices.Concat(planWrites, globalWrites) {
		names = append(names, w.name)
	}
	for _, w := range mxWrites {
		names = append(names, w.name)
	}
	return names
}

func newMxWriteOrg(t *testing.T) *mxWriteOrg {
	t.Helper()
	o := &mxWriteOrg{mxOrg: newMxBase(t)}
	o.made["team"] = o.leadMake("createTeam", "team", "CreateTeamInput",
		map[string]any{"name": mxTeam})
	o.setCapability = o.leadMake("createCapability", "capability", "CreateCapabilityInput",
		map[string]any{"name": "[set capability]", "levels": []map[string]any{
			{"name": "Aware", "descriptor": "knows it"}, {"name": "Able", "descriptor": "does it"},
		}})
	o.must(o.store().CreateCycle(o.ctx, &throughline.Cycle{
		Name: mxReviewCycle, StartsOn: mustDate(t, "2026-11-20"), EndsOn: mustDate(t, "2027-02-19"),
	}))
	return o
}

// leadHandOver moves a person to a manager as the test lead and returns
// the pack's ID.
func (o *mxWriteOrg) leadHandOver(person, to string) string {
	o.t.Helper()
	var h struct {
		Handover struct{ Packs []struct{ ID string } }
	}
	o.s.MustMutate("handOver", `mutation($in: HandOverInput!) { handOver(input: $in) {
		handover { packs { id } } userErrors { field message code } } }`,
		map[string]any{"in": map[string]any{
			"personIds": []string{person}, "toManagerId": o.personID(to),
		}}, &h)
	if len(h.Handover.Packs) != 1 {
		o.t.Fatalf("handOver made %+v, want one pack", h.Handover)
	}
	return h.Handover.Packs[0].ID
}

// TestAccessMatrixWrites holds every actor to who may make each mutation
// that access_test.go leaves out.
func TestAccessMatrixWrites(t *testing.T) {
	o := newMxWriteOrg(t)
	cells := 0
	for _, w := range mxWrites {
		for _, pass := range []bool{false, true} {
			for _, a := range accessActors {
				for _, owner := range w.owners {
					if allowed := slices.Contains(w.may[a.name], owner); allowed == pass {
						o.writeCellMx(a, w, owner, allowed)
						cells++
					}
				}
			}
		}
	}
	t.Logf("write matrix: %d mutations, %d cells", len(mxWrites), cells)
}

func (o *mxWriteOrg) writeCellMx(a accessActor, w mxWrite, owner string, allowed bool) {
	o.t.Helper()
	c := &mxCell{o: o, actor: a, owner: owner, tag: o.tag(a.name, w.name)}
	c.n = o.tags
	var vars map[string]any
	if w.input != nil {
		vars = map[string]any{"input": w.input(c)}
	}
	doc := w.doc
	if doc == "" {
		doc = mutationFor(w.name)
	}
	before := w.probe(c)
	r := o.s.As(o.tokens[a.name]).Do(doc, vars)
	after := w.probe(c)
	cell := a.name + " " + w.name
	if owner != "" {
		cell += " for " + owner
	}
	switch {
	case a.person == "" && r.Status != http.StatusUnauthorized:
		o.t.Errorf("%s: answered %d without a token, want 401", cell, r.Status)
	case !allowed && after != before:
		o.t.Errorf("%s: changed the database (%s, was %s)", cell, after, before)
	case !allowed && succeeded(r, w.name):
		o.t.Errorf("%s: refused but reported success: %s", cell, problems(r))
	case allowed && after == before:
		o.t.Errorf("%s: refused (%s; still %s)", cell, problems(r), after)
	case allowed && !succeeded(r, w.name):
		o.t.Errorf("%s: took effect but reported %s", cell, problems(r))
	}
}

// count counts the rows of "table WHERE ..." with arguments.
func (c *mxCell) count(from string, args ...any) string {
	return c.text("SELECT count(*) FROM "+from, args...)
}

// text reads one value from the database as text; "none" when no row.
func (c *mxCell) text(query string, args ...any) string {
	c.o.t.Helper()
	db, err := c.o.store().SQL()
	c.o.must(err)
	var v sql.NullString
	err = db.QueryRowContext(context.Background(), c.o.store().Rebind(query), args...).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "none"
	}
	c.o.must(err)
	return v.String
}

// email is the cell's own email address.
func (c *mxCell) email() string {
	r := strings.NewReplacer("/", "-", "+", "-")
	return strings.ToLower(r.Replace(c.tag)) + "@mx.example"
}

// rhythm gives each cell a rhythm of its own whose lead keeps the review
// cycle's window open.
func (c *mxCell) rhythm() (monthly, window, lead int) {
	return 7 + c.n%80, 1 + c.n%90, 10 + c.n%80
}
