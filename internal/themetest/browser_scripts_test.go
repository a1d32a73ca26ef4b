package themetest

// Scripts the browser tests evaluate in the page (through DevTools, so the
// pages' Content-Security-Policy does not apply to them and the pages
// themselves stay script-free).

// layoutJS measures what a reader sees at the current viewport: horizontal
// overflow, the header's height, the dark-mode switch, and the reading
// measure (characters per line of long paragraphs).
const layoutJS = `(() => {
  const de = document.documentElement;
  const header = document.querySelector('.site-header');
  let chars = 0, lines = 0;
  for (const p of document.querySelectorAll('.prose > p')) {
    const text = p.textContent.replace(/\s+/g, ' ').trim();
    const lh = parseFloat(getComputedStyle(p).lineHeight);
    const n = Math.round(p.getBoundingClientRect().height / lh);
    if (!(lh > 0) || n < 3) continue;
    chars += text.length;
    lines += n - 0.5; // the last line is on average half full
  }
  return {
    scrollWidth: de.scrollWidth,
    clientWidth: de.clientWidth,
    headerHeight: header ? header.getBoundingClientRect().height : 0,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    bodyBackground: getComputedStyle(document.body).backgroundColor,
    charsPerLine: lines > 0 ? chars / lines : 0,
  };
})()`

// contrastJS computes the WCAG contrast of every visible text element
// against its effective background (the element's and its ancestors'
// background colors composited), and the non-text contrast of the charts'
// marks against the card and against the empty cells. It returns how many
// text elements it checked and the failures.
const contrastJS = `(() => {
  const parse = (s) => {
    const m = /^rgba?\(([^)]*)\)$/.exec(s.trim());
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const css = (c) => 'rgb(' + c.slice(0, 3).map(Math.round).join(', ') + ')';
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage !== 'none') return null;
      const c = parse(cs.backgroundColor);
      if (c === null) return null;
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const problems = [];
  const seen = new Set();
  let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.nodeValue.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('svg, .vh, script, style, noscript')) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    const cs = getComputedStyle(el);
    const fg = parse(cs.color), bg = background(el);
    if (!fg || !bg) { problems.push('cannot compute the colors of ' + describe(el)); continue; }
    const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    const cr = ratio(over(fg, bg), bg);
    checked++;
    if (cr < need - 0.005) {
      problems.push(describe(el) + ' "' + n.nodeValue.trim().slice(0, 40) + '": contrast ' + cr.toFixed(2) + ' < ' + need + ' (' + cs.color + ' on ' + css(bg) + ')');
    }
  }
  for (const svg of document.querySelectorAll('svg.chart')) {
    const bg = background(svg);
    const off = svg.querySelector('.off');
    const offFill = off ? parse(getComputedStyle(off).fill) : null;
    for (const mark of svg.querySelectorAll('.on, .mark')) {
      const fill = parse(getComputedStyle(mark).fill);
      if (!fill || !bg) { problems.push('cannot compute the fill of a chart mark'); continue; }
      const a = ratio(fill, bg);
      if (a < 3) problems.push('chart ' + describe(mark) + ': contrast with the card ' + a.toFixed(2) + ' < 3');
      if (offFill) {
        const b = ratio(fill, offFill);
        if (b < 3) problems.push('chart ' + describe(mark) + ': contrast with .off ' + b.toFixed(2) + ' < 3');
      }
    }
  }
  return {checked, problems};
})()`

// axeRunJS runs axe-core (already injected) with the WCAG 2.0 and 2.1 A and
// AA rules and returns the violations, a few nodes each.
const axeRunJS = `axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id,
  help: v.help,
  nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
})))`

// noJSJS reports what a reader without JavaScript has: the main text, the
// section navigation and the language switcher.
const noJSJS = `(() => {
  const main = document.querySelector('main');
  return {
    mainText: main ? main.innerText.trim().length : 0,
    navLinks: document.querySelectorAll('nav.sections a[href]').length,
    switcher: Array.from(document.querySelectorAll('nav.switcher a[hreflang]')).map(a => a.getAttribute('hreflang')),
    scripts: document.scripts.length,
  };
})()`

// focusJS describes the focused element after one Tab press: it must be
// the skip link, inside the viewport, with a visible outline.
const focusJS = `(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  return {
    className: el.className || '',
    href: el.getAttribute('href') || '',
    inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0,
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    target: !!document.getElementById((el.getAttribute('href') || '#').slice(1)),
  };
})()`
