// The analytics dashboard: today's KPIs, 30 days of revenue, today's top 10 and the ops panel. The session is an
// HttpOnly cookie set by POST /session, so every request here (EventSource included) is authorized by it alone.
// Amounts stay integer minor units; they become decimal text only to be formatted for display.

const OPS_REFRESH_MS = 5000;
const STREAM_RETRY_MS = 5000;
const CHART_DAYS = 30;
const SVG = 'http://www.w3.org/2000/svg';

const $ = selector => document.querySelector(selector);

const view = {
  currency: null,
  money: null,
  chartDays: [],
  stream: null,
  streamRetry: null,
  opsTimer: null,
};

const counts = new Intl.NumberFormat();

class SignedOut extends Error {}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    throw new SignedOut();
  }
  if (!response.ok) {
    throw new Error(await problemDetail(response));
  }
  return response.json();
}

async function problemDetail(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

// Exact decimal text of an integer amount of minor units ("-1234", 2 → "-12.34"), without floating point.
function decimal(minor, fractionDigits) {
  const amount = BigInt(minor);
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(fractionDigits + 1, '0');
  const whole = fractionDigits ? digits.slice(0, -fractionDigits) : digits;
  const fraction = fractionDigits ? '.' + digits.slice(-fractionDigits) : '';
  return (negative ? '-' : '') + whole + fraction;
}

function useCurrency(currency) {
  if (view.currency === currency) {
    return;
  }
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  // The currency's own minor digits (2 for USD, 0 for JPY): what the API's minor units are counted in.
  const fractionDigits = format.resolvedOptions().maximumFractionDigits;
  view.currency = currency;
  view.money = minor => format.format(decimal(minor, fractionDigits));
}

function showKpis(kpis) {
  useCurrency(kpis.currency);
  $('#day').textContent = `${kpis.date} (${kpis.zone})`;
  for (const output of document.querySelectorAll('[data-kpi]')) {
    const value = kpis[output.dataset.kpi];
    output.dataset.value = String(value);
    output.textContent = output.dataset.format === 'money' ? view.money(value) : counts.format(value);
    output.classList.toggle('negative', value < 0);
  }
}

function showTopCustomers(entries) {
  const body = $('#top tbody');
  body.replaceChildren(...entries.map(entry => {
    const row = document.createElement('tr');
    row.dataset.customerId = entry.customerId;
    row.append(
      cell(String(entry.rank), 'num'),
      cell(entry.name ?? 'unknown'),
      cell(entry.email ?? '', 'email'),
      cell(view.money(entry.netSpendMinor), 'num', entry.netSpendMinor));
    return row;
  }));
  $('#top-empty').hidden = entries.length > 0;
}

function cell(text, className, value) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  if (value !== undefined) {
    td.dataset.value = String(value);
  }
  return td;
}

// --- 30-day chart ---------------------------------------------------------------------------------------------

function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function loadChart(today) {
  const range = await getJson(`/kpis?from=${addDays(today, 1 - CHART_DAYS)}&to=${today}`);
  view.chartDays = range.days.map(day => ({
    date: day.date, gross: day.grossRevenueMinor, net: day.netRevenueMinor,
  }));
  drawChart();
}

