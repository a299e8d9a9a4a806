import { describe, expect, it } from 'vitest';
import { pathInside } from './url-path';

describe('pathInside', () => {
  it('names files inside the folder, index.html for a folder', () => {
    expect(pathInside('/')).toBe('index.html');
    expect(pathInside('/assets/index-1.js')).toBe('assets/index-1.js');
    expect(pathInside('/assets/')).toBe('assets/index.html');
    expect(pathInside('/a%20b.png')).toBe('a b.png');
  });

  it('refuses what would leave the folder or is no plain path', () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/a/../../b',
      '/%2e%2e%5csecret.txt',
      '/a%00.js',
      '/%E0%A4%A',
    ])
      expect(pathInside(path), path).toBeNull();
  });
});
