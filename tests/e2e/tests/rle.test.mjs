// The web app's bitmask decoder against the worked examples of spec encord-json.md §11.4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCounts, decodeMask } from '../../../src/Labelport.Server/wwwroot/js/rle.js';

test('decodes the string-codec vectors, including negative deltas', () => {
  assert.deepEqual(decodeCounts('PeQ3532'), [100000, 5, 3, 7]);
  assert.deepEqual(decodeCounts('5Xo02RQO^<'), [5, 1000, 2, 10, 400]);
  assert.deepEqual(decodeCounts(''), []);
});

test('decodes the worked masks row-major', () => {
  assert.deepEqual([...decodeMask('033', 3, 2)], [1, 1, 1, 0, 0, 0]);
  assert.deepEqual([...decodeMask('615', 4, 3)], [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  const mask = decodeMask('63204', 5, 4);
  const rows = [0, 1, 2, 3].map((r) => [...mask.slice(r * 5, r * 5 + 5)].join(''));
  assert.deepEqual(rows, ['00000', '01110', '01110', '00000']);
  assert.deepEqual([...decodeMask('4', 2, 2)], [0, 0, 0, 0]);
  assert.deepEqual([...decodeMask('04', 2, 2)], [1, 1, 1, 1]);
  assert.deepEqual([...decodeMask('0341', 11, 1)], [1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
});

test('a short string leaves the rest of the mask empty; a long one is cut at the mask size', () => {
  assert.deepEqual([...decodeMask('11', 2, 2)], [0, 1, 0, 0]);
  assert.deepEqual([...decodeMask('04', 1, 2)], [1, 1]);
});

test('rejects characters outside the alphabet and strings that end inside a run', () => {
  assert.throws(() => decodeCounts('0 4'), /invalid character ' ' at 1/);
  assert.throws(() => decodeCounts('P'), /ends inside a run/);
});
