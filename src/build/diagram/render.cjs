// Used by render.sh: node render.cjs <render.html> <out.png> <scale>
// Opens render.html (which draws diagram.js beside it) in headless Chromium over the DevTools pipe, waits for the
// drawing, and saves a screenshot clipped to the drawing plus its margin, at <scale> device pixels per unit.
// Chromium's own --screenshot cannot be used: its --window-size includes a frame, so the crop would be off.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [page, out, scale] = process.argv.slice(2);
const VIEWPORT = { width: 4000, height: 3000 }; // CSS px; render.html fails diagrams larger than this

const chrome = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
  '--allow-file-access-from-files', '--remote-debugging-pipe', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '';
chrome.stderr.on('data', d => { stderr += d; });
chrome.on('exit', code => { // Chromium gone before the screenshot: say why
  if (!process.exitCode && pending.size) {
    console.error(`chromium exited (${code}):\n` + stderr.trim().split('\n').slice(-5).join('\n'));
    process.exit(1);
  }
});

let nextId = 1, buffer = '';
const pending = new Map();
chrome.stdio[4].on('data', chunk => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    const waiter = pending.get(message.id);
    if (waiter) {
      pending.delete(message.id);
      message.error ? waiter.reject(new Error(JSON.stringify(message.error))) : waiter.resolve(message.result);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  chrome.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

async function main() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  await s('Emulation.setDeviceMetricsOverride', { ...VIEWPORT, deviceScaleFactor: Number(scale), mobile: false });
  await s('Page.navigate', { url: 'file://' + path.resolve(page) });

  const deadline = Date.now() + 30000;
  let status = '';
  while (!status) {
    if (Date.now() > deadline) throw new Error('bpmn-js did not finish drawing within 30 s');
    await new Promise(r => setTimeout(r, 100));
    const { result } = await s('Runtime.evaluate',
      { expression: "(document.getElementById('status') || {}).textContent || ''" });
    status = result.value || '';
  }
  const size = /^SIZE (\d+),(\d+) WARNINGS 0$/.exec(status);
  if (!size) throw new Error('bpmn-js could not draw it cleanly: ' + status);
  const [width, height] = [Number(size[1]), Number(size[2])];
  if (width > VIEWPORT.width || height > VIEWPORT.height) throw new Error(`drawing too large: ${width}x${height}`);

  const { data } = await s('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } });
  fs.writeFileSync(out, Buffer.from(data, 'base64'));
  console.log(`${width}x${height} units`);
}

main().then(() => { chrome.kill(); }, err => {
  process.exitCode = 1;
  console.error(err.message);
  chrome.kill();
});
