// The frame every page shares: top bar (brand, breadcrumbs, exports control, account menu) and sign-in checks.
import { ApiError, getMe, signOut } from './api.js';
import { h, icon, clear } from './dom.js';

/** The signed-in user, or null after sending the browser to the sign-in page. */
export async function requireMe() {
  try {
    return await getMe();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      const next = location.pathname + location.search + location.hash;
      location.replace(`/?next=${encodeURIComponent(next)}`);
      return null;
    }
    throw e;
  }
}

/** Fills the top bar: breadcrumbs [{text, href?}], the slot for the exports control, the account menu. */
export function renderTopBar(me, crumbs) {
  const bar = document.getElementById('topbar');
  const nav = h('nav.crumbs', { 'aria-label': 'Breadcrumb' },
    h('ol', {}, crumbs.map((c, i) => h('li', {},
      c.href && i < crumbs.length - 1
        ? h('a', { href: c.href }, c.text)
        : h('span', { 'aria-current': i === crumbs.length - 1 ? 'page' : undefined }, c.text)))));
  const exportsSlot = h('div.exports-slot', { id: 'exports-slot' });
  clear(bar,
    h('a.brand', { href: '/', 'aria-label': 'Labelport — projects' }, h('span.brand-mark', { 'aria-hidden': 'true' }), h('span.brand-name', {}, 'Labelport')),
    nav,
    h('div.topbar-end', {}, exportsSlot, me ? accountMenu(me) : null));
  return exportsSlot;
}

function accountMenu(me) {
  const panelId = 'account-panel';
  const button = h('button.account-button', {
    type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId,
    'aria-label': `Account: ${me.name || me.email}`,
  }, h('span.avatar', { 'aria-hidden': 'true' }, initials(me)), h('span.account-name', {}, me.name || me.email), icon('chevron', { size: 14 }));
  const panel = h('div.popover.account-panel', { id: panelId, hidden: true },
    h('p.account-email', {}, me.email),
    me.isSystemAdmin ? h('p.muted', {}, 'System administrator') : null,
    h('button.button.secondary.full', {
      type: 'button',
      onclick: async () => {
        try { await signOut(); } finally { location.assign('/'); }
      },
    }, 'Sign out'));
  const root = h('div.account', {}, button, panel);
  bindPopover(root, button, panel);
  return root;
}

function initials(me) {
  const source = (me.name || me.email || '?').trim();
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  return (parts[0]?.[0] || '?').toUpperCase() + (parts[1]?.[0] || '').toUpperCase();
}

/** Toggle a popover from its button; Escape and clicks outside close it and focus goes back to the button. */
export function bindPopover(root, button, panel, { onOpen } = {}) {
  const set = (open) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) onOpen?.();
  };
  button.addEventListener('click', () => set(panel.hidden));
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      set(false);
      button.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!panel.hidden && !root.contains(e.target)) set(false);
  });
  return { open: () => set(true), close: () => set(false), get isOpen() { return !panel.hidden; } };
}

/** Polite announcements for screen readers (export finished, selection changes). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 30);
}

export function showFatal(error) {
  const main = document.getElementById('main');
  clear(main, h('div.empty-state', { role: 'alert' },
    h('h1', {}, error instanceof ApiError && error.status === 404 ? 'Not found' : 'Something went wrong'),
    h('p', {}, error.message || String(error)),
    h('p', {}, h('a', { href: '/' }, 'Back to projects'))));
}

const ROLE_NAMES = { admin: 'Admin', team_manager: 'Team manager', reviewer: 'Reviewer', annotator: 'Annotator' };

export function roleBadge(role) {
  return h(`span.badge.role-${role}`, { title: 'Your role in this project' }, ROLE_NAMES[role] || role);
}
