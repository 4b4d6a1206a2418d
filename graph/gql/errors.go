package gql

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
)

// userErrors turns a domain error into the userErrors of a mutation
// payload. It returns ok=false for errors the user cannot fix, which the
// resolver returns as they are, to be masked by the error presenter.
func userErrors(err error) ([]*model.UserError, bool) {
	var ve *throughline.ValidationError
	if errors.As(err, &ve) {
		out := make([]*model.UserError, 0, len(ve.Problems))
		for _, p := range ve.Problems {
			out = append(out, userError(p))
		}
		return out, true
	}
	// Internal errors and refusals are not the user's input to fix: they
	// go to the error presenter as top-level errors.
	var de *throughline.Error
	if errors.As(err, &de) && de.Code != throughline.EINTERNAL &&
		de.Code != throughline.EUNAUTHORIZED {
		return []*model.UserError{userError(de)}, true
	}
	return nil, false
}

func userError(e *throughline.Error) *model.UserError {
	field := []string{"input"}
	if e.Field != "" {
		field = append(field, e.Field)
	}
	return &model.UserError{Field: field, Message: e.Message, Code: model.UserErrorCode(e.Code)}
}

// noUserErrors is the empty list a successful payload carries; GraphQL
// clients expect [] rather than null.
func noUserErrors() []*model.UserError { return []*model.UserError{} }

// requestIDKey is the context key of the request's id.
type requestIDKey struct{}

// WithRequestID returns a context carrying the id the HTTP layer gave a
// request. Internal errors are logged with it and show it to the client,
// so that a person reporting a failure can name the log line.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request's id, or "" outside a request.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// PresentError is the server's error presenter. Domain errors keep their
// message and gain a code; anything else is logged with the request's id
// and path and reaches the client only as "internal error" with the
// request's id, never with its SQL, file paths or stack.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) && gerr.Err == nil {
		// Errors gqlgen made itself (parsing, validation, coercion) and
		// the limits' errors.
		return gerr
	}
	cause := err
	if gerr != nil {
		cause = gerr.Err // the resolver's error, which the log shows in full
	}
	pres := graphql.DefaultErrorPresenter(ctx, err)
	code := throughline.ErrorCode(cause)
	pres.Message = throughline.ErrorMessage(cause)
	pres.Extensions = map[string]any{"code": code}
	if code == throughline.EINTERNAL && clientGone(ctx, cause) {
		// Nobody will read the answer; every field still resolving
		// fails the same way, and logging each would flood the log.
		pres.Message = "request cancelled"
		return pres
	}
	if code == throughline.EINTERNAL {
		pres.Extensions["requestId"] = logInternal(ctx, pres, cause)
		return pres
	}
	if f := throughline.ErrorField(cause); f != "" {
		pres.Extensions["field"] = f
	}
	return pres
}

// clientGone reports whether an error only says the client went away.
func clientGone(ctx context.Context, err error) bool {
	return ctx.Err() != nil || errors.Is(err, context.Canceled) ||
		errors.Is(err, context.DeadlineExceeded)
}

// logInternal logs an internal error with what the client will not see,
// and returns the request id that ties the two together.
func logInternal(ctx context.Context, pres *gqlerror.Error, cause error) string {
	id := RequestID(ctx)
	slog.ErrorContext(ctx, "internal error",
		"request_id", id, "path", pres.Path.String(), "err", cause)
	return id
}

// PresentPanic turns a panic in a resolver into an internal error; the
// server keeps serving. The stack goes to the log only.
func PresentPanic(ctx context.Context, v any) error {
	slog.ErrorContext(ctx, "panic in resolver",
		"request_id", RequestID(ctx), "panic", v, "stack", string(debug.Stack()))
	return errors.New("panic")
}

// payload builds a mutation's payload from its result: the changed object
// with no user errors, or no object and the user errors. Errors the user
// cannot fix pass through to the error presenter.
func payload[T, P any](v T, err error, build func(T, []*model.UserError) *P) (*P, error) {
	if err == nil {
		return build(v, noUserErrors()), nil
	}
	ue, ok := userErrors(err)
	if !ok {
		return nil, err
	}
	var none T
	return build(none, ue), nil
}
