/** The Review panel's words and pieces, worked out without React (tested in Node). */
import type { CandidatePlace, Place, ReviewChoice, ReviewGroup, ReviewMention } from '../../core';

/** A mention's sentence in three pieces, the name in the middle: shown as text, never as HTML. */
export function sentencePieces(text: string, m: ReviewMention): [string, string, string] {
  return [text.slice(m.snippetStart, m.start), text.slice(m.start, m.end), text.slice(m.end, m.snippetEnd)];
}

const people = new Intl.NumberFormat('en');

/** "Springfield, Illinois, US · 116,250 people" (region and population where known). */
export function describePlace(p: CandidatePlace | Place): string {
  const region = 'admin1' in p ? p.admin1 : '';
  const where = [p.name, region, p.country].filter((x) => x !== '').join(', ');
  const population = 'population' in p ? p.population : null;
  return population ? `${where} · ${people.format(population)} people` : `${where} · ${p.kind}`;
}

/** What is decided for a group now, in words (a place named, or uncertain: never by colour alone). */
export function groupStatus(group: ReviewGroup, choice: ReviewChoice | undefined, chosen: Place | undefined) {
  if (choice?.verdict.kind === 'not-a-place') return 'You marked it: not a place';
  if (choice) return `You chose: ${chosen ? describePlace(chosen) : choice.verdict.place}`;
  if (group.kind === 'unmatched') return 'Matched no place: not on the map';
  const sure = group.confidence < 0.5 ? 'a guess' : 'uncertain';
  return `The finder chose ${group.place ? describePlace(group.place) : 'a place'} (${sure})`;
}

/** "2 mentions", "1 mention". */
export const mentionCount = (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`;
