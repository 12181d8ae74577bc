// Top-right exports control: progress of running exports, a done symbol and download link when one
// finishes, the reason when one fails. Its state always comes from the server, so it survives reloads.
import { cancelExport, exportFileUrl, getExport, listExports } from './api.js';
import { h, icon, clear } from './dom.js';
import { formatName, formatNumber, formatRelative, formatSize } from './format.js';
import { announce, bindPopover } from './shell.js';

const ACTIVE = new Set(['queued', 'running']);
const RECENT_MS = 24 * 3600 * 1000;
const POLL_MS = 1000;
const MAX_SHOWN = 6;
const DISMISSED_KEY = 'labelport.dismissedExports';

export class ExportsTray extends EventTarget {
  /** projects: [{projectHash, title}] whose exports the user may see (admin or team manager). */
  constructor(slot, me, projects) {
    super();
    this.me = me;
    this.projects = new Map(projects.map((p) => [p.projectHash, p]));
    this.jobs = new Map();
    this.timer = null;
    this.dismissed = new Set(JSON.parse(localStorage.getItem(DISMISSED_KEY) || '[]'));
    this.build(slot);
  }

  build(slot) {
    this.button = h('button.exports-button', {
      type: 'button', 'aria-expanded': 'false', 'aria-controls': 'exports-panel', id: 'exports-button',
    });
    this.list = h('ul.exports-list', { 'aria-label': 'Recent exports' });
    this.panel = h('section.popover.exports-panel', { id: 'exports-panel', hidden: true, 'aria-labelledby': 'exports-title' },
      h('header.popover-head', {}, h('h2', { id: 'exports-title' }, 'Exports')),
      this.list);
    const root = h('div.exports', {}, this.button, this.panel);
    this.popover = bindPopover(root, this.button, this.panel);
    clear(slot, root);
    this.render();
  }

  /** Loads running and recent exports of every project from the server. */
  async load() {
    const now = Date.now();
    const results = await Promise.allSettled([...this.projects.keys()].map((p) => listExports(p)));
    for (const result of results) {
      if (result.status !== 'fulfilled') continue;
      for (const job of result.value) {
        const recent = now - new Date(job.finishedAt || job.createdAt).getTime() < RECENT_MS;
        const mine = !job.requestedBy || job.requestedBy === this.me.email;
        if (ACTIVE.has(job.status) || (recent && mine && !this.dismissed.has(job.exportHash))) {
          this.jobs.set(job.exportHash, job);
        }
      }
    }
    this.render();
    this.schedule();
  }

  /** Shows a job just started on this page and opens the panel on it. */
  track(job) {
    this.dismissed.delete(job.exportHash);
    this.jobs.set(job.exportHash, job);
    this.render();
    this.popover.open();
    this.schedule();
  }

  schedule() {
    if (this.timer || !this.active().length) return;
    this.timer = setTimeout(() => this.poll(), POLL_MS);
  }

  active() {
    return [...this.jobs.values()].filter((j) => ACTIVE.has(j.status));
  }

  async poll() {
    this.timer = null;
    await Promise.all(this.active().map(async (old) => {
      try {
        const job = await getExport(old.exportHash);
        this.jobs.set(job.exportHash, job);
        if (!ACTIVE.has(job.status)) this.finished(job);
      } catch (e) {
        if (e.status === 404 || e.status === 403) this.jobs.delete(old.exportHash);
      }
    }));
    this.render();
    this.schedule();
  }

  finished(job) {
    if (job.status === 'succeeded') announce(`Export finished: ${job.fileName}. Ready to download.`);
    else if (job.status === 'failed') announce(`Export failed: ${job.error || 'no reason given'}`);
    else announce('Export cancelled.');
    this.dispatchEvent(new CustomEvent('finished', { detail: job }));
  }

  dismiss(exportHash) {
    this.jobs.delete(exportHash);
    this.dismissed.add(exportHash);
    localStorage.setItem(DISMISSED_KEY, JSON.stringify([...this.dismissed].slice(-200)));
    this.render();
  }

  sorted() {
    return [...this.jobs.values()]
      .sort((a, b) => (ACTIVE.has(b.status) - ACTIVE.has(a.status)) || b.createdAt.localeCompare(a.createdAt))
      .slice(0, MAX_SHOWN);
  }

