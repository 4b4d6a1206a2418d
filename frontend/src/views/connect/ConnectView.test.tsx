import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { ConnectView } from './ConnectView';

function setup(onConnect = vi.fn(async () => undefined as string | undefined)) {
  render(<ConnectView server="http://127.0.0.1:8080" onConnect={onConnect} appVersion="1.0.0" />);
  return { onConnect, user: userEvent.setup() };
}

describe('ConnectView', () => {
  test('sends the trimmed token and address', async () => {
    const { onConnect, user } = setup();
    await user.type(screen.getByLabelText('Token'), '  tl_abc  {Enter}');
    expect(onConnect).toHaveBeenCalledWith({ server: 'http://127.0.0.1:8080', token: 'tl_abc' });
  });

  test('asks for a token before trying', async () => {
    const { onConnect, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Paste the token/)).toBeTruthy();
    expect(onConnect).not.toHaveBeenCalled();
  });

  test('shows why the connection failed', async () => {
    const { user } = setup(vi.fn(async () => 'The server at x refused this token'));
    await user.type(screen.getByLabelText('Token'), 'tl_bad{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('refused this token');
  });

  test('in a browser, the footer says so rather than naming a desktop version', () => {
    setup();
    expect(screen.getByText('Throughline in a browser')).toBeTruthy();
    expect(screen.queryByText(/desktop/)).toBeNull();
  });

  test('in the desktop app, the footer shows the app version', () => {
    window.go = { main: { App: {} as never } };
    try {
      setup();
      expect(screen.getByText('Throughline desktop 1.0.0')).toBeTruthy();
    } finally {
      delete window.go;
    }
  });

  test('with an address already known, typing starts in the token', () => {
    setup();
    expect(document.activeElement).toBe(screen.getByLabelText('Token'));
  });
});
