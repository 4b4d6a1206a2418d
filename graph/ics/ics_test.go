package ics_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"throughline.dev/graph/ics"
)

func TestEscape(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Monthly check-in", "Monthly check-in"},
		{"comma and semicolon", "Ada, Bo; Cy", `Ada\, Bo\; Cy`},
		{"backslash first", `a\b,`, `a\\b\,`},
		{"line feed", "one\ntwo", `one\ntwo`},
		{"CRLF is one break", "one\r\ntwo", `one\ntwo`},
		{"lone CR", "one\rtwo", `one\ntwo`},
		{"colon kept", "Review: 2027-Q1", "Review: 2027-Q1"},
		{"controls dropped, tab kept", "a\x00b\tc\x7f", "ab\tc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ics.Escape(c.in); got != c.want {
				t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// unfold undoes folding as RFC 5545 section 3.1 tells a reader to: a CRLF
// followed by one space or tab is removed.
func unfold(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.ReplaceAll(s, "\r\n\t", "")
}

func TestFoldKeepsEveryLineWithin75Octets(t *testing.T) {
	cases := []struct {
		name string
		in   string
	}{
		{"short", "SUMMARY:short"},
		{"exactly 75", "SUMMARY:" + strings.Repeat("x", 75-len("SUMMARY:"))},
		{"76", "SUMMARY:" + strings.Repeat("x", 76-len("SUMMARY:"))},
		{"long ASCII", "DESCRIPTION:" + strings.Repeat("abcdefghij", 30)},
		{"multi-octet", "SUMMARY:" + strings.Repeat("Zoë Ærø 日本語 ", 20)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ics.Fold(c.in)
			if unfold(got) != c.in {
				t.Fatalf("unfolded %q, want %q", unfold(got), c.in)
			}
			lines := strings.Split(got, "\r\n")
			for i, l := range lines {
				if len(l) > 75 {
					t.Errorf("line %d is %d octets: %q", i, len(l), l)
				}
				if i > 0 && !strings.HasPrefix(l, " ") {
					t.Errorf("continuation %d does not start with a space: %q", i, l)
				}
				if !utf8.ValidString(l) {
					t.Errorf("line %d splits a character: %q", i, l)
				}
			}
			if len(c.in) <= 75 && len(lines) != 1 {
				t.Errorf("a line of %d octets was folded", len(c.in))
			}
			if len(c.in) > 75 && len(lines) < 2 {
				t.Errorf("a line of %d octets was not folded", len(c.in))
			}
		})
	}
}

func TestCalendarBytes(t *testing.T) {
	cal := &ics.Calendar{
		ProdID: "-//Throughline//Review feed//EN",
		Name:   "Reviews, Bo",
		Stamp:  time.Date(2026, 11, 20, 10, 30, 0, 0, time.FixedZone("CET", 3600)),
		Events: []ics.Event{{
			UID:         "plan-7-monthly-20261205@throughline",
			Day:         time.Date(2026, 12, 5, 15, 0, 0, 0, time.UTC),
			Summary:     "Monthly check-in: Ada, sales",
			Description: strings.Repeat("a long line; ", 10),
		}},
	}
	got := string(cal.Bytes())
	if !strings.HasSuffix(got, "\r\n") || strings.Contains(strings.ReplaceAll(got, "\r\n", ""), "\n") {
		t.Fatalf("lines must end in CRLF and nowhere else:\n%q", got)
	}
	body := unfold(got)
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Throughline//Review feed//EN\r\n",
		"X-WR-CALNAME:Reviews\\, Bo\r\n",
		"BEGIN:VEVENT\r\nUID:plan-7-monthly-20261205@throughline\r\n",
		"DTSTAMP:20261120T093000Z\r\n",
		"DTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261206\r\n",
		"SUMMARY:Monthly check-in: Ada\\, sales\r\n",
		"DESCRIPTION:" + strings.Repeat(`a long line\; `, 10) + "\r\n",
		"END:VEVENT\r\nEND:VCALENDAR\r\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("calendar lacks %q:\n%s", want, body)
		}
	}
	for i, l := range strings.Split(got, "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets", i, len(l))
		}
	}
}

func TestCalendarWithoutEvents(t *testing.T) {
	cal := &ics.Calendar{ProdID: "-//x//y//EN"}
	got := string(cal.Bytes())
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nCALSCALE:GREGORIAN\r\n" +
		"METHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
	if got != want {
		t.Errorf("empty calendar =\n%q\nwant\n%q", got, want)
	}
}
