/* Sleet Studio: one page, no framework, no network beyond this server. Every value from the
   database reaches the page as a text node (never as HTML), and every call carries the run's token. */
(function () {
  'use strict';
  var TOKEN = document.querySelector('meta[name="sleet-token"]').content;
  var main = document.getElementById('main');
  var sidebar = document.getElementById('sidebar');
  var meta = {};
  var tablesCache = null;

  // ---- small helpers -------------------------------------------------------------------------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') el.className = v;
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else if (k === 'value') el.value = v;
        else if (k === 'checked') el.checked = !!v;
        // through the CSSOM: the page's Content-Security-Policy refuses inline style attributes
        else if (k === 'style') v.split(';').forEach(function (d) { var i = d.indexOf(':'); if (i > 0) el.style.setProperty(d.slice(0, i).trim(), d.slice(i + 1).trim()); });
        else el.setAttribute(k, v === true ? '' : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

  function api(method, path, body) {
    var opts = { method: method, headers: { 'X-Sleet-Token': TOKEN } };
    if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      var read = type.indexOf('application/json') === 0 ? r.json() : r.text();
      return read.then(function (doc) {
        if (!r.ok) { var e = new Error((doc && doc.error) || ('HTTP ' + r.status)); e.status = r.status; e.doc = doc; throw e; }
        return doc;
      });
    });
  }
  function download(path, body, fallbackName) {
    return fetch(path, { method: 'POST', headers: { 'X-Sleet-Token': TOKEN, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (!r.ok) return r.json().then(function (d) { throw new Error(d.error); });
        var name = ((r.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/) || [])[1] || fallbackName;
        return r.blob().then(function (blob) {
          var a = h('a', { href: URL.createObjectURL(blob), download: name });
          document.body.appendChild(a); a.click(); a.remove();
        });
      });
  }
  function cell(v) {
    if (v === null) return h('span', { class: 'null' }, 'NULL');
    if (v === '') return h('span', { class: 'empty' }, '""');
    return v;
  }
  function banner(kind, headline, detail) {
    return h('div', { class: 'banner ' + kind }, h('div', { class: 'headline' }, headline), detail ? h('div', { class: 'detail' }, detail) : null);
  }
  function errorBanner(e) { return banner('error', e.message); }
  function fmtEstimate(n) {
    if (n < 0) return 'not analyzed';
    if (n >= 1e6) return '~' + (n / 1e6).toFixed(1) + 'M rows';
    if (n >= 1e3) return '~' + (n / 1e3).toFixed(1) + 'k rows';
    return '~' + n + ' rows';
  }
  function parseHash() {
    var hash = location.hash.replace(/^#/, '') || '/';
    var q = hash.indexOf('?');
    var params = {};
    if (q >= 0) {
      hash.slice(q + 1).split('&').forEach(function (p) { var kv = p.split('='); params[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || ''); });
      hash = hash.slice(0, q);
    }
    var parts = hash.split('/').filter(Boolean).map(decodeURIComponent);
    return { parts: parts, params: params };
  }
  function tableLink(key, filters) {
    return '#/table/' + encodeURIComponent(key) + (filters ? '?filters=' + encodeURIComponent(JSON.stringify(filters)) : '');
  }

  // ---- shell ---------------------------------------------------------------------------------
  function loadTables() {
    return api('GET', '/api/tables').then(function (doc) { tablesCache = doc; renderSidebar(); return doc; });
  }
  function renderSidebar() {
    clear(sidebar);
    if (!tablesCache) return;
    var current = parseHash();
    var activeKey = current.parts[0] === 'table' ? current.parts[1] : null;
    tablesCache.schemas.forEach(function (s) {
      sidebar.appendChild(h('h4', null, s.schema));
      s.tables.forEach(function (t) {
        sidebar.appendChild(h('a', { href: tableLink(t.key), class: t.key === activeKey ? 'active' : null, 'data-table': t.key },
          h('span', null, t.name), h('span', { class: 'est' }, t.estimate < 0 ? '' : fmtEstimate(t.estimate).replace(' rows', ''))));
      });
    });
  }
  function setNav(name) {
    document.querySelectorAll('[data-nav]').forEach(function (a) { a.classList.toggle('active', a.getAttribute('data-nav') === name); });
  }

  function route() {
    var r = parseHash();
    renderSidebar();
    clear(main);
    var screen = r.parts[0] || 'tables';
    setNav(screen === 'table' ? 'tables' : screen);
    var done;
    if (screen === 'table' && r.parts[1]) done = tableScreen(r.parts[1], r.params);
    else if (screen === 'erd') done = erdScreen();
    else if (screen === 'migrations') done = migrationsScreen();
    else if (screen === 'timeline') done = timelineScreen(r.parts[1], r.params);
    else if (screen === 'sql') done = sqlScreen();
    else done = tablesScreen();
    if (done && done.catch) done.catch(function (e) { main.appendChild(errorBanner(e)); });
  }

  // ---- tables --------------------------------------------------------------------------------
  function tablesScreen() {
    return loadTables().then(function (doc) {
      main.appendChild(h('h2', null, 'Tables'));
      main.appendChild(h('div', { class: 'sub' }, 'Grouped by PostgreSQL schema. Row counts are PostgreSQL\'s estimates (pg_class.reltuples).'));
      doc.schemas.forEach(function (s) {
        main.appendChild(h('h3', null, 'schema ' + s.schema));
        main.appendChild(h('div', { class: 'cards' }, s.tables.map(function (t) {
          return h('a', { class: 'card', href: tableLink(t.key), 'data-table-card': t.key },
            h('div', { class: 'name' }, t.name),
            h('div', { class: 'meta' }, fmtEstimate(t.estimate) + ' · ' + t.columns + ' columns' + (t.timeline ? ' · timeline' : '')));
        })));
      });
    });
  }

  // ---- table view ----------------------------------------------------------------------------
  var OPS = {
    enum: [['eq', '='], ['ne', '≠'], ['null', 'is NULL'], ['notnull', 'is not NULL']],
    boolean: [['eq', '='], ['null', 'is NULL'], ['notnull', 'is not NULL']],
    number: [['eq', '='], ['ne', '≠'], ['lt', '<'], ['le', '≤'], ['gt', '>'], ['ge', '≥'], ['null', 'is NULL'], ['notnull', 'is not NULL']],
    timestamp: [['ge', 'from'], ['lt', 'before'], ['eq', '='], ['null', 'is NULL'], ['notnull', 'is not NULL']],
    date: [['ge', 'from'], ['lt', 'before'], ['eq', '='], ['null', 'is NULL'], ['notnull', 'is not NULL']],
    text: [['contains', 'contains'], ['eq', '='], ['ne', '≠'], ['null', 'is NULL'], ['notnull', 'is not NULL']]
  };
  function opsFor(col) { return OPS[col.kind] || [['eq', '='], ['contains', 'contains'], ['null', 'is NULL'], ['notnull', 'is not NULL']]; }

  function valueInput(col, value, cls) {
    if (col.kind === 'enum') {
      return h('select', { class: cls }, col.enumValues.map(function (v) { return h('option', { value: v, selected: v === value ? 'selected' : null }, v); }));
    }
    if (col.kind === 'boolean') {
      // PostgreSQL writes booleans as t / f
      var b = value === 't' ? 'true' : value === 'f' ? 'false' : value;
      return h('select', { class: cls }, ['true', 'false'].map(function (v) { return h('option', { value: v, selected: v === b ? 'selected' : null }, v); }));
    }
    return h('input', { type: 'text', class: cls, value: value === null || value === undefined ? '' : value,
      placeholder: col.kind === 'timestamp' ? '2026-12-01 09:00+00' : col.type });
  }

  function tableScreen(key, params) {
    var state = { key: key, meta: null, filters: [], sort: null, desc: false, page: null, position: 'first', cursor: [] };
    if (params.filters) { try { state.filters = JSON.parse(params.filters); } catch (e) { state.filters = []; } }
    var head = h('div'); var filterBox = h('div', { class: 'filters' }); var status = h('div');
    var gridBox = h('div'); var pager = h('div', { class: 'toolbar' }); var editorBox = h('div');
    main.appendChild(head); main.appendChild(filterBox); main.appendChild(status); main.appendChild(gridBox); main.appendChild(pager); main.appendChild(editorBox);

    function colByName(n) { return state.meta.columns.filter(function (c) { return c.name === n; })[0]; }

    function renderFilters() {
      clear(filterBox);
      state.filters.forEach(function (f, i) {
        var col = colByName(f.column) || state.meta.columns[0];
        var colSel = h('select', { class: 'filter-column', onchange: function () { f.column = colSel.value; f.op = opsFor(colByName(f.column))[0][0]; f.value = ''; renderFilters(); } },
          state.meta.columns.map(function (c) { return h('option', { value: c.name, selected: c.name === f.column ? 'selected' : null }, c.name); }));
        var opSel = h('select', { class: 'filter-op', onchange: function () { f.op = opSel.value; renderFilters(); } },
          opsFor(col).map(function (o) { return h('option', { value: o[0], selected: o[0] === f.op ? 'selected' : null }, o[1]); }));
        var needsValue = f.op !== 'null' && f.op !== 'notnull';
        var input = needsValue ? valueInput(col, f.value, 'filter-value') : null;
        if (input) {
          if (col.kind === 'enum' || col.kind === 'boolean') { if (!f.value) f.value = input.value; }
          input.addEventListener('change', function () { f.value = input.value; });
          input.addEventListener('input', function () { f.value = input.value; });
          input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') apply(); });
        }
        filterBox.appendChild(h('div', { class: 'filter' }, colSel, opSel, input,
          h('button', { class: 'filter-remove', title: 'remove filter', onclick: function () { state.filters.splice(i, 1); renderFilters(); apply(); } }, '×')));
      });
      filterBox.appendChild(h('div', { class: 'toolbar' },
        h('button', { id: 'filter-add', onclick: function () {
          var c = state.meta.columns[0];
          state.filters.push({ column: c.name, op: opsFor(c)[0][0], value: '' }); renderFilters();
        } }, '+ Filter'),
        state.filters.length ? h('button', { id: 'filter-apply', class: 'primary', onclick: apply }, 'Apply') : null));
    }
    function apply() { state.position = 'first'; state.cursor = []; load(); }

    function request(extra) {
      var body = { table: key, filters: state.filters.map(function (f) { return { column: f.column, op: f.op, value: (f.op === 'null' || f.op === 'notnull') ? null : f.value }; }),
        sort: state.sort, desc: state.desc };
      Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
      return body;
    }

    function load() {
      clear(status);
      return api('POST', '/api/rows', request({ position: state.position, cursor: state.cursor, limit: 50 })).then(function (page) {
        state.page = page; renderGrid();
      }).catch(function (e) { status.appendChild(errorBanner(e)); });
    }

    function renderGrid() {
      var page = state.page;
      clear(gridBox);
      var cols = state.meta.columns;
      var table = h('table', { class: 'grid', id: 'rows' },
        h('thead', null, h('tr', null, cols.map(function (c) {
          var arrow = state.sort === c.name ? (state.desc ? ' ▼' : ' ▲') : '';
          return h('th', { 'data-column': c.name, title: c.indexed ? 'sort: pages through an index' : 'no index starts with this column: sorting reads the whole table', onclick: function () {
            if (!c.sortable) return;
            if (state.sort === c.name) state.desc = !state.desc; else { state.sort = c.name; state.desc = false; }
            apply();
          } }, c.name + arrow, h('span', { class: 'type' }, c.type + (c.nullable ? '' : ' not null') + (c.sortable && !c.indexed ? ' · no index' : '')));
        }))),
        h('tbody', null, page.rows.map(function (row) {
          var tr = h('tr', { onclick: function () { editRow(row, tr); } }, row.map(function (v, i) {
            var c = cols[i];
            if (c.references && v !== null) {
              return h('td', { 'data-column': c.name }, h('a', { href: tableLink(c.references.table, [{ column: c.references.column, op: 'eq', value: v }]),
                title: 'open ' + c.references.table + ' row', onclick: function (ev) { ev.stopPropagation(); } }, v + ' →'));
            }
            return h('td', { 'data-column': c.name }, cell(v));
          }));
          return tr;
        })));
      gridBox.appendChild(page.rows.length ? table : h('div', { class: 'muted', id: 'no-rows' }, 'No rows match.'));
      clear(pager);
      pager.appendChild(h('button', { id: 'page-first', disabled: !page.hasPrevious, onclick: function () { state.position = 'first'; state.cursor = []; load(); } }, '« First'));
      pager.appendChild(h('button', { id: 'page-prev', disabled: !page.hasPrevious, onclick: function () { state.position = 'before'; state.cursor = page.firstKey; load(); } }, '◀ Previous'));
      pager.appendChild(h('button', { id: 'page-next', disabled: !page.hasNext, onclick: function () { state.position = 'after'; state.cursor = page.lastKey; load(); } }, 'Next ▶'));
      pager.appendChild(h('button', { id: 'page-last', disabled: !page.hasNext, onclick: function () { state.position = 'last'; state.cursor = []; load(); } }, 'Last »'));
      pager.appendChild(h('span', { class: 'muted' }, page.rows.length + ' rows shown · keyset pagination'));
    }

    function editRow(row, tr) {
      document.querySelectorAll('#rows tr.selected').forEach(function (r) { r.classList.remove('selected'); });
      if (tr) tr.classList.add('selected');
      renderEditor(editorBox, state.meta, row, function () { load(); });
    }

    function renderHead() {
      var m = state.meta;
      clear(head);
      head.appendChild(h('h2', null, m.schema + '.' + m.name));
      head.appendChild(h('div', { class: 'sub' }, fmtEstimate(m.estimate) + ' · key ' + (m.primaryKey.length ? m.primaryKey.join(', ') : 'none (read-only, paged by ctid)')
        + (m.exclusions.length ? ' · exclusion ' + m.exclusions.join(', ') : '')));
      head.appendChild(h('div', { class: 'toolbar' },
        m.editable ? h('button', { id: 'row-add', class: 'primary', onclick: function () { renderEditor(editorBox, m, null, function () { load(); }); } }, '+ Add row') : null,
        h('button', { id: 'export-csv', onclick: function () { download('/api/rows/export', request({ format: 'csv' }), m.name + '.csv').catch(function (e) { status.appendChild(errorBanner(e)); }); } }, 'Export CSV'),
        h('button', { id: 'export-json', onclick: function () { download('/api/rows/export', request({ format: 'json' }), m.name + '.json').catch(function (e) { status.appendChild(errorBanner(e)); }); } }, 'Export JSON'),
        m.timeline ? h('a', { class: 'button', href: '#/timeline/' + encodeURIComponent(key) }, 'Timeline') : null));
    }

    return api('GET', '/api/table?t=' + encodeURIComponent(key)).then(function (m) {
      state.meta = m; renderHead(); renderFilters(); return load();
    });
  }

  // ---- row editor ----------------------------------------------------------------------------
  function renderEditor(box, m, row, onSaved) {
    clear(box);
    var isNew = row === null;
    var fields = {};
    var messages = h('div');
    var form = h('div', { class: 'editor', id: 'editor' },
      h('h3', null, isNew ? 'New row in ' + m.name : 'Edit row of ' + m.name),
      messages);
    m.columns.forEach(function (c, i) {
      var original = isNew ? null : row[i];
      var f = { column: c, original: original, touched: false };
      var input = valueInput(c, original, 'field-input');
      input.setAttribute('name', c.name);
      var nullBox = c.nullable ? h('input', { type: 'checkbox', class: 'null-toggle', checked: !isNew && original === null }) : null;
      if (isNew && (c.identity || c['default'] !== null)) input.placeholder = c.identity ? 'generated' : 'default: ' + c['default'];
      if (nullBox && nullBox.checked) input.disabled = true;
      input.addEventListener('input', function () { f.touched = true; });
      input.addEventListener('change', function () { f.touched = true; });
      if (nullBox) nullBox.addEventListener('change', function () { f.touched = true; input.disabled = nullBox.checked; });
      var problem = h('div', { class: 'problem' });
      var control = h('div', { class: 'control' }, input, nullBox ? h('label', { class: 'nullbox' }, nullBox, ' NULL') : null);
      if (c.references) {
        var pickerBox = h('div');
        control.appendChild(h('button', { class: 'pick', type: 'button', onclick: function () { openPicker(m, c, pickerBox, function (id) { input.value = id; f.touched = true; if (nullBox) { nullBox.checked = false; input.disabled = false; } }); } }, 'Pick…'));
        var wrap = h('div', null, control, pickerBox);
        control = wrap;
      }
      var el = h('div', { class: 'field', 'data-field': c.name },
        h('label', null, c.name, h('span', { class: 'type' }, c.type + (c.nullable ? '' : ' · required'))), control, problem);
      f.input = input; f.nullBox = nullBox; f.el = el; f.problem = problem;
      fields[c.name] = f;
      form.appendChild(el);
    });
    function value(f) { return f.nullBox && f.nullBox.checked ? null : f.input.value; }
    function key() {
      var k = {};
      m.primaryKey.forEach(function (p) { k[p] = row[m.columns.map(function (c) { return c.name; }).indexOf(p)]; });
      return k;
    }
    function showError(e) {
      clear(messages);
      Object.keys(fields).forEach(function (n) { fields[n].el.classList.remove('has-problem'); clear(fields[n].problem); });
      var c = e.doc && e.doc.constraint;
      if (!c) { messages.appendChild(errorBanner(e)); return; }
      var b = banner('error', c.headline, c.message);
      b.classList.add('constraint-error');
      b.setAttribute('data-kind', c.kind);
      if (c.conflicts && c.conflicts.length) {
        b.appendChild(h('div', { class: 'detail' }, 'Rows in the way:'));
        b.appendChild(resultTable(c.conflictColumns, c.conflicts, 'conflicts'));
      }
      messages.appendChild(b);
      (c.columns || []).forEach(function (n) {
        var f = fields[n];
        if (f) { f.el.classList.add('has-problem'); f.problem.textContent = c.headline; }
      });
    }
    var save = h('button', { class: 'primary', id: 'row-save', onclick: function () {
      var values = {};
      Object.keys(fields).forEach(function (n) {
        var f = fields[n];
        if (isNew ? f.touched : (f.touched && value(f) !== f.original)) values[n] = value(f);
      });
      var call = isNew ? api('POST', '/api/rows/insert', { table: m.key, values: values })
        : api('POST', '/api/rows/update', { table: m.key, key: key(), values: values });
      call.then(function () {
        clear(messages); messages.appendChild(banner('ok', isNew ? 'Row inserted.' : 'Row saved.'));
        onSaved();
      }).catch(showError);
    } }, isNew ? 'Insert' : 'Save');
    var actions = h('div', { class: 'toolbar' }, m.editable ? save : h('span', { class: 'muted' }, 'read-only'));
    if (!isNew && m.editable) {
      actions.appendChild(h('button', { class: 'danger', id: 'row-delete', onclick: function () {
        if (!confirm('Delete this row?')) return;
        api('POST', '/api/rows/delete', { table: m.key, key: key() }).then(function () { clear(box); onSaved(); }).catch(showError);
      } }, 'Delete'));
    }
    actions.appendChild(h('button', { onclick: function () { clear(box); } }, 'Close'));
    form.appendChild(actions);
    box.appendChild(form);
    form.scrollIntoView({ block: 'nearest' });
  }

  function openPicker(m, col, box, choose) {
    clear(box);
    var search = h('input', { type: 'text', placeholder: 'search ' + col.references.table, class: 'picker-search' });
    var list = h('div', { class: 'picker' });
    var asked = 0;
    function refresh() {
      var mine = ++asked;  // answers may arrive out of order while typing: only the last one counts
      api('POST', '/api/fk-options', { table: m.key, column: col.name, q: search.value }).then(function (doc) {
        if (mine !== asked) return;
        clear(list);
        doc.options.forEach(function (o) {
          list.appendChild(h('div', { 'data-id': o.id, onclick: function () { choose(o.id); clear(box); } }, o.id + ' · ', cell(o.label)));
        });
        if (!doc.options.length) list.appendChild(h('div', { class: 'muted' }, 'nothing found'));
      }).catch(function (e) { clear(list); list.appendChild(errorBanner(e)); });
    }
    search.addEventListener('input', refresh);
    box.appendChild(search); box.appendChild(list);
    refresh();
  }

  function resultTable(columns, rows, id) {
    return h('table', { class: 'grid', id: id },
      h('thead', null, h('tr', null, columns.map(function (c) { return h('th', null, c); }))),
      h('tbody', null, rows.map(function (r) { return h('tr', null, r.map(function (v) { return h('td', null, cell(v)); })); })));
  }

  // ---- ERD -----------------------------------------------------------------------------------
  function erdScreen() {
    main.appendChild(h('h2', null, 'Entity-relationship diagram'));
    main.appendChild(h('div', { class: 'sub' }, 'Drawn on the server as SVG from the schema snapshot (or the live catalog when there is none). Click a table to open it.'));
    var wrap = h('div', { class: 'erd-wrap', id: 'erd' });
    main.appendChild(wrap);
    return api('GET', '/api/erd.svg').then(function (svgText) {
      var doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      var svg = document.importNode(doc.documentElement, true);
      wrap.appendChild(svg);
      svg.querySelectorAll('g.table').forEach(function (g) {
        g.addEventListener('click', function () { location.hash = tableLink(g.getAttribute('data-table')); });
      });
    });
  }

  // ---- migrations ----------------------------------------------------------------------------
  function stateClass(s) {
    if (s === 'applied' || s === 'baseline') return 'state-applied';
    if (s === 'pending' || s === 'draft') return 'state-pending';
    return 'state-bad';
  }
  function migrationsScreen() {
    main.appendChild(h('h2', null, 'Migrations'));
    return api('GET', '/api/migrations').then(function (doc) {
      function historyTable(id, migrations) {
        return h('table', { class: 'grid', id: id },
          h('thead', null, h('tr', null, ['migration', 'state', 'applied at', 'time', 'detail'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, migrations.map(function (mg) {
            return h('tr', null, h('td', null, mg.name), h('td', { class: stateClass(mg.state) }, mg.state + (mg.draft && mg.state !== 'draft' ? ' (draft)' : '')),
              h('td', null, mg.appliedAt || ''), h('td', null, mg.durationMs === null ? '' : mg.durationMs + ' ms'), h('td', null, mg.detail || ''));
          })));
      }
      main.appendChild(h('h3', null, 'History and files'));
      if (doc.owners) doc.owners.forEach(function (o) {
        main.appendChild(h('h4', null, o.owner + ' \u00b7 ' + o.history));
        main.appendChild(historyTable('migrations-' + o.owner, o.migrations));
      });
      else if (doc.statusUnavailable) main.appendChild(h('div', { class: 'muted' }, doc.statusUnavailable));
      else main.appendChild(historyTable('migrations', doc.migrations));
      main.appendChild(h('h3', null, 'Drift (sleet verify)'));
      if (doc.driftUnavailable) main.appendChild(h('div', { class: 'muted' }, doc.driftUnavailable));
      else if (!doc.drift.length) main.appendChild(banner('ok', 'No drift: the database matches the snapshot.'));
      else main.appendChild(h('ul', { id: 'drift' }, doc.drift.map(function (d) { return h('li', { class: 'state-bad' }, d); })));
      main.appendChild(h('h3', null, 'Lint findings (sleet lint)'));
      if (doc.lintUnavailable) main.appendChild(h('div', { class: 'muted' }, doc.lintUnavailable));
      else if (!doc.lint.length) main.appendChild(banner('ok', 'No lint findings.'));
      else main.appendChild(h('table', { class: 'grid', id: 'lint' },
        h('thead', null, h('tr', null, ['code', 'severity', 'where', 'finding', 'fix'].map(function (c) { return h('th', null, c); }))),
        h('tbody', null, doc.lint.map(function (f) {
          return h('tr', { title: f.why }, h('td', null, f.code), h('td', null, f.severity), h('td', null, f.file + ':' + f.line), h('td', null, f.message), h('td', null, f.fix));
        }))));
    });
  }

  // ---- timeline ------------------------------------------------------------------------------
  var DAY = 86400000;
  function mondayOf(ms) { var d = new Date(ms); var day = (d.getUTCDay() + 6) % 7; return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - day * DAY; }
  function iso(ms) { return new Date(ms).toISOString().replace('.000Z', 'Z'); }
  function localInput(ms) { return new Date(ms).toISOString().slice(0, 16); }
  function fromInput(text) { return Date.parse(text + ':00Z'); }
  function hhmm(ms) { return new Date(ms).toISOString().slice(11, 16); }

  function timelineScreen(key, params) {
    if (!key) {
      return loadTables().then(function (doc) {
        main.appendChild(h('h2', null, 'Scheduling timeline'));
        var list = [];
        doc.schemas.forEach(function (s) { s.tables.forEach(function (t) { if (t.timeline) list.push(t); }); });
        if (!list.length) { main.appendChild(h('div', { class: 'muted' }, 'No table has an exclusion constraint over a range (@Exclusion with resource WITH = and a range WITH &&).')); return; }
        if (list.length === 1) { location.replace('#/timeline/' + encodeURIComponent(list[0].key)); return; }
        main.appendChild(h('div', { class: 'cards' }, list.map(function (t) { return h('a', { class: 'card', href: '#/timeline/' + encodeURIComponent(t.key) }, t.key); })));
      });
    }
    // The window: a week from Monday, or one day (zoomed in); [week, week + span).
    var week = params.week ? mondayOf(Date.parse(params.week)) : mondayOf(Date.now());
    var span = params.day ? DAY : 7 * DAY;
    if (params.day) week = Date.parse(params.day + 'T00:00:00Z');
    var head = h('div'); var messages = h('div'); var board = h('div', { class: 'timeline', id: 'timeline' }); var form = h('div');
    main.appendChild(head); main.appendChild(messages); main.appendChild(board); main.appendChild(form);
    var doc = null; var clashes = []; var fresh = null; var attempt = null;

    function load() {
      return api('POST', '/api/timeline', { table: key, from: iso(week), to: iso(week + span) }).then(function (d) { doc = d; render(); });
    }
    // A row's primary key as the timeline's bookings carry it ({"id": "4"}), to find its bar.
    function keyOf(row) {
      var key = {};
      doc.primaryKey.forEach(function (k) { key[k] = row[doc.columns.indexOf(k)]; });
      return JSON.stringify(key);
    }
    function pos(ms) { return Math.max(0, Math.min(100, (ms - week) / span * 100)); }
    function render() {
      clear(head);
      head.appendChild(h('h2', null, 'Timeline · ' + doc.table));
      head.appendChild(h('div', { class: 'sub' }, 'Lanes are ' + doc.resourceColumn + ' values; bars are rows (' + doc.startColumn + ' → ' + doc.endColumn
        + ', UTC); green is free. Bookings go through the conflict-checked insert under ' + doc.constraint + '.'));
      head.appendChild(h('div', { class: 'toolbar' },
        h('button', { id: 'week-prev', onclick: function () { week -= span; load(); } }, span === DAY ? '◀ Day' : '◀ Week'),
        h('strong', { id: 'week-label' }, (span === DAY ? 'Day ' : 'Week of ') + iso(week).slice(0, 10)),
        h('button', { id: 'week-next', onclick: function () { week += span; load(); } }, span === DAY ? 'Day ▶' : 'Week ▶'),
        h('button', { id: 'zoom', onclick: function () {
          if (span === DAY) { span = 7 * DAY; week = mondayOf(week); } else { span = DAY; }
          load();
        } }, span === DAY ? 'Zoom out (week)' : 'Zoom in (day)'),
        h('div', { class: 'legend' }, h('span', { style: null, class: 'lg-free' }, 'free'), h('span', { class: 'lg-busy' }, 'booked'), h('span', { class: 'lg-clash' }, 'in the way'))));
      head.querySelectorAll('.legend span').forEach(function (s, i) { s.style.setProperty('--c', ['#e3f5e9', '#4f86c6', '#d9534f'][i]); });
      clear(board);
      var days = [];
      var ticks = span === DAY ? 8 : 7;
      for (var d = 0; d < ticks; d++) {
        var at = week + d * span / ticks;
        days.push(h('div', { class: 'tl-day', style: 'left:' + (d / ticks * 100) + '%' }, span === DAY ? hhmm(at) : new Date(at).toUTCString().slice(0, 11)));
      }
      board.appendChild(h('div', { class: 'tl-head' }, h('div', { class: 'tl-label muted' }, doc.resourceColumn), h('div', { class: 'tl-track' }, days)));
      doc.lanes.forEach(function (lane) {
        var track = h('div', { class: 'tl-track', 'data-lane': lane.id });
        (doc.free[lane.id] || []).forEach(function (g) {
          track.appendChild(h('div', { class: 'tl-free', title: 'free ' + iso(g[0]) + ' → ' + iso(g[1]), style: 'left:' + pos(g[0]) + '%;width:' + (pos(g[1]) - pos(g[0])) + '%',
            onclick: function (ev) {
              var rect = track.getBoundingClientRect();
              var at = week + (ev.clientX - rect.left) / rect.width * span;
              var start = Math.max(g[0], Math.floor(at / 3600000) * 3600000);
              showForm(lane.id, start, Math.min(g[1], start + 2 * 3600000));
            } }));
        });
        doc.bookings.filter(function (b) { return b.resource === lane.id; }).forEach(function (b) {
          var id = JSON.stringify(b.key);
          var cls = 'tl-bar' + (clashes.indexOf(id) >= 0 ? ' clash' : '') + (fresh === id ? ' new' : '');
          track.appendChild(h('div', { class: cls, 'data-key': id, title: iso(b.startMs) + ' → ' + iso(b.endMs),
            style: 'left:' + pos(b.startMs) + '%;width:' + Math.max(0.3, pos(b.endMs) - pos(b.startMs)) + '%' }, hhmm(b.startMs) + '–' + hhmm(b.endMs)));
        });
        if (attempt && attempt.lane === lane.id) {
          track.appendChild(h('div', { class: 'tl-ghost', title: 'refused: ' + iso(attempt.start) + ' → ' + iso(attempt.end),
            style: 'left:' + pos(attempt.start) + '%;width:' + Math.max(0.3, pos(attempt.end) - pos(attempt.start)) + '%' }, 'refused'));
        }
        board.appendChild(h('div', { class: 'tl-lane' }, h('div', { class: 'tl-label', title: lane.label }, lane.label), track));
      });
      if (!doc.lanes.length) board.appendChild(h('div', { class: 'muted' }, 'No lanes: the resource table is empty.'));
      if (!form.firstChild && doc.lanes.length) showForm(doc.lanes[0].id, week + 9 * 3600000, week + 11 * 3600000);
    }
    function showForm(lane, start, end) {
      clear(form);
      var laneSel = h('select', { id: 'book-lane' }, doc.lanes.map(function (l) { return h('option', { value: l.id, selected: l.id === lane ? 'selected' : null }, l.label); }));
      var startIn = h('input', { type: 'datetime-local', id: 'book-start', value: localInput(start) });
      var endIn = h('input', { type: 'datetime-local', id: 'book-end', value: localInput(end) });
      form.appendChild(h('div', { class: 'editor' }, h('h3', null, 'Book a slot'),
        h('div', { class: 'toolbar' }, laneSel, startIn, '→', endIn, ' UTC',
          meta.rowsEditable ? h('button', { class: 'primary', id: 'book', onclick: function () {
            var values = {};
            values[doc.resourceColumn] = laneSel.value;
            values[doc.startColumn] = iso(fromInput(startIn.value));
            values[doc.endColumn] = iso(fromInput(endIn.value));
            clear(messages);
            api('POST', '/api/timeline/book', { table: key, values: values }).then(function (res) {
              clashes = [];
              attempt = null;
              fresh = keyOf(res.booked);
              messages.appendChild(banner('ok', 'Booked ' + iso(fromInput(startIn.value)) + ' → ' + iso(fromInput(endIn.value)) + '.'));
              load();
            }).catch(function (e) {
              fresh = null;
              attempt = { lane: laneSel.value, start: fromInput(startIn.value), end: fromInput(endIn.value) };
              var conflicts = (e.doc && e.doc.conflicts) || [];
              var b = banner('error', e.message);
              b.id = 'book-refused';
              if (conflicts.length) {
                b.appendChild(h('div', { class: 'detail' }, 'The bookings in the way:'));
                b.appendChild(resultTable(e.doc.columns, conflicts, 'book-conflicts'));
                clashes = conflicts.map(keyOf);
              } else if (e.doc && e.doc.constraint) {
                b = banner('error', e.doc.constraint.headline, e.doc.constraint.message); b.id = 'book-refused';
              }
              messages.appendChild(b);
              render();
            });
          } }, 'Book') : h('span', { class: 'muted' }, 'read-only'))));
    }
    return load();
  }

  // ---- SQL console ---------------------------------------------------------------------------
  function sqlScreen() {
    main.appendChild(h('h2', null, 'SQL console'));
    main.appendChild(h('div', { class: 'sub' }, 'One statement per run, in a ' + (meta.consoleWrites ? 'transaction that is READ ONLY unless you allow writes' : 'READ ONLY transaction')
      + ', stopped after ' + meta.statementTimeoutMs + ' ms. At most 1,000 rows are shown; exports take up to 100,000.'));
    var text = h('textarea', { id: 'sql', spellcheck: 'false' });
    text.value = sessionStorage.getItem('sleet.sql') || 'SELECT * FROM events ORDER BY id LIMIT 20';
    var write = h('input', { type: 'checkbox', id: 'sql-write', disabled: !meta.consoleWrites });
    var out = h('div', { id: 'sql-result' });
    function run() {
      sessionStorage.setItem('sleet.sql', text.value);
      clear(out);
      api('POST', '/api/sql', { sql: text.value, write: write.checked }).then(function (r) {
        if (r.columns.length) {
          out.appendChild(h('div', { class: 'muted' }, r.rows.length + (r.truncated ? '+' : '') + ' rows · ' + r.millis + ' ms' + (r.readOnly ? ' · read-only' : '')));
          out.appendChild(resultTable(r.columns, r.rows, 'sql-rows'));
        } else {
          out.appendChild(banner('ok', (r.updateCount === null ? 'Done' : r.updateCount + ' row(s) changed') + ' · ' + r.millis + ' ms' + (r.readOnly ? ' (rolled back: read-only)' : ' (committed)')));
        }
      }).catch(function (e) { var b = errorBanner(e); b.id = 'sql-error'; out.appendChild(b); });
    }
    text.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) run(); });
    main.appendChild(text);
    main.appendChild(h('div', { class: 'toolbar' },
      h('button', { class: 'primary', id: 'sql-run', onclick: run }, 'Run (Ctrl+Enter)'),
      h('label', { class: meta.consoleWrites ? null : 'muted', title: meta.consoleWrites ? '' : 'start the studio with --allow-writes' }, write, ' allow writes'),
      h('button', { id: 'sql-csv', onclick: function () { download('/api/sql/export', { sql: text.value, format: 'csv' }, 'query.csv').catch(function (e) { out.appendChild(errorBanner(e)); }); } }, 'Export CSV'),
      h('button', { id: 'sql-json', onclick: function () { download('/api/sql/export', { sql: text.value, format: 'json' }, 'query.json').catch(function (e) { out.appendChild(errorBanner(e)); }); } }, 'Export JSON')));
    main.appendChild(out);
    return Promise.resolve();
  }

  // ---- start ---------------------------------------------------------------------------------
  api('GET', '/api/meta').then(function (m) {
    meta = m;
    document.getElementById('db').textContent = m.database;
    var badge = document.getElementById('access');
    badge.textContent = m.rowsEditable ? (m.consoleWrites ? 'editing · console writes' : 'editing · console read-only') : 'read-only';
    if (!m.rowsEditable) { badge.classList.add('ro'); badge.title = m.readOnlyReason || ''; }
    window.addEventListener('hashchange', route);
    return loadTables().then(route);
  }).catch(function (e) { main.appendChild(errorBanner(e)); });
})();
