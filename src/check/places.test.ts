/** Places in news text: examples of the rules in docs/check.md ("Places"). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaces, type Gazetteer } from './places.js';

// The store's areas as storeFacts() gives them: admin1, admin2 and towns.
const gazetteer: Gazetteer = {
  areas: [
    { name: 'Mopti', country: 'MLI', admin1: 'Mopti', level: 'admin1' },
    { name: 'Mopti', country: 'MLI', admin1: 'Mopti', location: 'Mopti', level: 'location' },
    { name: 'Djibo', country: 'BFA', admin1: 'Sahel', location: 'Djibo', level: 'location' },
    { name: 'Soum', country: 'BFA', admin1: 'Sahel', admin2: 'Soum', level: 'admin2' },
    { name: 'Mopti', country: 'MLI', admin1: 'Mopti', admin2: 'Mopti', level: 'admin2' },
  ],
};
const places = (text: string) => findPlaces(text, gazetteer).map((p) => `${p.text}:${p.level}:${p.countries.join(',')}`);

test('a name after a capitalised first word of its run: "In Mopti", "Burkina\'s Centre-Nord"', () => {
  assert.deepEqual(places('In Mopti, 200 people were killed.'), ['Mopti:admin1:MLI']);
  assert.deepEqual(places("In Burkina's Centre-Nord region, 400 people were killed."), ['Burkina:country:BFA', 'Centre-Nord:admin1:BFA']);
  // A word for a kind of area is no name of its own ("Region" is an area of Peru).
  assert.deepEqual(places("Civilians in Niger's Tillabéri Region"), ['Niger:country:NER', 'Tillabéri:admin1:NER']);
});

test('second-level areas from the store; a town or an admin1 area of the same name comes first', () => {
  assert.deepEqual(places('Gunmen killed 19 people in Soum province.'), ['Soum:admin2:BFA']);
  assert.equal(findPlaces('Soum', gazetteer)[0]!.admin2, 'Soum');
  assert.deepEqual(places('Mopti'), ['Mopti:admin1:MLI']);
});

test('the tri-border area is Mali, Burkina Faso and Niger; a group named after the Sahel is no place', () => {
  for (const t of ['in the tri-border area', 'in the Liptako-Gourma', 'dans la zone des trois frontières']) assert.deepEqual(findPlaces(t)[0]?.countries, ['MLI', 'BFA', 'NER'], t);
  assert.deepEqual(places('IS-Sahel fighters and Islamic State Sahel Province'), []);
  assert.deepEqual(places('violence in the central Sahel'), ['the central Sahel:region:MLI,BFA,NER']);
});
