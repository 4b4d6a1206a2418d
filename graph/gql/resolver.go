// Package gql is Throughline's GraphQL API: resolvers of a few lines that
// turn arguments into domain calls, per-request loaders for references,
// global IDs, and the error presenter that keeps internal errors from
// reaching clients.
package gql

import (
	"time"

	throughline "throughline.dev/graph"
)

// Resolver is the root of the resolvers; the services are injected by the
// server when it wires the API.
type Resolver struct {
	Org          throughline.OrgService
	OKRs         throughline.OKRService
	Capabilities throughline.CapabilityService
	Plans        throughline.PlanService
	Tokens       throughline.TokenService
	Audit        throughline.AuditService
	Handovers    throughline.HandoverService
	Reviews      throughline.ReviewService
	Dashboards   throughline.DashboardService
	// Now reads the clock; tests set it so that due dates hold still.
	Now func() time.Time
}

func (r *Resolver) today() time.Time {
	if r.Now == nil {
		return throughline.Day(time.Now())
	}
	return throughline.Day(r.Now())
}
