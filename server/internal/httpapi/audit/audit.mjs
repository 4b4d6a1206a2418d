// Runs the graphql-http server audit (GraphQL over HTTP conformance)
// against a running Throughline server and prints the results as JSON:
//
//   node audit.mjs URL TOKEN
//
// Every request carries the bearer token, since the server answers 401
// to anyone not signed in. The Go test in ../audit_test.go starts the
// server, runs this script and judges the results.
import { auditServer } from 'graphql-http';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node audit.mjs URL TOKEN');
  process.exit(2);
}

function fetchWithToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

const results = await auditServer({ url, fetchFn: fetchWithToken });
const report = await Promise.all(
  results.map(async (r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    reason: r.reason,
    httpStatus: r.response?.status,
    body: r.response ? await r.response.text().catch(() => '') : undefined,
  })),
);
console.log(JSON.stringify(report, null, 2));
