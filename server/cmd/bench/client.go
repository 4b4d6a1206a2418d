package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// client talks to one server over HTTP, keeping a connection per
// concurrent caller alive as a desktop app or browser would.
type client struct {
	base string
	http *http.Client
}

func newClient(base string) *client {
	return &client{base: base, http: &http.Client{
		Timeout:   2 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64},
	}}
}

// gqlError is an answer that holds GraphQL errors or is not GraphQL.
type gqlError struct {
	status int
	body   []byte
}

func (e *gqlError) Error() string {
	return fmt.Sprintf("bad answer (%d): %.400s", e.status, e.body)
}

// query posts one GraphQL request with a bearer token and returns the
// answer's data, failing on any error in it.
func (c *client) query(ctx context.Context, token, text string,
	vars map[string]any,
) (json.RawMessage, error) {
	body, err := json.Marshal(map[string]any{"query": text, "variables": vars})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/query",
		bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	var r struct {
		Data   json.RawMessage
		Errors []json.RawMessage
	}
	if err := json.Unmarshal(raw, &r); err != nil || len(r.Errors) > 0 || res.StatusCode != 200 {
		return nil, &gqlError{res.StatusCode, raw}
	}
	return r.Data, nil
}

// queryInto is query, decoding the data into out.
func (c *client) queryInto(ctx context.Context, token, text string,
	vars map[string]any, out any,
) error {
	data, err := c.query(ctx, token, text, vars)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

// stats reads the server's statement counts and memory.
func (c *client) stats(ctx context.Context) (serverStats, error) {
	var st serverStats
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/bench/stats", nil)
	if err != nil {
		return st, err
	}
	res, err := c.http.Do(req)
	if err != nil {
		return st, err
	}
	defer res.Body.Close()
	return st, json.NewDecoder(res.Body).Decode(&st)
}
