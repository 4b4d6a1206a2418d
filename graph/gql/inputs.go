package gql

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
)

// CheckInputs refuses a mutation whose input holds text too long for its
// field or a NUL character, before any resolver sees it: the limits apply
// to every mutation without each one repeating them.
func CheckInputs(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc != nil && fc.Object == "Mutation" {
		if in, ok := fc.Args["input"]; ok {
			if err := throughline.CheckTexts(in); err != nil {
				return refusedPayload(fc.Field.Name, err)
			}
		}
	}
	return next(ctx)
}

// mutations is the resolver interface gqlgen generates, read for the Go
// type of each mutation's payload.
var mutations = reflect.TypeOf((*generated.MutationResolver)(nil)).Elem()

// refusedPayload answers a mutation whose input the user can fix with its
// payload holding only userErrors, as every resolver does; an error of
// another kind goes on as it is.
func refusedPayload(mutation string, err error) (any, error) {
	ue, ok := userErrors(err)
	m, found := mutations.MethodByName(strings.ToUpper(mutation[:1]) + mutation[1:])
	if !ok || !found || m.Type.Out(0).Kind() != reflect.Pointer {
		return nil, err
	}
	p := reflect.New(m.Type.Out(0).Elem())
	field := p.Elem().FieldByName("UserErrors")
	if !field.IsValid() {
		return nil, err
	}
	field.Set(reflect.ValueOf(ue))
	return p.Interface(), nil
}
