// What a person does on the Export tab, step by step, through the page's labels and roles.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { server } from './server.mjs';

export async function openProject(page, projectHash) {
  await page.goto(`${server.url}/projects/${projectHash}`);
  await page.locator('.files-table tbody tr[data-data-hash]').first().waitFor();
}

export async function tickFiles(page, files) {
  for (const f of files) {
    await page.getByRole('checkbox', { name: `Select ${f.dataTitle}`, exact: true }).check();
  }
  const button = page.getByRole('button', { name: `Export ${files.length} files`, exact: true });
  assert.equal(await button.isEnabled(), true, 'the Export button is enabled and counts the ticked files');
}

export async function chooseFilters(page, { format, status, object, classification, signedTtl }) {
  await page.getByRole('radio', { name: format === 'coco' ? /^COCO/ : /^Encord JSON/ }).check();
  const signed = page.getByRole('switch', { name: 'Include signed URLs' });
  if (signedTtl) {
    await signed.check();
    await page.getByLabel('Links expire after').selectOption(String(signedTtl));
  } else {
    await signed.uncheck();
  }
  await tick(page, 'Label status', status);
  await tick(page, 'Objects', object.featureNodeHash);
  await tick(page, 'Classifications', classification.featureNodeHash);
}

async function tick(page, label, value) {
  const group = page.getByRole('group', { name: label, exact: true });
  if (!(await group.isVisible())) await page.getByRole('button', { name: new RegExp(`^${label} `) }).click();
  const box = group.locator(`input[type=checkbox][value="${value}"]`);
  await box.check();
  assert.equal(await group.locator('input:checked').count(), 1, `exactly one ${label} is ticked`);
}

/** Records every state the top-right exports control goes through and whether a progress bar showed. */
export async function watchExportsControl(page) {
  await page.evaluate(() => {
    const button = document.getElementById('exports-button');
    const panel = document.getElementById('exports-panel');
    window.__exportStates = [button.dataset.state];
    window.__sawProgress = false;
    new MutationObserver(() => {
      const s = button.dataset.state;
      if (window.__exportStates.at(-1) !== s) window.__exportStates.push(s);
    }).observe(button, { attributes: true, attributeFilter: ['data-state'] });
    new MutationObserver(() => {
      if (panel.querySelector('[role=progressbar]')) window.__sawProgress = true;
    }).observe(panel, { childList: true, subtree: true });
  });
}

/** Watches the control, presses Export, checks the server accepted it; returns the new export's hash. */
async function pressExport(page, press) {
  await watchExportsControl(page);
  const started = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/projects\/[^/]+\/exports$/.test(r.url()));
  await press();
  const response = await started;
  assert.ok([200, 202].includes(response.status()), `the export was accepted (${response.status()} ${await response.text()})`);
  return (await response.json()).exportHash;
}

/** The export's item in the exports panel (opened if it is closed). */
async function exportItem(page, exportHash) {
  const panel = page.locator('#exports-panel');
  if (!(await panel.isVisible())) await page.locator('#exports-button').click();
  return panel.locator(`li.export-item[data-export-hash="${exportHash}"]`);
}

/**
 * Presses Export (a click, or a key on the focused button), sees progress, then the done symbol;
 * returns the new export's hash and its item in the exports panel.
 */
export async function exportAndWait(page, press = () => page.locator('#export-button').click()) {
  const exportHash = await pressExport(page, press);
  await page.waitForFunction(() => {
    const s = window.__exportStates;
    const running = s.lastIndexOf('running');
    return running >= 0 && Math.max(s.lastIndexOf('done'), s.lastIndexOf('failed')) > running;
  }, null, { timeout: 120_000 });
  const item = await exportItem(page, exportHash);
  const status = await item.getAttribute('data-status');
  assert.equal(status, 'succeeded', `the export succeeded (${status}: ${await item.innerText()})`);
  assert.equal(await page.locator('#exports-button').getAttribute('data-state'), 'done', 'the control shows the done symbol');
  assert.equal(await item.getByRole('img', { name: 'Done' }).isVisible(), true, 'the item shows the done symbol');
  assert.equal(await page.evaluate(() => window.__sawProgress), true, 'a progress bar was shown while the export ran');
  return { exportHash, item };
}

/** Presses Export and waits for the control to show the failed state; returns the export's hash and its item. */
export async function exportAndWaitForFailure(page) {
  const exportHash = await pressExport(page, () => page.locator('#export-button').click());
  await page.waitForFunction(() => window.__exportStates.at(-1) === 'failed', null, { timeout: 120_000 });
  // The control may start as 'done' (an earlier export); from the press on it must never show 'done'.
  const states = await page.evaluate(() => window.__exportStates);
  assert.ok(states.includes('running'), `the control showed the export running (${states.join(' → ')})`);
  assert.ok(!states.slice(states.indexOf('running')).includes('done'), `the control never showed the failed export as done (${states.join(' → ')})`);
  const item = await exportItem(page, exportHash);
  assert.equal(await item.getAttribute('data-status'), 'failed');
  return { exportHash, item };
}

/** Clicks the download link of the finished export; returns the file's name and parsed content. */
export async function download(page, item) {
  const link = item.getByRole('link', { name: /^Download / });
  const shownName = (await link.getAttribute('download')) || '';
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  const text = await fs.readFile(path, 'utf8');
  if (server.artifacts) await fs.writeFile(`${server.artifacts}/${file.suggestedFilename()}`, text);
  return { name: file.suggestedFilename(), shownName, content: JSON.parse(text) };
}
