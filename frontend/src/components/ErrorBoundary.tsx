// What shows when rendering throws: a clear message and a way back to My
// team, instead of a blank window. The shell puts one around the current
// view (reset when the route changes) and one around the whole app.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What the boundary guards, such as 'this view' or 'Throughline'. */
  what: string;
  /** When it changes (a new route), the boundary tries its children again. */
  resetKey?: string;
}

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(prev: Props) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the developer tools: where it broke.
    console.error(`${this.props.what} stopped with an error`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Crashed what={this.props.what} message={error.message} onLeave={() => this.setState({ error: undefined })} />;
  }
}

function Crashed({ what, message, onLeave }: { what: string; message: string; onLeave: () => void }) {
  return (
    <main className="crashed">
      <h1>Something went wrong</h1>
      <div className="state state-error" role="alert">
        <p>
          {what.charAt(0).toUpperCase() + what.slice(1)} stopped with an error: {message}
        </p>
      </div>
      <p>
        <a href="#/team" onClick={onLeave}>
          Go to My team
        </a>
      </p>
    </main>
  );
}
