// Floor's browser hub: publishes the camera and microphone to the room over
// WHIP (RFC 9725) with trickle ICE, hears the room's return feed on the same
// audio line, and speaks the room's "floor" control protocol on a data
// channel. Plain JS, no build step; the page's CSP allows only this file.
'use strict';

const $ = (id) => document.getElementById(id);
const V = 1; // control protocol version

// The invite's token travels in the URL fragment, which browsers never
// send to the server; it is kept for this tab only and taken off the URL.
const invite = (() => {
  const f = new URLSearchParams(location.hash.slice(1));
  if (f.get('token')) {
    sessionStorage.setItem('floor-invite', JSON.stringify({ hub: f.get('hub'), token: f.get('token') }));
    history.replaceState(null, '', location.pathname);
  }
  try { return JSON.parse(sessionStorage.getItem('floor-invite')) || {}; } catch { return {}; }
})();

const state = {
  pc: null, dc: null, location: '', etag: '', pending: [], posted: false,
  timer: null, heard: 0, offsets: [], request: 0, floor: '', poll: null, voted: {},
  audioCtx: null, analyser: null, gain: null,
};

// The page's texts in the browser's language (French or Spanish, chosen by
// the room from Accept-Language; none for English, the texts themselves).
let T = {};

// t is a text in the page's language, its {names} filled from vars.
function t(text, vars) {
  return (T[text] || text).replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
}

// The static texts: every element marked data-t says its text again.
fetch('/hub/texts.json').then((r) => (r.ok ? r.json() : {})).then((texts) => {
  T = texts || {};
  const lang = document.documentElement.dataset;
  document.documentElement.lang = T['lang'] || 'en';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  document.title = t(document.title);
  lang.ready = '1';
}).catch(() => {});

function notice(text) { $('notice').textContent = text; }
function place(text) { $('place').textContent = text; }

function send(msg) {
  if (state.dc && state.dc.readyState === 'open') state.dc.send(JSON.stringify({ v: V, ...msg }));
}

// ---- WHIP ----

async function whip(method, url, body, type, extra) {
  const headers = { Authorization: 'Bearer ' + invite.token, ...(extra || {}) };
  if (type) headers['Content-Type'] = type;
  const resp = await fetch(url, { method, headers, body, cache: 'no-store', keepalive: method === 'DELETE' });
  if (!resp.ok && resp.status !== 204) {
    const why = (await resp.text()).trim();
    throw new Error(`${method} ${resp.status}: ${why || resp.statusText}`);
  }
  return resp;
}

// trickle sends the candidates gathered so far as an SDP fragment (RFC 8840).
async function trickle() {
  if (!state.posted || state.pending.length === 0) return;
  const cands = state.pending.splice(0);
  const local = state.pc.localDescription.sdp;
  const ufrag = /a=ice-ufrag:(.*)/.exec(local)[1].trim();
  const pwd = /a=ice-pwd:(.*)/.exec(local)[1].trim();
  let frag = `a=ice-ufrag:${ufrag}\r\na=ice-pwd:${pwd}\r\n`;
  const byMid = new Map();
  for (const c of cands) {
    if (!byMid.has(c.sdpMid)) byMid.set(c.sdpMid, []);
    byMid.get(c.sdpMid).push(c.candidate);
  }
  for (const [mid, list] of byMid) {
    frag += `m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:${mid}\r\n`;
    for (const c of list) frag += `a=${c}\r\n`;
  }
  try {
    await whip('PATCH', state.location, frag, 'application/trickle-ice-sdpfrag', state.etag ? { 'If-Match': state.etag } : {});
  } catch (e) { notice('A network candidate was refused: ' + e.message); }
}

async function join() {
  if (!invite.token) { notice(t('Open this page from the invite link the moderator sent you.')); return; }
  $('join').disabled = true;
  place(t('Asking for the camera and microphone…'));
  let media;
  try {
    media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
  } catch (e) {
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true });
      notice(t('No camera: joining with sound only.'));
    } catch (e2) { place(t('Not connected')); notice(t('The camera and microphone are needed: {why}', { why: e2.message })); $('join').disabled = false; return; }
  }
  $('self').srcObject = media;
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  state.pc = pc;
  const audio = media.getAudioTracks()[0];
  if (audio) pc.addTransceiver(audio, { direction: 'sendrecv', streams: [media] }); // the room's sound comes back on it
  const video = media.getVideoTracks()[0];
  if (video) pc.addTransceiver(video, { direction: 'sendonly', streams: [media] });
  state.dc = pc.createDataChannel('floor');
  state.dc.onopen = () => {
    send({ type: 'hello', people: Math.max(0, parseInt($('people').value, 10) || 0) });
    ping(); setInterval(ping, 5000);
    for (let i = 1; i < 8; i++) setTimeout(ping, 250 * i);
  };
  state.dc.onmessage = (e) => receive(e.data);
  pc.ontrack = (e) => { if (e.track.kind === 'audio') hear(e.track); };
  pc.onicecandidate = (e) => { if (e.candidate && e.candidate.candidate) { state.pending.push(e.candidate); trickle(); } };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed') { place(t('Connection to the room lost')); }
    if (pc.connectionState === 'connected' && !state.welcomed) place(t('Connected · waiting for the room'));
  };
  try {
    await pc.setLocalDescription(await pc.createOffer());
    place(t('Connecting…'));
    const resp = await whip('POST', '/whip', pc.localDescription.sdp, 'application/sdp');
    state.location = new URL(resp.headers.get('Location'), location.href).href;
    state.etag = resp.headers.get('ETag') || '';
    await pc.setRemoteDescription({ type: 'answer', sdp: await resp.text() });
    state.posted = true;
    trickle();
    $('request').disabled = false; $('leave').disabled = false;
  } catch (e) {
    place(t('Not connected')); notice(t('Could not join: {why}', { why: e.message }));
    pc.close(); state.pc = null; $('join').disabled = false;
  }
}

