/*
 * Cockpit tab "Callout attempts": on a process instance of extension-callout, the attempts of its delivery
 * (GET /api/deliveries?processInstanceId=..., read with the Cockpit session), with a link to the delivery
 * on the management page. Plain JavaScript, no build step; loaded through customScripts in
 * ../scripts/config.js. Every value goes into the page as text (textContent), never as HTML.
 */

const PROCESS_KEY = 'extension-callout';
const RESPONSE_EXCERPT_CHARS = 200;

// Cockpit lives at <application>/camunda (base element's app-root attribute); the API and the management
// page are at the application's root.
const COCKPIT_PATH = '/camunda';
const appRoot = (document.querySelector('base') || { getAttribute: () => '' }).getAttribute('app-root') || '';
const APPLICATION = appRoot.endsWith(COCKPIT_PATH) ? appRoot.slice(0, -COCKPIT_PATH.length) : '';

// Renders still waiting for an answer; unmount() gives up on those whose tab is gone
const pending = new Set();

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : String(child)));
  return node;
}

async function getJson(url, signal) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal
  });
  if (!response.ok) {
    const reason = response.status === 401 || response.status === 403
      ? 'not allowed (HTTP ' + response.status + '); sign in to Cockpit again'
      : 'HTTP ' + response.status;
    throw new Error(reason);
  }
  return response.json();
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function time(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (isNaN(d.getTime())) {
    return String(iso);
  }
  const text = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
    + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  return el('time', { datetime: String(iso) }, text);
}

function duration(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
}

function excerpt(body) {
  if (!body) {
    return '';
  }
  const text = String(body).replace(/\s+/g, ' ').trim();
  return text.length > RESPONSE_EXCERPT_CHARS ? text.slice(0, RESPONSE_EXCERPT_CHARS) + '…' : text;
}

function deliveryLink(delivery) {
  if (delivery.calloutId === null || delivery.calloutId === undefined) {
    return null;
  }
  const href = APPLICATION + '/callouts/' + encodeURIComponent(String(delivery.calloutId))
    + '/deliveries?open=' + encodeURIComponent(String(delivery.id));
  return el('a', { href, class: 'callout-delivery-link' },
    'Open delivery ' + delivery.id + ' on the management page');
}

function summary(delivery) {
  const parts = ['Delivery ' + delivery.id + ' of callout \u201c' + (delivery.calloutName || '') + '\u201d'];
  if (delivery.ticketNumber) {
    parts.push(' for ticket ' + delivery.ticketNumber);
  }
  parts.push(': ' + String(delivery.state || '').toLowerCase());
  if (delivery.skipReason) {
    parts.push(' (' + delivery.skipReason + ')');
  }
  const p = el('p', { class: 'callout-delivery' }, parts.join(''));
  if (delivery.state === 'RETRYING' && delivery.nextAttemptAt) {
    p.append('; next attempt at ', time(delivery.nextAttemptAt));
  }
  p.append('. ');
  const link = deliveryLink(delivery);
  if (link) {
    p.append(link);
  }
  return p;
}

function attemptsTable(delivery) {
  const headers = ['Attempt', 'Sent at', 'HTTP status', 'Duration', 'Error', 'Response (excerpt)'];
  const table = el('table', { class: 'cam-table callout-attempts-table' },
    el('caption', {}, 'Attempts of delivery ' + delivery.id + ', oldest first'),
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  delivery.attempts.forEach(a => {
    const response = el('code', {}, excerpt(a.responseBody));
    response.style.whiteSpace = 'pre-wrap';
    response.style.wordBreak = 'break-word';
    body.append(el('tr', { class: 'callout-attempt' },
      el('th', { scope: 'row', class: 'callout-attempt-number' }, String(a.attempt)),
      el('td', { class: 'callout-attempt-sent' }, time(a.sentAt)),
      el('td', { class: 'callout-attempt-status' },
        a.responseStatus === null || a.responseStatus === undefined ? 'no response' : String(a.responseStatus)),
      el('td', { class: 'callout-attempt-duration' }, duration(a.durationMs)),
      el('td', { class: 'callout-attempt-error' }, a.error || ''),
      el('td', { class: 'callout-attempt-response' }, response)));
  });
  table.append(body);
  return table;
}

function message(text, role) {
  return el('p', { class: 'callout-attempts-message', role: role || 'status' }, text);
}

async function isExtensionCallout(api, processInstanceId, signal) {
  const url = api.engineApi + '/process-instance?processDefinitionKey=' + encodeURIComponent(PROCESS_KEY)
    + '&processInstanceIds=' + encodeURIComponent(processInstanceId);
  const found = await getJson(url, signal);
  return Array.isArray(found) && found.length > 0;
}

async function load(api, processInstanceId, signal) {
  const deliveries = await getJson(APPLICATION + '/api/deliveries?processInstanceId='
    + encodeURIComponent(processInstanceId), signal);
  const delivery = Array.isArray(deliveries) ? deliveries[0] : null;
  if (delivery) {
    const attempts = Array.isArray(delivery.attempts) ? delivery.attempts : [];
    delivery.attempts = attempts;
    return [summary(delivery), attempts.length
      ? attemptsTable(delivery)
      : message(delivery.state === 'SKIPPED' ? 'Not sent, so no attempts.' : 'No attempts yet.')];
  }
  return [await isExtensionCallout(api, processInstanceId, signal)
    ? message('No attempts yet: this callout has not been sent.')
    : message('Not an extension callout: this tab only shows attempts of "' + PROCESS_KEY + '" instances.')];
}

function show(container, api, processInstanceId) {
  const entry = { container, controller: new AbortController() };
  pending.add(entry);
  const reload = el('button', { type: 'button', class: 'btn btn-default btn-sm callout-attempts-reload' }, 'Reload');
  const content = el('div', { class: 'callout-attempts-content', 'aria-live': 'polite', 'aria-busy': 'true' },
    message('Loading the callout attempts…'));
  container.replaceChildren(content, reload);
  reload.addEventListener('click', () => {
    entry.controller.abort();
    pending.delete(entry);
    show(container, api, processInstanceId);
  }, { once: true });
  load(api, processInstanceId, entry.controller.signal)
    .then(nodes => content.replaceChildren(...nodes))
    .catch(error => {
      if (!entry.controller.signal.aborted) {
        content.replaceChildren(message('Could not load the callout attempts: ' + error.message, 'alert'));
      }
    })
    .finally(() => {
      content.setAttribute('aria-busy', 'false');
      pending.delete(entry);
    });
}

export default {
  id: 'callout-attempts',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  // after Variables (20) and Incidents (15), before Called process instances (10)
  priority: 12,
  render: (node, { api, processInstanceId }) => {
    const container = el('section', { class: 'callout-attempts', 'aria-label': 'Callout attempts' });
    node.append(container);
    show(container, api, processInstanceId);
  },
  unmount: () => {
    pending.forEach(entry => {
      if (!entry.container.isConnected) {
        entry.controller.abort();
        pending.delete(entry);
      }
    });
  },
  properties: {
    label: 'Callout attempts'
  }
};
