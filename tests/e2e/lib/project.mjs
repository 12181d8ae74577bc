// Looks up, through the REST API, what the tests choose on the page: a demo project, two files,
// a label status, one object and one classification that those files really carry.
import assert from 'node:assert/strict';
import { apiJson } from './server.mjs';

export async function findDemoProject(page) {
  // /health answers before the demo is seeded: wait (bounded) until its project shows up.
  let projects = [];
  for (let i = 0; i < 120 && !projects.length; i++) {
    const listed = await apiJson(page, 'GET', '/api/projects');
    assert.equal(listed.status, 200);
    projects = listed.json;
    if (!projects.length) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(projects.length > 0, 'the demo has at least one project');
  const candidates = [];
  for (const p of projects) {
    const project = (await apiJson(page, 'GET', `/api/projects/${p.projectHash}`)).json;
    const listed = await apiJson(page, 'GET', `/api/projects/${p.projectHash}/label-rows?limit=500`);
    assert.equal(listed.status, 200, `label rows of ${p.projectHash}`);
    const rows = listed.json.items;
    candidates.push({ project, rows });
  }
  // The project with the most labelled files makes the most telling test.
  candidates.sort((a, b) => labelledCount(b.rows) - labelledCount(a.rows));
  return candidates[0];
}

const labelledCount = (rows) => rows.filter((r) => r.objectCount > 0).length;

/** Frame objects of an Encord label row, flattened over data units and frames. */
export function frameObjects(row) {
  const out = [];
  for (const unit of Object.values(row.data_units || {})) {
    for (const frame of framesOf(unit)) for (const o of frame.objects || []) out.push({ unit, object: o });
  }
  return out;
}

export function frameClassifications(row) {
  const out = [];
  for (const unit of Object.values(row.data_units || {})) {
    for (const frame of framesOf(unit)) for (const c of frame.classifications || []) out.push({ unit, classification: c });
  }
  return out;
}

function framesOf(unit) {
  const labels = unit.labels || {};
  if ('objects' in labels || 'classifications' in labels) return [labels];
  return Object.keys(labels).filter((k) => /^\d+$/.test(k)).map((k) => labels[k]);
}

/**
 * Two files of one label status, an object that at least one of them carries, and a classification
 * (one they carry when there is one). Each label row is read in full from the server.
 */
export async function chooseExport(page, project, rows) {
  const full = new Map();
  const read = async (r) => {
    if (!full.has(r.labelHash)) {
      const { status, json } = await apiJson(page, 'GET', `/api/projects/${project.projectHash}/label-rows/${r.labelHash}`);
      assert.equal(status, 200, `label row ${r.labelHash} can be read`);
      full.set(r.labelHash, json);
    }
    return full.get(r.labelHash);
  };
  const exportable = (o) => !['cuboid', 'cuboid_2d', 'segmentation', 'audio', 'text'].includes(o.shape);
  const labelled = [];
  for (const r of rows.filter((x) => x.objectCount > 0).slice(0, 40)) {
    if (frameObjects(await read(r)).some(({ object }) => exportable(object))) labelled.push(r);
  }
  assert.ok(labelled.length, 'the demo project has files with objects');
  const byStatus = new Map();
  for (const r of labelled) byStatus.set(r.labelStatus, [...(byStatus.get(r.labelStatus) || []), r]);
  // Two labelled files of one status when the demo has them, else one and any other file.
  const [status, group] = [...byStatus.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const picked = group.length >= 2 ? group.slice(0, 2) : [group[0], rows.find((r) => r !== group[0])];
  for (const r of picked) await read(r);
  const counts = new Map();
  for (const r of picked.filter((x) => x.labelStatus === status)) {
    for (const { object } of frameObjects(full.get(r.labelHash))) {
      if (exportable(object)) counts.set(object.featureHash, (counts.get(object.featureHash) || 0) + 1);
    }
  }
  // The object: the one with the most instances on the picked files, so the filter visibly keeps some.
  const objectHash = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const object = project.ontology.objects.find((o) => o.featureNodeHash === objectHash);
  assert.ok(object, `object ${objectHash} is in the ontology`);
  const carried = new Set(picked.flatMap((r) => frameClassifications(full.get(r.labelHash)).map(({ classification }) => classification.featureHash)));
  const classifications = project.ontology.classifications || [];
  assert.ok(classifications.length, 'the demo ontology has classifications');
  const classification = classifications.find((c) => carried.has(c.featureNodeHash)) || classifications[0];
  return { status, files: picked, object, classification, fullRows: full };
}
