import type { DataError } from '../core';

/** Shown instead of the app when the data cannot be loaded: where the problem is, and what it is. */
export function ErrorPanel({ error }: { error: unknown }) {
  const data = isDataError(error) ? error : null;
  return (
    <main className="error-panel" role="alert">
      <h1>The atlas could not be loaded</h1>
      {data ? (
        <dl>
          <dt>File</dt>
          <dd>{data.file}</dd>
          <dt>Line</dt>
          <dd>{data.line}</dd>
          <dt>Column</dt>
          <dd>{data.column}</dd>
          <dt>Problem</dt>
          <dd>{data.problem}</dd>
          <dt>Value</dt>
          <dd>{JSON.stringify(data.value)}</dd>
        </dl>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
      <p>Fix the file named above and reload the page.</p>
    </main>
  );
}

function isDataError(e: unknown): e is DataError {
  return e instanceof Error && e.name === 'DataError' && 'file' in e && 'line' in e;
}
