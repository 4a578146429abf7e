// Floor's browser hub: publishes the camera and microphone to the room over
// WHIP (RFC 9725) with trickle ICE, hears the room's return feed on the same
// audio line, and speaks the room's "floor" control protocol on a data
// channel. Plain JS, no build step; the page's CSP allows only this file.
'use strict';

const $ = (id) => document.getElementById(id);
const V = 2; // control protocol version (app/control.Version; its golden files are app/control/testdata/wire)

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
  audioCtx: null, analyser: null, source: null, roomTrack: null,
  media: null,       // the camera and microphone, kept across reconnections
  joined: false,     // joined and not left: the page keeps the link up by itself
  welcomed: false,   // the room said welcome on the current connection
  since: 0,          // when the current connection was made
  restarting: false, // an ICE restart's PATCH is on its way: trickle waits for it
  gone: false,       // the room said the session is gone: the next try POSTs
  link: null,        // the reconnection under way, null while the link is up
  said: '',          // the last place the room told, shown again once the link is back
};

// The link to the room: stale when no message came for this long (the room
// sends its timer at least every second), and the reconnection's backoff.
const STALE_MS = 3500;
const BACKOFF_FIRST_MS = 500, BACKOFF_MAX_MS = 10000, JITTER = 0.2;
const RESTART_WAIT_MS = 6000, REJOIN_WAIT_MS = 10000, JOIN_DEADLINE_MS = 15000;

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

// place is the hub's place as the room told it; while the link is down the
// status line says the reconnection instead, and the place comes back after.
function place(text) { state.said = text; if (!state.link) $('place').textContent = text; }
function linkWords(text) { $('place').textContent = text; }

function send(msg) {
  if (state.dc && state.dc.readyState === 'open') state.dc.send(JSON.stringify({ v: V, ...msg }));
}

// ---- WHIP ----

// WhipError is a refused or failed WHIP request; status 0 is the network.
class WhipError extends Error {
  constructor(status, message, retryAfter) { super(message); this.status = status; this.retryAfter = retryAfter || 0; }
}

async function whip(method, url, body, type, extra) {
  const headers = { Authorization: 'Bearer ' + invite.token, ...(extra || {}) };
  if (type) headers['Content-Type'] = type;
  let resp;
  try {
    resp = await fetch(url, { method, headers, body, cache: 'no-store', keepalive: method === 'DELETE',
      signal: method === 'DELETE' ? undefined : AbortSignal.timeout(8000) });
  } catch (e) { throw new WhipError(0, `${method}: ${e.message}`); }
  if (!resp.ok && resp.status !== 204) {
    const why = (await resp.text().catch(() => '')).trim();
    throw new WhipError(resp.status, `${method} ${resp.status}: ${why || resp.statusText}`, parseInt(resp.headers.get('Retry-After'), 10) || 0);
  }
  return resp;
}

function ifMatch() { return state.etag ? { 'If-Match': state.etag } : {}; }

function credentials(sdp) {
  const u = /a=ice-ufrag:(.*)/.exec(sdp), p = /a=ice-pwd:(.*)/.exec(sdp);
  return { ufrag: u ? u[1].trim() : '', pwd: p ? p[1].trim() : '' };
}

// fragment is an SDP fragment (RFC 8840): the ICE credentials and the
// candidates under their media.
function fragment(ufrag, pwd, cands) {
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
  return frag;
}

// withFragment is the room's description with the ICE credentials and
// candidates of its restart answer in place of the old ones.
function withFragment(sdp, frag) {
  const f = credentials(frag);
  const cands = frag.split(/\r?\n/).filter((l) => l.startsWith('a=candidate:'));
  const out = [];
  let inMedia = false;
  for (const line of sdp.split(/\r\n/)) {
    if (line === '') continue;
    if (line.startsWith('m=')) { if (inMedia) out.push(...cands); inMedia = true; }
    if (line.startsWith('a=candidate:') || line === 'a=end-of-candidates') continue;
    if (line.startsWith('a=ice-ufrag:')) { out.push('a=ice-ufrag:' + f.ufrag); continue; }
    if (line.startsWith('a=ice-pwd:')) { out.push('a=ice-pwd:' + f.pwd); continue; }
    out.push(line);
  }
  if (inMedia) out.push(...cands);
  return out.join('\r\n') + '\r\n';
}

