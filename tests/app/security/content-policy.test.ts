import { describe, expect, it } from 'vitest';
import { connectPolicy, STATIC_POLICY, tileOrigin } from '../../../src/app/security/content-policy';
import { createPreferencesStore, DEFAULT_PREFERENCES, linkBasemapOf, STORAGE_KEY } from '../../../src/app/stores/preferences-store';

describe('content policy', () => {
  it('the static policy allows scripts and workers from the origin only and leaves connect-src out', () => {
    expect(STATIC_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(STATIC_POLICY).toContain("worker-src 'self'");
    expect(STATIC_POLICY).not.toMatch(/'unsafe-eval'|default-src|connect-src|blob:[^;]*;[^;]*script/);
  });

  it('connect-src is the origin plus each distinct basemap origin', () => {
    expect(connectPolicy([null, undefined])).toBe("connect-src 'self'");
    expect(connectPolicy(['https://tiles.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org/other/{z}/{x}/{y}', 'http://localhost:8080/t/{z}/{x}/{y}.png'])).toBe(
      "connect-src 'self' https://tiles.example.org http://localhost:8080",
    );
  });

  it('tileOrigin accepts only http(s) templates', () => {
    expect(tileOrigin('https://a.example/{z}/{x}/{y}.png')).toBe('https://a.example');
    expect(tileOrigin('javascript:alert(1)')).toBeNull();
    expect(tileOrigin('data:image/png;base64,AAAA')).toBeNull();
    expect(tileOrigin('/relative/{z}')).toBeNull();
  });
});

describe('basemap from a link', () => {
  it('is an offer, never applied or saved', () => {
    const link = linkBasemapOf('?basemap=https%3A%2F%2Ftiles.example.org%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D.png');
    expect(link).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(linkBasemapOf('?basemap=ftp://x')).toBeNull();
    const saved: Record<string, string> = {};
    const store = createPreferencesStore({ ...DEFAULT_PREFERENCES, linkBasemap: link }, { setItem: (k, v) => (saved[k] = v) });
    expect(store.getState().basemapUrl).toBeNull();
    store.getState().setRamp('cividis');
    expect(JSON.parse(saved[STORAGE_KEY])).toEqual({ language: 'fi', ramp: 'cividis', basemapUrl: null });
  });
});
