// A labelled multi-select: a button that opens, in place, a group of checkboxes with search and
// All/Clear. Nothing ticked means "no filter" (everything), as in the REST contract.
import { h, icon, clear } from './dom.js';

let nextId = 0;

/**
 * options: [{value, label, count?, color?, shape?, hint?}]
 * allText: button text when nothing is ticked (e.g. "All statuses").
 */
export function multiSelect({ label, options, allText, noun, onChange }) {
  const id = `ms-${++nextId}`;
  const chosen = new Set();
  const labelEl = h('span.ms-label', { id: `${id}-label` }, label);
  const summary = h('span.ms-summary', { id: `${id}-summary` });
  const button = h('button.ms-button', {
    type: 'button', id: `${id}-button`, 'aria-expanded': 'false', 'aria-controls': `${id}-panel`,
    'aria-labelledby': `${id}-label ${id}-summary`,
  }, summary, icon('chevron', { size: 16 }));
  const search = options.length > 7
    ? h('input.ms-search', { type: 'search', placeholder: `Search ${noun}…`, 'aria-label': `Search ${noun}` })
    : null;
  const list = h('ul.ms-options');
  const panel = h('div.ms-panel', { id: `${id}-panel`, role: 'group', 'aria-labelledby': `${id}-label`, hidden: true },
    h('div.ms-tools', {}, search,
      h('button.link-button', { type: 'button', onclick: () => setAll(true) }, 'All'),
      h('button.link-button', { type: 'button', onclick: () => setAll(false) }, 'Clear')),
    list);
  const inputs = options.map((o) => {
    const input = h('input', { type: 'checkbox', value: o.value, name: `${id}-option` });
    input.addEventListener('change', () => {
      if (input.checked) chosen.add(o.value);
      else chosen.delete(o.value);
      update();
    });
    const item = h('li', { dataset: { search: `${o.label} ${o.hint || ''}`.toLowerCase() } },
      h('label.ms-option', {}, input,
        o.color ? h('span.swatch', { style: { '--swatch': o.color }, 'aria-hidden': 'true' }) : null,
        o.shape ? icon(o.shape, { size: 16 }) : null,
        h('span.ms-option-name', {}, o.label),
        o.hint ? h('span.ms-option-hint', {}, o.hint) : null,
        o.count !== undefined ? h('span.ms-option-count', {}, String(o.count), h('span.visually-hidden', {}, o.count === 1 ? ' file' : ' files')) : null));
    list.append(item);
    return input;
  });
  if (!options.length) list.append(h('li.ms-none', {}, `This project has no ${noun}.`));
  search?.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const li of list.children) li.hidden = q !== '' && !(li.dataset.search || '').includes(q);
  });

  const toggle = (open) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => toggle(panel.hidden));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      toggle(false);
      button.focus();
    }
  });

  function setAll(on) {
    for (const input of inputs) {
      const li = input.closest('li');
      if (li.hidden) continue;
      input.checked = on;
      if (on) chosen.add(input.value);
      else chosen.delete(input.value);
    }
    update();
  }

  function update(notify = true) {
    const names = options.filter((o) => chosen.has(o.value)).map((o) => o.label);
    const everything = names.length === 0 || names.length === options.length;
    clear(summary, everything ? allText : names.length <= 2 ? names.join(', ') : `${names.length} of ${options.length} ${noun}`);
    button.classList.toggle('filtered', !everything);
    if (notify) onChange?.();
  }
  update(false);

  return {
    el: h('div.ms', { dataset: { filter: label } }, labelEl, button, panel),
    /** The chosen values, or null when the filter selects everything. */
    values() {
      return chosen.size === 0 || chosen.size === options.length ? null : [...chosen];
    },
    names() {
      return options.filter((o) => chosen.has(o.value)).map((o) => o.label);
    },
  };
}
