package gql

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/99designs/gqlgen/graphql"
)

// readParams reads a GraphQL request from a GET's query string or a
// POST's JSON body.
func readParams(r *http.Request) (*graphql.RawParams, *protocolError) {
	start := graphql.Now()
	var p *graphql.RawParams
	var err *protocolError
	switch r.Method {
	case http.MethodGet:
		p, err = readQueryString(r)
	case http.MethodPost:
		p, err = readBody(r)
	default:
		return nil, &protocolError{http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED",
			"send GraphQL requests as POST (or GET for queries)"}
	}
	if err != nil {
		return nil, err
	}
	p.Headers = r.Header
	p.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	return p, nil
}

func readQueryString(r *http.Request) (*graphql.RawParams, *protocolError) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("the query string is malformed: %v", err)
	}
	if !q.Has("query") {
		return nil, badRequest("send the GraphQL document in the `query` parameter")
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if p.Variables, err = decodeObject(q.Get("variables"), "variables"); err != nil {
		return nil, badRequest("%v", err)
	}
	if p.Extensions, err = decodeObject(q.Get("extensions"), "extensions"); err != nil {
		return nil, badRequest("%v", err)
	}
	return p, nil
}

// readBody reads a POST: JSON only. Form and plain-text bodies are
// refused, since a web page on any site can make a browser send those
// without asking the server first (a CORS preflight); application/json
// needs that permission, which this server never gives.
func readBody(r *http.Request) (*graphql.RawParams, *protocolError) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != jsonType {
		return nil, &protocolError{http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
			"send the request as Content-Type: application/json; forms, multipart " +
				"and plain text are refused, so that other web pages cannot post here"}
	}
	body, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, &protocolError{http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE",
			fmt.Sprintf("the request body is larger than %d bytes", tooLarge.Limit)}
	case err != nil:
		return nil, badRequest("the request body could not be read")
	case len(bytes.TrimSpace(body)) == 0:
		return nil, badRequest("the request body is empty: send a JSON object with a `query`")
	}
	return decodeBody(body)
}

// decodeBody reads the JSON object of a POST. Each member must have the
// type the spec gives it; a wrong one gets a message naming the member,
// and the body itself is never repeated back.
func decodeBody(body []byte) (*graphql.RawParams, *protocolError) {
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&m); err != nil {
		var wrongType *json.UnmarshalTypeError
		if errors.As(err, &wrongType) {
			return nil, badRequest("the request body must be a JSON object with a `query`")
		}
		return nil, badRequest("the request body is not valid JSON: %v", err)
	}
	if m == nil {
		return nil, badRequest("the request body must be a JSON object with a `query`, not null")
	}
	if dec.More() {
		return nil, badRequest("the request body holds more than one JSON value")
	}
	return paramsOf(m)
}

func paramsOf(m map[string]json.RawMessage) (*graphql.RawParams, *protocolError) {
	p := &graphql.RawParams{}
	if isNull(m["query"]) {
		return nil, badRequest("the request has no `query`: send the GraphQL document as a string")
	}
	if json.Unmarshal(m["query"], &p.Query) != nil {
		return nil, badRequest("`query` must be a string holding a GraphQL document")
	}
	if !isNull(m["operationName"]) && json.Unmarshal(m["operationName"], &p.OperationName) != nil {
		return nil, badRequest("`operationName` must be a string or null")
	}
	var err error
	if p.Variables, err = decodeObject(string(m["variables"]), "variables"); err != nil {
		return nil, badRequest("%v", err)
	}
	if p.Extensions, err = decodeObject(string(m["extensions"]), "extensions"); err != nil {
		return nil, badRequest("%v", err)
	}
	return p, nil
}

// decodeObject reads a JSON object, or nothing for "" or null. Numbers
// stay json.Number, which the variables' coercion to Int and Float needs.
func decodeObject(raw, name string) (map[string]any, error) {
	if isNull(json.RawMessage(raw)) {
		return nil, nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
	dec.UseNumber()
	err := dec.Decode(&v)
	obj, ok := v.(map[string]any)
	if err != nil || !ok || dec.More() {
		return nil, fmt.Errorf("`%s` must be a JSON object or null", name)
	}
	return obj, nil
}

// isNull tells a member that is missing or null.
func isNull(raw json.RawMessage) bool {
	s := bytes.TrimSpace(raw)
	return len(s) == 0 || string(s) == "null"
}
