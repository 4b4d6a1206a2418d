package throughline

// Version is the release this binary was built from, set at link time
// (-ldflags "-X throughline.dev/graph.Version=1.2.0"); "dev" for a build
// from a source tree.
var Version = "dev"

// SchemaVersion numbers the GraphQL schema. It goes up by one whenever the
// schema gains something a client may come to rely on or changes
// incompatibly, so that a client can refuse a server too old for it with a
// clear message instead of failing on a missing field.
//
//  1. The first release.
//  2. Lists that grow with the organisation became cursor connections:
//     Capability.requiredBy, CapabilityCoverage.goals, the
//     alignedObjectives of objectives and key results, and the dashboard's
//     criticalCoverage.uncovered.
//  3. Query.dueCheckIns became a cursor connection (DueCheckInConnection)
//     in the order of the list, most overdue first.
const SchemaVersion = 3