// trickle sends the candidates gathered so far as an SDP fragment (RFC 8840),
// only those of the current ICE credentials.
async function trickle() {
  if (!state.posted || state.restarting || state.pending.length === 0) return;
  const { ufrag, pwd } = credentials(state.pc.localDescription.sdp);
  const cands = state.pending.splice(0).filter((c) => !c.usernameFragment || c.usernameFragment === ufrag);
  if (cands.length === 0) return;
  const pc = state.pc;
  try {
    await whip('PATCH', state.location, fragment(ufrag, pwd, cands), 'application/trickle-ice-sdpfrag', ifMatch());
  } catch (e) {
    if (pc !== state.pc) return;
    if (e.status === 401) { revoked(); return; }
    if (e.status === 404 || e.status === 410) { lost(); return; }
    notice('A network candidate was refused: ' + e.message);
  }
}

// connect makes a new connection with the page's camera and microphone and
// POSTs its offer; the room answers with its own, and the welcome follows on
// the data channel. An old connection is closed here, never DELETEd: the
// room keeps the hub's place for its new one.
async function connect() {
  const media = state.media;
  const old = state.pc;
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  Object.assign(state, { pc, dc: null, location: '', etag: '', pending: [], posted: false, welcomed: false, restarting: false, since: Date.now() });
  if (old) { try { old.close(); } catch { /* already closed */ } }
  const audio = media.getAudioTracks()[0];
  if (audio) pc.addTransceiver(audio, { direction: 'sendrecv', streams: [media] }); // the room's sound comes back on it
  const video = media.getVideoTracks()[0];
  if (video) pc.addTransceiver(video, { direction: 'sendonly', streams: [media] });
  const dc = pc.createDataChannel('floor');
  state.dc = dc;
  dc.onopen = () => {
    if (pc !== state.pc) return;
    send({ type: 'hello', people: Math.max(0, parseInt($('people').value, 10) || 0) });
    for (let i = 0; i < 8; i++) setTimeout(ping, 250 * i);
  };
  dc.onmessage = (e) => { if (pc === state.pc) receive(e.data); };
  dc.onclose = () => { if (pc === state.pc) watch(); };
  pc.ontrack = (e) => { if (pc === state.pc && e.track.kind === 'audio') hear(e.track); };
  pc.onicecandidate = (e) => {
    if (pc === state.pc && e.candidate && e.candidate.candidate) { state.pending.push(e.candidate); trickle(); }
  };
  pc.onconnectionstatechange = () => {
    if (pc !== state.pc) return;
    if (pc.connectionState === 'connected' && !state.welcomed && !state.link) place(t('Connected · waiting for the room'));
    watch();
  };
  pc.oniceconnectionstatechange = () => { if (pc === state.pc) watch(); };
  try {
    await pc.setLocalDescription(await pc.createOffer());
    const resp = await whip('POST', '/whip', pc.localDescription.sdp, 'application/sdp');
    if (pc !== state.pc) return;
    state.location = new URL(resp.headers.get('Location'), location.href).href;
    state.etag = resp.headers.get('ETag') || '';
    await pc.setRemoteDescription({ type: 'answer', sdp: await resp.text() });
    state.posted = true;
    trickle();
  } catch (e) {
    if (pc === state.pc) { pc.close(); state.pc = null; state.dc = null; }
    throw e;
  }
}

// restartIce restarts ICE on the same WHIP session (RFC 9725 §4.4): new
// credentials in a PATCH, the room's new ones in its 200 answer.
async function restartIce() {
  const pc = state.pc;
  state.restarting = true;
  state.pending = [];
  try {
    await pc.setLocalDescription(await pc.createOffer({ iceRestart: true }));
    const { ufrag, pwd } = credentials(pc.localDescription.sdp);
    const cands = state.pending.splice(0).filter((c) => !c.usernameFragment || c.usernameFragment === ufrag);
    const resp = await whip('PATCH', state.location, fragment(ufrag, pwd, cands), 'application/trickle-ice-sdpfrag', ifMatch());
    if (resp.status !== 200) throw new WhipError(resp.status, `PATCH ${resp.status}: the room did not restart ICE`);
    state.etag = resp.headers.get('ETag') || state.etag;
    const answer = await resp.text();
    if (pc !== state.pc) return;
    const remote = (pc.currentRemoteDescription || pc.remoteDescription).sdp;
    await pc.setRemoteDescription({ type: 'answer', sdp: withFragment(remote, answer) });
  } catch (e) {
    if (pc === state.pc && pc.signalingState === 'have-local-offer') {
      try { await pc.setLocalDescription({ type: 'rollback' }); } catch { /* the next restart makes a new offer */ }
    }
    throw e;
  } finally {
    if (pc === state.pc) state.restarting = false;
  }
  trickle();
}

