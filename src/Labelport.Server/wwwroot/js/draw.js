// Draws Encord frame objects on a canvas. Coordinates are fractions of the image: x and w × width,
// y and h × height (spec encord-json.md §10); bitmasks are full-frame row-major rleStrings (§11).
import { decodeMask } from './rle.js';

/** Draws every object onto ctx, whose canvas is width × height pixels. */
export function drawObjects(ctx, objects, width, height, { skeletonEdges } = {}) {
  const line = Math.max(2, Math.round(Math.max(width, height) / 400));
  // Masks first so outlines and points stay visible above them.
  const ordered = [...objects].sort((a, b) => (b.shape === 'bitmask') - (a.shape === 'bitmask'));
  for (const object of ordered) {
    const color = object.color || '#ff3b30';
    ctx.save();
    ctx.lineWidth = line;
    ctx.strokeStyle = color;
    ctx.fillStyle = withAlpha(color, 0.22);
    ctx.lineJoin = 'round';
    try {
      const anchor = drawShape(ctx, object, width, height, line, skeletonEdges);
      if (anchor) tag(ctx, object.name || object.value || object.shape, color, anchor, line);
    } catch {
      // One malformed shape must not hide the others.
    }
    ctx.restore();
  }
}

function drawShape(ctx, o, W, H, line, skeletonEdges) {
  switch (o.shape) {
    case 'bounding_box': {
      const b = o.boundingBox;
      ctx.beginPath();
      ctx.rect(b.x * W, b.y * H, b.w * W, b.h * H);
      ctx.fill();
      ctx.stroke();
      return { x: b.x * W, y: b.y * H };
    }
    case 'rotatable_bounding_box': {
      const b = o.rotatableBoundingBox;
      const cx = (b.x + b.w / 2) * W;
      const cy = (b.y + b.h / 2) * H;
      ctx.translate(cx, cy);
      ctx.rotate(((b.theta || 0) * Math.PI) / 180);
      ctx.beginPath();
      ctx.rect((-b.w * W) / 2, (-b.h * H) / 2, b.w * W, b.h * H);
      ctx.fill();
      ctx.stroke();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      return { x: b.x * W, y: b.y * H };
    }
    case 'polygon': {
      const polygons = polygonRings(o);
      ctx.beginPath();
      for (const rings of polygons) {
        for (const ring of rings) {
          ring.forEach(([x, y], i) => (i ? ctx.lineTo(x * W, y * H) : ctx.moveTo(x * W, y * H)));
          ctx.closePath();
        }
      }
      ctx.fill('evenodd');
      ctx.stroke();
      const first = polygons[0]?.[0]?.[0];
      return first ? topLeft(polygons.flat(2), W, H) : null;
    }
    case 'polyline': {
      const points = pointList(o.polyline);
      ctx.beginPath();
      points.forEach((p, i) => (i ? ctx.lineTo(p.x * W, p.y * H) : ctx.moveTo(p.x * W, p.y * H)));
      ctx.stroke();
      return points[0] ? { x: points[0].x * W, y: points[0].y * H } : null;
    }
    case 'point': {
      const p = pointList(o.point)[0];
      if (!p) return null;
      dot(ctx, p.x * W, p.y * H, line * 2.5, o.color);
      return { x: p.x * W + line * 3, y: p.y * H - line * 3 };
    }
    case 'skeleton': {
      const points = pointList(o.skeleton);
      const byKey = Array.isArray(o.skeleton) ? { ...o.skeleton } : (o.skeleton || {});
      ctx.beginPath();
      for (const [a, b] of skeletonEdges?.(o) || []) {
        const pa = byKey[a];
        const pb = byKey[b];
        if (!pa || !pb) continue;
        ctx.moveTo(pa.x * W, pa.y * H);
        ctx.lineTo(pb.x * W, pb.y * H);
      }
      ctx.stroke();
      for (const p of points) {
        if (p.visibility === 'invisible' || p.invisible === true) continue;
        const occluded = p.visibility === 'occluded' || p.visibility === 'selfOccluded' || p.occluded || p.selfOccluded;
        dot(ctx, p.x * W, p.y * H, line * 2, occluded ? '#ffffff' : (p.color && p.color !== '#000000' ? p.color : o.color));
      }
      return points.length ? topLeft(points.map((p) => [p.x, p.y]), W, H) : null;
    }
    case 'bitmask': {
      const b = o.bitmask;
      const mw = b.width || W;
      const mh = b.height || H;
      const mask = decodeMask(b.rleString || '', mw, mh);
      const layer = new OffscreenCanvas(mw, mh);
      const lctx = layer.getContext('2d');
      const image = lctx.createImageData(mw, mh);
      const [r, g, bl] = rgb(o.color || '#ff3b30');
      let minX = mw;
      let minY = mh;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const at = i * 4;
        image.data[at] = r;
        image.data[at + 1] = g;
        image.data[at + 2] = bl;
        image.data[at + 3] = 115;
        const x = i % mw;
        const y = (i - x) / mw;
        if (x < minX) minX = x;
        if (y < minY) minY = y;
      }
      lctx.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(layer, 0, 0, W, H);
      return minX < mw ? { x: (minX * W) / mw, y: (minY * H) / mh } : null;
    }
    case 'cuboid_2d': {
      const c = o.cuboid_2d || o.cuboid2d;
      const front = [];
      for (let i = 0; i + 1 < (c?.front?.length || 0); i += 2) front.push([c.front[i], c.front[i + 1]]);
      if (!front.length) return null;
      const offset = c.offset || (c.vanishingPoint ? null : { x: 0, y: 0 });
      const back = offset
        ? front.map(([x, y]) => [x + offset.x, y + offset.y])
        : front.map(([x, y]) => [x + (c.vanishingPoint.x - x) * (1 - (c.scaleRatio ?? 0.75)), y + (c.vanishingPoint.y - y) * (1 - (c.scaleRatio ?? 0.75))]);
      ctx.beginPath();
      for (const face of [back, front]) {
        face.forEach(([x, y], i) => (i ? ctx.lineTo(x * W, y * H) : ctx.moveTo(x * W, y * H)));
        ctx.closePath();
      }
      front.forEach(([x, y], i) => {
        ctx.moveTo(x * W, y * H);
        ctx.lineTo(back[i][0] * W, back[i][1] * H);
      });
      ctx.fill('evenodd');
      ctx.stroke();
      return topLeft(front, W, H);
    }
    default:
      return null;
  }
}

