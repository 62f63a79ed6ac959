import type { ReactNode } from 'react';
import type { DataError } from '../core';

/**
 * Shown instead of the app (or the tour) when it cannot go on: where the problem is, what it is,
 * and what to do. Data errors list file, line and column; any other error is one sentence.
 */
export function ErrorPanel({
  error,
  title = 'The atlas could not be loaded',
  advice = 'Fix the file named above and reload the page.',
  actions,
  element: Element = 'main',
  className = '',
}: {
  error: unknown;
  title?: string;
  advice?: string;
  /** Ways out (reload, back to the map), as buttons. */
  actions?: ReactNode;
  /** `main` when the panel stands for the whole page, `section` inside it. */
  element?: 'main' | 'section';
  className?: string;
}) {
  const data = isDataError(error) ? error : null;
  const Heading = Element === 'main' ? 'h1' : 'h2';
  return (
    <Element className={`error-panel ${className}`.trim()} role="alert">
      <Heading>{title}</Heading>
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
        <p>{errorSentence(error)}</p>
      )}
      <p>{advice}</p>
      {actions && <p className="error-panel-actions">{actions}</p>}
    </Element>
  );
}

/** What went wrong, as one sentence: the error's first line, shortened, with a full stop. */
export function errorSentence(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  let line = raw.split('\n')[0]!.trim() || (error instanceof Error ? error.name : 'an unknown error');
  if (line.length > 200) line = `${line.slice(0, 199)}…`;
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}

function isDataError(e: unknown): e is DataError {
  return e instanceof Error && e.name === 'DataError' && 'file' in e && 'line' in e;
}
