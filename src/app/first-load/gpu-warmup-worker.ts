/**
 * Opens a WebGL2 context on an OffscreenCanvas, off the main thread, and reports back.
 *
 * The first WebGL context of a page sets up the page's channel to the GPU process; on software
 * WebGL (SwiftShader) that is a single blocking call of 0.2–0.7 s. Done here first, the map's own
 * context on the main thread then opens in about 10 ms (measured in Chromium 1xx, software GL).
 */
let ok = false;
try {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (gl) {
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.getError();
    ok = true;
  }
} catch {
  ok = false;
}
postMessage(ok);
