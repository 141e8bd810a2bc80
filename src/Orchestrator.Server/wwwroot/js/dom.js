// DOM helpers that only ever insert text: API strings go through textContent and text nodes, never markup.

/** Creates an element; children are nodes or strings (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const byId = (id) => document.getElementById(id);

/** Replaces a table body's rows; an empty list shows one muted row saying so. */
export function fillTable(table, rows, emptyText) {
  const body = table.tBodies[0];
  const columns = table.tHead.rows[0].cells.length;
  body.replaceChildren(...(rows.length > 0 ? rows : [el('tr', { className: 'empty' }, el('td', { colspan: columns }, emptyText))]));
}

/** A table cell; numbers are right-aligned, a sign class colours P&L. */
export function td(text, { num = false, sign = null } = {}) {
  const classes = [num ? 'num' : '', sign === null ? '' : sign > 0 ? 'up' : sign < 0 ? 'down' : ''].filter(Boolean).join(' ');
  return el('td', { className: classes || null }, text);
}
