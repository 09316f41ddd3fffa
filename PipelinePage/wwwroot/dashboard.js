'use strict';
// Wires the page: one server-sent event stream (api/updates) feeds the picture and the charts once a second.

const GroupColors = ['#2bb673', '#f5a623', '#b57bff', '#36c5d8'];
const MaxSamples = 300;

const page = {
  samples: [],
  shape: null,
  picture: new PipelinePicture(document.getElementById('pipeline')),
  charts: {
    produce: new LineChart(document.getElementById('chart-produce')),
    consume: new LineChart(document.getElementById('chart-consume')),
    lag: new LineChart(document.getElementById('chart-lag')),
    partitions: new PartitionLagChart(document.getElementById('chart-partitions')),
    batches: new LineChart(document.getElementById('chart-batches')),
    dlq: new LineChart(document.getElementById('chart-dlq')),
  },
};

function setShape(shape) {
  page.shape = shape;
  const groups = shape.consumers.map((c, i) => ({ name: c.group, color: GroupColors[i % GroupColors.length], index: i }));
  const perGroup = field => groups.map(g => ({ name: g.name, color: g.color, value: s => s.groups[g.index]?.[field] ?? null }));
  page.picture.setShape(shape, groups.map(g => g.color));
  page.charts.produce.setSeries([{ name: shape.topic, color: '#4f8cff', value: s => s.produceRate }]);
  page.charts.consume.setSeries(perGroup('consumeRate'));
  page.charts.lag.setSeries(perGroup('lag'));
  page.charts.partitions.setGroups(groups);
  page.charts.batches.setSeries(perGroup('batchSize'));
  page.charts.dlq.setSeries([{ name: shape.deadLetterTopic, color: '#e5484d', value: s => s.deadLetters }]);
}

function onUpdate(update) {
  if (update.pipeline) {
    setShape(update.pipeline);
    page.samples = [];
  }
  page.samples.push(...update.samples);
  if (page.samples.length > MaxSamples) page.samples.splice(0, page.samples.length - MaxSamples);

  const latest = page.samples[page.samples.length - 1];
  page.picture.render(latest);
  for (const chart of Object.values(page.charts)) chart.render(chart instanceof PartitionLagChart ? latest : page.samples);
}

function connect() {
  const connection = document.getElementById('connection');
  const updates = new EventSource('api/updates');
  updates.addEventListener('update', event => {
    connection.textContent = 'live';
    connection.className = 'badge good';
    connection.dataset.connected = 'true';
    onUpdate(JSON.parse(event.data));
  });
  updates.addEventListener('error', () => {
    connection.textContent = 'disconnected: retrying';
    connection.className = 'badge bad';
    connection.dataset.connected = 'false';
  });
}

connect();
