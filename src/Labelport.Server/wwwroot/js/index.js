// "/" — the sign-in form when signed out, the list of the user's projects when signed in.
import { ApiError, getMe, listProjects, signIn } from './api.js';
import { h, icon, clear } from './dom.js';
import { formatDate } from './format.js';
import { ExportsTray } from './exports-tray.js';
import { renderTopBar, roleBadge, showFatal } from './shell.js';

const main = document.getElementById('main');
const EXPORTER_ROLES = new Set(['admin', 'team_manager']);

async function start() {
  let me = null;
  try {
    me = await getMe();
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  }
  if (!me) {
    renderTopBar(null, []);
    renderSignIn();
    return;
  }
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  if (next) {
    location.replace(next);
    return;
  }
  await renderProjects(me);
}

/** Only same-site paths may follow sign-in (no open redirect). */
function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

function renderSignIn() {
  document.title = 'Sign in · Labelport';
  const error = h('p.form-error', { id: 'sign-in-error', role: 'alert' });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button.button.primary.full', { type: 'submit' }, 'Sign in');
  const form = h('form.sign-in-form', { 'aria-describedby': 'sign-in-error', novalidate: true },
    h('div.field', {}, h('label', { for: 'email' }, 'Email'), email),
    h('div.field', {}, h('label', { for: 'password' }, 'Password'), password),
    error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!email.value || !password.value) {
      error.textContent = 'Enter your email and password.';
      (email.value ? password : email).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    try {
      await signIn(email.value.trim(), password.value);
      location.replace(safeNext(new URLSearchParams(location.search).get('next')) || '/');
    } catch (err) {
      error.textContent = err.status === 401 || err.status === 400
        ? 'That email and password do not match an account.'
        : err.message;
      submit.disabled = false;
      submit.textContent = 'Sign in';
      password.select();
    }
  });
  clear(main, h('div.sign-in', {},
    h('section.card.sign-in-card', { 'aria-labelledby': 'sign-in-title' },
      h('div.sign-in-brand', { 'aria-hidden': 'true' }, h('span.brand-mark.large')),
      h('h1', { id: 'sign-in-title' }, 'Sign in to Labelport'),
      h('p.muted', {}, 'Export your image and video labels as COCO or Encord JSON.'),
      form)));
  email.focus();
}

async function renderProjects(me) {
  document.title = 'Projects · Labelport';
  const slot = renderTopBar(me, [{ text: 'Projects' }]);
  const projects = await listProjects();
  const exportable = projects.filter((p) => EXPORTER_ROLES.has(p.role));
  if (exportable.length) new ExportsTray(slot, me, exportable.slice(0, 25)).load().catch(() => {});

  const list = projects.length
    ? h('ul.project-grid', { 'aria-label': 'Projects' }, projects.map((p) => h('li', {},
      h('a.card.project-card', { href: `/projects/${encodeURIComponent(p.projectHash)}` },
        h('div.project-card-head', {}, h('span.project-icon', {}, icon('folder', { size: 20 })),
          h('h2', {}, p.title), roleBadge(p.role)),
        h('p.project-description', {}, p.description || 'No description.'),
        h('p.muted.small', {}, `Created ${formatDate(p.createdAt)}`)))))
    : h('div.empty-state', {}, h('h2', {}, 'No projects yet'),
      h('p', {}, 'You are not a member of any project. Ask a project admin to add you.'));
  clear(main, h('div.page-head', {}, h('div', {}, h('h1', {}, 'Projects'),
    h('p.muted', {}, `Signed in as ${me.email}`))), list);
}

start().catch(showFatal);
