/**
 * The broad gazetteer as `npm run gazetteer` builds it, read by the CLI's pipeline: the cases of
 * one name and several places that any news reader resolves without thinking.
 */
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/core';
import { readBroadData } from '../../src/cli/broad';
import { readDataFiles } from '../../src/cli/data';

const atlas = loadData(readDataFiles(), readBroadData());
/** Each mention as "text: country.admin-1 (kind)", or "text: country" for a country. */
const read = (text: string) => {
  const a = atlas.geoparse(text);
  return a.mentions.map((m) => {
    const p = a.gazetteer.byId.get(m.placeId)!;
    const where = p.kind === 'country' ? p.country : `${p.country} ${p.kind}`;
    return `${m.text}${m.form === 'demonym' ? ' (demonym)' : ''}: ${where}`;
  });
};
/** The [lat, lon] of the mention of `name` in `text`. */
const at = (text: string, name: string) => {
  const a = atlas.geoparse(text);
  const m = a.mentions.find((x) => x.text === name)!;
  const p = a.gazetteer.byId.get(m.placeId)!;
  return [Math.round(p.lat), Math.round(p.lon)];
};

describe('one name, several places: the text decides', () => {
  it('Paris, France and Paris, Texas', () => {
    expect(at('Flooding hit Paris, Texas, on Monday.', 'Paris')).toEqual([34, -96]);
    expect(at('The museum in Paris reopened.', 'Paris')).toEqual([49, 2]);
    expect(at('Paris police and the Lamar County sheriff said Texas troopers helped.', 'Paris')).toEqual([
      34, -96,
    ]);
  });

  it('Georgia the state and Georgia the country', () => {
    expect(read('Atlanta is the capital of Georgia.')).toEqual(['Atlanta: US city', 'Georgia: US region']);
    expect(read('Tbilisi is the capital of Georgia.')).toEqual(['Tbilisi: GE city', 'Georgia: GE']);
    expect(read('Georgia and Russia fought a war.')).toEqual(['Georgia: GE', 'Russia: RU']);
  });

  it('Portland, Maine and Portland, Oregon', () => {
    expect(at('The ferry left Portland, Maine, at noon.', 'Portland')).toEqual([44, -70]);
    expect(at('The ferry left Portland, Ore., at noon.', 'Portland')).toEqual([46, -123]);
    expect(at('Portland, Bangor and Augusta voted.', 'Portland')).toEqual([44, -70]);
    expect(at('Portland and Salem voted.', 'Portland')).toEqual([46, -123]);
  });

  it('Vancouver, British Columbia and Vancouver, Washington', () => {
    expect(read('Rain fell on Vancouver, British Columbia.')[0]).toBe('Vancouver: CA city');
    expect(read('Rain fell on Vancouver, Washington.')[0]).toBe('Vancouver: US city');
    expect(read('Vancouver, Burnaby and Surrey flooded.')[0]).toBe('Vancouver: CA city');
    expect(read('Vancouver and Spokane flooded.')[0]).toBe('Vancouver: US city');
  });

  it('Jordan the person and Jordan the country', () => {
    expect(read('Michael Jordan scored 30 points.')).toEqual([]);
    expect(read('Jordan said he would play.')).toEqual([]);
    expect(read('Refugees crossed into Jordan.')).toEqual(['Jordan: JO']);
    expect(read('The talks in Amman, Jordan, ended.')).toEqual(['Amman: JO city', 'Jordan: JO']);
  });

  it('a demonym is a mention of its country', () => {
    expect(read('Russian officials met French diplomats.')).toEqual([
      'Russian (demonym): RU',
      'French (demonym): FR',
    ]);
    expect(read('The Georgian delegation left.')).toEqual(['Georgian (demonym): GE']);
  });
});
