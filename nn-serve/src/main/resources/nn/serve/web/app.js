// The page of `nn serve`: draw a digit, see the model's prediction; a strip of test images.
// Plain JavaScript against the server's own JSON API (GET /v1/models, POST /v1/models/NAME:predict).
'use strict';

const pad = document.getElementById('pad');
const ink = pad.getContext('2d');
const modelSelect = document.getElementById('model');
const statusLine = document.getElementById('status');
let models = [];
let drawing = false;
let dirty = false;      // drawn since the last prediction was asked for
let asking = false;     // one prediction request at a time while drawing
let lastPoint = null;

function model() { return models.find(m => m.name === modelSelect.value); }
function inputSide() { const s = model().inputs[0].shape; return [s[s.length - 2], s[s.length - 1]]; }

function setStatus(text, isError) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', !!isError);
}

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} :
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || response.statusText);
  return json;
}

// ---- drawing: white ink on black, as MNIST's digits are ----
function clearPad() {
  ink.fillStyle = '#000';
  ink.fillRect(0, 0, pad.width, pad.height);
  dirty = false;
  showPrediction(null);
}

function point(event) {
  const r = pad.getBoundingClientRect();
  return { x: (event.clientX - r.left) * pad.width / r.width, y: (event.clientY - r.top) * pad.height / r.height };
}

function stroke(to) {
  ink.strokeStyle = '#fff';
  ink.fillStyle = '#fff';
  ink.lineWidth = 20;
  ink.lineCap = 'round';
  ink.lineJoin = 'round';
  ink.beginPath();
  if (lastPoint) { ink.moveTo(lastPoint.x, lastPoint.y); ink.lineTo(to.x, to.y); ink.stroke(); }
  else { ink.arc(to.x, to.y, ink.lineWidth / 2, 0, 2 * Math.PI); ink.fill(); }
  lastPoint = to;
  dirty = true;
  predictSoon();
}

pad.addEventListener('pointerdown', e => { drawing = true; lastPoint = null; pad.setPointerCapture(e.pointerId); stroke(point(e)); e.preventDefault(); });
pad.addEventListener('pointermove', e => { if (drawing) { stroke(point(e)); e.preventDefault(); } });
for (const end of ['pointerup', 'pointercancel']) {
  pad.addEventListener(end, () => { drawing = false; lastPoint = null; predictSoon(); });
}
document.getElementById('clear').addEventListener('click', clearPad);

// ---- the drawing as the model's input: MNIST-style, the digit fitted in 20 x 20 and centred by mass in 28 x 28 ----
function pixels() {
  const [h, w] = inputSide();
  const full = ink.getImageData(0, 0, pad.width, pad.height).data;
  let top = pad.height, left = pad.width, bottom = -1, right = -1;
  for (let y = 0; y < pad.height; y++) {
    for (let x = 0; x < pad.width; x++) {
      if (full[(y * pad.width + x) * 4] > 30) {
        top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x);
      }
    }
  }
  const small = document.createElement('canvas');
  small.width = w; small.height = h;
  const g = small.getContext('2d');
  g.fillStyle = '#000';
  g.fillRect(0, 0, w, h);
  if (bottom >= 0) {
    const side = Math.max(bottom - top + 1, right - left + 1);
    const box = Math.round(Math.min(w, h) * 20 / 28);
    const scale = box / side;
    const dw = (right - left + 1) * scale, dh = (bottom - top + 1) * scale;
    g.imageSmoothingEnabled = true;
    g.imageSmoothingQuality = 'high';
    g.drawImage(pad, left, top, right - left + 1, bottom - top + 1, (w - dw) / 2, (h - dh) / 2, dw, dh);
  }
  let values = Array.from(g.getImageData(0, 0, w, h).data.filter((_, i) => i % 4 === 0));
  // centre of mass to the middle, as MNIST's digits were placed
  let mass = 0, cx = 0, cy = 0;
  values.forEach((v, i) => { mass += v; cx += v * (i % w); cy += v * Math.floor(i / w); });
  if (mass > 0) {
    const dx = Math.round((w - 1) / 2 - cx / mass), dy = Math.round((h - 1) / 2 - cy / mass);
    const moved = new Array(w * h).fill(0);
    values.forEach((v, i) => {
      const x = i % w + dx, y = Math.floor(i / w) + dy;
      if (x >= 0 && x < w && y >= 0 && y < h) moved[y * w + x] = v;
    });
    values = moved;
  }
  return values;
}

