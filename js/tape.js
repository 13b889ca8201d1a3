// Rebuilds the report from the tape the wasm module hands over (src/tape.rs describes it): a
// Uint32Array of tags, lengths, keys and whole numbers, a Float64Array of the other numbers, and
// one string with every text run together (each sentence once: the texts that repeat part of
// one refer to it).
// Crossing from wasm to JS once per report, instead of once per object, field and string, is
// what makes this the cheap way to hand a report over. The JS API decodes the tape where the
// wasm runs; the element (and any page using the worker, through `storydiff/tape`) decodes the
// tape the worker posts.

/**
 * The value a tape describes: the report, equal to `JSON.parse` of its JSON.
 * @param {Uint32Array} ints
 * @param {Float64Array} floats
 * @param {string} text
 */
export function decodeTape(ints, floats, text) {
  const NEW_KEY = 2 ** 31;
  let at = 0;
  let floatAt = 0;
  let textAt = 0;
  const keys = [];
  const slice = (length) => text.slice(textAt, (textAt += length));
  const key = () => {
    const k = ints[at++];
    if (k < NEW_KEY) {
      if (k >= keys.length) throw new Error(`storydiff: unreadable report tape (key ${k} at ${at - 1})`);
      return keys[k];
    }
    const name = slice(k - NEW_KEY);
    keys.push(name);
    return name;
  };
  // Fields of an object; a map's keys are string values, a struct's come from the key table.
  const object = (name) => {
    const fields = {};
    for (let n = ints[at++]; n > 0; n--) {
      const field = name();
      // As JSON.parse does: "__proto__" is an own property, not the prototype.
      if (field === '__proto__') Object.defineProperty(fields, field, { value: value(), enumerable: true, writable: true, configurable: true });
      else fields[field] = value();
    }
    return fields;
  };
  const value = () => {
    switch (ints[at++]) {
      case 0:
        return null;
      case 1:
        return false;
      case 2:
        return true;
      case 3:
        return ints[at++];
      case 4:
        return floats[floatAt++];
      case 5:
        return slice(ints[at++]);
      case 6: {
        const items = new Array(ints[at++]);
        for (let i = 0; i < items.length; i++) items[i] = value();
        return items;
      }
      case 7:
        return object(key);
      case 8:
        return object(value);
      case 9:
        return key();
      case 10: {
        // A string written before: part of a sentence's text.
        const start = ints[at++];
        const end = start + ints[at++];
        if (!readable(start, end)) throw new Error(`storydiff: unreadable report tape (slice at ${at - 3})`);
        return text.slice(start, end);
      }
      default:
        throw new Error(`storydiff: unreadable report tape (tag ${ints[at - 1]} at ${at - 1})`);
    }
  };
  // A slice lies inside the text read before and does not split a character: a damaged tape
  // fails here. (That it lies inside one string is the encoder's to keep: the Rust tests decode
  // every tape they make with that check too; here it cost a fifth of decoding the seeds.)
  const readable = (start, end) => {
    const low = (i) => (text.charCodeAt(i) & 0xfc00) === 0xdc00;
    return end <= textAt && !(start < end && (low(start) || low(end)));
  };
  const report = value();
  if (at !== ints.length || floatAt !== floats.length || textAt !== text.length) {
    throw new Error('storydiff: the report tape has data after its end');
  }
  return report;
}