// A step of 1, 2 or 5 times a power of ten (in minor units) that splits `span` into about four bands.
function niceStep(span) {
  const rough = Math.max(1, span / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map(m => m * power).find(candidate => candidate >= rough);
  return Math.max(1, Math.round(step));
}

function drawChart() {
  const days = view.chartDays;
  const width = 760, height = 240, left = 78, right = 16, top = 12, bottom = 26;
  const values = days.flatMap(day => [day.gross, day.net]);
  const step = niceStep(Math.max(1, ...values) - Math.min(0, ...values));
  const low = Math.floor(Math.min(0, ...values) / step) * step;
  const high = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
  const x = index => left + (days.length < 2 ? 0 : index * (width - left - right) / (days.length - 1));
  const y = value => top + (high - value) * (height - top - bottom) / (high - low);

  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Gross and net revenue per day, last ${days.length} days`, 'data-days': days.length });
  for (let value = low; value <= high; value += step) {
    svg.append(svgElement('line', { class: 'grid', x1: left, x2: width - right, y1: y(value), y2: y(value) }));
    svg.append(svgText(view.money(value), { class: 'axis', x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }));
  }
  days.forEach((day, index) => {
    if (index % 7 === (days.length - 1) % 7) {
      const anchor = index === days.length - 1 ? 'end' : 'middle';
      svg.append(svgText(day.date.slice(5), { class: 'axis', x: x(index), y: height - 8, 'text-anchor': anchor }));
    }
  });
  if (days.length) {
    const area = days.map((day, index) => `${x(index)},${y(day.gross)}`);
    area.push(`${x(days.length - 1)},${y(Math.max(low, 0))}`, `${x(0)},${y(Math.max(low, 0))}`);
    svg.append(svgElement('polygon', { class: 'gross-area', points: area.join(' ') }));
  }
  for (const series of ['gross', 'net']) {
    const points = days.map((day, index) => `${x(index)},${y(day[series])}`).join(' ');
    svg.append(svgElement('polyline', { class: series, points }));
    days.forEach((day, index) => {
      const dot = svgElement('circle', { class: series, cx: x(index), cy: y(day[series]), r: 2.5,
        'data-date': day.date, 'data-value': day[series] });
      dot.append(svgElement('title', {}, `${day.date} ${series}: ${view.money(day[series])}`));
      svg.append(dot);
    });
  }
  $('#chart').replaceChildren(svg);
}

function svgElement(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

function svgText(text, attributes) {
  return svgElement('text', attributes, text);
}

// Today's point moves with the live numbers; a new business day (midnight) reloads the whole range.
function followChart(kpis) {
  const last = view.chartDays[view.chartDays.length - 1];
  if (!last) {
    return;
  }
  if (kpis.date > last.date) {
    loadChart(kpis.date).catch(handleFailure);
  } else if (kpis.date === last.date && (last.gross !== kpis.grossRevenueMinor || last.net !== kpis.netRevenueMinor)) {
    last.gross = kpis.grossRevenueMinor;
    last.net = kpis.netRevenueMinor;
    drawChart();
  }
}

// --- live stream ----------------------------------------------------------------------------------------------

function setLive(state) {
  const live = $('#live');
  live.dataset.state = state;
  live.textContent = state;
}

function follow() {
  stopStream();
  setLive('connecting');
  const stream = new EventSource('/kpis/stream');
  view.stream = stream;
  stream.onopen = () => setLive('live');
  stream.onmessage = message => {
    const snapshot = JSON.parse(message.data);
    showKpis(snapshot.kpis);
    showTopCustomers(snapshot.topCustomers);
    followChart(snapshot.kpis);
  };
  stream.onerror = () => {
    if (stream.readyState === EventSource.CONNECTING) {
      setLive('reconnecting');
      return;
    }
    // Closed for good (an error answer such as 401): find out whether the session ended, else try again later.
    setLive('offline');
    stopStream();
    getJson('/kpis/daily')
      .then(() => { view.streamRetry = setTimeout(follow, STREAM_RETRY_MS); })
      .catch(handleFailure);
  };
}

function stopStream() {
  clearTimeout(view.streamRetry);
  if (view.stream) {
    view.stream.close();
    view.stream = null;
  }
}

// --- ops panel ------------------------------------------------------------------------------------------------

async function refreshOps() {
  const [queues, orders] = await Promise.all([getJson('/ops/queues'), fetch('/ops/orders')]);
  showQueues(queues);
  await showOrders(orders);
  $('#ops-error').textContent = '';
  $('#ops-updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
}

function showQueues(queues) {
  $('#lag tbody').replaceChildren(...queues.consumerGroups.map(lag =>
    row([cell(lag.group), cell(lag.topic), cell(counts.format(lag.lag), 'num', lag.lag)], lag.lag > 0)));
  $('#dlq tbody').replaceChildren(...queues.deadLetters.map(queue =>
    row([cell(queue.topic), cell(counts.format(queue.records), 'num', queue.records)], queue.records > 0)));
}

async function showOrders(response) {
  const panel = $('#orders');
  if (response.status === 401) {
    throw new SignedOut();
  }
  if (!response.ok) {
    panel.dataset.state = 'unavailable';
    panel.textContent = 'order-service unavailable';
    panel.title = await problemDetail(response);
    return;
  }
  const orders = await response.json();
  panel.dataset.state = 'ok';
  panel.title = '';
  const statuses = Object.entries(orders.byStatus).sort(([a], [b]) => a.localeCompare(b));
  panel.replaceChildren(...[...statuses, ['TOTAL', orders.total]].map(([status, count]) => {
    const item = document.createElement('span');
    item.className = 'status';
    item.dataset.status = status;
    item.dataset.value = String(count);
    const number = document.createElement('b');
    number.textContent = counts.format(count);
    item.append(status, number);
    return item;
  }));
}

function row(cells, attention) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  tr.classList.toggle('attention', attention);
  return tr;
}

function startOps() {
  clearInterval(view.opsTimer);
  const refresh = () => refreshOps().catch(error => {
    if (error instanceof SignedOut) {
      handleFailure(error);
    } else {
      $('#ops-error').textContent = `Cannot refresh: ${error.message}`;
    }
  });
  refresh();
  view.opsTimer = setInterval(refresh, OPS_REFRESH_MS);
}

// --- session --------------------------------------------------------------------------------------------------

function stopAll() {
  stopStream();
  clearInterval(view.opsTimer);
}

function showSignIn(message) {
  stopAll();
  setLive('signed out');
  $('#dashboard').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = message ?? '';
  $('#token').focus();
}

function handleFailure(error) {
  if (error instanceof SignedOut) {
    showSignIn('Your session has ended: sign in again.');
  } else {
    console.error(error);
    setLive('offline');
  }
}

async function start() {
  let today;
  try {
    today = await getJson('/kpis/daily');
  } catch (error) {
    if (error instanceof SignedOut) {
      showSignIn();
    } else {
      handleFailure(error);
    }
    return;
  }
  $('#sign-in').hidden = true;
  $('#dashboard').hidden = false;
  $('#sign-out').hidden = false;
  showKpis(today);
  // The stream's first snapshot, sent at once, brings the top 10.
  follow();
  startOps();
  await loadChart(today.date).catch(handleFailure);
}

async function signIn(event) {
  event.preventDefault();
  const token = $('#token').value.trim();
  // JSON, which a cross-site form cannot send (see SessionResource).
  const response = await fetch('/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!response.ok) {
    $('#sign-in-error').textContent = await problemDetail(response);
    return;
  }
  $('#token').value = '';
  await start();
}

async function signOut() {
  await fetch('/session', { method: 'DELETE' });
  showSignIn('Signed out.');
}

$('#sign-in-form').addEventListener('submit', event => signIn(event).catch(handleFailure));
$('#sign-out').addEventListener('click', () => signOut().catch(handleFailure));
start();
