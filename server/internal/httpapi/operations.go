package httpapi

import (
	"context"
	"reflect"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	throughline "throughline.dev/graph"
)

// The outcomes of a GraphQL operation, as throughline_graphql_operations_total
// counts them.
const (
	outcomeOK        = "ok"
	outcomeUserError = "user_error"
	outcomeError     = "error"
)

// operationMetrics is a gqlgen extension that counts each GraphQL
// response by its operation's type and outcome, and its errors by code.
type operationMetrics struct{ m *metrics }

var (
	_ graphql.HandlerExtension    = operationMetrics{}
	_ graphql.ResponseInterceptor = operationMetrics{}
	_ graphql.FieldInterceptor    = operationMetrics{}
)

// ExtensionName implements graphql.HandlerExtension.
func (operationMetrics) ExtensionName() string { return "OperationMetrics" }

// Validate implements graphql.HandlerExtension.
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

// userErrorsKey holds, in a response's context, whether a mutation of
// that response answered userErrors.
type userErrorsKey struct{}

// InterceptResponse implements graphql.ResponseInterceptor: it runs
// around each response, documents refused before they ran included.
func (o operationMetrics) InterceptResponse(ctx context.Context,
	next graphql.ResponseHandler,
) *graphql.Response {
	refused := new(bool)
	resp := next(context.WithValue(ctx, userErrorsKey{}, refused))
	if resp == nil {
		return nil
	}
	o.m.operations.WithLabelValues(operationType(ctx), outcome(resp.Errors, *refused)).Inc()
	for _, e := range resp.Errors {
		o.m.gqlErrors.WithLabelValues(errorCode(e)).Inc()
	}
	return resp
}

// InterceptField implements graphql.FieldInterceptor: a mutation's
// payload with userErrors makes its response a user error.
func (o operationMetrics) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Object == "Mutation" &&
		hasUserErrors(res) {
		if refused, ok := ctx.Value(userErrorsKey{}).(*bool); ok {
			*refused = true
		}
	}
	return res, err
}

// operationType is "query", "mutation" or "subscription"; "none" when the
// document did not parse or name an operation to run.
func operationType(ctx context.Context) string {
	if !graphql.HasOperationContext(ctx) {
		return "none"
	}
	op := graphql.GetOperationContext(ctx).Operation
	if op == nil {
		return "none"
	}
	return string(op.Operation)
}

// outcome is error when any error is the server's own (INTERNAL),
// user_error when the request was refused or a mutation answered
// userErrors, and ok otherwise.
func outcome(errs gqlerror.List, userErrors bool) string {
	for _, e := range errs {
		if errorCode(e) == throughline.EINTERNAL {
			return outcomeError
		}
	}
	if len(errs) > 0 || userErrors {
		return outcomeUserError
	}
	return outcomeOK
}

// errorCode is an error's extensions.code, "NONE" when it has none.
func errorCode(e *gqlerror.Error) string {
	if code, ok := e.Extensions["code"].(string); ok && code != "" {
		return code
	}
	return "NONE"
}

// hasUserErrors reports whether a mutation's payload carries userErrors.
// Every payload type has the field, generated from the schema.
func hasUserErrors(payload any) bool {
	v := reflect.ValueOf(payload)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	v = v.Elem()
	if v.Kind() != reflect.Struct {
		return false
	}
	f := v.FieldByName("UserErrors")
	return f.IsValid() && f.Kind() == reflect.Slice && f.Len() > 0
}
