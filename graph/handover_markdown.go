package throughline

import (
	"fmt"
	"strings"
	"time"
)

// PackDocument is what the Markdown of a handover pack is made from: the
// pack, its contents, and the names and dates around it that the pack
// holds only as IDs.
type PackDocument struct {
	Pack     *HandoverPack
	Contents *HandoverContents
	Person   string
	// FromManager and ToManager are names; empty when there was no
	// outgoing manager, and for a draft's incoming one.
	FromManager string
	ToManager   string
	// EffectiveOn and Note come from the handover; nil and empty for a
	// draft.
	EffectiveOn    *time.Time
	Note           string
	AcknowledgedBy string
}

// Markdown renders the pack for sharing and printing. Everything people
// typed is escaped, so that a risk written as "# urgent" or "<b>" reads
// as typed rather than as Markdown or HTML.
func (d *PackDocument) Markdown() string {
	w := &mdWriter{}
	w.heading(1, "Handover pack: "+d.Person)
	d.header(w)
	c := d.Contents
	if c == nil {
		c = &HandoverContents{}
	}
	planSection(w, c)
	goalSection(w, "Execution goals", c.ExecutionGoals)
	goalSection(w, "Career goals", c.CareerGoals)
	actionSection(w, c.OpenActions)
	checkInSection(w, c.RecentCheckIns)
	deliverableSection(w, c.KeyDeliverables)
	warningSection(w, c.Warnings)
	w.heading(2, "Risks")
	w.paragraph(d.Pack.Risks, "None written.")
	w.heading(2, "Stakeholder priorities")
	w.paragraph(d.Pack.StakeholderPriorities, "None written.")
	return w.String()
}

func (d *PackDocument) header(w *mdWriter) {
	w.item("From", orNone(d.FromManager, "no manager"))
	w.item("To", orNone(d.ToManager, "not yet decided"))
	if d.EffectiveOn != nil {
		w.raw("- Effective on: " + mdDate(*d.EffectiveOn))
	}
	w.raw("- State: " + d.state())
	w.blank()
	if strings.TrimSpace(d.Note) != "" {
		w.heading(2, "Why the move")
		w.paragraph(d.Note, "")
	}
}

// state says where the pack is in its life: a draft, waiting for the
// incoming manager, or acknowledged.
func (d *PackDocument) state() string {
	switch {
	case d.Pack.HandoverID == nil:
		return "draft, before the move"
	case d.Pack.AcknowledgedAt == nil:
		return "waiting for the incoming manager to acknowledge it"
	case d.AcknowledgedBy == "":
		return "closed on " + mdDate(*d.Pack.AcknowledgedAt)
	}
	return "acknowledged by " + EscapeMarkdown(d.AcknowledgedBy) + " on " +
		mdDate(*d.Pack.AcknowledgedAt)
}

func planSection(w *mdWriter, c *HandoverContents) {
	w.heading(2, "Plan")
	w.item("Cycle", orNone(textOf(c.Cycle), "none"))
	switch {
	case c.Status == nil:
		w.raw("- Status: no plan for the cycle")
	case c.StatusReason != "":
		reason := EscapeMarkdown(foldLines(c.StatusReason))
		w.raw("- Status: " + enumWords(*c.Status) + ": " + reason)
	default:
		w.raw("- Status: " + enumWords(*c.Status))
	}
	w.blank()
}

func goalSection(w *mdWriter, title string, goals []*HandoverGoal) {
	w.heading(2, title)
	if len(goals) == 0 {
		w.line("None.")
	}
	for _, g := range goals {
		w.heading(3, g.Title)
		w.optItem("What will change", g.ChangeInWork)
		w.optItem("Key result", textOf(g.KeyResult))
		if g.Capability != nil {
			w.raw("- Capability: " + EscapeMarkdown(foldLines(*g.Capability)) + gapText(g.Gap))
		}
		w.optItem("Horizon", g.Horizon)
		w.blank()
	}
}

func gapText(gap *int32) string {
	if gap == nil {
		return ""
	}
	return fmt.Sprintf(" (gap %d)", *gap)
}

func actionSection(w *mdWriter, actions []*HandoverAction) {
	w.heading(2, "Open actions")
	if len(actions) == 0 {
		w.line("None.")
	}
	for _, a := range actions {
		text := "- "
		if a.Overdue {
			text += "**Overdue:** "
		}
		text += EscapeMarkdown(foldLines(a.Title)) + " (" + enumWords(a.Kind) + ", for " +
			EscapeMarkdown(foldLines(a.Goal)) + ")"
		if a.DueOn != nil {
			text += ", due " + mdDate(*a.DueOn)
		}
		if a.Supporter != nil {
			text += ", supported by " + EscapeMarkdown(foldLines(*a.Supporter))
		}
		w.raw(text)
	}
	w.blank()
}

