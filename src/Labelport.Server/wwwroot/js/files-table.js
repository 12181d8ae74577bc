// The project's files: title, type, label status, last edited, object count; a checkbox per row,
// select-all (of the rows the filter shows) and a text filter. Each row opens a labelled preview.
import { mediaUrl } from './api.js';
import { h, icon, clear } from './dom.js';
import { dataTypeName, formatDate, formatNumber, formatRelative, statusName } from './format.js';

const PAGE = 200;

export class FilesTable extends EventTarget {
  constructor({ selectable, onPreview }) {
    super();
    this.rows = [];
    this.selected = new Set(); // dataHash of each selected row
    this.selectable = selectable;
    this.onPreview = onPreview;
    this.shownLimit = PAGE;
    this.query = '';

    this.filter = h('input.search-input', {
      type: 'search', id: 'file-filter', placeholder: 'Filter by title, type or status', autocomplete: 'off',
    });
    this.filter.addEventListener('input', () => {
      this.query = this.filter.value.trim().toLowerCase();
      this.shownLimit = PAGE;
      this.renderBody();
    });
    this.count = h('span.table-count', { id: 'file-count', 'aria-live': 'polite' });
    this.selectAll = h('input', { type: 'checkbox', id: 'select-all', 'aria-label': 'Select all files shown' });
    this.selectAll.addEventListener('change', () => this.setShown(this.selectAll.checked));
    this.body = h('tbody');
    this.more = h('div.table-more');
    this.el = h('section.card.files-card', { 'aria-labelledby': 'files-title' },
      h('div.card-head', {},
        h('h2', { id: 'files-title' }, 'Files'),
        this.count),
      h('div.table-tools', {},
        h('label.visually-hidden', { for: 'file-filter' }, 'Filter files'),
        h('div.search', {}, icon('search', { size: 16 }), this.filter)),
      h('div.table-wrap', {},
        h('table.files-table', {},
          h('caption.visually-hidden', {}, 'Files of this project'),
          h('thead', {}, h('tr', {},
            this.selectable ? h('th.col-check', { scope: 'col' }, this.selectAll) : null,
            h('th.col-thumb', { scope: 'col' }, h('span.visually-hidden', {}, 'Preview')),
            h('th', { scope: 'col' }, 'Title'),
            h('th.col-type', { scope: 'col' }, 'Type'),
            h('th', { scope: 'col' }, 'Label status'),
            h('th.col-edited', { scope: 'col' }, 'Last edited'),
            h('th.col-num', { scope: 'col' }, 'Objects'))),
          this.body)),
      this.more);
  }

  setRows(rows) {
    this.rows = rows;
    const known = new Set(rows.map((r) => r.dataHash));
    for (const hash of this.selected) if (!known.has(hash)) this.selected.delete(hash);
    this.renderBody();
  }

  shown() {
    if (!this.query) return this.rows;
    return this.rows.filter((r) => `${r.dataTitle} ${dataTypeName(r.dataType)} ${statusName(r.labelStatus)} ${r.labelStatus}`
      .toLowerCase().includes(this.query));
  }

  setShown(on) {
    for (const r of this.shown()) {
      if (on) this.selected.add(r.dataHash);
      else this.selected.delete(r.dataHash);
    }
    this.renderBody();
    this.changed();
  }

  toggle(row, on) {
    if (on) this.selected.add(row.dataHash);
    else this.selected.delete(row.dataHash);
    this.updateCounts();
    this.changed();
  }

  changed() {
    this.dispatchEvent(new Event('selectionchange'));
  }

  selectedRows() {
    return this.rows.filter((r) => this.selected.has(r.dataHash));
  }

