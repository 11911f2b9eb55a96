// Kelvin dashboard: loads the current state from /api/nodes and /api/actions, then follows the
// server-sent events at /api/events (nodes, actions, summary; on connect also history, the last
// ten minutes of total power, so the chart starts full; /api/history at load adds what the
// controller's history source holds from before its start). Held actions are approved or rejected
// from the action log (see "approvals" below). No libraries, no build step.
// Every value from the server is written with textContent, never parsed as HTML.
(function () {
  'use strict';

  var WINDOW_MS = 10 * 60 * 1000;
  var MAX_ACTION_ROWS = 500;
  var RETRY_MS = 3000;
  var HEALTH_MS = 5000;
  var CHART = { left: 60, right: 990, top: 12, bottom: 176 };

  var nodeRows = {};
  var actionRows = {};
  var powerPoints = [];

  function byId(id) { return document.getElementById(id); }

  function present(value) { return value !== null && value !== undefined; }

  function fixed(value, digits) { return present(value) ? Number(value).toFixed(digits) : '–'; }

  function setText(element, text) {
    if (element.textContent !== text) { element.textContent = text; }
  }

  function setCell(cell, text, missing) {
    setText(cell, text);
    cell.classList.toggle('missing', !!missing);
  }

  function ageText(seconds) {
    if (!present(seconds)) { return '–'; }
    if (seconds < 1) { return '<1 s'; }
    if (seconds < 120) { return Math.round(seconds) + ' s'; }
    if (seconds < 7200) { return Math.round(seconds / 60) + ' min'; }
    return Math.round(seconds / 3600) + ' h';
  }

  function tempClass(celsius, limit) {
    if (!present(celsius) || !present(limit) || limit <= 0) { return ''; }
    var ratio = celsius / limit;
    if (ratio >= 0.95) { return 'temp-hot'; }
    if (ratio >= 0.85) { return 'temp-warm'; }
    return 'temp-ok';
  }

  function localTime(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour12: false });
  }

  function newRow(cellClasses) {
    var row = document.createElement('tr');
    cellClasses.forEach(function (cls) {
      var cell = document.createElement('td');
      if (cls) { cell.className = cls; }
      row.appendChild(cell);
    });
    return row;
  }

  // ---- nodes -------------------------------------------------------------------------------

  var NODE_CELLS = ['node', '', 'slurm', 'num', 'num temp', 'num', 'num', 'num', 'num', 'num'];

  // What the workload manager says of the node: "down", "idle (drained)", … or empty when it
  // says nothing; a down node is marked hot, a drained one warm.
  function slurmText(node) {
    if (!present(node.state)) { return ''; }
    return node.drained ? node.state + ' (drained)' : node.state;
  }

  function slurmClass(node) {
    if (node.state === 'down') { return 'slurm temp-hot'; }
    return node.drained ? 'slurm temp-warm' : 'slurm';
  }

  function slurmTitle(node) {
    if (!present(node.state)) { return 'no workload manager reports this node'; }
    var title = node.state + ' since ' + localTime(node.stateSince);
    if (node.drained) { title += node.drainedByKelvin ? ', drained by Kelvin' : ', drained'; }
    return title;
  }

  function fillSlurmCell(cell, node) {
    setCell(cell, slurmText(node));
    cell.className = slurmClass(node);
    cell.title = slurmTitle(node);
  }

  function renderNodes(nodes) {
    var tbody = document.querySelector('#nodes tbody');
    var seen = {};
    nodes.forEach(function (node, index) {
      var key = node.site + '/' + node.node;
      seen[key] = true;
      var row = nodeRows[key];
      if (!row) {
        row = newRow(NODE_CELLS);
        row.dataset.node = node.node;
        row.dataset.site = node.site;
        row.title = key;
        nodeRows[key] = row;
      }
      fillNodeRow(row, node);
      if (tbody.children[index] !== row) {
        tbody.insertBefore(row, tbody.children[index] || null);
      }
    });
    Object.keys(nodeRows).forEach(function (key) {
      if (!seen[key]) {
        nodeRows[key].remove();
        delete nodeRows[key];
      }
    });
    setText(byId('nodes-count'), nodes.length ? '(' + nodes.length + ')' : '');
    byId('nodes-empty').hidden = nodes.length > 0;
  }

  function fillNodeRow(row, node) {
    var cells = row.children;
    row.classList.toggle('stale', !!node.stale);
    row.dataset.stale = node.stale ? 'true' : 'false';
    row.dataset.state = present(node.state) ? node.state : '';
    setCell(cells[0], node.node);
    setCell(cells[1], present(node.rack) ? node.rack : '–', !present(node.rack));
    fillSlurmCell(cells[2], node);
    setCell(cells[3], fixed(node.powerWatts, 0), !present(node.powerWatts));
    setCell(cells[4], fixed(node.cpuTempCelsius, 1), !present(node.cpuTempCelsius));
    cells[4].className = 'num temp ' + tempClass(node.cpuTempCelsius, node.cpuTempLimitCelsius);
    cells[4].title = present(node.cpuTempLimitCelsius)
      ? 'limit ' + fixed(node.cpuTempLimitCelsius, 0) + ' °C' : 'no limit reported';
    var cap = fixed(node.cpuFreqCapMhz, 0) + ' / ' + fixed(node.cpuFreqMaxMhz, 0);
    setCell(cells[5], cap, !present(node.cpuFreqCapMhz) && !present(node.cpuFreqMaxMhz));
    setCell(cells[6], fixed(node.cpuFreqMhz, 0), !present(node.cpuFreqMhz));
    var util = present(node.cpuUtilRatio) ? node.cpuUtilRatio * 100 : null;
    setCell(cells[7], fixed(util, 0), !present(util));
    setCell(cells[8], fixed(node.forecastPowerWatts, 0), !present(node.forecastPowerWatts));
    setCell(cells[9], ageText(node.ageSeconds));
    cells[9].title = present(node.at) ? node.at : 'no telemetry received';
  }

  // ---- actions -----------------------------------------------------------------------------

  var ACTION_CELLS = ['', 'node', '', '', 'reason', '', 'decision'];
  var HELD = 'held_for_approval';

  // Entries arrive newest first; insert oldest first so the newest ends on top.
  function upsertActions(entries, live) {
    for (var i = entries.length - 1; i >= 0; i--) {
      upsertAction(entries[i], live);
    }
    var tbody = document.querySelector('#actions tbody');
    while (tbody.children.length > MAX_ACTION_ROWS) {
      var last = tbody.lastElementChild;
      delete actionRows[last.dataset.id];
      last.remove();
    }
    var count = tbody.children.length;
    setText(byId('actions-count'), count ? '(' + count + ')' : '');
    byId('actions-empty').hidden = count > 0;
  }

  function upsertAction(entry, live) {
    var row = actionRows[entry.id];
    if (!row) {
      row = newRow(ACTION_CELLS);
      row.dataset.id = entry.id;
      row.dataset.at = String(Date.parse(entry.at) || 0);
      actionRows[entry.id] = row;
      insertByTime(row);
      if (live) { row.classList.add('fresh'); }
    }
    fillActionRow(row, entry);
  }

  // Newest first: place the row above the first row that is not newer than it.
  function insertByTime(row) {
    var tbody = document.querySelector('#actions tbody');
    var at = Number(row.dataset.at);
    var next = tbody.firstElementChild;
    while (next && Number(next.dataset.at) > at) {
      next = next.nextElementSibling;
    }
    tbody.insertBefore(row, next);
  }

  function fillActionRow(row, entry) {
    var cells = row.children;
    row.dataset.rule = entry.rule;
    row.dataset.status = entry.status;
    setText(cells[0], localTime(entry.at));
    cells[0].title = entry.at + (entry.updatedAt !== entry.at ? ', updated ' + entry.updatedAt : '');
    setText(cells[1], entry.node);
    setText(cells[2], entry.action);
    cells[2].title = entry.type + (entry.leaseSeconds > 0 ? ', lease ' + entry.leaseSeconds + ' s' : '');
    setText(cells[3], entry.rule);
    setText(cells[4], entry.reason);
    cells[4].title = (entry.facts || []).join(', ');
    var badge = cells[5].firstElementChild || cells[5].appendChild(document.createElement('span'));
    badge.className = 'status status-' + entry.status;
    setText(badge, entry.status.replace(/_/g, ' '));
    badge.title = entry.detail || '';
    fillDecision(cells[6], entry);
  }

  // ---- approvals ---------------------------------------------------------------------------

  // A held action gets a comment field and approve/reject buttons; once decided, the cell says
  // who decided it. The buttons post to /api/actions/{id}/approve or /reject (loopback only).
  function fillDecision(cell, entry) {
    var held = entry.status === HELD;
    var form = cell.querySelector('.decision');
    if (held && !form) {
      cell.textContent = '';
      cell.appendChild(decisionForm(entry.id));
    } else if (!held) {
      if (form) { cell.textContent = ''; }
      var decided = entry.actor && entry.actor !== 'kelvin';
      setText(cell, decided ? 'by ' + entry.actor : '');
      cell.title = decided ? entry.detail || '' : '';
    }
  }

  function decisionForm(id) {
    var form = document.createElement('span');
    form.className = 'decision';
    var comment = document.createElement('input');
    comment.type = 'text';
    comment.className = 'decision-comment';
    comment.placeholder = 'comment';
    comment.maxLength = 1000;
    comment.setAttribute('aria-label', 'Comment for ' + id);
    var error = document.createElement('span');
    error.className = 'decision-error';
    error.setAttribute('role', 'alert');
    form.appendChild(comment);
    form.appendChild(decisionButton(id, 'approve', 'Approve', comment, error));
    form.appendChild(decisionButton(id, 'reject', 'Reject', comment, error));
    form.appendChild(error);
    return form;
  }

  function decisionButton(id, verb, label, comment, error) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'decision-' + verb;
    button.textContent = label;
    button.addEventListener('click', function () {
      decide(id, verb, comment.value, button.parentNode, error);
    });
    return button;
  }

  function decide(id, verb, comment, form, error) {
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    setText(error, '');
    window.fetch('/api/actions/' + encodeURIComponent(id) + '/' + verb, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ comment: comment })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.error || verb + ' answered ' + response.status); }
        return body;
      });
    }).then(function (approval) {
      var row = actionRows[approval.id];
      if (!row) { return; }
      var badge = row.children[5].firstElementChild;
      var status = approval.state === 'approved' ? 'approved_by_operator' : 'rejected_by_operator';
      badge.className = 'status status-' + status;
      setText(badge, status.replace(/_/g, ' '));
      badge.title = approval.comment;
      row.dataset.status = status;
      fillDecision(row.children[6], { status: status, actor: approval.actor, detail: approval.comment });
    }).catch(function (failure) {
      buttons.forEach(function (b) { b.disabled = false; });
      setText(error, failure.message);
    });
  }

  // ---- summary and chart -------------------------------------------------------------------

  function renderSummary(summary) {
    setText(byId('summary-fresh'), String(summary.nodes - summary.staleNodes));
    setText(byId('summary-stale'), String(summary.staleNodes));
    setText(byId('summary-power-kw'), fixed(summary.totalPowerWatts / 1000, 1));
    var hottest = summary.hottest;
    var temp = byId('summary-hottest-temp');
    setText(temp, hottest ? fixed(hottest.cpuTempCelsius, 1) + ' °C' : '–');
    temp.className = hottest ? tempClass(hottest.cpuTempCelsius, hottest.cpuTempLimitCelsius) : '';
    setText(byId('summary-hottest-limit'), hottest && present(hottest.cpuTempLimitCelsius)
      ? ' / ' + fixed(hottest.cpuTempLimitCelsius, 0) + ' °C' : '');
    setText(byId('summary-hottest-node'), hottest ? hottest.site + '/' + hottest.node : '');
    setText(byId('summary-actions-recent'), String(summary.actionsLast10Min));
    setText(byId('summary-actions-total'), summary.actionsTotal + ' in the log');
    setText(byId('summary-ingest-rejected'), present(summary.ingestRejected)
      ? String(summary.ingestRejected) : '–');
    setText(byId('summary-ingest-accepted'), present(summary.ingestAccepted)
      ? summary.ingestAccepted + ' accepted' : 'ingest counts unavailable');
    addPowerPoint(Date.parse(summary.at), summary.totalPowerWatts);
  }

  // Power history from the server, oldest first: the event stream's last ten minutes on connect,
  // and /api/history once at load (read from InfluxDB when the controller has it, so a restarted
  // controller's chart starts full). The server's points replace the chart's over the time they
  // cover (after a reconnect they also cover the time the page was cut off); the chart's own
  // points before and after that time are kept.
  function renderHistory(points) {
    var incoming = [];
    points.forEach(function (point) {
      var at = Date.parse(point.at);
      if (!isNaN(at)) { incoming.push({ at: at, watts: point.totalPowerWatts }); }
    });
    if (!incoming.length) { return; }
    var first = incoming[0].at;
    var last = incoming[incoming.length - 1].at;
    powerPoints = powerPoints.filter(function (p) { return p.at < first; })
      .concat(incoming, powerPoints.filter(function (p) { return p.at > last; }));
    var newest = powerPoints[powerPoints.length - 1].at;
    powerPoints = powerPoints.filter(function (p) { return p.at >= newest - WINDOW_MS; });
    drawChart(newest);
  }

  function addPowerPoint(at, watts) {
    if (isNaN(at)) { return; }
    var last = powerPoints[powerPoints.length - 1];
    if (last && at < last.at) { powerPoints = []; }  // the clock went back: start over
    powerPoints.push({ at: at, watts: watts });
    while (powerPoints.length && powerPoints[0].at < at - WINDOW_MS) { powerPoints.shift(); }
    drawChart(at);
  }

  function niceCeiling(value) {
    if (value <= 0) { return 1000; }
    var magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * magnitude >= value) { return steps[i] * magnitude; }
    }
    return 10 * magnitude;
  }

  function kwLabel(watts) {
    return watts >= 10000 ? (watts / 1000).toFixed(0) + ' kW' : (watts / 1000).toFixed(1) + ' kW';
  }

  function drawChart(now) {
    var max = 0;
    powerPoints.forEach(function (p) { max = Math.max(max, p.watts); });
    var top = niceCeiling(max * 1.1);
    var width = CHART.right - CHART.left;
    var height = CHART.bottom - CHART.top;
    var coords = powerPoints.map(function (p) {
      var x = CHART.left + (p.at - (now - WINDOW_MS)) / WINDOW_MS * width;
      var y = CHART.bottom - p.watts / top * height;
      return x.toFixed(1) + ',' + y.toFixed(1);
    });
    byId('power-line').setAttribute('points', coords.join(' '));
    var area = coords.length
      ? coords[0].split(',')[0] + ',' + CHART.bottom + ' ' + coords.join(' ') + ' '
        + coords[coords.length - 1].split(',')[0] + ',' + CHART.bottom
      : '';
    byId('power-area').setAttribute('points', area);
    var dot = byId('power-dot');
    var lastPoint = coords.length ? coords[coords.length - 1].split(',') : ['-10', '-10'];
    dot.setAttribute('cx', lastPoint[0]);
    dot.setAttribute('cy', lastPoint[1]);
    setText(byId('chart-max'), kwLabel(top));
    setText(byId('chart-mid'), kwLabel(top / 2));
    byId('chart-empty').style.display = coords.length ? 'none' : '';
  }

  // ---- connection --------------------------------------------------------------------------

  function setConnection(state, text) {
    var element = byId('connection');
    element.className = 'connection ' + state;
    element.dataset.state = state;
    setText(element, text);
  }

  function handler(render) {
    return function (event) {
      try {
        render(JSON.parse(event.data));
      } catch (error) {
        if (window.console) { window.console.error('dashboard: bad event', error); }
      }
    };
  }

  function connect() {
    var source = new EventSource('/api/events');
    source.onopen = function () { setConnection('live', 'live'); };
    source.onerror = function () {
      setConnection('reconnecting', 'reconnecting…');
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        window.setTimeout(connect, RETRY_MS);
      }
    };
    source.addEventListener('nodes', handler(renderNodes));
    source.addEventListener('actions', handler(function (entries) { upsertActions(entries, true); }));
    source.addEventListener('history', handler(renderHistory));
    source.addEventListener('summary', handler(renderSummary));
  }

  function load(path, render) {
    return window.fetch(path, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
        return response.json();
      })
      .then(render)
      .catch(function (error) {
        if (window.console) { window.console.warn('dashboard: ' + error.message); }
      });
  }

  // /health answers 503 when the controller is DOWN; the rules component is read either way.
  function renderRulesHealth(health) {
    var rules = health && health.components ? health.components.rules : null;
    var banner = document.getElementById('rules-banner');
    var broken = !!rules && rules.status !== 'UP';
    banner.hidden = !broken;
    document.getElementById('rules-banner-detail').textContent = broken ? rules.detail : '';
  }

  function checkHealth() {
    window.fetch('/health', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(renderRulesHealth)
      .catch(function (error) {
        if (window.console) { window.console.warn('dashboard: /health: ' + error.message); }
      });
  }

  // ---- models ------------------------------------------------------------------------------

  function fillRows(tbody, rows) {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    rows.forEach(function (cells) {
      var row = newRow(cells.map(function (cell) { return cell.cls; }));
      cells.forEach(function (cell, index) { setText(row.cells[index], cell.text); });
      tbody.appendChild(row);
    });
  }

  function renderModels(models) {
    var served = models.served || [];
    var refused = models.refused || [];
    fillRows(document.querySelector('#models tbody'), served.map(function (m) {
      var p = m.provenance || {};
      return [{ text: m.kind }, { text: m.version, cls: 'node' },
        { text: (p.file || '') + (m.fileRemoved ? ' (removed)' : '') },
        { text: p.algorithm || '–' }, { text: p.trained_until || '–' },
        { text: p.data || '–', cls: 'reason' }];
    }));
    fillRows(document.querySelector('#models-refused tbody'), refused.map(function (r) {
      return [{ text: r.file, cls: 'node' }, { text: r.reason }, { text: localTime(r.at) },
        { text: r.detail, cls: 'reason' }];
    }));
    byId('models-empty').hidden = served.length > 0;
    byId('models-refused').hidden = refused.length === 0;
    setText(byId('models-count'), served.length + ' serving' +
      (refused.length ? ', ' + refused.length + ' refused' : ''));
  }

  function checkModels() { load('/api/models', renderModels); }

  load('/api/nodes', renderNodes);
  load('/api/history', renderHistory);
  load('/api/actions?limit=200', function (entries) { upsertActions(entries, false); });
  connect();
  checkHealth();
  checkModels();
  window.setInterval(checkHealth, HEALTH_MS);
  window.setInterval(checkModels, HEALTH_MS);
}());
