'use strict';
// The pipeline as a picture: producer -> topic (inside the Kafka frame) -> one box per consumer group, and
// the dead-letter topic. Arrows move while messages flow; each partition lane of the topic ends in one
// tail per group, as long as that group's lag on the partition.

const Layout = {
  producer: { x: 20, y: 105, w: 170, h: 90 },
  kafka: { x: 290, y: 10, w: 380, h: 280 },
  topic: { x: 320, y: 44, w: 320, h: 156 },
  lanes: { x: 330, y: 76, w: 300, h: 116 },
  dlq: { x: 320, y: 214, w: 320, h: 60 },
  consumers: { x: 770, w: 210, top: 18, bottom: 282, gap: 20 },
};

// Resource states, logs and commands are in the Aspire dashboard; the picture shows what Kafka and the workers say.
function flowClass(answered, rate) {
  if (!answered) return 'bad';
  return rate > 0.5 ? 'good' : '';
}

function memberSummary(group) {
  if (!group) return '';
  return `${group.members} member${group.members === 1 ? '' : 's'} · ${formatNumber(group.processed)} processed`;
}

class PipelinePicture {
  constructor(svg) {
    this.svg = svg;
  }

  // colors: one per consumer, in shape order.
  setShape(shape, colors) {
    this.shape = shape;
    this.colors = colors;
    const svg = this.svg;
    svg.replaceChildren();
    const L = Layout;
    const box = (b, cls) => Svg.el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 8, class: cls }, svg);
    const text = (content, x, y, cls = '', anchor = 'start') => Svg.text(svg, content, { x, y, class: cls, 'text-anchor': anchor });

    this.kafkaFrame = box(L.kafka, 'frame');
    this.kafkaLabel = text(shape.kafka, L.kafka.x + 12, L.kafka.y + 22, 'small');
    box(L.topic, 'topic');
    text(shape.topic, L.topic.x + 10, L.topic.y + 22, 'title');
    this.topicStats = text('', L.topic.x + L.topic.w - 10, L.topic.y + 22, 'small', 'end');
    this.lanes = Svg.el('g', {}, svg);
    box(L.dlq, 'topic');
    text(shape.deadLetterTopic, L.dlq.x + 10, L.dlq.y + 24, 'title');
    this.dlqStats = text('', L.dlq.x + 10, L.dlq.y + 46, 'small');

    const p = L.producer;
    this.producerBox = box(p, 'node');
    text(shape.producer, p.x + 12, p.y + 26, 'title');
    this.producerState = text('', p.x + 12, p.y + 50, 'small');
    this.producerRate = text('', p.x + 12, p.y + 72);
    this.produceEdge = Svg.el('path', { d: `M${p.x + p.w},${p.y + p.h / 2} L${L.topic.x},${p.y + p.h / 2}`, class: 'edge' }, svg);

    const c = L.consumers;
    const count = Math.max(1, shape.consumers.length);
    const h = Math.min(110, (c.bottom - c.top - (count - 1) * c.gap) / count);
    this.consumers = shape.consumers.map((consumer, i) => {
      const y = c.top + i * (h + c.gap);
      const from = L.topic.y + 50 + (i + 0.5) * (L.topic.h - 60) / count;
      const to = y + h / 2;
      const edge = Svg.el('path', { d: `M${L.topic.x + L.topic.w},${from} C${L.topic.x + L.topic.w + 70},${from} ${c.x - 70},${to} ${c.x},${to}`, class: 'edge', stroke: colors[i] }, svg);
      const dlqY = L.dlq.y + L.dlq.h / 2;
      const dlqEdge = Svg.el('path', { d: `M${c.x},${y + h - 14} C${c.x - 60},${y + h - 14} ${L.dlq.x + L.dlq.w + 60},${dlqY} ${L.dlq.x + L.dlq.w},${dlqY}`, class: 'edge dlq' }, svg);
      const rect = box({ x: c.x, y, w: c.w, h }, 'node');
      Svg.el('rect', { x: c.x, y: y + 8, width: 4, height: h - 16, fill: colors[i] }, svg);
      text(consumer.resource, c.x + 14, y + 24, 'title');
      return {
        consumer, edge, dlqEdge, rect,
        state: text('', c.x + 14, y + 44, 'small'),
        flow: text('', c.x + 14, y + 66),
        batches: text('', c.x + 14, y + 88, 'small'),
      };
    });
  }

  render(sample) {
    if (!this.shape) return;
    const answered = sample?.kafkaAnswered ?? false;
    this.kafkaLabel.textContent = `${this.shape.kafka} · ${sample ? (answered ? 'answering' : 'not answering') : '?'}`;

    this.producerBox.setAttribute('class', `node ${flowClass(answered, sample?.produceRate)}`);
    this.producerState.textContent = sample?.produceRate > 0.5 ? 'publishing' : 'idle';
    this.producerRate.textContent = `${formatNumber(sample?.produceRate)} msg/s`;
    flow(this.produceEdge, sample?.produceRate);
    this.topicStats.textContent = `${sample?.groups[0]?.partitionLag.length ?? '?'} partitions · ${formatNumber(sample?.produced)} msgs`;
    this.dlqStats.textContent = `${formatNumber(sample?.deadLetters)} messages`;
    this.renderLanes(sample);

    this.consumers.forEach((node, i) => {
      const group = sample?.groups[i];
      node.rect.setAttribute('class', `node ${group && group.members > 0 ? 'good' : 'warn'}`);
      node.state.textContent = memberSummary(group);
      node.flow.textContent = `lag ${formatNumber(group?.lag)} · ${formatNumber(group?.consumeRate)} msg/s`;
      node.batches.textContent = `batch ≈ ${formatNumber(group?.batchSize)} · dead-lettered ${formatNumber(group?.deadLettered)}`;
      flow(node.edge, group?.consumeRate);
      node.dlqEdge.classList.toggle('active', (group?.deadLettered ?? 0) > 0);
    });
  }

  renderLanes(sample) {
    this.lanes.replaceChildren();
    const lanes = Layout.lanes;
    const groups = sample?.groups ?? [];
    const partitions = Math.max(0, ...groups.map(g => g.partitionLag.length));
    if (!partitions) return;
    const scale = Math.max(100, ...groups.flatMap(g => g.partitionLag));
    const laneHeight = lanes.h / partitions;
    for (let p = 0; p < partitions; p++) {
      const y = lanes.y + p * laneHeight;
      Svg.el('rect', { x: lanes.x, y: y + 0.5, width: lanes.w, height: Math.max(1, laneHeight - 1.5), class: 'lane' }, this.lanes);
      groups.forEach((group, g) => {
        const width = lanes.w * Math.min(1, (group.partitionLag[p] ?? 0) / scale);
        const tailHeight = Math.max(1, (laneHeight - 1.5) / groups.length);
        Svg.el('rect', { x: lanes.x + lanes.w - width, y: y + 0.5 + g * tailHeight, width, height: tailHeight, fill: this.colors[g], opacity: 0.85 }, this.lanes);
      });
    }
  }
}

// An arrow moves while messages flow, faster and thicker the more there are.
function flow(edge, rate) {
  const moving = rate > 0.5;
  edge.classList.toggle('flowing', moving);
  edge.style.strokeWidth = String(moving ? 2 + Math.min(4, Math.log10(1 + rate)) : 2);
  edge.style.animationDuration = `${moving ? Math.max(0.2, 1.6 - 0.4 * Math.log10(1 + rate)) : 1}s`;
}