async function leave() {
  $('leave').disabled = true; $('request').disabled = true;
  try { if (state.location) await whip('DELETE', state.location); } catch (e) { notice(t('Leaving: {why}', { why: e.message })); }
  if (state.pc) state.pc.close();
  const media = $('self').srcObject;
  if (media) media.getTracks().forEach((t) => t.stop());
  Object.assign(state, { pc: null, dc: null, location: '', posted: false, timer: null, request: 0, floor: '', welcomed: false });
  place(t('Left the room.')); $('join').disabled = false;
}

// ---- the room's sound ----

function hear(track) {
  const stream = new MediaStream([track]);
  $('room-audio').srcObject = stream;
  try {
    state.audioCtx = new AudioContext();
    const src = state.audioCtx.createMediaStreamSource(stream);
    state.analyser = state.audioCtx.createAnalyser();
    state.analyser.fftSize = 1024;
    src.connect(state.analyser);
  } catch (e) { /* a meter is a nicety; the sound plays without it */ }
}

function meter() {
  if (!state.analyser) return;
  const buf = new Float32Array(state.analyser.fftSize);
  state.analyser.getFloatTimeDomainData(buf);
  let peak = 0;
  for (const v of buf) peak = Math.max(peak, Math.abs(v));
  $('level').value = peak;
  $('hearing').textContent = peak > 0.001 ? t('Hearing the room (level {level} %)', { level: Math.round(100 * peak) }) : t('The room is quiet');
}

// ---- control messages ----

function nowNs() { return Math.round((performance.timeOrigin + performance.now()) * 1e6); }

function ping() { send({ type: 'ping', t0: nowNs() }); }

// offset is the room's clock minus ours, from the lowest-RTT sample of the last 16.
function offset() {
  if (state.offsets.length === 0) return 0;
  return state.offsets.reduce((a, b) => (b.rtt < a.rtt ? b : a)).offset;
}

function receive(raw) {
  let m;
  try { m = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw)); } catch { return; }
  state.heard = Date.now();
  switch (m.type) {
    case 'welcome':
      state.welcomed = true;
      $('session').textContent = m.text || 'Floor';
      if (!state.request) place(t('Not asking for the floor'));
      break;
    case 'pong': {
      const t3 = nowNs();
      const rtt = (t3 - m.t0) - (m.t2 - m.t1);
      const off = ((m.t1 - m.t0) + (m.t2 - t3)) / 2;
      state.offsets.push({ rtt, offset: off });
      if (state.offsets.length > 16) state.offsets.shift();
      break;
    }
    case 'timer': state.timer = m.timer; break;
    case 'queue': { // zero numbers are left out of the message
      const pos = m.position || 0, len = m.length || 0;
      state.request = m.request;
      place(pos === 0 ? t('Next of {length} in the queue', { length: Math.max(len, 1) })
        : T['queue-place'] ? t('queue-place', { position: pos + 1, length: len }) : `${ordinal(pos + 1)} of ${len} in the queue`);
      break;
    }
    case 'floor':
      state.floor = m.floor;
      if (m.floor === 'live') place(t('You have the floor'));
      if (m.floor === 'done') { state.request = 0; place(t('Not asking for the floor')); }
      $('request').textContent = t(m.floor === 'live' ? 'On the floor' : state.request && m.floor !== 'done' ? 'Withdraw' : 'Request the floor');
      $('request').disabled = m.floor === 'live';
      break;
    case 'message': notice(m.text); break;
    case 'error': notice(t('The room refused: {why}', { why: m.text })); break;
    case 'question':
      $('question').hidden = !m.position;
      $('question').textContent = m.position ? t('Policy question {n}: {question}', { n: m.position, question: m.text }) : '';
      break;
    case 'poll': showPoll(m.poll); break;
    case 'voted': state.voted[m.poll_id] = m.length; showPoll(state.poll); break;
  }
}

function ordinal(n) {
  const s = (n % 100 >= 11 && n % 100 <= 13) ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
  return n + s;
}

