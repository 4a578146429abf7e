// Floor's confidence monitor: the speaker display in a browser, read-only.
// It asks the room for its state every second and renders the speaker
// timer from the room's anchors ten times a second, on its estimate of the
// room's clock, as the hub page does. Plain JS, no build step; the page's
// CSP allows only this file.
'use strict';

const $ = (id) => document.getElementById(id);
const STALE_MS = 3500;

// The display's token travels in the URL fragment, which browsers never
// send to the server; it is kept for this tab and taken off the URL.
const token = (() => {
  const f = new URLSearchParams(location.hash.slice(1));
  if (f.get('token')) {
    sessionStorage.setItem('floor-display', f.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem('floor-display') || '';
})();

const state = { room: null, heard: 0, offsets: [], refused: false };
let T = {};

function t(text, vars) {
  return (T[text] || text).replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
}

fetch('/hub/texts.json').then((r) => (r.ok ? r.json() : {})).then((texts) => {
  T = texts || {};
  document.documentElement.lang = T['lang'] || 'en';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  document.title = t(document.title);
  document.documentElement.dataset.ready = '1';
}).catch(() => {});

function instant(s) { const ms = s ? Date.parse(s) : NaN; return Number.isFinite(ms) ? ms * 1e6 : 0; }
function nowNs() { return (performance.timeOrigin + performance.now()) * 1e6; }

// offset is the room's clock minus this one's, from the sample with the
// lowest round trip of the last sixteen (NTP-style, as the hubs do).
function offset() {
  let best = null;
  for (const s of state.offsets) if (!best || s.rtt < best.rtt) best = s;
  return best ? best.offset : 0;
}

async function poll() {
  if (!token) { $('notice').textContent = t('Open this page from the display link the moderator gave you.'); return; }
  const t0 = nowNs();
  try {
    const r = await fetch('/display/state.json', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    const t3 = nowNs();
    if (r.status === 401) { state.refused = true; $('notice').textContent = t('This display link is no longer valid: ask the moderator for the current one.'); return; }
    if (!r.ok) return;
    const room = await r.json();
    state.offsets.push({ rtt: t3 - t0, offset: instant(room.now) - (t0 + t3) / 2 });
    if (state.offsets.length > 16) state.offsets.shift();
    state.room = room; state.heard = Date.now(); state.refused = false;
  } catch { /* the room is away: the stale notice says so */ }
}

function clock(ns, roundUp) {
  let s = Math.floor(Math.abs(ns) / 1e9);
  if (roundUp && Math.abs(ns) % 1e9 > 0) s++;
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

function elapsed(w, now) {
  const before = (w && w.before_ns) || 0;
  if (!w || !w.running) return before;
  return before + Math.max(0, now - instant(w.since));
}

// zoneOf is the timer's zone and words at left, with the room's thresholds.
function zoneOf(tm, left) {
  const warn = tm.warning_ns || (tm.danger_ns ? 0 : 30e9), danger = tm.danger_ns || (tm.warning_ns ? 0 : 10e9);
  if (left < 0) return ['overtime', 'OVER TIME'];
  if (left <= danger) return ['danger', 'LAST SECONDS'];
  if (left <= warn) return ['warning', 'WRAP UP'];
  return ['normal', 'SPEAKING'];
}

function render() {
  const room = state.room;
  if (!state.refused) {
    $('notice').textContent = state.heard && Date.now() - state.heard > STALE_MS ? t('STALE — no word from the room; the timer may be wrong') : '';
  }
  if (!room || !room.timer) return;
  const tm = room.timer;
  const now = Math.max(nowNs() + offset(), instant(tm.last));
  const face = $('face'), sp = tm.speaker;
  $('clock').textContent = new Date(now / 1e6).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  $('next').textContent = room.next ? t('Next: {name}', { name: room.next }) : '';
  $('question').hidden = !room.question;
  $('question').textContent = room.question ? t('Policy question {n}: {question}', { n: room.question, question: room.wording }) : '';
  $('message').hidden = !room.message;
  $('message').textContent = room.message || '';
  let zone = 'idle', said = t('NO SPEAKER'), digits = '0:00', name = '', progress = -1;
  if (sp) {
    const el = elapsed(sp.clock, now), allotted = sp.allotted_ns || 0;
    let words = 'SPEAKING';
    zone = 'normal'; digits = clock(el); name = sp.name;
    if (sp.mode === 'down' || allotted > 0) {
      const left = allotted - el;
      [zone, words] = zoneOf(tm, left);
      digits = left < 0 ? '+' + clock(-left) : sp.mode === 'down' ? clock(left, true) : clock(el);
      if (allotted > 0) progress = Math.min(1, el / allotted);
    }
    said = t(words);
    if (!sp.clock || !sp.clock.running) { said = t('PAUSED') + ' · ' + said; zone += ' paused'; }
  }
  face.className = zone;
  $('speaker-name').textContent = name; $('digits').textContent = digits; $('words').textContent = said;
  $('bar').hidden = progress < 0;
  $('fill').style.width = (Math.max(0, progress) * 100).toFixed(1) + '%';
}

poll();
setInterval(poll, 1000);
setInterval(render, 100);
