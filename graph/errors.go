package throughline

import (
	"errors"
	"fmt"
)

// Error codes. Only the edge (GraphQL, the command line) turns a code into
// something a user reads; inside the layers an error keeps its code.
const (
	ECONFLICT     = "CONFLICT"     // the object changed since it was read, or a unique key is taken
	EINTERNAL     = "INTERNAL"     // a failure the user cannot fix
	EINVALID      = "INVALID"      // the input breaks a rule
	ENOTFOUND     = "NOT_FOUND"    // the object does not exist (or may not be seen)
	EUNAUTHORIZED = "UNAUTHORIZED" // the caller may not do this
)

// Error is a domain error: a code, a message a user can act on, and the
// input field it concerns when there is one.
type Error struct {
	Code    string
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("throughline: %s: %s", e.Field, e.Message)
	}
	return fmt.Sprintf("throughline: %s", e.Message)
}

// Errorf returns a domain error with a code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns a domain error about one input field.
func FieldErrorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, or EINTERNAL when err is not a domain
// error. A nil error has no code.
func ErrorCode(err error) string {
	var e *Error
	var v *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &v):
		return EINVALID
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err. Internal errors get a
// generic message so that no SQL or file path leaks out.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ErrorField returns the input field err concerns, or "".
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// Problems collects several field errors so that a user sees every mistake in
// one answer rather than one per attempt.
type Problems []*Error

// Add records a problem with a field.
func (p *Problems) Add(field, format string, args ...any) {
	*p = append(*p, FieldErrorf(EINVALID, field, format, args...))
}

// Err returns the problems as one error, or nil when there are none.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}

// ValidationError carries every problem found in one input.
type ValidationError struct {
	Problems Problems
}

func (e *ValidationError) Error() string {
	msg := "throughline: invalid input"
	for _, p := range e.Problems {
		msg += "; " + p.Field + ": " + p.Message
	}
	return msg
}
