// React hooks over the client: a query that loads with its variables and
// can be reloaded, and a mutation that reports its payload's userErrors.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import { request, RequestError } from './client';
import { useSession } from './session';

/** A query's state: data once loaded, or the error that stopped it. */
export interface QueryState<T> {
  data?: T;
  error?: RequestError;
  loading: boolean;
  /** Fetches again, keeping the current data on screen meanwhile. */
  reload: () => void;
}

/** Runs a query now and whenever its variables change. */
export function useQuery<TData, TVars>(doc: TypedDocumentNode<TData, TVars>, variables: TVars, skip = false): QueryState<TData> {
  const session = useSession();
  const [state, setState] = useState<Omit<QueryState<TData>, 'reload'>>({ loading: !skip });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    request(doc, variables, abort.signal).then(
      (data) => setState({ data, loading: false }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const error = toRequestError(err);
        if (error.kind === 'unauthenticated') session.sessionEnded(error.message);
        setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    return () => abort.abort();
    // The variables are compared by value through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, key, round, skip]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useReloadAfterSignIn(state.error, session.signIns, reload);
  return { ...state, reload };
}

/** Runs the query again once the viewer signs in again, if the token was what stopped it. */
function useReloadAfterSignIn(error: RequestError | undefined, signIns: number, reload: () => void) {
  const seen = useRef(signIns);
  const refused = error?.kind === 'unauthenticated';
  useEffect(() => {
    if (seen.current === signIns) return;
    seen.current = signIns;
    if (refused) reload();
  }, [signIns, refused, reload]);
}

/** The userErrors every mutation payload carries. */
export interface UserError {
  field: readonly string[];
  message: string;
  code: string;
}

/** A mutation's state: running, and the last failure or userErrors. */
export interface MutationState {
  running: boolean;
  error?: RequestError;
  userErrors: readonly UserError[];
}

/**
 * Runs a mutation whose payload sits under one field. run answers the
 * payload when it has no userErrors, and undefined otherwise (the state
 * then holds the errors for the form to show by field). An input the
 * server refuses before the mutation runs (too long a text, a date out of
 * range) comes back as a userError on its field too.
 */
export function useMutation<TData, TVars, TPayload extends { userErrors: readonly UserError[] }>(
  doc: TypedDocumentNode<TData, TVars>,
  payloadOf: (data: TData) => TPayload,
) {
  const session = useSession();
  const [state, setState] = useState<MutationState>({ running: false, userErrors: [] });
  const latest = useRef(payloadOf);
  latest.current = payloadOf;
  const run = useCallback(
    async (variables: TVars): Promise<TPayload | undefined> => {
      setState({ running: true, userErrors: [] });
      try {
        const payload = latest.current(await request(doc, variables));
        setState({ running: false, userErrors: payload.userErrors.map(besideField) });
        return payload.userErrors.length === 0 ? payload : undefined;
      } catch (err) {
        const error = toRequestError(err);
        if (error.kind === 'unauthenticated') session.sessionEnded(error.message);
        const invalid = validationError(error);
        setState(invalid ? { running: false, userErrors: [invalid] } : { running: false, error, userErrors: [] });
        return undefined;
      }
    },
    [doc, session],
  );
  const reset = useCallback(() => setState({ running: false, userErrors: [] }), []);
  const clearField = useCallback(
    (field: string) =>
      setState((s) => {
        const kept = s.userErrors.filter((e) => e.field[e.field.length - 1] !== field);
        return kept.length === s.userErrors.length ? s : { ...s, userErrors: kept };
      }),
    [],
  );
  return { ...state, run, reset, clearField };
}

function toRequestError(err: unknown): RequestError {
  if (err instanceof RequestError) return err;
  return new RequestError('server', err instanceof Error ? err.message : String(err));
}

/**
 * A request the server refused for one input field, as the userError a
 * form shows beside that field; undefined for any other failure. The
 * server's message starts with the field's API name (such as 'realWork is
 * longer than 20000 characters'), which means nothing beside the field's
 * own label, so it reads 'This text is …' instead.
 */
export function validationError(err: unknown): UserError | undefined {
  if (!(err instanceof RequestError) || err.kind !== 'server' || !err.field?.length) return undefined;
  if (err.code && err.code !== 'INVALID') return undefined;
  return besideField({ field: ['input', ...err.field], message: err.message, code: 'INVALID' });
}

/**
 * A userError as a form shows it beside its field: a message that starts
 * with the field's API name (such as 'note is longer than 20000
 * characters') reads 'This text is …' instead.
 */
export function besideField(e: UserError): UserError {
  const name = e.field.slice(1).join('.');
  if (!name || !e.message.startsWith(`${name} `)) return e;
  return { ...e, message: `This text${e.message.slice(name.length)}` };
}

/** The message of the userError on the given input field, if any. */
export function fieldError(errors: readonly UserError[], field: string): string | undefined {
  return errors.find((e) => e.field[e.field.length - 1] === field)?.message;
}

/** Whether the userErrors include a version conflict. */
export function hasConflict(errors: readonly UserError[]): boolean {
  return errors.some((e) => e.code === 'CONFLICT' && e.field.includes('version'));
}

/** userErrors not tied to one of the given fields, shown above the form. */
export function otherErrors(errors: readonly UserError[], fields: readonly string[]): UserError[] {
  return errors.filter((e) => !fields.includes(e.field[e.field.length - 1] ?? ''));
}
