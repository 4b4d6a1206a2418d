package gql

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
)

// Text limits for mutation inputs. Short fields name things and show in
// lists; long ones hold a person's words, such as check-in answers.
const (
	maxShortText = 300
	maxLongText  = 20000
)

// shortFields are the input fields that name something.
var shortFields = map[string]bool{
	"title": true, "name": true, "label": true, "email": true, "unit": true,
	"horizon": true, "cycle": true, "ref": true,
}

// CheckInputs refuses a mutation whose input holds text too long for its
// field or a NUL character, before any resolver sees it: the limits apply
// to every mutation without each one repeating them.
func CheckInputs(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc != nil && fc.Object == "Mutation" {
		if in, ok := fc.Args["input"]; ok {
			if err := checkText(reflect.ValueOf(in), ""); err != nil {
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

// checkText walks an input value and checks every string in it; path is
// the dotted field path so far.
func checkText(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkText(v.Elem(), path)
	case reflect.String:
		return checkString(v.String(), path)
	case reflect.Slice:
		for i := range v.Len() {
			if err := checkText(v.Index(i), path); err != nil {
				return err
			}
		}
	case reflect.Struct:
		return checkFields(v, path)
	}
	return nil
}

func checkFields(v reflect.Value, path string) error {
	t := v.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || !t.Field(i).IsExported() {
			continue
		}
		field := name
		if path != "" {
			field = path + "." + name
		}
		if err := checkText(v.Field(i), field); err != nil {
			return err
		}
	}
	return nil
}

func checkString(s, field string) error {
	last := field[strings.LastIndex(field, ".")+1:]
	limit := maxLongText
	if shortFields[last] {
		limit = maxShortText
	}
	switch {
	case strings.ContainsRune(s, 0):
		return throughline.FieldErrorf(throughline.EINVALID, field,
			"%s holds a NUL character", field)
	case len([]rune(s)) > limit:
		return throughline.FieldErrorf(throughline.EINVALID, field,
			"%s is longer than %d characters", field, limit)
	}
	return nil
}