func checkInSection(w *mdWriter, checkIns []*HandoverCheckIn) {
	w.heading(2, "Recent check-ins")
	if len(checkIns) == 0 {
		w.line("None.")
	}
	for _, c := range checkIns {
		w.raw("### " + mdDate(c.HeldOn) + ", " + enumWords(c.Kind) + " check-in")
		w.blank()
		w.raw("- Status after: " + enumWords(c.StatusAfter))
		w.optItem("Still hard", c.StillHard)
		w.optItem("Support needed", c.SupportNeeded)
		if c.ObservedChange != nil {
			w.raw("- Observed change: " + enumWords(*c.ObservedChange))
		}
		w.optItem("Note", textOf(c.Note))
		w.blank()
	}
}

func deliverableSection(w *mdWriter, krs []*HandoverKeyResult) {
	w.heading(2, "Key deliverables")
	if len(krs) == 0 {
		w.line("None.")
	}
	for _, k := range krs {
		text := fmt.Sprintf("- %s (%s): %.0f%%", EscapeMarkdown(foldLines(k.Title)),
			EscapeMarkdown(foldLines(k.Objective)), k.Progress*100)
		if k.Critical {
			text += ", critical"
		}
		w.raw(text)
	}
	w.blank()
}

func warningSection(w *mdWriter, warnings []*HandoverWarning) {
	w.heading(2, "Plan warnings")
	if len(warnings) == 0 {
		w.line("None.")
	}
	for _, x := range warnings {
		w.raw("- " + EscapeMarkdown(foldLines(x.Message)))
	}
	w.blank()
}

// mdWriter builds a Markdown document. Methods that take user text
// escape it; raw takes text already safe.
type mdWriter struct{ strings.Builder }

func (w *mdWriter) raw(s string) { w.WriteString(s + "\n") }
func (w *mdWriter) blank()       { w.WriteString("\n") }

func (w *mdWriter) line(s string) {
	w.raw(EscapeMarkdown(foldLines(s)))
	w.blank()
}

func (w *mdWriter) heading(level int, s string) {
	w.raw(strings.Repeat("#", level) + " " + EscapeMarkdown(foldLines(s)))
	w.blank()
}

func (w *mdWriter) item(label, value string) {
	w.raw("- " + label + ": " + EscapeMarkdown(foldLines(value)))
}

// optItem writes an item only when it has a value.
func (w *mdWriter) optItem(label, value string) {
	if strings.TrimSpace(value) != "" {
		w.item(label, value)
	}
}

// paragraph writes text of several lines as one paragraph, its lines
// kept with hard breaks; empty text writes none instead.
func (w *mdWriter) paragraph(text, none string) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, EscapeMarkdown(l))
		}
	}
	if len(lines) == 0 {
		if none != "" {
			w.line(none)
		}
		return
	}
	w.raw(strings.Join(lines, "\\\n"))
	w.blank()
}

// markdownInline are the characters that mean something anywhere in a
// line: emphasis, code, links, HTML, entities, tables, strikethrough.
const markdownInline = "\\`*_[]<>&|~"

// EscapeMarkdown makes one line of user text read as typed in Markdown:
// characters with a meaning anywhere get a backslash, and so does a start
// that would make a heading, a list item or a setext underline. Leading
// spaces go, as four of them would make a code block.
func EscapeMarkdown(s string) string {
	s = strings.TrimLeft(s, " \t")
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(markdownInline, r) || (i == 0 && strings.ContainsRune("#+-=", r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return escapeListNumber(b.String())
}

// escapeListNumber keeps "1. done" or "2) next" at the start of a line
// from becoming an ordered list.
func escapeListNumber(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s) || (s[i] != '.' && s[i] != ')') {
		return s
	}
	return s[:i] + "\\" + s[i:]
}

// oneLine folds text of several lines into one, for list items.
func foldLines(s string) string { return strings.Join(strings.Fields(s), " ") }

// words spells an enum value as words: ON_TRACK reads "on track".
func enumWords[T ~string](v T) string {
	return strings.ToLower(strings.ReplaceAll(string(v), "_", " "))
}

func orNone(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}

func textOf(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func mdDate(t time.Time) string { return t.Format(time.DateOnly) }
