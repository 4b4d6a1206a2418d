package e2e_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	throughline "throughline.dev/graph"
)

// calendarNames are names of Bo's reports that test the feed's text
// rules: characters TEXT escapes, a line break, characters of two and
// three octets, and names long enough that their lines are folded, some
// at a point inside a run of multi-octet characters.
var calendarNames = []string{
	`Zoë, Ångström; Jr.\`,
	"Ólafur Þórðarson-Ægisdóttir, Łukasz Żółć; «Ñandú» Ōtsuka-Ünlü Çelik \\ Ẅëß",
	"日本語の名前,山田;太郎\\" + strings.Repeat("東京都", 12),
	"Ann\nLine, the second",
}

// The calendar feed through HTTP holds names as they were typed: every
// line ends in CRLF and is at most 75 octets, folding never splits a
// character, TEXT is escaped as RFC 5545 says, each event has a UID and
// a DTSTAMP, and unfolding and unescaping give each name back.
func TestCalendarFeedKeepsNamesIntact(t *testing.T) {
	a := newReviewAPI(t, "2026-11-20")
	for i, name := range calendarNames {
		id := a.person(strings.Repeat("x", i+1)+"@example.com", name, a.bo)
		plan := a.newPlan(id)
		a.checkIn(plan, "QUARTERLY", "2026-10-02")
		a.checkIn(plan, "MONTHLY", "2026-11-15")
	}
	// Someone with no plan has a review due, named in the same words.
	a.person("plain@example.com", calendarNames[0]+" Senior", a.bo)

	bo := a.as("bo@example.com", throughline.RoleManager)
	var p struct{ Feed struct{ Path string } }
	bo.MustMutate("resetCalendarFeed", resetFeed, nil, &p)
	body := fetchFeed(t, a.s.URL+p.Feed.Path, http.StatusOK)

	folded := wantICSLines(t, body)
	if folded == 0 {
		t.Errorf("no line was folded; the long names should have been:\n%s", body)
	}
	props := unfoldICS(body)
	wantICSEvents(t, props)

	texts := map[string][]string{} // unescaped TEXT values by property name
	for _, p := range props {
		switch p.name {
		case "SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "PRODID":
			text, err := unescapeICSText(p.value)
			if err != nil {
				t.Errorf("%s:%s is not escaped TEXT: %v", p.name, p.value, err)
			}
			if p.value != escapeICSText(text) {
				t.Errorf("%s:%s, want it escaped as %s", p.name, p.value, escapeICSText(text))
			}
			texts[p.name] = append(texts[p.name], text)
		}
	}
	for _, name := range calendarNames {
		want := "Monthly check-in with " + name
		if !slices.Contains(texts["SUMMARY"], want) {
			t.Errorf("no SUMMARY unescapes to %q; summaries: %q", want, texts["SUMMARY"])
		}
		want = "The monthly 1:1 on " + name + "'s development plan of 2026-Q4."
		if !slices.Contains(texts["DESCRIPTION"], want) {
			t.Errorf("no DESCRIPTION unescapes to %q", want)
		}
		raw := "SUMMARY:" + escapeICSText("Monthly check-in with "+name)
		if !strings.Contains(strings.ReplaceAll(body, "\r\n ", ""), raw+"\r\n") {
			t.Errorf("the feed lacks the line %q", raw)
		}
	}
	want := "Quarterly review with " + calendarNames[0] + " Senior"
	if !slices.Contains(texts["SUMMARY"], want) {
		t.Errorf("no SUMMARY unescapes to %q", want)
	}
}

// wantICSLines checks the physical lines of a feed and returns how many
// are continuations of a folded line.
func wantICSLines(t *testing.T, body string) int {
	t.Helper()
	if !strings.HasSuffix(body, "\r\n") {
		t.Errorf("the feed does not end in CRLF: %q", body[max(0, len(body)-20):])
	}
	folded := 0
	for i, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		switch {
		case strings.ContainsAny(line, "\r\n"):
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		case len(line) > 75:
			t.Errorf("line %d is %d octets: %q", i+1, len(line), line)
		case !utf8.ValidString(line):
			t.Errorf("line %d is not UTF-8 on its own (a fold split a character): %q", i+1, line)
		case line == "":
			t.Errorf("line %d is empty", i+1)
		}
		if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			folded++
		}
	}
	return folded
}

// icsProp is one unfolded content line.
type icsProp struct{ name, value string }

// unfoldICS undoes folding as RFC 5545 section 3.1 tells a reader (a CRLF
// followed by one space or tab is removed) and splits each content line
// into its name (parameters dropped) and value.
func unfoldICS(body string) []icsProp {
	var logical []string
	for _, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && len(logical) > 0 {
			logical[len(logical)-1] += line[1:]
			continue
		}
		logical = append(logical, line)
	}
	props := make([]icsProp, len(logical))
	for i, l := range logical {
		head, value, _ := strings.Cut(l, ":")
		name, _, _ := strings.Cut(head, ";")
		props[i] = icsProp{name: name, value: value}
	}
	return props
}

var icsStamp = regexp.MustCompile(`^\d{8}T\d{6}Z$`)

// wantICSEvents checks that each VEVENT has one UID, unique in the feed,
// and one DTSTAMP in UTC.
func wantICSEvents(t *testing.T, props []icsProp) {
	t.Helper()
	uids := map[string]bool{}
	events := 0
	var in map[string]int
	for _, p := range props {
		switch {
		case p.name == "BEGIN" && p.value == "VEVENT":
			in = map[string]int{}
			events++
		case p.name == "END" && p.value == "VEVENT":
			if in["UID"] != 1 || in["DTSTAMP"] != 1 {
				t.Errorf("event %d has %d UIDs and %d DTSTAMPs, want one each",
					events, in["UID"], in["DTSTAMP"])
			}
			in = nil
		case in != nil:
			in[p.name]++
			if p.name == "UID" {
				if uids[p.value] || p.value == "" {
					t.Errorf("UID %q is empty or not unique", p.value)
				}
				uids[p.value] = true
			}
			if p.name == "DTSTAMP" && !icsStamp.MatchString(p.value) {
				t.Errorf("DTSTAMP %q is not a UTC date-time", p.value)
			}
		}
	}
	// One check-in per name, and one review for the person with no plan
	// and for Ada, who has none either.
	if want := len(calendarNames) + 2; events != want {
		t.Errorf("%d events, want %d", events, want)
	}
}

// escapeICSText escapes TEXT as RFC 5545 section 3.3.11 says.
func escapeICSText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// unescapeICSText reads escaped TEXT back, refusing a bare ";" or ","
// and an unknown escape.
func unescapeICSText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ';', ',':
			return "", fmt.Errorf("unescaped %q at %d", c, i)
		case '\\':
			if i+1 == len(s) {
				return "", fmt.Errorf("a lone backslash ends the value")
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c at %d", s[i], i-1)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
