// The frontend's one GraphQL client: typed documents in, typed data out,
// and every failure sorted into the few kinds a view must tell apart.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

import { authorization } from '../platform';

/** Why a request failed, in the terms the Connect view explains. */
export type FailureKind =
  | 'unreachable' // no answer from the server (or the desktop's forwarder)
  | 'unauthenticated' // the token is missing, revoked or wrong
  | 'incompatible' // the server does not know a field this app asks for
  | 'server'; // anything else the server refused or failed at

/** A failed request, with a message a person can act on. */
export class RequestError extends Error {
  readonly kind: FailureKind;
  readonly requestId?: string;
  /** The server's error code, such as INVALID, when it gave one. */
  readonly code?: string;
  /**
   * The input field the server refused, as a path inside the input (such
   * as ['note']), when the error names one: too long a text, a date out of
   * range. The form shows such an error beside its field.
   */
  readonly field?: readonly string[];

  constructor(
    kind: FailureKind,
    message: string,
    requestId?: string,
    detail: { code?: string; field?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'RequestError';
    this.kind = kind;
    this.requestId = requestId;
    this.code = detail.code;
    this.field = detail.field;
  }
}

interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; requestId?: string; field?: string };
}

interface Body<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

// Sent when the schema lacks a field: the server predates this app.
const unknownField = /^Cannot query field|^Unknown argument|^Unknown type/;

const operationText = new WeakMap<object, string>();

function textOf(doc: object): string {
  let text = operationText.get(doc);
  if (text === undefined) {
    text = print(doc as Parameters<typeof print>[0]);
    operationText.set(doc, text);
  }
  return text;
}

/** Runs one operation against /query and answers its data. */
export async function request<TData, TVars>(
  doc: TypedDocumentNode<TData, TVars>,
  variables?: TVars,
  signal?: AbortSignal,
): Promise<TData> {
  let res: Response;
  try {
    res = await fetch('/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authorization() },
      body: JSON.stringify({ query: textOf(doc), variables: variables ?? {} }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new RequestError('unreachable', 'The server cannot be reached. Check its address and that it is running.');
  }
  return readBody<TData>(res);
}

async function readBody<TData>(res: Response): Promise<TData> {
  if (res.status === 401) {
    throw new RequestError('unauthenticated', 'The server refused the token. Sign in again with a valid token.');
  }
  if (res.status === 502 || res.status === 504) {
    throw new RequestError('unreachable', (await res.text()).trim() || 'The server cannot be reached.');
  }
  let body: Body<TData>;
  try {
    body = (await res.json()) as Body<TData>;
  } catch {
    throw new RequestError('server', `The server answered ${res.status} without a GraphQL response.`);
  }
  const first = body.errors?.[0];
  if (first) {
    const kind: FailureKind = unknownField.test(first.message) ? 'incompatible' : 'server';
    throw new RequestError(kind, first.message, first.extensions?.requestId, {
      code: first.extensions?.code,
      field: fieldOf(first),
    });
  }
  if (!body.data) throw new RequestError('server', `The server answered ${res.status} with no data.`);
  return body.data;
}

/**
 * The input field an error names: the server's extensions.field (such as
 * 'note', or 'decisions.0.note' inside a list), or else the part of its
 * path after 'input' (a scalar such as a Date refused while decoding).
 */
function fieldOf(e: GraphQLErrorBody): string[] | undefined {
  if (e.extensions?.field) return e.extensions.field.split('.');
  const at = e.path?.indexOf('input') ?? -1;
  if (!e.path || at < 0 || at === e.path.length - 1) return undefined;
  return e.path.slice(at + 1).map(String);
}
