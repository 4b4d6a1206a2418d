package throughline

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Text limits for everything people write, whichever way it arrives (the
// API, an import, a whole export). Short fields name things and show in
// lists; long ones hold a person's words, such as check-in answers.
const (
	MaxShortText = 300
	MaxLongText  = 20000
)

// shortFields are the fields, by their API and file names, that name
// something.
var shortFields = map[string]bool{
	"title": true, "name": true, "label": true, "email": true, "unit": true,
	"horizon": true, "cycle": true, "ref": true, "team": true, "parent_team": true,
	"manager_email": true, "owner": true, "owner_email": true, "parent": true,
}

// CheckText checks one piece of text for the field it goes in: valid
// UTF-8 (a file saved in another encoding would come back to clients as
// broken JSON), no NUL character, and within the field's limit. name is
// the field's own name, which picks the limit; field is how the error
// names it.
func CheckText(s, name, field string) error {
	limit := MaxLongText
	if shortFields[name] {
		limit = MaxShortText
	}
	switch {
	case !utf8.ValidString(s):
		return FieldErrorf(EINVALID, field,
			"%s is not UTF-8 text; save the file as UTF-8", field)
	case strings.ContainsRune(s, 0):
		return FieldErrorf(EINVALID, field, "%s holds a NUL character", field)
	case utf8.RuneCountInString(s) > limit:
		return FieldErrorf(EINVALID, field, "%s is longer than %d characters", field, limit)
	}
	return nil
}

// CheckTexts walks a value (an API input or a document of an export) and
// checks every string in it with CheckText, naming each by its path of
// JSON field names and list positions, such as plans[3].goals[0].title.
// It stops at the first problem.
func CheckTexts(v any) error {
	return checkValue(reflect.ValueOf(v), "", "")
}

func checkValue(v reflect.Value, name, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkValue(v.Elem(), name, path)
	case reflect.String:
		return CheckText(v.String(), name, path)
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // raw bytes, such as a JSON document kept whole
		}
		for i := range v.Len() {
			if err := checkValue(v.Index(i), name, fmt.Sprintf("%s[%d]", path, i)); err != nil {
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
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" {
			if err := checkValue(v.Field(i), "", path); err != nil { // embedded: same level
				return err
			}
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		field := name
		if path != "" {
			field = path + "." + name
		}
		if err := checkValue(v.Field(i), name, field); err != nil {
			return err
		}
	}
	return nil
}