function request() {
  if (state.request) { send({ type: 'withdraw' }); state.request = 0; $('request').textContent = t('Request the floor'); place(t('Not asking for the floor')); return; }
  const name = $('name').value.trim();
  if (!name) { notice(t('Say who asks for the floor first.')); $('name').focus(); return; }
  send({ type: 'request', speaker: { name, affiliation: $('affiliation').value.trim(), youth: $('youth').checked } });
  state.request = -1;
  $('request').textContent = t('Withdraw');
  place(t('Asking for the floor…'));
}

// ---- polls ----

function showPoll(p) {
  state.poll = p;
  const form = $('poll');
  const open = p && p.opened && !p.closed;
  if (!p || (!open && !state.voted[p.id])) { form.hidden = true; return; }
  form.hidden = false;
  const voted = state.voted[p.id];
  $('poll-text').textContent = t(voted ? 'Poll: {question} — the hub\'s vote is counted.' : open ? 'Poll open: {question}' : 'Poll closed: {question}', { question: p.question });
  const opts = $('poll-options');
  if (opts.dataset.poll !== String(p.id)) {
    opts.dataset.poll = String(p.id);
    opts.replaceChildren();
    (p.options || []).forEach((o, i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = p.kind === 'multiple' ? 'checkbox' : 'radio';
      input.name = 'choice'; input.value = String(i);
      label.append(input, ' ' + o); // text, never markup
      opts.append(label);
    });
  }
  const canVote = open && !voted;
  opts.hidden = !canVote || p.kind === 'text';
  $('poll-answer').hidden = !canVote || p.kind !== 'text';
  $('vote').hidden = !canVote;
}

function vote(e) {
  e.preventDefault();
  const p = state.poll;
  if (!p) return;
  const vote = {};
  if (p.kind === 'text') {
    vote.text = $('poll-answer').value.trim();
    if (!vote.text) { notice(t('Write the hub\'s answer first.')); return; }
  } else {
    vote.choices = [...document.querySelectorAll('#poll-options input:checked')].map((i) => parseInt(i.value, 10));
    if (vote.choices.length === 0) { notice(t('Choose an option first.')); return; }
  }
  send({ type: 'vote', poll_id: p.id, votes: [vote], as_hub: true });
}

// ---- the room's timer, rendered here from its anchors ----

function clock(ns, signed) {
  let s = Math.max(0, Math.floor(ns / 1e9));
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60; s %= 60;
  const mm = h > 0 ? `${h}:${String(m).padStart(2, '0')}` : String(m);
  return (signed ? '' : '') + `${mm}:${String(s).padStart(2, '0')}`;
}

function elapsed(w, now) {
  if (!w.Running) return w.Before;
  return w.Before + Math.max(0, now - Date.parse(w.Since) * 1e6);
}

function render() {
  meter();
  const tm = state.timer;
  const stale = state.pc && (!state.heard || Date.now() - state.heard > 3500);
  $('stale').hidden = !stale;
  const box = $('timer');
  if (!tm) return;
  const now = nowNs() + offset();
  const sp = tm.Speaker;
  box.className = state.floor === 'live' ? 'live' : '';
  if (!sp) {
    $('speaker-name').textContent = ''; $('digits').textContent = '0:00'; $('words').textContent = t('NO SPEAKER');
  } else {
    const el = elapsed(sp.Clock, now);
    let digits = clock(el), words = 'SPEAKING', zone = '';
    if (sp.Mode === 'down' || sp.Allotted > 0) {
      const left = sp.Allotted - el;
      if (left < 0) { digits = '+' + clock(-left); words = 'OVER TIME'; zone = 'overtime'; }
      else { digits = clock(left + 999999999); words = left <= 10e9 ? 'LAST SECONDS' : left <= 30e9 ? 'WRAP UP' : 'SPEAKING'; zone = left <= 10e9 ? 'danger' : left <= 30e9 ? 'warning' : ''; }
    }
    if (!sp.Clock.Running) words = 'PAUSED';
    $('speaker-name').textContent = sp.Name; $('digits').textContent = digits; $('words').textContent = t(words);
    if (zone) box.classList.add(zone);
  }
  let session = t('Session not started');
  if (tm.Ended) session = t('Session ended');
  else if (tm.Started) {
    const left = tm.Planned - elapsed(tm.Session, now);
    session = left < 0 ? t('Session OVER TIME +{over}', { over: clock(-left) })
      : tm.Session.Running ? t('Session · {left} left', { left: clock(left) }) : t('Session · {left} left, paused', { left: clock(left) });
  }
  $('session-clock').textContent = session;
}

$('join').addEventListener('click', join);
$('leave').addEventListener('click', leave);
$('request').addEventListener('click', request);
$('poll').addEventListener('submit', vote);
$('volume').addEventListener('input', () => { $('room-audio').volume = $('volume').value / 100; });
window.addEventListener('pagehide', () => { if (state.location) leave(); }); // DELETE with keepalive frees the room's slot
setInterval(render, 100);
if (!invite.token) notice(t('Open this page from the invite link the moderator sent you.'));
