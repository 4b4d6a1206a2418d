package gql

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"throughline.dev/graph/gql/generated"
)

// NewServer builds the GraphQL executor for the resolvers: GraphQL over
// HTTP (queries over GET and POST, mutations over POST only), parsed
// documents cached, documents held to limits (zero fields take their
// defaults), errors masked by PresentError.
func NewServer(r *Resolver, limits Limits) *handler.Server {
	limits = limits.WithDefaults()
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(httpTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// The limits' scan stops a long document first, with a clearer
	// message; the parser's own limit holds should it ever be reached.
	srv.SetParserTokenLimit(limits.Tokens)
	srv.Use(extension.Introspection{})
	srv.Use(limitsExtension{limits: limits})
	srv.AroundRootFields(GuardMutations)
	srv.AroundFields(CheckInputs)
	srv.AroundFields(r.Guard)
	srv.AroundFields(r.Lookahead)
	srv.SetErrorPresenter(PresentError)
	srv.SetRecoverFunc(PresentPanic)
	return srv
}

// Media types of GraphQL over HTTP.
const (
	jsonType            = "application/json"
	graphqlResponseType = "application/graphql-response+json"
)

// httpTransport serves GraphQL over HTTP as the GraphQL-over-HTTP spec
// asks: POST with a JSON body, GET for queries only, answers in
// application/graphql-response+json or application/json as the client
// accepts, with the status codes the spec gives each. It stands in for
// gqlgen's GET and POST transports, which answer 422 where the spec asks
// for 200 or 400, copy an undecodable body into their error, and report
// an oversize body as a GraphQL error with status 200.
type httpTransport struct{}

// Supports implements graphql.Transport: every plain HTTP request that
// the Options transport does not take, so that a wrong method or content
// type gets a clear status rather than "transport not supported".
func (httpTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == ""
}

// Do implements graphql.Transport.
func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	mediaType, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		w.Header().Set("Content-Type", jsonType)
		requestError(w, &protocolError{http.StatusNotAcceptable, "NOT_ACCEPTABLE",
			"accept " + graphqlResponseType + " or " + jsonType})
		return
	}
	w.Header().Set("Content-Type", mediaType+"; charset=utf-8")
	params, err := readParams(r)
	if err != nil {
		requestError(w, err)
		return
	}
	execute(w, r, exec, params, mediaType)
}

// execute runs a well-formed request. A document that cannot run (a
// syntax error, a validation error, variables of the wrong type, a
// limit) gets 400 in application/graphql-response+json and 200 in
// application/json, as the spec asks of each.
func execute(
	w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor,
	params *graphql.RawParams, mediaType string,
) {
	ctx := r.Context()
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		if mediaType == graphqlResponseType {
			w.WriteHeader(http.StatusBadRequest)
		}
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		writeResponse(w, withoutData{resp.Errors, resp.Extensions})
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		// A GET may be sent by a link or an image on any web page.
		w.Header().Set("Allow", http.MethodPost)
		requestError(w, &protocolError{http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED",
			"GET runs queries only: send a mutation as a POST"})
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	writeResponse(w, responses(ctx))
}

// negotiate picks the response's media type from the Accept header: the
// first acceptable one listed, application/json for */* or no header.
func negotiate(accept string) (string, bool) {
	if strings.TrimSpace(accept) == "" {
		return jsonType, true
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || params["q"] == "0" {
			continue
		}
		switch mt {
		case graphqlResponseType:
			return graphqlResponseType, true
		case jsonType, "application/*", "*/*":
			return jsonType, true
		}
	}
	return "", false
}

// protocolError is a request refused before GraphQL sees it, with its
// HTTP status.
type protocolError struct {
	status  int
	code    string
	message string
}

func (e *protocolError) Error() string { return e.message }

func badRequest(format string, args ...any) *protocolError {
	return &protocolError{http.StatusBadRequest, "BAD_REQUEST", fmt.Sprintf(format, args...)}
}

// requestError answers with the error's status and one GraphQL-shaped
// error, so that clients show the message like any other.
func requestError(w http.ResponseWriter, e *protocolError) {
	if e.status == http.StatusMethodNotAllowed && w.Header().Get("Allow") == "" {
		w.Header().Set("Allow", "GET, POST, OPTIONS")
	}
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{
		"message":    e.message,
		"extensions": map[string]string{"code": e.code},
	}}})
}

// withoutData is the response to a request that did not run: the spec
// asks for no data entry at all, where graphql.Response would write null.
type withoutData struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func writeResponse(w http.ResponseWriter, resp any) {
	b, err := json.Marshal(resp)
	if err != nil {
		slog.Error("encode graphql response", "err", err)
		b = []byte(`{"errors":[{"message":"internal error"}]}`)
	}
	_, _ = w.Write(b)
}
