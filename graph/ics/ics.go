// Package ics writes iCalendar data (RFC 5545): a calendar of all-day
// events, enough for a feed that calendar apps subscribe to. It knows the
// format's rules (CRLF line ends, lines folded at 75 octets, escaped
// text, a stamp on every event) and nothing of Throughline.
package ics

import (
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// ContentType is the media type of iCalendar data (RFC 5545, section 8.1).
const ContentType = "text/calendar; charset=utf-8"

// maxLine is the longest a content line may be, in octets, without its
// line break (section 3.1).
const maxLine = 75

// Calendar is a published calendar of all-day events.
type Calendar struct {
	// ProdID names the product that made the calendar; required.
	ProdID string
	// Name is shown by calendar apps that read X-WR-CALNAME.
	Name string
	// Stamp is when the data was made, written as each event's DTSTAMP.
	Stamp  time.Time
	Events []Event
}

// Event is an all-day event. UID must stay the same for the same event
// across fetches, so that a subscribed app updates it rather than adding a
// copy.
type Event struct {
	UID         string
	Day         time.Time // the date; its time of day is ignored
	Summary     string
	Description string
}

// Bytes renders the calendar.
func (c *Calendar) Bytes() []byte {
	var w writer
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.text("PRODID", c.ProdID)
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	if c.Name != "" {
		w.text("X-WR-CALNAME", c.Name)
	}
	for _, e := range c.Events {
		w.event(e, c.Stamp)
	}
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

// WriteTo writes the rendered calendar to out.
func (c *Calendar) WriteTo(out io.Writer) (int64, error) {
	n, err := out.Write(c.Bytes())
	return int64(n), err
}

type writer struct{ b strings.Builder }

func (w *writer) event(e Event, stamp time.Time) {
	w.line("BEGIN:VEVENT")
	w.text("UID", e.UID)
	w.line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
	w.line("DTSTART;VALUE=DATE:" + date(e.Day))
	w.line("DTEND;VALUE=DATE:" + date(e.Day.AddDate(0, 0, 1)))
	w.text("SUMMARY", e.Summary)
	if e.Description != "" {
		w.text("DESCRIPTION", e.Description)
	}
	// A reminder of what is due, not time taken from the day.
	w.line("TRANSP:TRANSPARENT")
	w.line("END:VEVENT")
}

func date(t time.Time) string {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("20060102")
}

// text writes a property whose value is TEXT, escaped.
func (w *writer) text(name, value string) { w.line(name + ":" + Escape(value)) }

// line writes one content line, folded, with its CRLF.
func (w *writer) line(s string) {
	w.b.WriteString(Fold(s))
	w.b.WriteString("\r\n")
}

// Escape makes a TEXT value (section 3.3.11): backslashes, semicolons and
// commas are escaped with a backslash, line breaks become \n, and other
// control characters, which TEXT may not hold, are dropped.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			if c >= 0x20 && c != 0x7f || c == '\t' {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// Fold splits a content line longer than 75 octets (section 3.1): each
// continuation starts with a CRLF and one space, and counts that space
// within its 75 octets. It never splits a UTF-8 character.
func Fold(line string) string {
	if len(line) <= maxLine {
		return line
	}
	var b strings.Builder
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1
	}
	b.WriteString(line)
	return b.String()
}
