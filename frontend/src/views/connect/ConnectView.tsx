// Connect: the server's address and a token. The connection is tried
// before the app moves on, and each way it can fail gets its own message.
// The same form signs in again over an open view when the server stops
// accepting the token, and a stored connection whose server does not
// answer gets its own screen, with the stored token kept for a retry.
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';

import { inDesktop } from '../../platform';
import './connect.css';

export interface ConnectValues {
  server: string;
  token: string;
}

/** Tries the connection; answers an error message, or undefined on success. */
type OnConnect = (v: ConnectValues) => Promise<string | undefined>;

interface Props {
  /** The address stored last time, shown for editing. */
  server: string;
  /** Why the app is back here: a refused token, a lost server. */
  notice?: string;
  onConnect: OnConnect;
  appVersion: string;
}

export function ConnectView({ server, notice, onConnect, appVersion }: Props) {
  const desktop = inDesktop();
  return (
    <main className="connect">
      <h1>Connect to Throughline</h1>
      <p className="muted">
        Ask your administrator for the server's address and a personal token. The token is kept
        {desktop ? ' in your user configuration, readable by you only.' : ' in this browser tab only.'}
      </p>
      {notice && (
        <p className="state state-error" role="alert">
          {notice}
        </p>
      )}
      <ConnectForm server={server} serverEditable={desktop} onConnect={onConnect} />
      <p className="muted small">{desktop ? `Throughline desktop ${appVersion}` : 'Throughline in a browser'}</p>
    </main>
  );
}

const addressPattern = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;

interface FormProps {
  server: string;
  /** Whether the address may be changed: in the desktop app, outside the sign-in-again dialog. */
  serverEditable: boolean;
  onConnect: OnConnect;
  /** The submit button's words. */
  action?: string;
}

function ConnectForm({ server, serverEditable, onConnect, action = 'Connect' }: FormProps) {
  const [failure, setFailure] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ConnectValues>({ defaultValues: { server, token: '' } });
  // A first start has no address yet: that is where to begin typing.
  const addressFirst = serverEditable && server === '';

  const submit = handleSubmit(async (v) => {
    setFailure(undefined);
    setFailure(await onConnect({ server: v.server.trim().replace(/\/$/, ''), token: v.token.trim() }));
  });

  return (
    <form onSubmit={submit} noValidate aria-label={action}>
      <label htmlFor="server">Server address</label>
      <input
        id="server"
        type="url"
        autoComplete="url"
        placeholder="http://127.0.0.1:8080"
        readOnly={!serverEditable}
        autoFocus={addressFirst}
        aria-invalid={errors.server ? true : undefined}
        aria-describedby="server-error"
        {...register('server', {
          required: 'Enter the server address, such as https://throughline.example.com.',
          pattern: { value: addressPattern, message: 'An address starts with http:// or https:// and names a host.' },
        })}
      />
      {errors.server && (
        <span className="field-error" id="server-error" role="alert">
          {errors.server.message}
        </span>
      )}
      <label htmlFor="token">Token</label>
      <input
        id="token"
        type="password"
        autoComplete="off"
        autoFocus={!addressFirst}
        aria-invalid={errors.token ? true : undefined}
        aria-describedby="token-error"
        {...register('token', { required: 'Paste the token your administrator gave you.' })}
      />
      {errors.token && (
        <span className="field-error" id="token-error" role="alert">
          {errors.token.message}
        </span>
      )}
      {failure && (
        <p className="state state-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Connecting…' : action}
      </button>
    </form>
  );
}

interface DialogProps {
  server: string;
  /** Why the session ended, in the server's terms. */
  notice: string;
  onConnect: OnConnect;
  onSignOut: () => void;
}

/**
 * Signing in again over the open view, after the server stopped accepting
 * the token. The view behind stays as it was (the shell makes it inert
 * meanwhile), so a form keeps what was typed and can be sent again. Focus
 * goes to the token; the shell takes it back once signed in.
 */
export function SessionEndedDialog({ server, notice, onConnect, onSignOut }: DialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLInputElement>('#token')?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog connect"
        role="dialog"
        aria-modal="true"
        aria-labelledby="session-ended-heading"
        aria-describedby="session-ended-notice"
      >
        <h2 id="session-ended-heading">Your session ended: sign in again</h2>
        <p id="session-ended-notice">
          {notice} What you typed is still on the page: sign in again with a valid token, then send it again.
        </p>
        <ConnectForm server={server} serverEditable={false} onConnect={onConnect} action="Sign in again" />
        <button type="button" className="link-button" onClick={onSignOut}>
          Sign out instead
        </button>
      </div>
    </div>
  );
}

interface UnreachableProps {
  server: string;
  /** What the last attempt answered. */
  notice: string;
  /** Asks the server again with the stored token; answers why not, or undefined once connected. */
  onRetry: () => Promise<string | undefined>;
  /** Opens the Connect form, to change the address or the token. */
  onChange: () => void;
  appVersion: string;
}

/**
 * A stored connection whose server did not answer at start: the token is
 * kept, so trying again needs no typing.
 */
export function UnreachableView({ server, notice, onRetry, onChange, appVersion }: UnreachableProps) {
  const [trying, setTrying] = useState(false);
  const [again, setAgain] = useState<{ message: string; at: string }>();
  const retry = async () => {
    setTrying(true);
    const failed = await onRetry();
    setTrying(false);
    if (failed) setAgain({ message: failed, at: new Date().toLocaleTimeString() });
  };
  return (
    <main className="connect" aria-labelledby="unreachable-heading">
      <h1 id="unreachable-heading">Cannot reach {server}</h1>
      <p className="state state-error" role="alert">
        {again ? again.message : notice}
      </p>
      {again && (
        <p className="muted small" role="status">
          Still no answer when tried again at {again.at}.
        </p>
      )}
      <p>Your token is kept. Once the server is running and reachable, try again.</p>
      <div className="connect-buttons">
        <button type="button" autoFocus onClick={retry} disabled={trying}>
          {trying ? 'Trying…' : 'Try again'}
        </button>
        <button type="button" className="secondary" onClick={onChange}>
          Change connection
        </button>
      </div>
      <p className="muted small">{inDesktop() ? `Throughline desktop ${appVersion}` : 'Throughline in a browser'}</p>
    </main>
  );
}
