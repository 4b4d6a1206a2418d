package throughline_test

import (
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
)

func TestEscapeMarkdownReadsAsTyped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, no marks", "plain words, no marks"},
		{"# drop everything", `\# drop everything`},
		{"C# and F# stay", "C# and F# stay"},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"*bold* and _em_", `\*bold\* and \_em\_`},
		{"[click](http://x.example)", `\[click\](http://x.example)`},
		{"`code`", "\\`code\\`"},
		{"AT&T | Q4 ~~gone~~", `AT\&T \| Q4 \~\~gone\~\~`},
		{`back\slash`, `back\\slash`},
		{"1. first", `1\. first`},
		{"12) twelfth", `12\) twelfth`},
		{"2026 was good", "2026 was good"},
		{"- a list", `\- a list`},
		{"+ a list", `\+ a list`},
		{"===", `\===`},
		{"    four spaces make code", "four spaces make code"},
		{"> a quote", `\> a quote`},
	}
	for _, tt := range tests {
		if got := throughline.EscapeMarkdown(tt.in); got != tt.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func mdDay(s string) time.Time {
	d, _ := time.Parse(time.DateOnly, s)
	return d
}

func packDocument() *throughline.PackDocument {
	cycle, status, change := "2026-Q4", throughline.StatusBlocked, throughline.ChangeSomeImprovement
	kr, capability, gap, supporter := "Win 30% of deals", "Discovery", int32(2), "Mo <mentor>"
	note, due, later := "Shared: *good* progress", mdDay("2026-11-01"), mdDay("2026-12-01")
	acked := mdDay("2026-11-21")
	handover := int64(4)
	return &throughline.PackDocument{
		Person: "Ada [the lead]", FromManager: "Bo", ToManager: "Cy",
		EffectiveOn: &acked, Note: "Team split\n# not a heading", AcknowledgedBy: "Cy",
		Pack: &throughline.HandoverPack{
			HandoverID: &handover, AcknowledgedAt: &acked,
			Risks:                 "# drop everything\n<b>big deal</b> closes in December",
			StakeholderPriorities: "",
		},
		Contents: &throughline.HandoverContents{
			Cycle: &cycle, Status: &status, StatusReason: "waiting for\na sponsor",
			ExecutionGoals: []*throughline.HandoverGoal{{
				Title: "Run discovery", ChangeInWork: "Calls end with a next step",
				KeyResult: &kr, Capability: &capability, Gap: &gap,
			}},
			OpenActions: []*throughline.HandoverAction{
				{Goal: "Run discovery", Kind: throughline.ActionExperience, Title: "Lead 3 calls",
					Supporter: &supporter, DueOn: &due, Overdue: true},
				{Goal: "Run discovery", Kind: throughline.ActionEducation, Title: "Course", DueOn: &later},
			},
			RecentCheckIns: []*throughline.HandoverCheckIn{{
				Kind: throughline.CheckInMonthly, HeldOn: due, StillHard: "Budget questions",
				ObservedChange: &change, StatusAfter: throughline.StatusOnTrack, Note: &note,
			}},
			KeyDeliverables: []*throughline.HandoverKeyResult{
				{Title: "Run 12 calls", Objective: "Ada's discovery", Progress: 0.4375, Critical: true},
			},
			Warnings: []*throughline.HandoverWarning{
				{Code: throughline.WarnNoSupporter, Message: `"Course" has no supporter`},
			},
		},
	}
}

func TestPackMarkdownShowsThePackAndEscapesWhatPeopleTyped(t *testing.T) {
	md := packDocument().Markdown()
	for _, want := range []string{
		"# Handover pack: Ada \\[the lead\\]\n",
		"- From: Bo\n- To: Cy\n- Effective on: 2026-11-21\n",
		"- State: acknowledged by Cy on 2026-11-21\n",
		"## Why the move\n\nTeam split\\\n\\# not a heading\n",
		"- Status: blocked: waiting for a sponsor\n",
		"### Run discovery\n\n- What will change: Calls end with a next step\n" +
			"- Key result: Win 30% of deals\n- Capability: Discovery (gap 2)\n",
		"## Career goals\n\nNone.\n",
		"- **Overdue:** Lead 3 calls (experience, for Run discovery), due 2026-11-01, " +
			"supported by Mo \\<mentor\\>\n- Course (education, for Run discovery), due 2026-12-01\n",
		"### 2026-11-01, monthly check-in\n\n- Status after: on track\n- Still hard: Budget questions\n" +
			"- Observed change: some improvement\n- Note: Shared: \\*good\\* progress\n",
		"- Run 12 calls (Ada's discovery): 44%, critical\n",
		"- \"Course\" has no supporter\n",
		"## Risks\n\n\\# drop everything\\\n\\<b\\>big deal\\</b\\> closes in December\n",
		"## Stakeholder priorities\n\nNone written.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "# ") && line != "# Handover pack: Ada \\[the lead\\]" {
			t.Errorf("user text made a heading: %q", line)
		}
	}
}

func TestPackMarkdownOfADraft(t *testing.T) {
	d := &throughline.PackDocument{
		Person: "Eve", Pack: &throughline.HandoverPack{Risks: "none known"},
		Contents: &throughline.HandoverContents{},
	}
	md := d.Markdown()
	for _, want := range []string{
		"- From: no manager\n- To: not yet decided\n- State: draft, before the move\n",
		"- Cycle: none\n- Status: no plan for the cycle\n",
		"## Open actions\n\nNone.\n", "## Risks\n\nnone known\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Effective on") || strings.Contains(md, "Why the move") {
		t.Errorf("a draft shows a move that has not happened:\n%s", md)
	}
}
