// The server under test: a real `labelport serve --demo` that scripts/e2e.sh starts on 127.0.0.1.
import assert from 'node:assert/strict';

function required(name) {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run the browser tests through scripts/e2e.sh, which starts the server`);
  return value;
}

export const server = {
  url: required('LABELPORT_E2E_URL').replace(/\/$/, ''),
  adminEmail: required('LABELPORT_ADMIN_EMAIL'),
  adminPassword: required('LABELPORT_ADMIN_PASSWORD'),
  artifacts: process.env.LABELPORT_E2E_ARTIFACTS || null,
  dataFolder: required('LABELPORT_E2E_DATA'),
};

/** REST calls made with the page's own cookie session (page.request shares the context's cookies). */
export async function apiJson(page, method, path, body) {
  const response = await page.request.fetch(server.url + path, {
    method,
    headers: method === 'GET' ? {} : { 'X-Labelport-Csrf': '1', 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status(), json: text ? JSON.parse(text) : null, headers: response.headers() };
}

/** Signs in through the sign-in form, as a person would. */
export async function signInWithForm(page, email, password) {
  await page.goto(server.url + '/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
}

export async function screenshot(page, name) {
  if (server.artifacts) await page.screenshot({ path: `${server.artifacts}/${name}.png`, fullPage: false });
}
