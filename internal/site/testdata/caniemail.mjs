// caniemail.mjs looks up CSS in the caniemail.com data of the npm package
// caniemail (tools/node_modules/caniemail), for TestNewsletterCanIEmail.
//
//   node caniemail.mjs TOOLS_DIR < request.json > answer.json
//
// request: {"families": ["gmail", ...],
//           "inline": [{"property": "padding-left", "value": "12px"}, ...],
//           "style": "<the CSS of the <style> block>"}
// answer:  {"inline": [[match, ...] per declaration],
//           "style": [{"what": "...", "matches": [match, ...]}, ...]}
// match:   {"title": "padding", "url": "...", "support": {"gmail.ios": "y"|"a"|"n", ...}}
//
// A client is a family's platform in the data (gmail.desktop-webmail,
// outlook.windows, apple-mail.ios…); its support is the one of its latest
// tested version, as the package's own getSupportType decides it (the
// version keys sorted as strings, the last one): "y" full, "n" none,
// anything else partial ("a").
//
// A declaration matches the features the package's checker would find
// (its property, a property:value pair such as display:none, a function
// such as rgb() or var(), a unit, !important), and, where the package
// finds nothing, the shorthand of a longhand for the box properties
// (padding-left → padding, border-bottom → border, overflow-x →
// overflow): the package only knows properties by their exact title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const tools = process.argv[2];
const { rawData, parseCss } = await import(pathToFileURL(join(tools, 'caniemail', 'dist', 'index.js')).href);
const req = JSON.parse(readFileSync(0, 'utf8'));

const css = rawData.data.filter((f) => f.category === 'css');

function latest(stats) {
  const keys = Object.keys(stats).sort();
  const s = String(stats[keys[keys.length - 1]]);
  return s.startsWith('y') ? 'y' : s.startsWith('n') ? 'n' : 'a';
}

function support(f) {
  const out = {};
  for (const family of req.families) {
    for (const [platform, stats] of Object.entries(f.stats[family] ?? {})) {
      out[`${family}.${platform}`] = latest(stats);
    }
  }
  return out;
}

function match(f) {
  return { title: f.title, url: f.url, support: support(f) };
}

// Property names a title stands for, as the package's css-titles does.
function propertyNames(title) {
  if (title === 'left, right, top, bottom') return ['left', 'right', 'top', 'bottom'];
  const t = title.trim().replace(/ shorthand$/, '').replace(/ property$/, '');
  return /^[a-z-]+$/.test(t) ? [t] : [];
}

const families = ['margin', 'padding', 'border', 'overflow', 'background', 'outline', 'list-style'];

function declaration(property, value) {
  const found = new Map();
  const add = (f) => found.set(f.title, match(f));
  property = property.toLowerCase().trim();
  value = String(value).toLowerCase();
  for (const f of css) {
    if (propertyNames(f.title).includes(property)) add(f);
    const pair = /([a-z-]+):\s*([a-z-]+)/.exec(f.title);
    if (pair && pair[1] === property && value.trim().replace(/\s*!important$/, '') === pair[2]) add(f);
    const fn = /([a-z-]+)\(\)/.exec(f.title);
    if (fn && new RegExp(`(^|[^a-z-])${fn[1]}\\(`).test(value)) add(f);
    if (f.title === 'CSS Variables (Custom Properties)' && (/var\(/.test(value) || property.startsWith('--'))) add(f);
    if (f.title.endsWith(' unit')) {
      const unit = f.title.replace(/ unit$/, '');
      const re = unit === 'initial' ? /\binitial\b/ : new RegExp(`\\d${unit}(?![a-z])`);
      if (re.test(value)) add(f);
    }
    if (f.title === '!important keyword' && value.includes('!important')) add(f);
  }
  if (![...found.values()].some((m) => propertyNames(m.title).includes(property))) {
    const family = families.find((p) => property.startsWith(p + '-'));
    if (family) {
      for (const f of css) if (propertyNames(f.title).includes(family)) add(f);
    }
  }
  return [...found.values()];
}

const answer = { inline: req.inline.map((d) => declaration(d.property, d.value)), style: [] };

if (req.style) {
  const byTitle = (t) => css.find((f) => f.title === t);
  const selectorTitles = (sel) => {
    const t = [];
    if (/\.[a-z_-]/i.test(sel)) t.push('Class selector');
    if (/#[a-z_-]/i.test(sel)) t.push('ID selector');
    if (/^[a-z]/i.test(sel.trim()) || /\s[a-z]/i.test(sel.trim())) t.push('Type selector');
    if (/\S\s+[^\s>+~]/.test(sel.trim())) t.push('Descendant combinator');
    if (/>/.test(sel)) t.push('Child combinator');
    if (/\[/.test(sel)) t.push('Attribute selector');
    if (/:/.test(sel)) t.push(...css.filter((f) => f.title.startsWith(':') && sel.includes(f.title.replace('()', ''))).map((f) => f.title));
    return t;
  };
  const visit = (rules, where) => {
    for (const r of rules) {
      if (r.type === 'media') {
        const m = [match(byTitle('@media'))];
        for (const f of css) {
          const feat = /^@media \(([^)]+)\)/.exec(f.title);
          if (feat && r.media.includes(feat[1])) m.push(match(f));
        }
        answer.style.push({ what: `@media ${r.media}`, matches: m });
        visit(r.rules ?? [], `@media ${r.media}`);
      } else if (r.type === 'rule') {
        if (r.selectors.length > 1) answer.style.push({ what: `${where} ${r.selectors.join(', ')}`, matches: [match(byTitle('Grouping selectors'))] });
        for (const sel of r.selectors) {
          answer.style.push({ what: `${where} ${sel}`, matches: selectorTitles(sel).map(byTitle).filter(Boolean).map(match) });
        }
        for (const d of r.declarations ?? []) {
          if (d.type !== 'declaration') continue;
          answer.style.push({ what: `${where} { ${d.property}: ${d.value} }`, matches: declaration(d.property, d.value) });
        }
      } else if (r.type !== 'comment') {
        const f = byTitle('@' + r.type);
        answer.style.push({ what: `@${r.type}`, matches: f ? [match(f)] : [] });
      }
    }
  };
  visit(parseCss(req.style).stylesheet.rules, '');
}

process.stdout.write(JSON.stringify(answer));
