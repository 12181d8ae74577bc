// Tiny DOM helpers: build elements without innerHTML so server data is never parsed as markup.

/** h('button.primary', {type: 'button', onclick}, 'Export') — attributes, properties and children. */
export function h(tag, attrs = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') for (const [p, v] of Object.entries(value)) el.style.setProperty(p, v);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Inline icon from a few path strings (24x24 viewBox, stroked). */
export function icon(name, { size = 18, label } = {}) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('class', `icon icon-${name}`);
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  for (const d of ICONS[name] || []) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

const ICONS = {
  download: ['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14'],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  error: ['M12 7v6', 'M12 16.5v.5', 'M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z'],
  export: ['M12 15V3', 'M7 8l5-5 5 5', 'M20 14v5a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-5'],
  eye: ['M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z', 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  chevron: ['M6 9l6 6 6-6'],
  left: ['M15 6l-6 6 6 6'],
  right: ['M9 6l6 6-6 6'],
  search: ['M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14z', 'M20 20l-4-4'],
  image: ['M4 5h16v14H4z', 'M4 16l5-5 4 4 3-3 4 4', 'M15.5 8.5h.01'],
  video: ['M3 6h13v12H3z', 'M16 10l5-3v10l-5-3'],
  group: ['M7 7h13v13H7z', 'M4 17V4h13'],
  folder: ['M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21a8 8 0 0 1 16 0'],
  history: ['M3 12a9 9 0 1 0 3-6.7', 'M3 4v4h4', 'M12 7v5l3 2'],
  lock: ['M6 11h12v10H6z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  stop: ['M7 7h10v10H7z'],
  // shapes of ontology objects
  bounding_box: ['M4 6h16v12H4z'],
  rotatable_bounding_box: ['M7 3l14 5-4 13L3 16z'],
  polygon: ['M12 3l9 7-4 11H7L3 10z'],
  polyline: ['M3 18l5-8 5 5 8-11'],
  point: ['M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z'],
  bitmask: ['M4 4h6v6H4z', 'M14 14h6v6h-6z', 'M14 4h6v6h-6z'],
  skeleton: ['M6 5l6 7 6-7', 'M12 12v8', 'M6 5h.01', 'M18 5h.01', 'M12 20h.01'],
  cuboid: ['M4 8l8-4 8 4v9l-8 4-8-4z', 'M4 8l8 4 8-4', 'M12 12v9'],
  cuboid_2d: ['M4 8l8-4 8 4v9l-8 4-8-4z', 'M4 8l8 4 8-4', 'M12 12v9'],
};
