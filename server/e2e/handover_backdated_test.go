package e2e_test

import (
	"fmt"
	"strings"
	"testing"
)

// A handover recorded on 20 November with an effective date of 5
// November, for two people at once: their manager histories switch on
// the 5th, and each pack shows the plan as it stood that day (actions
// overdue then, check-ins held by then, warnings then), not as it stands
// on the day the move is recorded.
func TestBackdatedHandoverThroughTheAPI(t *testing.T) {
	a := newHandoverAPI(t)
	a.setDay("2026-11-20")
	adaPlan := a.backdatedAdaPlan()
	a.backdatedEvePlan()

	// A move dated ahead is refused on effectiveOn, and so is one dated
	// before the people joined their current reporting line; neither
	// changes anything.
	for _, c := range []struct {
		day, says string
		people    []string
	}{
		{"2026-11-22", "2026-11-22 is in the future", []string{"Ada", "Eve"}},
		{"2027-02-01", "2027-02-01 is in the future", []string{"Ada", "Eve"}},
		{"2026-10-15", "Ada has been in their current reporting line since 2026-11-02",
			[]string{"Ada"}},
	} {
		in := a.moveInput("Cy", c.people...)
		in["effectiveOn"] = c.day
		a.refused("Bo", "handOver", "handover", in, "INVALID", "effectiveOn", c.says)
	}
	a.wantManager("Ada", "Bo")
	a.wantManager("Eve", "Bo")
	if n, _ := a.handovers("Hana", false); n != 0 {
		t.Errorf("refused moves left %d handovers, want none", n)
	}
	a.wantHistory("Ada", "Bo 2026-11-02..now")

	h := a.handOver("Bo", "Cy", map[string]any{"note": "Back-dated reorg", "effectiveOn": "2026-11-05"},
		"Ada", "Eve")
	if h.EffectiveOn != "2026-11-05" || len(h.Packs) != 2 || h.ToManager.Name != "Cy" {
		t.Fatalf("handover = %+v, want effective 2026-11-05 with two packs", h)
	}
	a.wantManager("Ada", "Cy")
	a.wantManager("Eve", "Cy")
	for _, who := range []string{"Ada", "Eve"} {
		a.wantHistory(who, "Bo 2026-11-02..2026-11-04; Cy 2026-11-05..now after Back-dated reorg")
	}
	if md := h.Packs[0].Markdown; !strings.Contains(md, "- Effective on: 2026-11-05\n") {
		t.Errorf("Ada's pack as Markdown lacks the effective day:\n%s", md)
	}
	ada, eve := h.Packs[0].Contents, h.Packs[1].Contents

	// Overdue is judged on 5 November: due before that day and not done.
	t.Run("open actions as of the effective day", func(t *testing.T) {
		wantActions(t, "Eve", eve, "Visit a customer due 2026-11-04 overdue; "+
			"Shadow Mo due 2026-11-05; Pair with Zed due 2026-11-06")
		wantActions(t, "Ada", ada, "Call three customers due 2026-11-03 overdue; "+
			"Discovery course due 2026-11-04 overdue; Shadow Mo due 2026-11-10")
	})
	t.Run("recent check-ins as of the effective day", func(t *testing.T) {
		wantCheckIns(t, "Ada", ada, "2026-10-01 before the move")
		wantCheckIns(t, "Eve", eve, "2026-10-20 -")
	})
	t.Run("warnings as of the effective day", func(t *testing.T) {
		if !hasWarning(ada.Warnings, "MONTHLY_CHECK_IN_OVERDUE") {
			t.Errorf("Ada's pack warnings %v lack MONTHLY_CHECK_IN_OVERDUE: on 2026-11-05 "+
				"her last check-in was on 2026-10-01", ada.Warnings)
		}
		if hasWarning(eve.Warnings, "MONTHLY_CHECK_IN_OVERDUE") {
			t.Errorf("Eve's pack warns of an overdue check-in: on 2026-11-05 her last "+
				"was on 2026-10-20, %v", eve.Warnings)
		}
	})

	// The plan itself moved whole: today it has both check-ins.
	if p := a.plan("Cy", adaPlan); p == nil || p.CheckIns.TotalCount != 2 {
		t.Errorf("Cy reads Ada's plan as %+v, want it with its two check-ins", p)
	}
}

