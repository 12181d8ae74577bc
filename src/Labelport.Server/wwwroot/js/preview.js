// Preview dialog: the image (or video frame) of a file with its labels drawn, so a user can check
// what an export will contain. Optionally shows only the objects the export's object filter keeps.
import { getLabelRow, mediaUrl } from './api.js';
import { drawObjects } from './draw.js';
import { h, icon, clear } from './dom.js';
import { dataTypeName, shapeName, statusName } from './format.js';

const MAX_SIDE = 2048;
const MIN_WIDTH = 1280;

export class PreviewDialog {
  constructor(projectHash, ontology, objectFilter) {
    this.projectHash = projectHash;
    this.ontology = ontology;
    this.objectFilter = objectFilter; // () => array of feature hashes, or null for all
    this.templates = skeletonTemplates(ontology);
    this.canvas = h('canvas.preview-canvas', { role: 'img', 'aria-label': 'Preview' });
    this.title = h('h2', { id: 'preview-title' });
    this.meta = h('p.muted.small');
    this.position = h('span.preview-position', { 'aria-live': 'polite' });
    this.prev = h('button.icon-button', { type: 'button', 'aria-label': 'Previous frame', onclick: () => this.step(-1) }, icon('left'));
    this.next = h('button.icon-button', { type: 'button', 'aria-label': 'Next frame', onclick: () => this.step(1) }, icon('right'));
    this.onlyFiltered = h('input', { type: 'checkbox', id: 'preview-only-filtered', onchange: () => this.draw() });
    this.legend = h('ul.legend', { 'aria-label': 'Labels on this frame' });
    this.status = h('p.preview-status', { role: 'status' });
    this.dialog = h('dialog.preview-dialog', { 'aria-labelledby': 'preview-title' },
      h('header.dialog-head', {}, h('div', {}, this.title, this.meta),
        h('button.icon-button', { type: 'button', 'aria-label': 'Close preview', onclick: () => this.dialog.close() }, icon('close'))),
      h('div.preview-body', {},
        h('div.preview-stage', {}, this.canvas, this.status),
        h('aside.preview-side', {},
          h('div.preview-nav', {}, this.prev, this.position, this.next),
          h('label.check-row', { for: 'preview-only-filtered' }, this.onlyFiltered, 'Only objects the export keeps'),
          h('h3', {}, 'Labels'),
          this.legend)));
    this.dialog.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLInputElement) return;
      if (e.key === 'ArrowLeft') this.step(-1);
      if (e.key === 'ArrowRight') this.step(1);
    });
    document.body.append(this.dialog);
  }

  async open(summary, opener) {
    this.opener = opener;
    this.dialog.addEventListener('close', () => this.opener?.focus(), { once: true });
    this.title.textContent = summary.dataTitle;
    this.meta.textContent = `${dataTypeName(summary.dataType)} · ${statusName(summary.labelStatus)} · ${summary.objectCount} object${summary.objectCount === 1 ? '' : 's'}`;
    this.onlyFiltered.checked = this.objectFilter() !== null;
    this.onlyFiltered.disabled = this.objectFilter() === null;
    this.views = [];
    this.index = 0;
    clear(this.legend);
    this.position.textContent = '';
    this.status.textContent = 'Loading labels…';
    const ctx = this.canvas.getContext('2d');
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const row = await getLabelRow(this.projectHash, summary.labelHash);
      this.views = frameViews(row);
      this.index = Math.max(0, this.views.findIndex((v) => v.objects.length));
      await this.draw();
    } catch (e) {
      this.status.textContent = `Could not load the labels: ${e.message}`;
    }
  }

  step(delta) {
    if (!this.views.length) return;
    this.index = (this.index + delta + this.views.length) % this.views.length;
    this.draw();
  }

  async draw() {
    const view = this.views[this.index];
    if (!view) {
      this.status.textContent = 'This file has no frames to show.';
      return;
    }
    const many = this.views.length > 1;
    this.prev.disabled = !many;
    this.next.disabled = !many;
    this.position.textContent = view.frame === null
      ? `${view.unit.data_title || 'Image'} (${this.index + 1} of ${this.views.length})`
      : `Frame ${view.frame} (${this.index + 1} of ${this.views.length})`;

    const width = view.unit.width || 1280;
    const height = view.unit.height || 720;
    // Small media are drawn larger so outlines and names stay crisp; large ones are capped.
    const scale = Math.min(MAX_SIDE / Math.max(width, height), Math.max(1, MIN_WIDTH / width));
    this.canvas.width = Math.round(width * scale);
    this.canvas.height = Math.round(height * scale);
    this.canvas.style.setProperty('--aspect', String(width / height));
    const ctx = this.canvas.getContext('2d');
    const token = (this.drawToken = Symbol('draw'));
    this.status.textContent = 'Loading media…';
    const media = await loadFrame(view).catch(() => null);
    if (token !== this.drawToken) return; // a newer draw started
    if (media) {
      ctx.drawImage(media, 0, 0, this.canvas.width, this.canvas.height);
      this.status.textContent = '';
    } else {
      placeholder(ctx, this.canvas.width, this.canvas.height);
      this.status.textContent = 'The media of this file is not available here; labels are drawn on a blank frame.';
    }
    const keep = this.onlyFiltered.checked ? new Set(this.objectFilter() || []) : null;
    const objects = keep ? view.objects.filter((o) => keep.has(o.featureHash)) : view.objects;
    drawObjects(ctx, objects, this.canvas.width, this.canvas.height, { skeletonEdges: (o) => this.edgesOf(o) });
    this.canvas.setAttribute('aria-label',
      `${view.unit.data_title || 'Frame'} with ${objects.length} object${objects.length === 1 ? '' : 's'} drawn: ` +
      (objects.map((o) => o.name).join(', ') || 'none'));
    this.canvas.dataset.objects = String(objects.length);
    this.canvas.dataset.draws = String((Number(this.canvas.dataset.draws) || 0) + 1);
    this.renderLegend(view, objects, keep);
  }

  renderLegend(view, objects, keep) {
    const hidden = view.objects.length - objects.length;
    clear(this.legend,
      objects.map((o) => h('li', {}, h('span.swatch', { style: { '--swatch': o.color || '#ff3b30' }, 'aria-hidden': 'true' }),
        icon(o.shape, { size: 16 }), h('span', {}, o.name || o.value), h('span.muted.small', {}, shapeName(o.shape)))),
      view.classifications.map((c) => h('li', {}, h('span.swatch.classification', { 'aria-hidden': 'true' }),
        h('span', {}, c.name || c.value), h('span.muted.small', {}, 'Classification'))),
      !objects.length && !view.classifications.length ? h('li.muted', {}, 'No labels on this frame.') : null,
      keep && hidden ? h('li.muted.small', {}, `${hidden} object${hidden === 1 ? '' : 's'} left out by the export’s object filter.`) : null);
  }

  /** Edges of a skeleton object as pairs of its point keys, from the ontology's skeleton template. */
  edgesOf(o) {
    const keys = Array.isArray(o.skeleton) ? o.skeleton.map((_, i) => String(i)) : Object.keys(o.skeleton || {});
    const byFeature = new Map(keys.map((k) => [o.skeleton[k]?.featureHash, k]));
    for (const t of this.templates) {
      const map = new Map();
      for (const [index, point] of Object.entries(t.skeleton || {})) if (byFeature.has(point.featureHash)) map.set(index, byFeature.get(point.featureHash));
      if (!map.size) continue;
      const edges = [];
      for (const [from, targets] of Object.entries(t.skeletonEdges || {})) {
        for (const to of Object.keys(targets || {})) if (map.has(from) && map.has(to)) edges.push([map.get(from), map.get(to)]);
      }
      return edges;
    }
    // No template: join the points in order.
    return keys.slice(1).map((k, i) => [keys[i], k]);
  }
}

