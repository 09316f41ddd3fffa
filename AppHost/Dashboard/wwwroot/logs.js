'use strict';
// Live console output of one resource (or the AppHost's own lines), streamed from /api/logs/{resource}.

const MaxLogLines = 2000;

class LogView {
  constructor(pre, select, follow) {
    this.pre = pre;
    this.select = select;
    this.follow = follow;
    this.names = [];
    this.source = null;
    select.addEventListener('change', () => this.show(select.value));
  }

  setResources(names) {
    const all = ['apphost', ...names];
    if (all.join() === this.names.join()) return;
    this.names = all;
    this.select.replaceChildren(...all.map(name => new Option(name, name)));
    this.show(this.current ?? names.find(n => n.endsWith('worker')) ?? all[0]);
  }

  show(name) {
    this.current = name;
    this.select.value = name;
    this.source?.close();
    this.pre.replaceChildren();
    this.source = new EventSource(`api/logs/${encodeURIComponent(name)}`);
    this.source.addEventListener('lines', event => this.append(JSON.parse(event.data)));
    // A reconnect sends the kept lines again: start over.
    this.source.addEventListener('open', () => this.pre.replaceChildren());
  }

  append(lines) {
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      const row = document.createElement('div');
      if (line.isError) row.className = 'error';
      const prefix = document.createElement('span');
      prefix.className = 'source';
      prefix.textContent = `${line.time.substring(11, 19)} ${line.source.padEnd(16)}| `;
      row.append(prefix, line.text);
      fragment.appendChild(row);
    }
    this.pre.appendChild(fragment);
    while (this.pre.childElementCount > MaxLogLines) this.pre.firstElementChild.remove();
    if (this.follow.checked) this.pre.scrollTop = this.pre.scrollHeight;
  }
}