// health is the link as the page sees it: 'gone' when the connection is
// over (a new POST is needed), 'short' when it is stalled (an ICE restart
// may do), 'ok' otherwise.
function health() {
  const pc = state.pc;
  if (!state.joined) return 'ok';
  if (!pc || pc.connectionState === 'failed' || pc.connectionState === 'closed' || (state.dc && state.dc.readyState === 'closed')) return 'gone';
  if (!state.welcomed) return Date.now() - state.since > JOIN_DEADLINE_MS ? 'gone' : 'ok';
  if (pc.connectionState === 'disconnected' || pc.iceConnectionState === 'disconnected' || Date.now() - state.heard > STALE_MS) return 'short';
  return 'ok';
}

// watch starts a reconnection when the link is down, without any click.
function watch() {
  if (state.joined && !state.link && health() !== 'ok') reconnect();
}

// lost is the room saying the session is gone (404 or 410 to a PATCH).
function lost() {
  if (!state.joined) return;
  state.gone = true;
  if (!state.link) reconnect();
}

function backoff(attempt) { // the wait before attempt (1, 2, …)
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (attempt - 1));
  return base * (1 - JITTER + 2 * JITTER * Math.random());
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// until waits up to ms for ok(); false when it did not come, or the
// reconnection was stopped, or the new connection is over already.
async function until(run, ok, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    if (state.link !== run) return false;
    if (ok()) return true;
    const pc = state.pc;
    if (!pc || pc.connectionState === 'failed' || pc.connectionState === 'closed') return false;
  }
  return false;
}

// reconnect keeps trying until the link is back, Leave is pressed or the
// invite is refused: an ICE restart on the same session first, a new POST
// with the same token when the room says the session is gone or the
// connection is over. The room gives a returning hub back its requests, so
// the page never asks for the floor again.
async function reconnect() {
  const run = {};
  state.link = run;
  $('request').disabled = true;
  let fresh = state.gone || health() === 'gone', restarts = 0, extra = 0;
  state.gone = false;
  linkWords(t('Reconnecting to the room…'));
  for (let attempt = 1; state.link === run && state.joined; attempt++) {
    const end = Date.now() + Math.max(backoff(attempt), extra * 1000);
    extra = 0;
    while (state.link === run && Date.now() < end) {
      if (attempt > 1) linkWords(t('Reconnecting to the room (attempt {attempt}, next in {seconds} s)', { attempt: attempt - 1, seconds: Math.max(1, Math.ceil((end - Date.now()) / 1000)) }));
      await sleep(Math.min(250, end - Date.now()));
    }
    if (state.link !== run || !state.joined) return;
    linkWords(t('Reconnecting to the room (attempt {attempt})…', { attempt }));
    let back = false;
    try {
      if (!fresh && health() !== 'gone' && restarts < 3) {
        restarts++;
        const from = Date.now();
        try {
          await restartIce();
          back = await until(run, () => state.pc.connectionState === 'connected' && state.heard > from, RESTART_WAIT_MS);
        } catch (e) {
          if (![403, 404, 409, 410, 412].includes(e.status)) throw e;
          fresh = true; // the room no longer has the session (it restarted): join again at once
        }
      } else fresh = true;
      if (fresh && !back && state.link === run) {
        await connect();
        back = await until(run, () => state.welcomed, REJOIN_WAIT_MS);
      }
    } catch (e) {
      if (state.link !== run) return;
      if (e.status === 401) { revoked(); return; }
      extra = e.retryAfter || 0;
      notice(t('The last try failed: {why}', { why: e.message }));
    }
    if (state.link !== run) return;
    if (back) break;
  }
  if (state.link !== run) return;
  state.link = null;
  notice('');
  $('place').textContent = state.said;
  $('request').disabled = state.floor === 'live';
  watch();
}

// revoked is the room refusing the token: no more tries.
function revoked() {
  state.link = null;
  hangUp();
  place(t('This invite was revoked or is not valid; ask the moderator for a new one'));
  notice('');
  $('join').disabled = false;
}

// hangUp ends the connection and the camera here, without telling the room.
function hangUp() {
  state.joined = false; state.link = null;
  if (state.pc) { try { state.pc.close(); } catch { /* closed */ } }
  if (state.media) state.media.getTracks().forEach((tr) => tr.stop());
  $('self').srcObject = null;
  Object.assign(state, { pc: null, dc: null, media: null, location: '', etag: '', pending: [], posted: false, timer: null, request: 0, floor: '', welcomed: false, roomTrack: null });
  $('leave').disabled = true; $('request').disabled = true;
  $('request').textContent = t('Request the floor');
}

