'use strict';
// The resources table: one row per resource, updated in place each second (so a button is never replaced
// under the pointer). Each row carries data-state, data-health, data-pid and data-running for tests.

const Stopped = ['NotStarted', 'Stopped', 'Exited', 'Finished', 'FailedToStart'];

class ResourceTable {
  // onAction(resource, action, query), onSelect(resource)
  constructor(tbody, onAction, onSelect) {
    this.tbody = tbody;
    this.onAction = onAction;
    this.onSelect = onSelect;
    this.rows = new Map();
  }

  render(resources, stopping) {
    for (const resource of resources) {
      let row = this.rows.get(resource.name);
      if (!row) {
        row = this.createRow(resource);
        this.rows.set(resource.name, row);
        this.tbody.appendChild(row.tr);
      }
      this.updateRow(row, resource, stopping);
    }
  }

  createRow(resource) {
    const tr = document.createElement('tr');
    tr.dataset.resource = resource.name;
    const cell = cls => {
      const td = document.createElement('td');
      td.className = cls;
      tr.appendChild(td);
      return td;
    };
    const name = cell('name');
    const link = document.createElement('button');
    link.type = 'button';
    link.title = 'Show its console logs';
    link.textContent = resource.name;
    link.addEventListener('click', () => this.onSelect(resource.name));
    const kind = document.createElement('span');
    kind.className = 'muted';
    kind.textContent = resource.kind;
    name.append(link, kind);

    const row = { tr, state: cell('state'), health: cell('health'), replicas: cell('replicas'), pid: cell('pid'), restarts: cell('restarts'), exit: cell('exit'), address: cell('address'), buttons: {} };
    const actions = document.createElement('div');
    actions.className = 'actions';
    cell('').appendChild(actions);
    const button = (action, label, title, onClick) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = label;
      b.title = title;
      if (action === 'kill') b.className = 'danger';
      b.addEventListener('click', onClick);
      actions.appendChild(b);
      row.buttons[action] = b;
    };
    const allowed = new Set(resource.actions);
    const titles = { stop: 'Stop it gracefully (drain), no restart', start: 'Start it again', restart: 'Stop gracefully, then start', kill: 'SIGKILL the first replica, as a crash would' };
    for (const action of ['stop', 'start', 'restart', 'kill']) {
      if (allowed.has(action)) button(action, action, titles[action], () => this.onAction(resource.name, action, ''));
    }
    if (allowed.has('scale')) {
      button('scale-down', '−', 'One replica fewer', () => this.onAction(resource.name, 'scale', `?replicas=${row.count - 1}`));
      row.countLabel = document.createElement('span');
      row.countLabel.className = 'count';
      actions.appendChild(row.countLabel);
      button('scale-up', '+', 'One replica more', () => this.onAction(resource.name, 'scale', `?replicas=${row.count + 1}`));
    }
    return row;
  }

  updateRow(row, resource, stopping) {
    const replicas = resource.replicas;
    const running = replicas.filter(r => r.state === 'Running').length;
    const pids = replicas.map(r => r.processId).filter(p => p !== null);
    Object.assign(row.tr.dataset, { state: resource.state, health: resource.health ?? '', pid: pids[0] ?? '', running: String(running) });

    row.state.textContent = resource.state;
    row.state.className = `state ${stateClass(resource)}`;
    row.health.textContent = resource.health ?? '—';
    row.replicas.textContent = replicas.length ? `${running}/${replicas.length}` : '—';
    row.pid.textContent = pids.length ? pids.join(', ') : '—';
    row.restarts.textContent = replicas.length ? String(replicas.reduce((sum, r) => sum + r.restarts, 0)) : '—';
    const exits = replicas.map(r => r.lastExitCode).filter(c => c !== null);
    row.exit.textContent = exits.length ? exits.join(', ') : '—';
    this.renderAddress(row.address, resource);

    row.count = replicas.length;
    if (row.countLabel) row.countLabel.textContent = String(replicas.length);
    const stopped = Stopped.includes(resource.state);
    const enabled = {
      stop: !stopped && resource.state !== 'Stopping',
      start: stopped,
      restart: !stopped && resource.state !== 'Stopping',
      kill: pids.length > 0,
      'scale-down': replicas.length > 1,
      'scale-up': replicas.length < 16,
    };
    for (const [action, b] of Object.entries(row.buttons)) b.disabled = stopping || !enabled[action];
  }

  renderAddress(td, resource) {
    const address = resource.detail ?? '';
    if (td.dataset.address === address) return;
    td.dataset.address = address;
    td.title = address;
    if (address.startsWith('http://')) {
      const a = document.createElement('a');
      a.href = address;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = address;
      td.replaceChildren(a);
    } else {
      td.textContent = address || '—';
    }
  }
}
