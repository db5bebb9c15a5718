/** Superlatives read as rank claims: what ranks, what does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findRanks } from './ranks.js';

const ranks = (text: string) => findRanks(text).map((r) => [r.text, r.over]);

test('the worst, the deadliest, the one with the most killings: rank 1 among incidents', () => {
  assert.deepEqual(ranks('It is the worst single atrocity reported in the conflict.'), [['the worst single atrocity', 'incident']]);
  assert.deepEqual(ranks('Gunmen killed 160 people, the country’s worst attack in recent years.'), [['country’s worst attack', 'incident']]);
  assert.deepEqual(ranks('The single event with the most killings happened in Borno.'), [['The single event with the most killings', 'incident']]);
  assert.deepEqual(ranks('C’est la pire attaque de l’année.'), [['la pire attaque', 'incident']]);
  assert.deepEqual(ranks('C’est l’attaque la plus meurtrière depuis 2015.'), [['l’attaque la plus meurtrière', 'incident']]);
});

test('more deaths than any previous year, the deadliest year: rank 1 among years', () => {
  assert.deepEqual(ranks('2022 saw more deaths than any previous year.'), [['more deaths than any previous year', 'year']]);
  assert.deepEqual(ranks('2020 a enregistré plus de décès que n’importe quelle année précédente.'), [['plus de décès que n’importe quelle année précédente', 'year']]);
  assert.deepEqual(ranks('It was the deadliest year on record.'), [['the deadliest year', 'year']]);
});

test('"one of the deadliest", plural superlatives and plain adjectives rank nothing', () => {
  assert.deepEqual(ranks('It was one of the deadliest attacks this year.'), []);
  assert.deepEqual(ranks('One of the worst massacres of the war.'), []);
  assert.deepEqual(ranks('A deadly attack killed 12 people.'), []);
});
