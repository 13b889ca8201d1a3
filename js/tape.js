// Rebuilds the report from the tape the wasm module hands over (src/tape.rs describes it): one
// Float64Array of tags, lengths and numbers, and one string with every text run together.
// Crossing from wasm to JS once per report, instead of once per object, field and string, is
// what makes this the cheap way to hand a report over.

/**
 * The value a tape describes: the report, equal to `JSON.parse` of its JSON.
 * @param {Float64Array} numbers
 * @param {string} text
 */
export function decodeTape(numbers, text) {
  let at = 0;
  let textAt = 0;
  const keys = [];
  const slice = (length) => text.slice(textAt, (textAt += length));
  const key = () => {
    const k = numbers[at++];
    if (k >= 0) return keys[k];
    const name = slice(-k - 1);
    keys.push(name);
    return name;
  };
  const value = () => {
    switch (numbers[at++]) {
      case 0:
        return null;
      case 1:
        return false;
      case 2:
        return true;
      case 3:
        return numbers[at++];
      case 4:
        return slice(numbers[at++]);
      case 5: {
        const items = new Array(numbers[at++]);
        for (let i = 0; i < items.length; i++) items[i] = value();
        return items;
      }
      case 6: {
        const object = {};
        for (let n = numbers[at++]; n > 0; n--) {
          const name = key();
          object[name] = value();
        }
        return object;
      }
      case 7: {
        const object = {};
        for (let n = numbers[at++]; n > 0; n--) {
          const name = value();
          object[name] = value();
        }
        return object;
      }
      default:
        throw new Error(`storydiff: unreadable report tape (tag ${numbers[at - 1]} at ${at - 1})`);
    }
  };
  const report = value();
  if (at !== numbers.length || textAt !== text.length) {
    throw new Error('storydiff: the report tape has data after its end');
  }
  return report;
}
