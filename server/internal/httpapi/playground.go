package httpapi

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// playgroundPage serves the GraphQL playground.
//
// TODO: serve GraphiQL's assets from the binary; gqlgen's page loads them
// from a CDN, which an on-premises machine cannot reach.
func playgroundPage() http.Handler {
	return playground.Handler("Throughline", "/query")
}
