// Display formats: dates, sizes, statuses, shapes.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatRelative(iso, now = Date.now()) {
  if (!iso) return '—';
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(seconds)) return iso;
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return relative.format(Math.round(seconds / 86400), 'day');
  return formatDate(iso);
}

export function formatSize(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const formatNumber = (n) => (n ?? 0).toLocaleString();

export const LABEL_STATUSES = [
  'NOT_LABELLED', 'LABEL_IN_PROGRESS', 'LABELLED', 'REVIEW_IN_PROGRESS', 'REVIEWED', 'REVIEWED_TWICE',
];

export function statusName(status) {
  const names = {
    NOT_LABELLED: 'Not labelled',
    LABEL_IN_PROGRESS: 'Labelling',
    LABELLED: 'Labelled',
    REVIEW_IN_PROGRESS: 'In review',
    REVIEWED: 'Reviewed',
    REVIEWED_TWICE: 'Reviewed twice',
  };
  return names[status] || titleCase(status);
}

export function shapeName(shape) {
  const names = {
    bounding_box: 'Bounding box',
    rotatable_bounding_box: 'Rotated box',
    polygon: 'Polygon',
    polyline: 'Polyline',
    point: 'Keypoint',
    bitmask: 'Bitmask',
    skeleton: 'Skeleton',
    cuboid: 'Cuboid',
    cuboid_2d: '2-D cuboid',
  };
  return names[shape] || titleCase(shape);
}

export function dataTypeName(type) {
  const names = { image: 'Image', video: 'Video', img_group: 'Image group', image_sequence: 'Image sequence' };
  return names[type] || titleCase(type);
}

export function titleCase(text) {
  if (!text) return '';
  const words = String(text).toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const formatName = (format) => (format === 'coco' ? 'COCO' : 'Encord JSON');

export function ttlName(seconds) {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  return `${seconds} s`;
}