function predictSoon() {
  if (asking || !dirty || !model()) return;
  asking = true;
  dirty = false;
  requestAnimationFrame(async () => {
    try {
      const answer = await api(`/v1/models/${encodeURIComponent(model().name)}:predict`, { instances: [pixels()] });
      showPrediction(answer.predictions[0]);
      setStatus(`${model().name}: ${model().classes.length} classes, input ${model().inputs[0].shape.join(' × ')}`);
    } catch (err) {
      setStatus('prediction failed: ' + err.message, true);
    } finally {
      asking = false;
      if (dirty) predictSoon();
    }
  });
}

// ---- the answer: the class, and a bar per class ----
function showPrediction(p) {
  const bars = document.getElementById('probabilities');
  const classes = model() ? model().classes : [];
  document.getElementById('prediction').textContent = p ? p.label : '–';
  document.getElementById('confidence').textContent = p ? (100 * p.probability).toFixed(1) + ' %' : '';
  bars.replaceChildren();
  classes.forEach((name, c) => {
    const value = p ? p.probabilities[c] : 0;
    const label = document.createElement('span');
    label.textContent = name;
    const bar = document.createElement('div');
    bar.className = 'bar' + (p && c === p.class ? ' best' : '');
    bar.dataset.p = String(value);
    bar.dataset.class = name;
    const fill = document.createElement('div');
    fill.style.width = (100 * value).toFixed(2) + '%';
    bar.appendChild(fill);
    const number = document.createElement('span');
    number.textContent = value.toFixed(3);
    bars.append(label, bar, number);
  });
}

// ---- the strip: test images of the model's data set, predicted by the same API ----
async function showStrip() {
  const strip = document.getElementById('strip');
  strip.replaceChildren();
  const m = model();
  const { examples } = await api(`/v1/models/${encodeURIComponent(m.name)}/examples?n=10`);
  if (examples.length === 0) {
    strip.textContent = 'no test images: the server could not read this model\'s data set';
    return;
  }
  const { predictions } = await api(`/v1/models/${encodeURIComponent(m.name)}:predict`,
    { instances: examples.map(e => e.pixels) });
  const [h, w] = inputSide();
  examples.forEach((e, i) => {
    const p = predictions[i];
    const tile = document.createElement('figure');
    tile.className = 'tile' + (p.class !== e.label ? ' wrong' : '');
    const c = document.createElement('canvas');
    c.width = w; c.height = h;
    const image = c.getContext('2d').createImageData(w, h);
    e.pixels.forEach((v, j) => { image.data.set([v, v, v, 255], j * 4); });
    c.getContext('2d').putImageData(image, 0, 0);
    const title = document.createElement('figcaption');
    title.className = 'tile-title';
    title.textContent = `P:${p.label} T:${e.label_name}`;
    tile.append(title, c);
    strip.appendChild(tile);
  });
}

async function start() {
  try {
    // the page draws pictures: only classifiers of one grey [1, H, W] image qualify
    models = (await api('/v1/models')).models.filter(m => m.task === 'classification'
      && m.inputs[0].shape.length === 3 && m.inputs[0].shape[0] === 1);
    if (models.length === 0) { setStatus('this server has no image classifier to draw for', true); return; }
    models.forEach(m => modelSelect.add(new Option(m.name, m.name)));
    modelSelect.addEventListener('change', () => { clearPad(); showStrip().catch(err => setStatus(err.message, true)); });
    clearPad();
    setStatus(`${model().name}: ${model().classes.length} classes, input ${model().inputs[0].shape.join(' × ')}`);
    await showStrip();
  } catch (err) {
    setStatus('cannot reach the server: ' + err.message, true);
  }
}

start();
