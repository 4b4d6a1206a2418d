package httpapi

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql"
	"throughline.dev/graph/ics"
)

// calendarProdID names Throughline as the maker of its feeds.
const calendarProdID = "-//Throughline//Review rhythm//EN"

// calendarFeed serves a manager's calendar at /calendar/{file}, file being
// the feed's secret and ".ics": the upcoming and overdue check-ins and
// reviews of their direct reports, the people they hold 1:1s with.
// Calendar apps cannot send a bearer token, so the secret in the address
// is the credential; an unknown one is a plain 404, the same as a wrong
// address, so that it tells nothing.
func calendarFeed(r *gql.Resolver) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		secret, ok := strings.CutSuffix(req.PathValue("file"), ".ics")
		if !ok || secret == "" {
			http.NotFound(w, req)
			return
		}
		cal, err := managerCalendar(req.Context(), r, secret)
		if throughline.ErrorCode(err) == throughline.ENOTFOUND {
			http.NotFound(w, req)
			return
		}
		if err != nil {
			slog.ErrorContext(req.Context(), "calendar feed",
				"request_id", gql.RequestID(req.Context()), "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", ics.ContentType)
		// The feed names people and is read with a secret: keep it out of
		// shared caches and out of Referer headers.
		w.Header().Set("Cache-Control", "private, no-store")
		w.Header().Set("Referrer-Policy", "no-referrer")
		_, _ = cal.WriteTo(w)
	})
}

// managerCalendar builds the feed a secret opens, as of now.
func managerCalendar(ctx context.Context, r *gql.Resolver,
	secret string,
) (*ics.Calendar, error) {
	managerID, err := r.Reviews.CalendarFeedOwner(ctx, secret)
	if err != nil {
		return nil, err
	}
	rhythm, err := r.Reviews.ReviewRhythm(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	if r.Now != nil {
		now = r.Now()
	}
	dues, err := throughline.DueReviewsOf(ctx, r.Reviews, r.Plans.PlanSnapshots,
		throughline.DueQuery{ManagerID: managerID, Today: now, Rhythm: rhythm})
	if err != nil {
		return nil, err
	}
	cal := &ics.Calendar{ProdID: calendarProdID, Name: "Throughline check-ins", Stamp: now}
	for _, d := range dues {
		cal.Events = append(cal.Events, dueEvents(d)...)
	}
	return cal, nil
}

// dueEvents gives a report's next check-in and review as all-day events.
// A UID names the person, the kind and the day, so that the same event
// keeps its UID across fetches, and a new due date is a new event.
func dueEvents(d *throughline.DueReview) []ics.Event {
	var out []ics.Event
	if d.NextCheckInDue != nil {
		out = append(out, ics.Event{
			UID:     eventUID("check-in", d.Person.ID, *d.NextCheckInDue),
			Day:     *d.NextCheckInDue,
			Summary: "Monthly check-in with " + d.Person.Name,
			Description: fmt.Sprintf("The monthly 1:1 on %s's development plan%s.",
				d.Person.Name, cycleOf(d)),
		})
	}
	if d.QuarterlyReviewDue != nil {
		out = append(out, ics.Event{
			UID:     eventUID("review", d.Person.ID, *d.QuarterlyReviewDue),
			Day:     *d.QuarterlyReviewDue,
			Summary: "Quarterly review with " + d.Person.Name,
			Description: fmt.Sprintf("The review that resets %s's plan against the "+
				"key results%s.", d.Person.Name, cycleOf(d)),
		})
	}
	return out
}

func cycleOf(d *throughline.DueReview) string {
	if d.Cycle == nil {
		return ""
	}
	return " of " + d.Cycle.Name
}

func eventUID(kind string, personID int64, day time.Time) string {
	return fmt.Sprintf("%s-%d-%s@throughline", kind, personID, day.Format("20060102"))
}
