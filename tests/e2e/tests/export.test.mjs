// End to end: Debian's Chromium signs in to a real `labelport serve --demo`, ticks files, chooses
// filters, exports, watches progress in the top-right control, downloads and checks the file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../lib/browser.mjs';
import { apiJson, screenshot, server, signInWithForm } from '../lib/server.mjs';
import { chooseExport, findDemoProject, frameClassifications, frameObjects } from '../lib/project.mjs';
import { chooseFilters, download, exportAndWait, exportAndWaitForFailure, openProject, tickFiles } from '../lib/export-page.mjs';

const STAMP = String.raw`\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}`;
const NOT_ANNOTATED = new Set(['cuboid', 'cuboid_2d', 'segmentation', 'audio', 'text']);

describe('Export tab', () => {
  let browser;
  let context;
  let page;
  let demo;
  let choice;
  let expectedRows;
  const pageErrors = [];

  before(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInWithForm(page, server.adminEmail, server.adminPassword);
    demo = await findDemoProject(page);
    choice = await chooseExport(page, demo.project, demo.rows);
    expectedRows = choice.files.filter((f) => f.labelStatus === choice.status).map((f) => choice.fullRows.get(f.labelHash));
  });

  after(async () => {
    await browser?.close();
    assert.deepEqual(pageErrors, [], 'no script error on the pages');
  });

  test('COCO of two ticked files, one label status, one object and one classification', async () => {
    const { project } = demo;
    await openProject(page, project.projectHash);
    assert.equal(await page.getByRole('button', { name: 'Export', exact: true }).isDisabled(), true, 'Export is disabled while nothing is ticked');
    await page.getByRole('button', { name: /^Label status / }).click();
    const statusCount = await page.getByRole('group', { name: 'Label status', exact: true })
      .locator('label', { has: page.locator(`input[value="${choice.status}"]`) }).locator('.ms-option-count').innerText();
    assert.equal(parseInt(statusCount, 10), demo.rows.filter((r) => r.labelStatus === choice.status).length, 'the status shows its file count');
    await tickFiles(page, choice.files);
    await chooseFilters(page, { format: 'coco', status: choice.status, object: choice.object, classification: choice.classification });
    await screenshot(page, 'export-coco-chosen');
    const { exportHash, item } = await exportAndWait(page);
    await screenshot(page, 'export-coco-done');
    const file = await download(page, item);

    assert.match(file.name, new RegExp(`^${project.projectHash}_${STAMP}_coco\\.json$`));
    assert.equal(file.shownName, file.name, 'the link shows the name the server gives the file');
    const coco = file.content;
    assert.deepEqual(Object.keys(coco).filter((k) => ['categories', 'images', 'annotations'].includes(k)), ['categories', 'images', 'annotations']);

    const category = coco.categories.find((c) => c.name === choice.object.name);
    assert.ok(category, `category ${choice.object.name} is in the file`);
    const expectedUnits = new Set(expectedRows.flatMap((r) => Object.keys(r.data_units)));
    const imageUnits = new Set(coco.images.map((i) => /^(?:images|videos)\/([^/.]+)/.exec(i.file_name)?.[1]));
    assert.deepEqual([...imageUnits].sort(), [...expectedUnits].sort(), 'images are those of the ticked files with the chosen status');

    const expectedAnnotations = expectedRows.flatMap(frameObjects)
      .filter(({ object }) => object.featureHash === choice.object.featureNodeHash && !NOT_ANNOTATED.has(object.shape));
    assert.ok(expectedAnnotations.length > 0);
    assert.equal(coco.annotations.length, expectedAnnotations.length, 'one annotation per instance of the chosen object');
    assert.ok(coco.annotations.every((a) => a.category_id === category.id), 'only the chosen object is annotated');

    const { json: job } = await apiJson(page, 'GET', `/api/exports/${exportHash}`);
    assert.equal(job.status, 'succeeded');
    assert.equal(job.fileName, file.name);
    assert.equal(job.format, 'coco');
    assert.deepEqual(job.request.objectFeatureHashes, [choice.object.featureNodeHash]);
    assert.deepEqual(job.request.labelStatuses, [choice.status]);
  });

  test('the exports control keeps its state across a reload, and the history lists the export', async () => {
    await page.reload();
    // After a reload the control starts idle and then shows what the server says about the latest export.
    await page.locator('#exports-button[data-state="done"], #exports-button[data-state="failed"]').waitFor();
    assert.equal(await page.locator('#exports-button').getAttribute('data-state'), 'done', 'the finished export is still shown as done');
    await page.getByRole('tab', { name: 'Export history' }).click();
    const row = page.locator('.history-table tbody tr').first();
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'succeeded');
    const text = await row.innerText();
    assert.match(text, /COCO/);
    assert.ok(text.includes(server.adminEmail), 'the history says who exported');
    assert.ok(text.includes(`Objects: ${choice.object.name}`), 'the history shows the object filter');
    assert.ok(text.includes('2 files'), 'the history shows how many files were chosen');
    assert.equal(await row.getByRole('link', { name: /Download/ }).count(), 1, 'the file can be downloaded again');
    await screenshot(page, 'export-history');
    await page.getByRole('tab', { name: 'Export', exact: true }).click();
  });

  test('Encord JSON with signed URLs, then the signed URL opens without an account', async () => {
    const { project } = demo;
    await openProject(page, project.projectHash);
    await tickFiles(page, choice.files);
    await chooseFilters(page, {
      format: 'json', status: choice.status, object: choice.object, classification: choice.classification, signedTtl: 3600,
    });
    const requestedAt = Date.now() / 1000;
    const { exportHash, item } = await exportAndWait(page);
    const file = await download(page, item);

    assert.match(file.name, new RegExp(`^${project.projectHash}_${STAMP}\\.json$`));
    const rows = file.content;
    assert.ok(Array.isArray(rows), 'Encord JSON is an array of label rows');
    assert.deepEqual(rows.map((r) => r.label_hash).sort(), expectedRows.map((r) => r.label_hash).sort());
    const links = [];
    for (const row of rows) {
      assert.equal(row.label_status, choice.status);
      const objects = frameObjects(row).map(({ object }) => object);
      for (const object of objects) assert.equal(object.featureHash, choice.object.featureNodeHash);
      const keptObjects = new Set(objects.map((o) => o.objectHash));
      for (const [hash, answer] of Object.entries(row.object_answers || {})) {
        assert.ok(keptObjects.has(hash) || answer.featureHash === choice.object.featureNodeHash, `object_answers.${hash} belongs to a kept object`);
      }
      const keptClassifications = new Set(frameClassifications(row).map(({ classification }) => {
        assert.equal(classification.featureHash, choice.classification.featureNodeHash);
        return classification.classificationHash;
      }));
      for (const [hash, answer] of Object.entries(row.classification_answers || {})) {
        assert.ok(answer.featureHash === choice.classification.featureNodeHash || (!answer.featureHash && keptClassifications.has(hash)),
          `classification_answers.${hash} belongs to the chosen classification`);
      }
      assert.equal(row.export_history?.[0]?.export_hash, exportHash, 'the row carries this export in its history');
      assert.equal(row.export_history[0].user_email, server.adminEmail);
      for (const unit of Object.values(row.data_units)) links.push({ unit, link: unit.data_link });
    }
    const kept = rows.flatMap(frameObjects).length;
    const expected = expectedRows.flatMap(frameObjects).filter(({ object }) => object.featureHash === choice.object.featureNodeHash).length;
    assert.equal(kept, expected, 'every instance of the chosen object is kept');

    assert.ok(links.length > 0);
    for (const { unit, link } of links) {
      const m = new RegExp(`^${server.url}/media/${unit.data_hash}\\?expires=(\\d+)&signature=[A-Za-z0-9_-]+$`).exec(link);
      assert.ok(m, `data_link is a signed URL: ${link}`);
      const expires = Number(m[1]);
      assert.ok(expires >= requestedAt + 3600 - 120 && expires <= Date.now() / 1000 + 3600 + 120, `expires in about an hour (${expires})`);
    }

    // Someone without an account opens the signed link: the media the signed-in user sees.
    const anonymous = await browser.newContext();
    try {
      const anonymousPage = await anonymous.newPage();
      const { unit, link } = links[0];
      const response = await anonymousPage.goto(link);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^(image|video)\//);
      const body = await response.body();
      const media = await page.request.get(`${server.url}/api/data/${unit.data_hash}/media`);
      assert.equal(media.status(), 200);
      assert.ok(body.equals(await media.body()), 'the signed URL serves the file’s media');
      const forged = await anonymous.request.get(link.replace(/signature=./, (s) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A')));
      assert.equal(forged.status(), 403, 'an altered signature is refused');
      const noCookie = await anonymous.request.get(`${server.url}/api/data/${unit.data_hash}/media`);
      assert.equal(noCookie.status(), 401, 'the unsigned media link needs an account');
    } finally {
      await anonymous.close();
    }
  });

  test('the text filter narrows the table and select-all ticks the files it shows', async () => {
    await openProject(page, demo.project.projectHash);
    const query = demo.rows[0].dataTitle;
    await page.getByLabel('Filter files').fill(query.toUpperCase());
    const shown = page.locator('.files-table tbody tr[data-data-hash]');
    const titles = await shown.locator('.file-title').allInnerTexts();
    assert.ok(titles.includes(query), `the matching file is shown (${titles.join(', ')})`);
    assert.ok(titles.every((t) => t.toLowerCase().includes(query.toLowerCase())), 'only matching files are shown');
    assert.ok(titles.length < demo.rows.length, 'the filter hides the others');
    await page.getByRole('checkbox', { name: 'Select all files shown' }).check();
    const ticked = await shown.count();
    assert.equal(await page.locator('.files-table tbody input[type=checkbox]:checked').count(), ticked);
    assert.match(await page.locator('#file-count').innerText(), new RegExp(`${ticked} selected`));
    assert.equal(await page.getByRole('button', { name: `Export ${ticked} file${ticked === 1 ? '' : 's'}`, exact: true }).isEnabled(), true);
    await page.getByLabel('Filter files').fill('');
    const selectAll = page.getByRole('checkbox', { name: 'Select all files shown' });
    assert.equal(await selectAll.evaluate((el) => el.indeterminate), true, 'some of the shown files are ticked');
    await selectAll.check();
    assert.equal(await page.locator('.files-table tbody input[type=checkbox]:checked').count(), demo.rows.length);
    await selectAll.uncheck();
    assert.equal(await page.getByRole('button', { name: 'Export', exact: true }).isDisabled(), true);
  });

  test('the preview draws the file’s labels, and only the chosen object when asked', async () => {
    const { project } = demo;
    await openProject(page, project.projectHash);
    const file = choice.files.find((f) => f.labelStatus === choice.status);
    const full = choice.fullRows.get(file.labelHash);
    await page.getByRole('button', { name: `Preview labels of ${file.dataTitle}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: file.dataTitle });
    await dialog.waitFor();
    const canvas = page.locator('canvas.preview-canvas');
    await canvas.and(page.locator('[data-objects]')).waitFor();
    const drawn = Number(await canvas.getAttribute('data-objects'));
    assert.ok(drawn > 0 && drawn <= frameObjects(full).length, `objects drawn on the first labelled frame (${drawn})`);
    const onlyKept = dialog.getByRole('checkbox', { name: 'Only objects the export keeps' });
    assert.equal(await onlyKept.isDisabled(), true, 'without an object filter every object is kept');
    // Step to a frame that carries the chosen object; its outline and tag are drawn in its colour.
    const label = () => canvas.getAttribute('aria-label');
    for (let i = 0; i < 50 && !(await label()).includes(choice.object.name); i++) {
      await redrawn(page, canvas, () => dialog.getByRole('button', { name: 'Next frame' }).click());
    }
    assert.ok((await label()).includes(choice.object.name));
    assert.ok(await canvasHasColour(canvas, choice.object.color), `the ${choice.object.name} outline is drawn in its colour`);
    await screenshot(page, 'preview');
    await dialog.getByRole('button', { name: 'Close preview' }).click();

    // With the object filter set, the preview shows what the export keeps: that object only.
    await page.getByRole('button', { name: /^Objects / }).click();
    await page.getByRole('group', { name: 'Objects', exact: true }).locator(`input[value="${choice.object.featureNodeHash}"]`).check();
    await redrawn(page, canvas, () => page.getByRole('button', { name: `Preview labels of ${file.dataTitle}`, exact: true }).click());
    assert.equal(await onlyKept.isChecked(), true, 'the preview starts with the export’s object filter');
    for (let i = 0; i < 50 && !(await label()).includes(choice.object.name); i++) {
      await redrawn(page, canvas, () => dialog.getByRole('button', { name: 'Next frame' }).click());
    }
    const names = (await label()).replace(/^.*drawn: /, '').split(', ');
    assert.ok(names.length > 0 && names.every((n) => n === choice.object.name), `only ${choice.object.name} is drawn (${names.join(', ')})`);
    const kept = Number(await canvas.getAttribute('data-objects'));
    await redrawn(page, canvas, () => onlyKept.uncheck());
    assert.ok(Number(await canvas.getAttribute('data-objects')) >= kept, 'unticking shows every object again');
    await dialog.getByRole('button', { name: 'Close preview' }).click();
  });

  test('an annotator sees the files but no Export button, and gets the server’s answer on trying', async () => {
    const { project } = demo;
    const email = `annotator-${Date.now()}@e2e.labelport.test`;
    const password = `Annotator-${Math.random().toString(36).slice(2)}-9`;
    const created = await apiJson(page, 'POST', '/api/users', { email, name: 'E2E Annotator', password });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const member = await apiJson(page, 'POST', `/api/projects/${project.projectHash}/members`, { email, role: 'annotator' });
    assert.equal(member.status, 200, JSON.stringify(member.json));

    const annotatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const annotator = await annotatorContext.newPage();
      await signInWithForm(annotator, email, password);
      await openProject(annotator, project.projectHash);
      assert.equal(await annotator.getByRole('button', { name: /^Export/ }).count(), 0, 'no Export button');
      assert.equal(await annotator.getByRole('tab', { name: /Export/ }).count(), 0, 'no Export tab');
      assert.equal(await annotator.getByRole('checkbox').count(), 0, 'no file selection');
      assert.match(await annotator.getByRole('note').innerText(), /annotator/);
      await screenshot(annotator, 'annotator');

      const tried = await annotator.evaluate(async (p) => {
        const r = await fetch(`/api/projects/${p}/exports`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Labelport-Csrf': '1' }, body: JSON.stringify({ format: 'json' }),
        });
        return { status: r.status, type: r.headers.get('content-type'), problem: await r.json() };
      }, project.projectHash);
      assert.equal(tried.status, 403);
      assert.match(tried.type, /application\/problem\+json/);
      await annotator.goto('about:blank');
      await annotator.goto(`${server.url}/projects/${project.projectHash}#history`);
      const alert = annotator.getByRole('alert').filter({ hasText: tried.problem.detail || tried.problem.title });
      await alert.waitFor();
    } finally {
      await annotatorContext.close();
    }
  });

  test('narrow window and keyboard: no sideways scrolling, every control labelled, Space ticks, Enter exports', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
    try {
      const p = await narrow.newPage();
      await openProject(p, demo.project.projectHash);
      assert.equal(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'fits a 390 px window');
      const unlabelled = await p.evaluate(() => [...document.querySelectorAll('input, select, button, a[href]')]
        .filter((el) => el.offsetParent !== null || el.getClientRects().length)
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent.trim()))
        .map((el) => el.outerHTML.slice(0, 80)));
      assert.deepEqual(unlabelled, [], 'every visible control has a label');
      const box = p.getByRole('checkbox', { name: `Select ${choice.files[0].dataTitle}`, exact: true });
      await box.focus();
      await p.keyboard.press('Space');
      assert.equal(await box.isChecked(), true);
      const exportButton = p.getByRole('button', { name: 'Export 1 file', exact: true });
      await exportButton.focus();
      await screenshot(p, 'narrow-export');
      const { item } = await exportAndWait(p, () => p.keyboard.press('Enter'));
      await screenshot(p, 'narrow-export-done');
      assert.equal(await item.getByRole('link', { name: /^Download / }).isVisible(), true);
    } finally {
      await narrow.close();
    }
  });

  test('an export the server cannot write shows as failed with its reason, offers no file, and the next one succeeds', async () => {
    const { project } = demo;
    await openProject(page, project.projectHash);
    await tickFiles(page, choice.files);
    await chooseFilters(page, { format: 'coco', status: choice.status, object: choice.object, classification: choice.classification });
    // The COCO writer spills annotations into <data>/tmp: a file in its place makes the export fail on the server
    // (ENOTDIR, also for root) as a full or broken disk would.
    const spill = path.join(server.dataFolder, 'tmp');
    await fs.rm(spill, { recursive: true, force: true });
    await fs.writeFile(spill, 'not a folder');
    let failed;
    try {
      failed = await exportAndWaitForFailure(page);
    } finally {
      await fs.rm(spill, { force: true });
      await fs.mkdir(spill);
    }
    const { exportHash, item } = failed;
    await screenshot(page, 'export-failed');
    const reason = 'the server could not write the export (DirectoryNotFoundException)';
    assert.ok((await item.locator('.export-error').innerText()).includes(reason), 'the item shows why the export failed');
    assert.ok(!(await item.innerText()).includes(server.dataFolder), 'the reason names no server path');
    assert.equal(await item.getByRole('link', { name: /^Download / }).count(), 0, 'a failed export offers no file');
    assert.equal(await item.getByRole('img', { name: 'Failed' }).isVisible(), true, 'the item shows the failed symbol');
    assert.equal(await page.locator('#exports-button').getAttribute('aria-label'), 'Exports: the latest export failed');
    const { status, json: job } = await apiJson(page, 'GET', `/api/exports/${exportHash}`);
    assert.equal(status, 200);
    assert.equal(job.status, 'failed');
    assert.ok(job.error.includes(reason));
    const file = await page.request.get(`${server.url}/api/exports/${exportHash}/file`);
    assert.equal(file.status(), 409, 'the file of a failed export cannot be downloaded');

    await page.getByRole('tab', { name: 'Export history' }).click();
    const row = page.locator(`.history-table tbody tr[data-export-hash="${exportHash}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'failed', 'the history lists the export as failed, not done');
    assert.ok((await row.locator('.export-error').innerText()).includes(reason), 'the history says why');
    assert.equal(await row.getByRole('link', { name: /Download/ }).count(), 0, 'the history offers no file for it');
    await page.getByRole('tab', { name: 'Export', exact: true }).click();

    const retried = await exportAndWait(page);
    assert.notEqual(retried.exportHash, exportHash);
    const coco = (await download(page, retried.item)).content;
    assert.ok(coco.annotations.length > 0, 'the export after the disk was mended has the annotations');
  });
});

/** Runs an action and waits until the preview has drawn again. */
async function redrawn(page, canvas, action) {
  const before = await canvas.getAttribute('data-draws');
  await action();
  await page.waitForFunction((n) => document.querySelector('.preview-canvas').dataset.draws !== n, before);
}

async function canvasHasColour(canvas, hex) {
  return canvas.evaluate((el, colour) => {
    const n = parseInt(colour.replace('#', ''), 16);
    const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8) return true;
    }
    return false;
  }, hex);
}