async function join() {
  if (!invite.token) { notice(t('Open this page from the invite link the moderator sent you.')); return; }
  $('join').disabled = true;
  notice('');
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
  state.media = media;
  state.joined = true;
  try {
    place(t('Connecting…'));
    $('leave').disabled = false;
    await connect();
  } catch (e) {
    hangUp();
    if (e.status === 401) place(t('This invite was revoked or is not valid; ask the moderator for a new one'));
    else { place(t('Not connected')); notice(t('Could not join: {why}', { why: e.message })); }
    $('join').disabled = false;
  }
}

async function leave() {
  state.link = null; state.joined = false; // no more tries, even when the room's goodbye closes the connection first
  $('leave').disabled = true; $('request').disabled = true;
  const where = state.location;
  state.location = '';
  try { if (where) await whip('DELETE', where); } catch (e) { notice(t('Leaving: {why}', { why: e.message })); }
  hangUp();
  place(t('Left the room.')); $('join').disabled = false;
}

// ---- the room's sound ----

// hear plays the room's sound of a connection, the meter following it
// (one audio context for the page, a new source for each connection).
function hear(track) {
  const stream = new MediaStream([track]);
  state.roomTrack = track;
  $('room-audio').srcObject = stream;
  try {
    if (!state.audioCtx) {
      state.audioCtx = new AudioContext();
      state.analyser = state.audioCtx.createAnalyser();
      state.analyser.fftSize = 1024;
    }
    if (state.source) state.source.disconnect();
    state.source = state.audioCtx.createMediaStreamSource(stream);
    state.source.connect(state.analyser);
  } catch (e) { /* a meter is a nicety; the sound plays without it */ }
}