  renderBody() {
    const shown = this.shown();
    const page = shown.slice(0, this.shownLimit);
    clear(this.body, page.length ? page.map((r) => this.row(r)) : h('tr.empty-row', {},
      h('td', { colSpan: 7 }, this.rows.length ? 'No file matches the filter.' : 'This project has no files yet.')));
    clear(this.more, shown.length > page.length
      ? h('button.button.secondary', { type: 'button', onclick: () => { this.shownLimit += PAGE * 5; this.renderBody(); } },
        `Show more (${formatNumber(shown.length - page.length)} not shown)`)
      : null);
    this.updateCounts();
  }

  updateCounts() {
    const shown = this.shown();
    const selectedShown = shown.filter((r) => this.selected.has(r.dataHash)).length;
    this.selectAll.checked = shown.length > 0 && selectedShown === shown.length;
    this.selectAll.indeterminate = selectedShown > 0 && selectedShown < shown.length;
    const total = `${formatNumber(this.rows.length)} file${this.rows.length === 1 ? '' : 's'}`;
    const filtered = this.query ? ` · ${formatNumber(shown.length)} shown` : '';
    const chosen = this.selectable ? ` · ${formatNumber(this.selected.size)} selected` : '';
    this.count.textContent = total + filtered + chosen;
    for (const tr of this.body.children) {
      if (tr.dataset.dataHash) tr.classList.toggle('selected', this.selected.has(tr.dataset.dataHash));
    }
  }

  row(r) {
    const checkbox = this.selectable
      ? h('input', { type: 'checkbox', checked: this.selected.has(r.dataHash), 'aria-label': `Select ${r.dataTitle}`, value: r.dataHash })
      : null;
    checkbox?.addEventListener('change', () => this.toggle(r, checkbox.checked));
    const previewButton = h('button.thumb', {
      type: 'button', 'aria-label': `Preview labels of ${r.dataTitle}`, title: 'Preview with labels',
      onclick: (e) => this.onPreview(r, e.currentTarget),
    }, thumbnail(r), h('span.thumb-eye', { 'aria-hidden': 'true' }, icon('eye', { size: 14 })));
    const tr = h('tr', { dataset: { dataHash: r.dataHash, labelHash: r.labelHash } },
      this.selectable ? h('td.col-check', {}, checkbox) : null,
      h('td.col-thumb', {}, previewButton),
      h('td.col-title', {}, h('span.file-title', {}, r.dataTitle),
        r.units?.length > 1 ? h('span.muted.small', {}, ` ${r.units.length} images`) : null,
        h('span.row-sub', {}, `${dataTypeName(r.dataType)} · ${formatNumber(r.objectCount)} object${r.objectCount === 1 ? '' : 's'}`)),
      h('td.col-type', {}, h('span.type', {}, typeIcon(r.dataType), dataTypeName(r.dataType))),
      h('td', {}, h(`span.status.status-${String(r.labelStatus).toLowerCase()}`, {}, statusName(r.labelStatus))),
      h('td.col-edited', {}, h('time', { datetime: r.lastEditedAt || '', title: formatDate(r.lastEditedAt) }, formatRelative(r.lastEditedAt))),
      h('td.col-num', {}, formatNumber(r.objectCount)));
    if (this.selectable) {
      // A click anywhere on the row (not on its controls) toggles it, like most file lists.
      tr.addEventListener('click', (e) => {
        if (e.target.closest('button, a, input, label')) return;
        checkbox.checked = !checkbox.checked;
        this.toggle(r, checkbox.checked);
      });
    }
    return tr;
  }
}

function thumbnail(r) {
  const unit = r.units?.[0];
  if (r.dataType === 'video' || !unit) return h('span.thumb-icon', {}, typeIcon(r.dataType, 20));
  const img = h('img', { src: mediaUrl(unit.dataHash), alt: '', loading: 'lazy', decoding: 'async', width: 56, height: 40 });
  img.addEventListener('error', () => img.replaceWith(h('span.thumb-icon', {}, typeIcon(r.dataType, 20))), { once: true });
  return img;
}

function typeIcon(type, size = 14) {
  return icon(type === 'video' ? 'video' : type === 'image' ? 'image' : 'group', { size });
}
