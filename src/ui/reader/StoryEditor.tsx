/**
 * The reader's story edits: an "Edit story" switch, and in edit mode a title field (Enter saves,
 * Esc cancels), "Merge with next story" and a "Split here" button between paragraphs. Reading
 * stays clean: nothing of this shows until the switch is on.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { cleanTitle, MAX_STORY_TITLE, type Story, type StoryEdit } from '../../core';

export function StoryEditBar({
  story,
  next,
  editing,
  onEditing,
  onEdit,
}: {
  story: Story;
  /** The story after this one, or undefined for the last: nothing to merge with. */
  next: Story | undefined;
  editing: boolean;
  onEditing: (on: boolean) => void;
  onEdit: (edit: StoryEdit, done: string) => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const fieldId = useId();

  const startRename = () => {
    setDraft(story.title);
    setProblem(null);
    setRenaming(true);
  };
  const stopRename = () => {
    setRenaming(false);
    setProblem(null);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const save = () => {
    const title = cleanTitle(draft);
    if (title === '') {
      setProblem('A story needs a title: write at least one letter, or press Esc to keep the old one.');
      return;
    }
    setRenaming(false);
    setProblem(null);
    if (title !== story.title) onEdit({ op: 'retitle', story: story.index, title }, `Renamed: ${title}`);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault(); // Esc here cancels the rename, it does not close the story
      stopRename();
    }
  };

  return (
    <div className="story-edit-bar">
      <button
        type="button"
        className="edit-toggle"
        aria-pressed={editing}
        onClick={() => {
          setRenaming(false);
          onEditing(!editing);
        }}
      >
        {editing ? 'Done editing' : 'Edit story'}
      </button>
      {editing && (
        <div role="group" aria-label="Edit this story" className="story-edit-tools">
          {renaming ? (
            <span className="rename">
              <label htmlFor={fieldId}>Story title</label>{' '}
              <input
                id={fieldId}
                type="text"
                value={draft}
                maxLength={MAX_STORY_TITLE}
                autoComplete="off"
                autoFocus
                aria-invalid={problem !== null}
                aria-describedby={`${fieldId}-hint`}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onKey}
              />{' '}
              <button type="button" onClick={save}>
                Save title
              </button>{' '}
              <button type="button" onClick={stopRename}>
                Cancel
              </button>
              <span id={`${fieldId}-hint`} className={problem ? 'field-problem' : 'field-hint'}>
                {problem ?? 'Enter saves, Esc cancels.'}
              </span>
            </span>
          ) : (
            <button type="button" ref={renameButton} onClick={startRename}>
              Rename story
            </button>
          )}{' '}
          {next && (
            <button
              type="button"
              title={`Make one story of this one and the next, “${next.title}”`}
              onClick={() =>
                onEdit({ op: 'merge', story: story.index }, `Merged with the next story, “${next.title}”.`)
              }
            >
              Merge with next story
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Between two paragraphs in edit mode: starts a new story at paragraph `paragraph` (0-based). */
export function SplitHere({
  story,
  paragraph,
  preview,
  onEdit,
}: {
  story: Story;
  paragraph: number;
  /** The first words of the paragraph the new story would start with. */
  preview: string;
  onEdit: (edit: StoryEdit, done: string) => void;
}) {
  return (
    <button
      type="button"
      className="split-here"
      aria-label={`Split here, before paragraph ${paragraph + 1}: ${preview}`}
      onClick={() =>
        onEdit(
          { op: 'split', story: story.index, paragraph },
          `Split: paragraph ${paragraph + 1} on is now the next story, story ${story.index + 2}.`,
        )
      }
    >
      <span aria-hidden="true">✂ </span>Split here
    </button>
  );
}