  render() {
    const jobs = this.sorted();
    const active = jobs.filter((j) => ACTIVE.has(j.status));
    const latest = jobs[0];
    let state = 'idle';
    let label = 'Exports';
    let badge = null;
    if (active.length) {
      state = 'running';
      const done = active.reduce((s, j) => s + (j.progress?.done || 0), 0);
      const total = active.reduce((s, j) => s + (j.progress?.total || 0), 0);
      const percent = total ? Math.floor((100 * done) / total) : 0;
      label = `Exports: ${active.length} running, ${percent}%`;
      badge = h('span.exports-percent', {}, `${percent}%`);
      clear(this.button, progressRing(percent), badge);
    } else if (latest?.status === 'succeeded') {
      state = 'done';
      label = `Exports: ${latest.fileName} is ready to download`;
      clear(this.button, icon('check', { size: 20 }), h('span.exports-text', {}, 'Ready'));
    } else if (latest?.status === 'failed') {
      state = 'failed';
      label = 'Exports: the latest export failed';
      clear(this.button, icon('error', { size: 20 }), h('span.exports-text', {}, 'Failed'));
    } else {
      clear(this.button, icon('export', { size: 20 }), h('span.exports-text', {}, 'Exports'));
    }
    this.button.dataset.state = state;
    this.button.setAttribute('aria-label', label);
    this.button.title = label;

    clear(this.list, jobs.length
      ? jobs.map((job) => this.item(job))
      : h('li.exports-empty', {}, 'No exports yet. Pick files on a project’s Export tab and press Export.'));
  }

  item(job) {
    const project = this.projects.get(job.projectHash);
    const done = job.progress?.done || 0;
    const total = job.progress?.total || 0;
    const percent = total ? Math.floor((100 * done) / total) : 0;
    const head = h('div.export-item-head', {},
      statusSymbol(job.status),
      h('div.export-item-title', {},
        h('strong', {}, job.fileName || 'Export'),
        h('span.muted', {}, [formatName(job.format), project?.title, formatRelative(job.createdAt)].filter(Boolean).join(' · '))));
    let body;
    if (ACTIVE.has(job.status)) {
      body = h('div.export-item-body', {},
        h('div.progress', {
          role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent),
          'aria-label': `Progress of ${job.fileName}`, 'aria-valuetext': `${percent}%, ${done} of ${total} rows`,
        }, h('span.progress-fill', { style: { width: `${percent}%` } })),
        h('div.export-item-meta', {},
          h('span.export-progress-text', {}, job.status === 'queued' ? 'Queued…' : `${percent}% · ${formatNumber(done)} / ${formatNumber(total)} rows`),
          h('button.link-button', {
            type: 'button', onclick: () => cancelExport(job.exportHash).then((j) => { this.jobs.set(j.exportHash, j); this.render(); }).catch((e) => announce(e.message)),
          }, 'Cancel')));
    } else if (job.status === 'succeeded') {
      body = h('div.export-item-body', {},
        h('a.button.primary.download-link', { href: exportFileUrl(job.exportHash), download: job.fileName },
          icon('download', { size: 16 }), h('span', {}, `Download ${job.fileName}`)),
        h('div.export-item-meta', {}, h('span', {}, `${formatNumber(total)} row${total === 1 ? '' : 's'} · ${formatSize(job.size)}`),
          this.dismissButton(job)));
    } else {
      body = h('div.export-item-body', {},
        h('p.export-error', {}, job.status === 'failed' ? (job.error || 'The export failed without a reason.') : 'Cancelled.'),
        h('div.export-item-meta', {}, h('span', {}, `${formatNumber(done)} / ${formatNumber(total)} rows`), this.dismissButton(job)));
    }
    return h('li.export-item', { dataset: { exportHash: job.exportHash, status: job.status } }, head, body);
  }

  dismissButton(job) {
    return h('button.link-button', { type: 'button', onclick: () => this.dismiss(job.exportHash), 'aria-label': `Clear ${job.fileName} from this list` }, 'Clear');
  }
}

function statusSymbol(status) {
  if (status === 'succeeded') return h('span.status-symbol.done', {}, icon('check', { size: 16, label: 'Done' }));
  if (status === 'failed') return h('span.status-symbol.failed', {}, icon('error', { size: 16, label: 'Failed' }));
  if (status === 'cancelled') return h('span.status-symbol.cancelled', {}, icon('stop', { size: 16, label: 'Cancelled' }));
  return h('span.status-symbol.running', { role: 'img', 'aria-label': status === 'queued' ? 'Queued' : 'Running' }, h('span.spinner'));
}

function progressRing(percent) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 36 36');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('class', 'ring');
  svg.setAttribute('aria-hidden', 'true');
  const track = document.createElementNS(ns, 'circle');
  const bar = document.createElementNS(ns, 'circle');
  for (const c of [track, bar]) {
    c.setAttribute('cx', '18');
    c.setAttribute('cy', '18');
    c.setAttribute('r', '15');
  }
  track.setAttribute('class', 'ring-track');
  bar.setAttribute('class', 'ring-bar');
  const length = 2 * Math.PI * 15;
  bar.setAttribute('stroke-dasharray', `${(length * Math.max(percent, 3)) / 100} ${length}`);
  svg.append(track, bar);
  return svg;
}
