// Connect: the server's address and a token. The connection is tried
// before the app moves on, and each way it can fail gets its own message.
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { inDesktop } from '../../platform';

export interface ConnectValues {
  server: string;
  token: string;
}

interface Props {
  /** The address stored last time, shown for editing. */
  server: string;
  /** Why the app is back here: a refused token, a lost server. */
  notice?: string;
  /** Tries the connection; answers an error message, or undefined on success. */
  onConnect: (v: ConnectValues) => Promise<string | undefined>;
  appVersion: string;
}

const addressPattern = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;

export function ConnectView({ server, notice, onConnect, appVersion }: Props) {
  const [failure, setFailure] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ConnectValues>({ defaultValues: { server, token: '' } });
  const desktop = inDesktop();

  const submit = handleSubmit(async (v) => {
    setFailure(undefined);
    setFailure(await onConnect({ server: v.server.trim().replace(/\/$/, ''), token: v.token.trim() }));
  });

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
      <form onSubmit={submit} noValidate aria-label="Connect">
        <label htmlFor="server">Server address</label>
        <input
          id="server"
          type="url"
          autoComplete="url"
          placeholder="http://127.0.0.1:8080"
          readOnly={!desktop}
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
          autoFocus
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
          {isSubmitting ? 'Connecting…' : 'Connect'}
        </button>
      </form>
      <p className="muted small">Throughline desktop {appVersion}</p>
    </main>
  );
}