function skeletonTemplates(ontology) {
  return (ontology?.skeleton_templates || ontology?.skeletonTemplates || []).map((t) => t.template || t);
}

/** One view per image of the row (image, groups) or per labelled frame (video). */
export function frameViews(row) {
  const units = Object.values(row.data_units || {}).sort((a, b) => Number(a.data_sequence) - Number(b.data_sequence));
  const views = [];
  for (const unit of units) {
    const labels = unit.labels || {};
    const isVideo = String(unit.data_type || '').startsWith('video/') || row.data_type === 'video';
    if (!isVideo) {
      views.push({ unit, frame: null, objects: labels.objects || [], classifications: labels.classifications || [] });
      continue;
    }
    const frames = Object.keys(labels).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    if (!frames.length) views.push({ unit, frame: 0, objects: [], classifications: [] });
    for (const f of frames) {
      views.push({ unit, frame: Number(f), objects: labels[f].objects || [], classifications: labels[f].classifications || [] });
    }
  }
  return views;
}

async function loadFrame(view) {
  const url = mediaUrl(view.unit.data_hash);
  if (view.frame === null) {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  }
  const video = h('video', { muted: true, preload: 'auto', playsInline: true });
  video.src = url;
  await once(video, 'loadeddata');
  const fps = view.unit.data_fps || 25;
  video.currentTime = Math.min((view.frame + 0.5) / fps, Math.max(0, (video.duration || 0) - 0.01));
  await once(video, 'seeked');
  return video;
}

function once(target, event) {
  return new Promise((resolve, reject) => {
    target.addEventListener(event, resolve, { once: true });
    target.addEventListener('error', () => reject(new Error('media failed')), { once: true });
  });
}

function placeholder(ctx, w, h) {
  ctx.fillStyle = '#1f2430';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = 'rgba(255,255,255,0.06)';
  ctx.lineWidth = 1;
  const step = Math.max(16, Math.round(w / 32));
  ctx.beginPath();
  for (let x = 0; x < w; x += step) { ctx.moveTo(x, 0); ctx.lineTo(x, h); }
  for (let y = 0; y < h; y += step) { ctx.moveTo(0, y); ctx.lineTo(w, y); }
  ctx.stroke();
}
