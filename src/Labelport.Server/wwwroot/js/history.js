// Export history of a project: who, when, format, filters, size, status, download again.
import { exportFileUrl, listExports } from './api.js';
import { h, icon, clear } from './dom.js';
import { formatDate, formatName, formatNumber, formatRelative, formatSize, statusName, ttlName } from './format.js';

export class ExportHistory {
  constructor(project) {
    this.project = project;
    const ontology = project.ontology || {};
    this.objectNames = new Map((ontology.objects || []).map((o) => [o.featureNodeHash, o]));
    this.classificationNames = new Map((ontology.classifications || []).map((c) => [c.featureNodeHash, c.attributes?.[0]?.name || c.featureNodeHash]));
    this.body = h('div.history-body');
    this.refreshButton = h('button.button.secondary', { type: 'button', onclick: () => this.load() }, 'Refresh');
    this.el = h('section.card', { 'aria-labelledby': 'history-title' },
      h('div.card-head', {}, h('h2', { id: 'history-title' }, 'Export history'), this.refreshButton),
      this.body);
  }

  async load() {
    this.refreshButton.disabled = true;
    try {
      const jobs = await listExports(this.project.projectHash);
      this.render(jobs);
    } catch (e) {
      clear(this.body, h('p.form-message.error', { role: 'alert' }, icon('error', { size: 16 }), h('span', {}, e.message)));
    } finally {
      this.refreshButton.disabled = false;
    }
  }

  render(jobs) {
    if (!jobs.length) {
      clear(this.body, h('div.empty-state.small', {}, h('p', {}, 'No exports of this project yet.')));
      return;
    }
    clear(this.body, h('div.table-wrap', {}, h('table.history-table', {},
      h('caption.visually-hidden', {}, 'Exports of this project, newest first'),
      h('thead', {}, h('tr', {}, ['Exported', 'By', 'Format', 'Files and filters', 'Status', 'Size', 'File']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, jobs.map((j) => this.row(j))))));
  }

  row(job) {
    const r = job.request || {};
    const done = job.progress?.done ?? 0;
    const total = job.progress?.total ?? 0;
    const status = job.status === 'running' || job.status === 'queued'
      ? `${statusText(job.status)} ${total ? Math.floor((100 * done) / total) : 0}%`
      : statusText(job.status);
    return h('tr', { dataset: { exportHash: job.exportHash, status: job.status } },
      h('td', {}, h('time', { datetime: job.createdAt, title: formatDate(job.createdAt) }, formatRelative(job.createdAt))),
      h('td', {}, job.requestedBy || '—'),
      h('td', {}, h('span.badge.format', {}, formatName(job.format))),
      h('td', {}, h('ul.chips', {}, this.filterChips(r, total))),
      h('td', {}, h(`span.job-status.${job.status}`, {}, status),
        job.status === 'failed' && job.error ? h('p.export-error.small', {}, job.error) : null),
      h('td.col-num', {}, job.status === 'succeeded' ? formatSize(job.size) : '—'),
      h('td', {}, job.status === 'succeeded'
        ? h('a.button.secondary.small', { href: exportFileUrl(job.exportHash), download: job.fileName, title: job.fileName },
          icon('download', { size: 14 }), h('span', {}, 'Download'), h('span.visually-hidden', {}, ` ${job.fileName}`))
        : h('span.muted', {}, job.fileName)));
  }

  filterChips(r, total) {
    const chips = [];
    chips.push(r.dataHashes ? `${formatNumber(r.dataHashes.length)} file${r.dataHashes.length === 1 ? '' : 's'}` : 'All files');
    if (total) chips.push(`${formatNumber(total)} rows`);
    if (r.labelStatuses?.length) chips.push(`Status: ${r.labelStatuses.map(statusName).join(', ')}`);
    if (r.objectFeatureHashes?.length) chips.push(`Objects: ${r.objectFeatureHashes.map((f) => this.objectNames.get(f)?.name || f).join(', ')}`);
    if (r.classificationFeatureHashes?.length) chips.push(`Classifications: ${r.classificationFeatureHashes.map((f) => this.classificationNames.get(f) || f).join(', ')}`);
    if (r.includeSignedUrls) chips.push(`Signed URLs (${ttlName(r.signedUrlTtlSeconds || 604800)})`);
    return chips.map((c) => h('li.chip', {}, c));
  }
}

function statusText(status) {
  return { queued: 'Queued', running: 'Running', succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled' }[status] || status;
}
