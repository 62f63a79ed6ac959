/**
 * Catches an error anywhere below it (rendering, effects, a lazy chunk that failed to load) and
 * shows words instead of a blank page: what went wrong in one sentence, and a way out. React
 * itself reports the caught error on the console (createRoot's onCaughtError).
 */
import { Component, type ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel';

interface Props {
  children: ReactNode;
  /** What to show once something below has thrown; `reset` renders the children again. */
  fallback: (error: unknown, reset: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  reset = () => this.setState({ failed: false, error: null });

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

/** The whole app's fallback: the error, Reload, and Back to the map (the start view, no link state). */
export function AppCrash({ error }: { error: unknown }) {
  return (
    <ErrorPanel
      error={error}
      title="The atlas stopped"
      advice="Reload the page to try again, or go back to the map's start view."
      actions={
        <>
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>{' '}
          <button type="button" onClick={() => window.location.assign(window.location.pathname)}>
            Back to the map
          </button>
        </>
      }
    />
  );
}

/** The app inside the error boundary (main.tsx renders this). */
export function WithAppBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error) => <AppCrash error={error} />}>{children}</ErrorBoundary>;
}
