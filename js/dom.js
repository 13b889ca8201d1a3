// Small DOM and wording helpers shared by the element (js/element.js) and the page (www/app.js).

/** `n` with its noun: "1 source", "3 sources". */
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A whole number with commas between thousands: "12,345". Not `toLocaleString`: its first call
 * loads the locale data, about 15 ms on the page's first render.
 */
export const thousands = (n) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Creates an element. `props`: class, text (set as textContent, never HTML), attrs, data, part,
 * on (event listeners), hidden. Children: nodes or strings (added as text nodes).
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  if (props.part) node.setAttribute('part', props.part);
  if (props.hidden) node.hidden = true;
  for (const [k, v] of Object.entries(props.attrs || {})) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  for (const [k, v] of Object.entries(props.data || {})) if (v !== undefined && v !== null) node.dataset[k] = String(v);
  for (const [k, v] of Object.entries(props.on || {})) node.addEventListener(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Downloads `content` as a file named `name` (the link is in the document while clicked, which
 *  some browsers need). */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
