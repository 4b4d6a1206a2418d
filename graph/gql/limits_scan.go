package gql

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
)

// docCounts are what scanDocument counts in a document's tokens.
type docCounts struct {
	tokens, names, aliases, directives, fragments int
}

// scanDocument checks the counts limits cover by reading the document's
// tokens once, without parsing: its work is linear in the document and
// stops at the first limit passed. A document the lexer cannot read is
// left for the parser, which reports the syntax error.
func scanDocument(query string, l Limits) *gqlerror.Error {
	lex := lexer.New(&ast.Source{Input: query})
	var c docCounts
	var s scanState
	for {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return nil
		}
		c.tokens++
		if tok.Kind != lexer.Comment {
			s.count(tok, &c)
		}
		if e := c.over(l); e != nil {
			return e
		}
	}
}

// over reports the first limit the counts so far pass.
func (c docCounts) over(l Limits) *gqlerror.Error {
	switch {
	case c.tokens > l.Tokens:
		return limitError("tokens", l.Tokens,
			"the document is longer than %d tokens; split it into smaller queries", l.Tokens)
	case c.names-c.aliases > l.Fields:
		return limitError("fields", l.Fields,
			"the document selects more than %d fields; split it into smaller queries", l.Fields)
	case c.aliases > l.Aliases:
		return limitError("aliases", l.Aliases,
			"the document uses more than %d aliases", l.Aliases)
	case c.directives > l.Directives:
		return limitError("directives", l.Directives,
			"the document uses more than %d directives", l.Directives)
	case c.fragments > l.Fragments:
		return limitError("fragments", l.Fragments,
			"the document defines more than %d fragments", l.Fragments)
	}
	return nil
}

// scanState tells, token by token, where in a document the scan is.
// Selection sets are the braces outside parentheses: object values only
// occur inside the parentheses of arguments and variable definitions. In
// a selection set a name is a field, an alias (when a colon follows), a
// fragment's name after "...", or a type condition after "... on".
type scanState struct {
	parens, braces int
	prev           lexer.Type
	afterSpreadOn  bool // the previous token is the "on" of "... on"
}

func (s *scanState) count(tok lexer.Token, c *docCounts) {
	inSelection := s.parens == 0 && s.braces > 0
	switch tok.Kind {
	case lexer.ParenL:
		s.parens++
	case lexer.ParenR:
		s.parens--
	case lexer.BraceL:
		if s.parens == 0 {
			s.braces++
		}
	case lexer.BraceR:
		if s.parens == 0 {
			s.braces--
		}
	case lexer.At:
		c.directives++
	case lexer.Colon:
		if inSelection {
			c.aliases++
		}
	case lexer.Name:
		// Outside every brace, "fragment" can only begin a definition.
		if s.braces == 0 && s.parens == 0 && tok.Value == "fragment" {
			c.fragments++
		}
		if inSelection && s.prev != lexer.Spread && s.prev != lexer.At && !s.afterSpreadOn {
			c.names++
		}
	}
	s.afterSpreadOn = tok.Kind == lexer.Name && tok.Value == "on" && s.prev == lexer.Spread
	s.prev = tok.Kind
}
