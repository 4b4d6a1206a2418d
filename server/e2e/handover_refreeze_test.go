package e2e_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

// changingStore reads every pack once, as a request does before the move,
// then changes the plan, then moves: the move must freeze what the plan
// is after the change, though the request read it before.
type changingStore struct {
	*storage.Store
	change func()
}

func (c changingStore) HandOver(ctx context.Context, h *throughline.Handover, ids []int64,
	contents func(context.Context, int64) (*throughline.HandoverContents, error),
) ([]*throughline.HandoverPack, error) {
	for _, id := range ids {
		if _, err := contents(ctx, id); err != nil {
			return nil, err
		}
	}
	c.change()
	return c.Store.HandOver(ctx, h, ids, contents)
}

func TestMoveFreezesThePlanAsItIsNotAsTheRequestReadIt(t *testing.T) {
	ctx := context.Background()
	a, err := app.OpenAt(ctx, testserver.NewPlace(t), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	s := a.Store
	cycle := &throughline.Cycle{Name: throughline.QuarterOf(s.Now())}
	mustNil(t, s.CreateCycle(ctx, cycle))
	hr := &throughline.Person{Email: "hr@example.com", Name: "Hana"}
	mustNil(t, s.CreatePerson(ctx, hr))
	bo := &throughline.Person{Email: "bo@example.com", Name: "Bo"}
	cy := &throughline.Person{Email: "cy@example.com", Name: "Cy"}
	mustNil(t, s.CreatePerson(ctx, bo))
	mustNil(t, s.CreatePerson(ctx, cy))
	ada := &throughline.Person{Email: "ada@example.com", Name: "Ada", ManagerID: &bo.ID}
	mustNil(t, s.CreatePerson(ctx, ada))
	plan := &throughline.DevelopmentPlan{PersonID: ada.ID, CycleID: cycle.ID}
	mustNil(t, s.CreatePlan(ctx, plan))
	token, err := s.CreateToken(ctx, &throughline.Token{PersonID: &hr.ID,
		Roles: []throughline.Role{throughline.RoleHR}})
	mustNil(t, err)

	deps, err := a.HTTPDeps()
	mustNil(t, err)
	deps.Resolver.Handovers = changingStore{Store: s, change: func() {
		_, err := s.SetPlanStatus(ctx, plan.ID, plan.Version, throughline.StatusBlocked, "no calls")
		mustNil(t, err)
	}}
	ts := httptest.NewServer(httpapi.New(deps, httpapi.Options{}))
	defer ts.Close()

	body, _ := json.Marshal(map[string]any{
		"query": `mutation($in: HandOverInput!) { handOver(input: $in) {
			handover { packs { contents { status statusReason } } } userErrors { message } } }`,
		"variables": map[string]any{"in": map[string]any{
			"personIds":   []string{personID(ada.ID)},
			"toManagerId": personID(cy.ID),
		}},
	})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	mustNil(t, err)
	defer res.Body.Close()
	var out struct {
		Data struct {
			HandOver struct {
				Handover *struct {
					Packs []struct {
						Contents struct{ Status, StatusReason string }
					}
				}
				UserErrors []struct{ Message string }
			}
		}
	}
	mustNil(t, json.NewDecoder(res.Body).Decode(&out))
	h := out.Data.HandOver
	if h.Handover == nil || len(h.Handover.Packs) != 1 {
		t.Fatalf("handOver: %+v", h)
	}
	if c := h.Handover.Packs[0].Contents; c.Status != "BLOCKED" || c.StatusReason != "no calls" {
		t.Errorf("pack froze %s %q, want the plan as it is at the move: BLOCKED, no calls",
			c.Status, c.StatusReason)
	}
}

func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// personID is a person's global ID, as the API gives it.
func personID(id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("Person:%d", id)))
}
