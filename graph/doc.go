// Package throughline holds the domain of Throughline: the graph that runs
// from a company objective down to one person's development actions.
//
// It defines the types, the rules that judge a development plan (warnings,
// status changes, the limits on execution goals), the strategy-to-individual
// chain, and the interfaces of the services that store all of it. It knows
// nothing of databases or HTTP: storage lives in the storage package and the
// GraphQL API in the gql package.
package throughline
