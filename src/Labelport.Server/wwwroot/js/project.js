// "/projects/{projectHash}" — the project page: the Export tab (files, settings, Export button) and
// the export history. Users who may not export see the files and their previews only.
import { ApiError, getProject, listAllLabelRows } from './api.js';
import { h, clear } from './dom.js';
import { formatNumber } from './format.js';
import { ExportsTray } from './exports-tray.js';
import { ExportForm } from './export-form.js';
import { ExportHistory } from './history.js';
import { FilesTable } from './files-table.js';
import { PreviewDialog } from './preview.js';
import { renderTopBar, requireMe, roleBadge, showFatal } from './shell.js';

const main = document.getElementById('main');
const EXPORTER_ROLES = new Set(['admin', 'team_manager']);

async function start() {
  const me = await requireMe();
  if (!me) return;
  const projectHash = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const slot = renderTopBar(me, [{ text: 'Projects', href: '/' }, { text: '…' }]);
  let project;
  try {
    project = await getProject(projectHash);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) e.message = 'This project does not exist, or you are not a member of it.';
    throw e;
  }
  document.title = `${project.title} · Labelport`;
  renderTopBar(me, [{ text: 'Projects', href: '/' }, { text: project.title }]);
  const mayExport = EXPORTER_ROLES.has(project.role);

  const tray = mayExport ? new ExportsTray(document.getElementById('exports-slot'), me, [project]) : null;
  tray?.load().catch(() => {});

  let form = null;
  const preview = new PreviewDialog(project.projectHash, project.ontology, () => form?.objectFilter() ?? null);
  const table = new FilesTable({ selectable: mayExport, onPreview: (row, opener) => preview.open(row, opener) });
  form = mayExport ? new ExportForm({ project, table, tray }) : null;
  const history = mayExport ? new ExportHistory(project) : null;

  const stats = h('p.muted', { id: 'project-stats' }, 'Loading files…');
  const head = h('div.page-head', {},
    h('div', {}, h('div.title-row', {}, h('h1', {}, project.title), roleBadge(project.role)),
      project.description ? h('p.project-lead', {}, project.description) : null, stats));

  if (mayExport) {
    const tabs = tabSet([
      { id: 'export', label: 'Export', panel: h('div.export-layout', {}, table.el, h('div.export-side', {}, form.el)) },
      { id: 'history', label: 'Export history', panel: history.el, onShow: () => history.load() },
    ]);
    clear(main, head, tabs);
    tray.addEventListener('finished', () => history.load());
    form.addEventListener('started', () => history.load());
  } else {
    clear(main, head,
      h('div.notice', { role: 'note' },
        h('strong', {}, 'View only. '),
        `Exports are made by project admins and team managers; your role here is ${project.role.replace('_', ' ')}.`),
      table.el);
    if (location.hash === '#history') {
      // Someone who may not export asked for the history anyway: show what the server says.
      const denied = new ExportHistory(project);
      main.append(denied.el);
      denied.load();
    }
  }

  const rows = await listAllLabelRows(project.projectHash, (_, all) => {
    table.setRows(all);
    form?.setStatusCounts(all);
  });
  table.setRows(rows);
  form?.setStatusCounts(rows);
  const objects = rows.reduce((s, r) => s + (r.objectCount || 0), 0);
  stats.textContent = `${formatNumber(rows.length)} files · ${formatNumber(objects)} objects · ${(project.ontology?.objects || []).length} ontology objects`;
}

/** Accessible tabs (arrow keys move between tabs); the hash keeps the chosen tab across reloads. */
function tabSet(tabs) {
  const list = h('div.tabs', { role: 'tablist', 'aria-label': 'Project sections' });
  const panels = [];
  const buttons = tabs.map((t) => {
    const button = h('button.tab', {
      type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`,
    }, t.label);
    const panel = h('div.tab-panel', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, tabindex: '-1' }, t.panel);
    panels.push(panel);
    list.append(button);
    return button;
  });
  const select = (index, focus) => {
    tabs.forEach((t, i) => {
      const on = i === index;
      buttons[i].setAttribute('aria-selected', String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    });
    if (focus) buttons[index].focus();
    window.history.replaceState(null, '', index === 0 ? location.pathname : `#${tabs[index].id}`);
    tabs[index].onShow?.();
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i, false));
    b.addEventListener('keydown', (e) => {
      const keys = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
      if (!(e.key in keys)) return;
      e.preventDefault();
      select((keys[e.key] + tabs.length) % tabs.length, true);
    });
  });
  const fromHash = () => Math.max(0, tabs.findIndex((t) => `#${t.id}` === location.hash));
  window.addEventListener('hashchange', () => select(fromHash(), false));
  select(fromHash(), false);
  return h('div.tabset', {}, list, panels);
}

start().catch(showFatal);
