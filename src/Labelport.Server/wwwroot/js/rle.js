// Encord bitmask rleString (spec encord-json.md §11): COCO compressed counts over a row-major mask.
// Pure functions, no DOM: also imported by the node tests.

/** Decodes an rleString into run lengths (0-run first). Arithmetic on doubles: exact up to 2^53. */
export function decodeCounts(rle) {
  const counts = [];
  let p = 0;
  while (p < rle.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= rle.length) throw new Error(`rleString ends inside a run at character ${p}`);
      const c = rle.charCodeAt(p) - 48;
      if (c < 0 || c > 63) throw new Error(`rleString has an invalid character '${rle[p]}' at ${p}`);
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && (c & 0x10) !== 0) x -= 2 ** (5 * k); // sign extension of the last group
    }
    if (counts.length > 2) x += counts[counts.length - 2];
    if (x < 0) throw new Error(`rleString decodes to a negative run length (${x}) at run ${counts.length}`);
    counts.push(x);
  }
  return counts;
}

/** Row-major mask of width*height bytes (1 = set) from an rleString. */
export function decodeMask(rle, width, height) {
  const size = width * height;
  const mask = new Uint8Array(size);
  let at = 0;
  const counts = decodeCounts(rle);
  for (let i = 0; i < counts.length && at < size; i++) {
    const end = Math.min(size, at + counts[i]);
    if (i % 2 === 1) mask.fill(1, at, end);
    at = end;
  }
  return mask;
}
