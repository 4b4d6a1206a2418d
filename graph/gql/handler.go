package gql

import (
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"throughline.dev/graph/gql/generated"
)

// Limits bound what one GraphQL document may ask of the server.
type Limits struct {
	// Complexity caps the summed cost of the fields a query selects.
	Complexity int
}

// DefaultLimits are generous for the desktop app and HR's queries and
// small enough to keep one request from monopolising the database.
var DefaultLimits = Limits{Complexity: 5000}

// NewServer builds the GraphQL executor for the resolvers: queries over
// GET and POST (mutations over POST only), parsed documents cached, errors
// masked by PresentError.
func NewServer(r *Resolver, limits Limits) *handler.Server {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(limits.Complexity))
	srv.AroundRootFields(GuardMutations)
	srv.AroundFields(r.Guard)
	srv.SetErrorPresenter(PresentError)
	srv.SetRecoverFunc(PresentPanic)
	return srv
}
