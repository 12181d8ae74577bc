// REST client for docs/rest-api.md: cookie session, CSRF header on unsafe methods, ProblemDetails errors.

/** An error answered by the server (RFC 7807 ProblemDetails), or a network failure. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function problemMessage(status, problem) {
  if (!problem) return status === 0 ? 'The server could not be reached.' : `The server answered ${status}.`;
  const parts = [problem.detail || problem.title || `The server answered ${status}.`];
  if (Array.isArray(problem.errors)) {
    for (const e of problem.errors.slice(0, 5)) parts.push(e.path ? `${e.path}: ${e.message}` : e.message);
  }
  return parts.join(' ');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (UNSAFE.has(method)) headers['X-Labelport-Csrf'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const enc = encodeURIComponent;

export const getMe = () => api('/api/me');
export const signIn = (email, password) => api('/api/auth/sign-in', { method: 'POST', body: { email, password } });
export const signOut = () => api('/api/auth/sign-out', { method: 'POST' });
export const listProjects = () => api('/api/projects');
export const getProject = (p) => api(`/api/projects/${enc(p)}`);
export const getLabelRow = (p, labelHash) => api(`/api/projects/${enc(p)}/label-rows/${enc(labelHash)}`);
export const listExports = (p) => api(`/api/projects/${enc(p)}/exports`);
export const getExport = (e) => api(`/api/exports/${enc(e)}`);
export const startExport = (p, request) => api(`/api/projects/${enc(p)}/exports`, { method: 'POST', body: request });
export const cancelExport = (e) => api(`/api/exports/${enc(e)}/cancel`, { method: 'POST' });
export const exportFileUrl = (e) => `/api/exports/${enc(e)}/file`;
export const mediaUrl = (dataHash) => `/api/data/${enc(dataHash)}/media`;

/** Every label row summary of a project, following nextCursor; onPage gets each page as it arrives. */
export async function listAllLabelRows(p, onPage) {
  const all = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '500' });
    if (cursor) query.set('cursor', cursor);
    const page = await api(`/api/projects/${enc(p)}/label-rows?${query}`);
    all.push(...page.items);
    onPage?.(page.items, all);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
