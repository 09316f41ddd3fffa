'use strict';
// Small SVG charts written for this page (no library, nothing from a CDN): a time-series line chart and a
// grouped bar chart. Each chart's <figure> carries data-last (latest value of its first series) and
// data-points (how many values that series has), which the browser test reads.

const Svg = {
  el(name, attributes = {}, parent = null) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (parent) parent.appendChild(element);
    return element;
  },
  text(parent, content, attributes) {
    const element = Svg.el('text', attributes, parent);
    element.textContent = content;
    return element;
  },
};

function niceCeiling(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10 || Number.isInteger(value)) return String(Math.round(value));
  return value.toFixed(1);
}

function isValue(value) {
  return value !== null && value !== undefined && !Number.isNaN(value);
}

const Plot = { width: 400, height: 150, left: 44, right: 8, top: 8, bottom: 20 };

function legendItem(color, label, value) {
  const item = document.createElement('span');
  const swatch = document.createElement('i');
  swatch.style.background = color;
  const figure = document.createElement('b');
  figure.textContent = formatNumber(value);
  item.append(swatch, `${label} `, figure);
  return item;
}

function drawValueAxis(group, top) {
  for (let i = 0; i <= 3; i++) {
    const y = Plot.top + (1 - i / 3) * (Plot.height - Plot.top - Plot.bottom);
    Svg.el('line', { class: 'grid', x1: Plot.left, x2: Plot.width - Plot.right, y1: y, y2: y }, group);
    Svg.text(group, formatNumber(top * i / 3), { class: 'axis', x: Plot.left - 4, y: y + 3, 'text-anchor': 'end' });
  }
}

class LineChart {
  // series: [{ name, color, value: sample => number | null }]; the window is in seconds.
  constructor(figure, windowSeconds = 180) {
    this.figure = figure;
    this.window = windowSeconds * 1000;
    this.svg = Svg.el('svg', { viewBox: `0 0 ${Plot.width} ${Plot.height}` }, figure);
    this.axes = Svg.el('g', {}, this.svg);
    this.lines = Svg.el('g', {}, this.svg);
    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    figure.appendChild(this.legend);
    this.setSeries([]);
  }

  setSeries(series) {
    this.series = series;
    this.paths = series.map(s => Svg.el('path', { class: 'series', stroke: s.color, 'data-series': s.name }));
    this.lines.replaceChildren(...this.paths);
  }

  render(samples) {
    const now = samples.length ? Date.parse(samples[samples.length - 1].time) : Date.now();
    const from = now - this.window;
    const visible = samples.filter(s => Date.parse(s.time) >= from);
    const values = this.series.map(s => visible.map(sample => [Date.parse(sample.time), s.value(sample)]));
    const max = Math.max(0, ...values.flat().map(([, v]) => (isValue(v) ? v : 0)));
    const top = niceCeiling(max);
    const x = t => Plot.left + (t - from) / this.window * (Plot.width - Plot.left - Plot.right);
    const y = v => Plot.top + (1 - v / top) * (Plot.height - Plot.top - Plot.bottom);

    this.axes.replaceChildren();
    drawValueAxis(this.axes, top);
    for (const minutes of [3, 2, 1, 0]) {
      const at = now - minutes * 60000;
      if (at >= from) Svg.text(this.axes, minutes ? `-${minutes}m` : 'now', { class: 'axis', x: x(at), y: Plot.height - 5, 'text-anchor': minutes ? 'middle' : 'end' });
    }

    values.forEach((points, i) => {
      let d = '';
      let penDown = false;
      for (const [t, v] of points) {
        if (!isValue(v)) { penDown = false; continue; }
        d += `${penDown ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
        penDown = true;
      }
      this.paths[i].setAttribute('d', d);
    });

    const latest = this.series.map(s => (visible.length ? s.value(visible[visible.length - 1]) : null));
    this.figure.dataset.last = isValue(latest[0]) ? String(latest[0]) : '';
    this.figure.dataset.points = String(values.length ? values[0].filter(([, v]) => isValue(v)).length : 0);
    this.legend.replaceChildren(...this.series.map((s, i) => legendItem(s.color, s.name, latest[i])));
  }
}

class PartitionLagChart {
  // groups: [{ name, color }], in the order of sample.groups.
  constructor(figure) {
    this.figure = figure;
    this.svg = Svg.el('svg', { viewBox: `0 0 ${Plot.width} ${Plot.height}` }, figure);
    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    figure.appendChild(this.legend);
    this.groups = [];
  }

  setGroups(groups) {
    this.groups = groups;
  }

  render(sample) {
    const lags = this.groups.map((_, i) => sample?.groups[i]?.partitionLag ?? []);
    const partitions = Math.max(0, ...lags.map(l => l.length));
    const top = niceCeiling(Math.max(0, ...lags.flat()));
    const slot = (Plot.width - Plot.left - Plot.right) / Math.max(1, partitions);
    const bar = slot * 0.8 / Math.max(1, this.groups.length);
    const base = Plot.height - Plot.bottom;

    this.svg.replaceChildren();
    drawValueAxis(this.svg, top);
    for (let p = 0; p < partitions; p++) {
      const left = Plot.left + p * slot + slot * 0.1;
      this.groups.forEach((group, g) => {
        const lag = lags[g][p] ?? 0;
        const height = lag / top * (base - Plot.top);
        Svg.el('rect', { x: left + g * bar, y: base - height, width: Math.max(1, bar - 1), height, fill: group.color, 'data-partition': p, 'data-group': group.name, 'data-lag': lag }, this.svg);
      });
      Svg.text(this.svg, String(p), { class: 'axis', x: left + slot * 0.4, y: Plot.height - 5, 'text-anchor': 'middle' });
    }

    const totals = lags.map(l => l.reduce((sum, v) => sum + v, 0));
    this.figure.dataset.last = String(totals[0] ?? '');
    this.figure.dataset.points = String(partitions);
    this.legend.replaceChildren(...this.groups.map((group, i) => legendItem(group.color, `${group.name} total`, sample ? totals[i] : null)));
  }
}
