// Export settings: format, signed URLs with their lifetime, label status / object / classification
// filters, and the Export button with the number of selected files.
import { startExport } from './api.js';
import { h, icon, clear } from './dom.js';
import { LABEL_STATUSES, formatNumber, statusName, shapeName } from './format.js';
import { multiSelect } from './multiselect.js';

const TTLS = [
  [3600, '1 hour'], [86400, '1 day'], [604800, '7 days'], [2592000, '30 days'],
];

export class ExportForm extends EventTarget {
  constructor({ project, table, tray }) {
    super();
    this.project = project;
    this.table = table;
    this.tray = tray;
    const ontology = project.ontology || {};

    this.formatInputs = [['json', 'Encord JSON', 'Label rows with every field'], ['coco', 'COCO', 'Images, categories, annotations']]
      .map(([value, name, hint]) => {
        const input = h('input', { type: 'radio', name: 'format', value, id: `format-${value}`, checked: value === 'json' });
        return { value, el: h('label.segment', { for: `format-${value}` }, input, h('span.segment-name', {}, name), h('span.segment-hint', {}, hint)), input };
      });
    this.signed = h('input.switch', { type: 'checkbox', role: 'switch', id: 'signed-urls', 'aria-describedby': 'signed-hint' });
    this.ttl = h('select', { id: 'signed-ttl', disabled: true },
      TTLS.map(([s, name]) => h('option', { value: String(s), selected: s === 604800 }, name)));
    this.signed.addEventListener('change', () => { this.ttl.disabled = !this.signed.checked; this.update(); });

    this.statuses = multiSelect({
      label: 'Label status', noun: 'statuses', allText: 'All statuses',
      options: LABEL_STATUSES.map((s) => ({ value: s, label: statusName(s), count: 0 })),
      onChange: () => this.update(),
    });
    this.objects = multiSelect({
      label: 'Objects', noun: 'objects', allText: 'All objects',
      options: (ontology.objects || []).filter((o) => !o.archived).map((o) => ({
        value: o.featureNodeHash, label: o.name, color: o.color, shape: o.shape, hint: shapeName(o.shape),
      })),
      onChange: () => { this.update(); this.dispatchEvent(new Event('objectschange')); },
    });
    this.classifications = multiSelect({
      label: 'Classifications', noun: 'classifications', allText: 'All classifications',
      options: (ontology.classifications || []).filter((c) => !c.archived).map((c) => ({
        value: c.featureNodeHash, label: c.attributes?.[0]?.name || c.featureNodeHash,
        hint: c.level === 'global' ? 'Global' : 'Frame',
      })),
      onChange: () => this.update(),
    });

    this.button = h('button.button.primary.export-button', { type: 'submit', id: 'export-button', disabled: true });
    this.summary = h('p.export-summary', { id: 'export-summary' });
    this.message = h('div.form-message', { role: 'alert' });

    this.el = h('form.card.export-form', { 'aria-labelledby': 'export-settings-title', novalidate: true },
      h('div.card-head', {}, h('h2', { id: 'export-settings-title' }, 'Export settings')),
      h('fieldset.field', {}, h('legend', {}, 'Format'), h('div.segments', {}, this.formatInputs.map((f) => f.el))),
      h('div.field.switch-field', {},
        h('div.switch-row', {}, h('label', { for: 'signed-urls' }, 'Include signed URLs'), this.signed),
        h('p.field-hint', { id: 'signed-hint' }, 'Media links in the file are signed and expire, so people without an account can open them.'),
        h('div.inline-field', {}, h('label', { for: 'signed-ttl' }, 'Links expire after'), this.ttl)),
      h('div.field', {}, this.statuses.el),
      h('div.field', {}, this.objects.el),
      h('div.field', {}, this.classifications.el),
      h('div.export-actions', {}, this.summary, this.button, this.message));
    this.button.setAttribute('aria-describedby', 'export-summary');
    this.el.addEventListener('submit', (e) => { e.preventDefault(); this.submit(); });
    this.el.addEventListener('change', () => this.update());
    table.addEventListener('selectionchange', () => this.update());
    this.update();
  }

  /** Counts per label status over the project's files, shown beside each status. */
  setStatusCounts(rows) {
    const counts = new Map();
    for (const r of rows) counts.set(r.labelStatus, (counts.get(r.labelStatus) || 0) + 1);
    for (const input of this.statuses.el.querySelectorAll('input[type=checkbox]')) {
      const n = counts.get(input.value) || 0;
      const count = input.closest('label').querySelector('.ms-option-count');
      clear(count, String(n), h('span.visually-hidden', {}, n === 1 ? ' file' : ' files'));
      input.closest('li').classList.toggle('zero', n === 0);
    }
  }

  format() {
    return this.formatInputs.find((f) => f.input.checked)?.value || 'json';
  }

  request() {
    const rows = this.table.selectedRows();
    const all = rows.length === this.table.rows.length;
    return {
      format: this.format(),
      // Every file ticked → no file filter, which also covers files added while the export is queued.
      dataHashes: all ? null : rows.map((r) => r.dataHash),
      labelStatuses: this.statuses.values(),
      objectFeatureHashes: this.objects.values(),
      classificationFeatureHashes: this.classifications.values(),
      includeSignedUrls: this.signed.checked,
      signedUrlTtlSeconds: Number(this.ttl.value),
    };
  }

  update() {
    const rows = this.table.selectedRows();
    const n = rows.length;
    this.button.disabled = n === 0 || this.busy;
    clear(this.button, icon('export', { size: 18 }), h('span', {}, n === 0 ? 'Export' : `Export ${formatNumber(n)} file${n === 1 ? '' : 's'}`));
    const statuses = this.statuses.values();
    const matching = statuses ? rows.filter((r) => statuses.includes(r.labelStatus)).length : n;
    let text;
    if (n === 0) text = 'Tick the files to export in the table.';
    else if (matching < n) text = `${formatNumber(matching)} of the ${formatNumber(n)} selected files have a chosen label status; only those are exported.`;
    else text = `${formatNumber(n)} file${n === 1 ? '' : 's'} as ${this.format() === 'coco' ? 'COCO' : 'Encord JSON'}${this.signed.checked ? ', with signed URLs' : ''}.`;
    this.summary.textContent = text;
    this.summary.classList.toggle('warn', n > 0 && matching < n);
  }

  objectFilter() {
    return this.objects.values();
  }

  async submit() {
    if (this.busy || !this.table.selected.size) return;
    this.busy = true;
    this.update();
    clear(this.message);
    try {
      const job = await startExport(this.project.projectHash, this.request());
      this.tray.track(job);
      this.message.className = 'form-message ok';
      clear(this.message, icon('check', { size: 16 }), h('span', {}, 'Export started — its progress shows at the top right.'));
      this.dispatchEvent(new CustomEvent('started', { detail: job }));
    } catch (e) {
      this.message.className = 'form-message error';
      clear(this.message, icon('error', { size: 16 }), h('span', {}, e.message));
    } finally {
      this.busy = false;
      this.update();
    }
  }
}