/** [[ring: [[x,y],…]]] from the new `polygons` form, else the legacy `polygon` dict or list. */
export function polygonRings(o) {
  if (Array.isArray(o.polygons) && o.polygons.length) {
    return o.polygons.map((rings) => rings.map((flat) => {
      const ring = [];
      for (let i = 0; i + 1 < flat.length; i += 2) ring.push([flat[i], flat[i + 1]]);
      return ring;
    }));
  }
  return [[pointList(o.polygon).map((p) => [p.x, p.y])]];
}

/** Points from a dict keyed "0","1",… (sorted by number) or from a list. */
export function pointList(value) {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return Object.keys(value).sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
}

function topLeft(points, W, H) {
  let x = Infinity;
  let y = Infinity;
  for (const [px, py] of points) {
    x = Math.min(x, px * W);
    y = Math.min(y, py * H);
  }
  return { x, y };
}

function dot(ctx, x, y, r, color) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = color || '#ff3b30';
  ctx.fill();
  ctx.lineWidth = Math.max(1, r / 2.5);
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
}

function tag(ctx, text, color, { x, y }, line) {
  const size = Math.max(11, line * 6);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  const w = ctx.measureText(text).width + size * 0.8;
  const h = size * 1.5;
  const top = Math.max(0, y - h);
  ctx.fillStyle = color;
  ctx.fillRect(x, top, w, h);
  ctx.fillStyle = contrastText(color);
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + size * 0.4, top + h / 2);
}

function rgb(hex) {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [255, 59, 48];
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function withAlpha(hex, alpha) {
  const [r, g, b] = rgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function contrastText(hex) {
  const [r, g, b] = rgb(hex);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}