// meter says whether the room's sound arrives: nothing before joining.
function meter() {
  if (!state.joined) { $('hearing').textContent = ''; $('level').value = 0; return; }
  if (state.link || !state.roomTrack || state.roomTrack.readyState === 'ended') {
    $('hearing').textContent = t('The room\'s sound is not arriving'); $('level').value = 0; return;
  }
  if (!state.analyser) { $('hearing').textContent = ''; return; }
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
  if (!m || typeof m !== 'object') return;
  state.heard = Date.now();
  if (m.v !== V) { // a page left open across an upgrade of the room
    notice(t('The room speaks control protocol version {room} and this page version {page}: reload the page', { room: m.v, page: V }));
    return;
  }
  switch (m.type) {
    case 'welcome': // a returning hub's open request is still its own: it never asks again
      state.welcomed = true;
      $('session').textContent = m.text || 'Floor';
      if (!state.link) $('request').disabled = state.floor === 'live';
      if (m.request) {
        state.request = m.request;
        $('request').textContent = t('Withdraw');
      } else {
        state.request = 0; state.floor = '';
        $('request').textContent = t('Request the floor');
        place(t('Not asking for the floor'));
      }
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
      $('on-floor').hidden = m.floor !== 'live';
      if (m.floor !== 'live') toSpeaker(''); // a message is for the turn it was written in
      break;
    case 'message': notice(m.text); break;
    case 'to_speaker': toSpeaker(m.text || ''); break;
    case 'error': notice(t('The room refused: {why}', { why: m.text })); break;
    case 'question':
      $('question').hidden = !m.position;
      $('question').textContent = m.position ? t('Policy question {n}: {question}', { n: m.position, question: m.text }) : '';
      break;
    case 'poll': showPoll(m.poll); break;
    case 'voted': state.voted[m.poll_id] = m.length; showPoll(state.poll); break;
    case 'audience': showAsked(m.questions || []); break;
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
  const speaker = { name, affiliation: $('affiliation').value.trim(), youth: $('youth').checked };
  if ($('type').value) speaker.type = $('type').value; // a point of order or a direct reply; regular says nothing
  send({ type: 'request', speaker });
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

// ---- the phones' questions the moderators published ----

// showAsked lists them, most upvoted first, each with the hub's one
// upvote (a hub counts as one device, as a phone does).
function showAsked(qs) {
  const list = $('asked-list');
  list.replaceChildren();
  for (const q of qs.slice(0, 10)) {
    const li = document.createElement('li');
    const ups = q.upvotes === 1 ? t('1 upvote') : t('{n} upvotes', { n: q.upvotes || 0 });
    const p = document.createElement('p');
    p.textContent = `${ups} · ${q.name ? q.name + ': ' : ''}${q.text}`; // text, never markup
    li.append(p);
    if (q.answer) {
      const a = document.createElement('p');
      a.textContent = t('Answered: {answer}', { answer: q.answer });
      li.append(a);
    }
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.question = String(q.id);
    b.textContent = t(q.upvoted ? 'Upvoted' : 'Upvote');
    b.disabled = !!q.upvoted || q.state !== 'shown';
    b.addEventListener('click', () => { b.disabled = true; send({ type: 'upvote', question_id: q.id }); });
    li.append(b);
    list.append(li);
  }
  $('asked').hidden = list.children.length === 0;
}

// ---- the room's timer, rendered here from its anchors ----

function clock(ns, signed) {
  let s = Math.max(0, Math.floor(ns / 1e9));
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60; s %= 60;
  const mm = h > 0 ? `${h}:${String(m).padStart(2, '0')}` : String(m);
  return (signed ? '' : '') + `${mm}:${String(s).padStart(2, '0')}`;
}

// instant is an RFC 3339 time of the wire in unix nanoseconds; 0 when absent.
function instant(s) { const ms = s ? Date.parse(s) : NaN; return Number.isFinite(ms) ? ms * 1e6 : 0; }

// elapsed is a stopwatch's time at now: before_ns, plus the time since
// "since" while running.
function elapsed(w, now) {
  const before = (w && w.before_ns) || 0;
  if (!w || !w.running) return before;
  return before + Math.max(0, now - instant(w.since));
}

// toSpeaker shows the moderator's message to the hub's speaker ("" takes it away).
function toSpeaker(text) { $('to-speaker').textContent = text; $('to-speaker').hidden = !text; }

// zoneOf is the speaker timer's zone and words at left nanoseconds, with
// the room's thresholds (30 s and 10 s from a room that sends none), as
// the room's own timer reads them.
function zoneOf(tm, left) {
  const warn = tm.warning_ns || (tm.danger_ns ? 0 : 30e9), danger = tm.danger_ns || (tm.warning_ns ? 0 : 10e9);
  if (left < 0) return ['overtime', 'OVER TIME'];
  if (left <= danger) return ['danger', 'LAST SECONDS'];
  if (left <= warn) return ['warning', 'WRAP UP'];
  return ['normal', 'SPEAKING'];
}

function render() {
  meter();
  const tm = state.timer;
  const stale = state.joined && (!state.heard || Date.now() - state.heard > STALE_MS);
  $('stale').hidden = !stale;
  const box = $('timer');
  if (!tm) return;
  const now = Math.max(nowNs() + offset(), instant(tm.last)); // never before the room's last command, as the room reads it
  const sp = tm.speaker;
  box.className = state.floor === 'live' ? 'live' : '';
  if (!sp) {
    $('speaker-name').textContent = ''; $('digits').textContent = '0:00'; $('words').textContent = t('NO SPEAKER');
  } else {
    const el = elapsed(sp.clock, now), allotted = sp.allotted_ns || 0;
    let digits = clock(el), words = 'SPEAKING', zone = 'normal';
    if (sp.mode === 'down' || allotted > 0) {
      const left = allotted - el;
      [zone, words] = zoneOf(tm, left);
      digits = left < 0 ? '+' + clock(-left) : sp.mode === 'down' ? clock(left + 999999999) : clock(el);
    }
    let said = t(words);
    if (!sp.clock || !sp.clock.running) { said = t('PAUSED') + ' · ' + said; box.classList.add('paused'); }
    $('speaker-name').textContent = sp.name; $('digits').textContent = digits; $('words').textContent = said;
    box.classList.add(zone);
  }
  let session = t('Session not started');
  if (tm.ended) session = t('Session ended');
  else if (tm.started) {
    const left = (tm.planned_ns || 0) - elapsed(tm.session, now);
    session = left < 0 ? t('Session OVER TIME +{over}', { over: clock(-left) })
      : tm.session && tm.session.running ? t('Session · {left} left', { left: clock(left) }) : t('Session · {left} left, paused', { left: clock(left) });
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
setInterval(ping, 5000); // the clock offset's refresh; nothing is sent while the channel is closed
setInterval(watch, 250); // the heartbeats' watch: the room sends its timer at least every second
if (!invite.token) notice(t('Open this page from the invite link the moderator sent you.'));