// Each person moved is held to their own current stint: a move dated
// before someone's current manager took them on is refused for them,
// and a move dated after it closes that stint the day before.
func TestBackdatedHandoverRespectsEachStint(t *testing.T) {
	a := newHandoverAPI(t)
	a.setDay("2026-11-10")
	a.create("Lead", "updatePerson", "person", map[string]any{"id": a.id["Dan"], "managerId": a.id["Bo"]})
	a.wantHistory("Dan", "Ada 2026-11-02..2026-11-09; Bo 2026-11-10..now")

	a.setDay("2026-11-20")
	in := a.moveInput("Cy", "Eve", "Dan")
	in["effectiveOn"] = "2026-11-05"
	a.refused("Hana", "handOver", "handover", in, "INVALID", "effectiveOn",
		"Dan has been in their current reporting line since 2026-11-10")
	a.wantManager("Dan", "Bo")
	a.wantManager("Eve", "Bo")

	h := a.handOver("Hana", "Cy", map[string]any{"note": "Platform split", "effectiveOn": "2026-11-12"},
		"Eve", "Dan")
	if h.EffectiveOn != "2026-11-12" || h.FromManager == nil || h.FromManager.Name != "Bo" {
		t.Errorf("handover = %+v, want from Bo, effective 2026-11-12", h)
	}
	a.wantHistory("Eve", "Bo 2026-11-02..2026-11-11; Cy 2026-11-12..now after Platform split")
	a.wantHistory("Dan", "Ada 2026-11-02..2026-11-09; Bo 2026-11-10..2026-11-11; "+
		"Cy 2026-11-12..now after Platform split")
}

// backdatedAdaPlan gives Ada, on 20 November, a plan with an action
// overdue on 5 November, one done on the 12th that was overdue on the
// 5th, one due on the 10th, and check-ins on 1 October and 12 November.
func (a *handoverAPI) backdatedAdaPlan() string {
	plan := a.create("Bo", "createDevelopmentPlan", "plan", map[string]any{
		"personId": a.id["Ada"], "cycle": "2026-Q4",
	})
	goal := a.create("Bo", "addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "EXECUTION",
		"title": "Run discovery", "changeInWork": "Calls end with a next step",
		"keyResultId": a.kr, "capabilityId": a.capability,
	})
	a.action(plan, goal, "EXPERIENCE", "Call three customers", "2026-11-03", a.id["Bo"])
	course := a.action(plan, goal, "EDUCATION", "Discovery course", "2026-11-04", "")
	a.action(plan, goal, "EXPOSURE", "Shadow Mo", "2026-11-10", "")
	a.create("Bo", "updateDevelopmentAction", "action", map[string]any{
		"id": course, "version": a.version(plan), "doneOn": "2026-11-12",
	})
	a.backdatedCheckIn(plan, "2026-10-01", "before the move")
	a.backdatedCheckIn(plan, "2026-11-12", "after the move")
	return plan
}

// backdatedEvePlan gives Eve actions due the day before, on and after 5
// November, and check-ins on 20 October and 18 November.
func (a *handoverAPI) backdatedEvePlan() {
	plan := a.create("Bo", "createDevelopmentPlan", "plan", map[string]any{
		"personId": a.id["Eve"], "cycle": "2026-Q4",
	})
	goal := a.create("Bo", "addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "EXECUTION",
		"title": "Qualify deals", "changeInWork": "Only qualified deals reach a proposal",
		"keyResultId": a.kr, "capabilityId": a.capability,
	})
	a.action(plan, goal, "EXPERIENCE", "Pair with Zed", "2026-11-06", a.id["Bo"])
	a.action(plan, goal, "EXPOSURE", "Shadow Mo", "2026-11-05", "")
	a.action(plan, goal, "EXPERIENCE", "Visit a customer", "2026-11-04", "")
	a.backdatedCheckIn(plan, "2026-10-20", "")
	a.backdatedCheckIn(plan, "2026-11-18", "after the move")
}

func (a *handoverAPI) backdatedCheckIn(plan, day, note string) {
	a.create("Bo", "recordCheckIn", "checkIn", map[string]any{
		"planId": plan, "version": a.version(plan), "kind": "MONTHLY", "heldOn": day,
		"statusAfter": "ON_TRACK", "note": note,
	})
}

// wantHistory checks a person's manager history as HR reads it.
func (a *handoverAPI) wantHistory(name, want string) {
	a.t.Helper()
	var data struct {
		Node struct{ ManagerHistory []hoStint }
	}
	a.as["Hana"].MustDo(`query($id: ID!) { node(id: $id) { ... on Person {
		managerHistory { manager { name } fromOn untilOn handover { note } } } } }`,
		map[string]any{"id": a.id[name]}, &data)
	if got := describeHoStints(data.Node.ManagerHistory); got != want {
		a.t.Errorf("%s's manager history = %s, want %s", name, got, want)
	}
}

func wantActions(t *testing.T, who string, c hoContents, want string) {
	t.Helper()
	var got []string
	for _, a := range c.OpenActions {
		s := a.Title
		if a.DueOn != nil {
			s += " due " + *a.DueOn
		}
		if a.Overdue {
			s += " overdue"
		}
		got = append(got, s)
	}
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("%s's pack open actions:\n got  %s\n want %s", who, g, want)
	}
}

func wantCheckIns(t *testing.T, who string, c hoContents, want string) {
	t.Helper()
	got := make([]string, len(c.RecentCheckIns))
	for i, ci := range c.RecentCheckIns {
		note := "-"
		if ci.Note != nil {
			note = *ci.Note
		}
		got[i] = fmt.Sprintf("%s %s", ci.HeldOn, note)
	}
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("%s's pack recent check-ins:\n got  %s\n want %s (none held after the move)",
			who, g, want)
	}
}
