// Which file a URL path names inside a served folder, as plain string logic: the web host and the
// desktop shell's app:// handler both serve one folder and nothing outside it.

/**
 * The path, relative to the folder, that a URL path names ("/" and "…/" name index.html); null
 * when it cannot be decoded, holds a NUL or a backslash, or would climb out of the folder.
 */
export function pathInside(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null;
    segments.push(segment);
  }
  if (decoded === '' || decoded.endsWith('/')) segments.push('index.html');
  return segments.join('/');
}
