/**
 * Draws a small, simple DOM subtree (the map legend) onto a 2D canvas from its computed styles:
 * background colours, horizontal linear gradients, borders and text, at the positions the
 * browser laid them out. Enough for a legend of swatches, ramps and labels; not a general
 * HTML renderer (no images, shadows or transforms).
 */

/** Colour stops of a CSS linear-gradient (computed style form: rgb()/rgba() colours, optional %). */
export function gradientStops(css: string): { colour: string; at: number | null }[] {
  const out: { colour: string; at: number | null }[] = [];
  const re = /(rgba?\([^)]*\)|#[0-9a-f]{3,8})\s*([\d.]+%)?/gi;
  for (let m = re.exec(css); m; m = re.exec(css)) out.push({ colour: m[1], at: m[2] ? parseFloat(m[2]) / 100 : null });
  // Stops without a position are spread evenly, as CSS does.
  return out.map((s, i) => ({ colour: s.colour, at: s.at ?? (out.length > 1 ? i / (out.length - 1) : 0) }));
}

const transparent = (c: string) => !c || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);

function drawBox(ctx: CanvasRenderingContext2D, el: Element, x: number, y: number, w: number, h: number): void {
  const style = getComputedStyle(el);
  if (!transparent(style.backgroundColor)) {
    ctx.fillStyle = style.backgroundColor;
    ctx.fillRect(x, y, w, h);
  }
  if (style.backgroundImage.includes('linear-gradient')) {
    const stops = gradientStops(style.backgroundImage);
    const vertical = /to (top|bottom)|\b(0|180)deg/.test(style.backgroundImage);
    const g = vertical ? ctx.createLinearGradient(x, y, x, y + h) : ctx.createLinearGradient(x, y, x + w, y);
    for (const s of stops) g.addColorStop(Math.min(1, Math.max(0, s.at ?? 0)), s.colour);
    ctx.fillStyle = g;
    ctx.fillRect(x, y, w, h);
  }
  const sides = [
    ['Top', x, y, x + w, y],
    ['Bottom', x, y + h, x + w, y + h],
    ['Left', x, y, x, y + h],
    ['Right', x + w, y, x + w, y + h],
  ] as const;
  for (const [side, x0, y0, x1, y1] of sides) {
    const width = parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
    const colour = style.getPropertyValue(`border-${side.toLowerCase()}-color`);
    if (!(width > 0) || transparent(colour) || style.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none') continue;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  }
}

function drawText(ctx: CanvasRenderingContext2D, node: Text, origin: DOMRect, dx: number, dy: number): void {
  const text = node.textContent?.replace(/\s+/g, ' ') ?? '';
  if (!text.trim() || !node.parentElement) return;
  const style = getComputedStyle(node.parentElement);
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  ctx.fillStyle = style.color;
  ctx.textBaseline = 'middle';
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const words = text.trim().split(' ');
  let w = 0;
  for (const [i, r] of rects.entries()) {
    // Fill each line box with the words that fit it (the last line takes the rest).
    let line = '';
    while (w < words.length) {
      const next = line ? `${line} ${words[w]}` : words[w];
      if (i < rects.length - 1 && line && ctx.measureText(next).width > r.width + 1) break;
      line = next;
      w++;
    }
    ctx.fillText(line, r.left - origin.left + dx, r.top - origin.top + dy + r.height / 2);
  }
}

/** Draws `root` (and its subtree) with its top-left corner at (dx, dy) CSS pixels of the canvas. */
export function drawDom(ctx: CanvasRenderingContext2D, root: Element, dx: number, dy: number): void {
  const origin = root.getBoundingClientRect();
  const visit = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const r = el.getBoundingClientRect();
    drawBox(ctx, el, r.left - origin.left + dx, r.top - origin.top + dy, r.width, r.height);
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) drawText(ctx, child as Text, origin, dx, dy);
      else if (child.nodeType === Node.ELEMENT_NODE) visit(child as Element);
    }
  };
  visit(root);
}
