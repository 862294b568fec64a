'use strict';
/*
 * A browser peer for Flitter's !websocket signalling, served by the room server it talks to.
 *
 * It follows the protocol of the !websocket client: join a room with an ID; a caller sends its offer
 * ('call') once the callee's ID is among the members; the callee sends an 'answer', the caller
 * 'finished'; both then leave the server, and the call runs peer to peer until it ends, when the page
 * joins the room again. Offers and answers carry complete SDP (ICE gathered first, no trickle).
 *
 * The state of the call is shown on the page and kept in window.flitterCall for scripts.
 */

/** Waits after a failure before joining again (as the !websocket client). */
const RETRY_MS = 5000;
/** Waits after a call ended normally before joining again. */
const REJOIN_MS = 1000;
/** Gives up on an exchange of offer and answer that has not finished in this long. */
const EXCHANGE_MS = 30000;
/** A call whose connection has been 'disconnected' this long has ended. */
const DISCONNECT_MS = 2000;
/** Sends what ICE has gathered after this long, even when gathering has not finished. */
const GATHER_MS = 5000;

const flitterCall = {
  state: 'idle', detail: 'Not joined.', peer: null, members: [],
  source: null, incoming: null, outgoing: null,
};
window.flitterCall = flitterCall;

const page = {
  form: document.getElementById('join'),
  start: document.getElementById('start'),
  leave: document.getElementById('leave'),
  state: document.getElementById('state'),
  remote: document.getElementById('remote'),
  local: document.getElementById('local'),
  incoming: document.getElementById('incoming'),
  outgoing: document.getElementById('outgoing'),
};

function show(state, detail) {
  flitterCall.state = state;
  flitterCall.detail = detail;
  page.state.textContent = detail;
  page.state.className = state;
}

/** The video to send: the camera, or a generated test pattern when asked for or when there is no camera. */
async function openSource(wanted) {
  if (wanted === 'camera' && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } }, audio: false,
      });
      return { stream, kind: 'camera', stop: () => stream.getTracks().forEach(t => t.stop()) };
    } catch (e) {
      return testPattern('no camera (' + e.name + '): sending a test pattern');
    }
  }
  return testPattern('test pattern');
}

/** Colour bars with a moving bar and a clock, drawn 30 times a second on a canvas and captured. */
function testPattern(kind) {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const g = canvas.getContext('2d');
  const bars = ['#fff', '#ff0', '#0ff', '#0f0', '#f0f', '#f00', '#00f', '#000'];
  const started = performance.now();
  const draw = () => {
    const t = (performance.now() - started) / 1000;
    const w = canvas.width / bars.length;
    bars.forEach((colour, i) => { g.fillStyle = colour; g.fillRect(i * w, 0, w + 1, canvas.height); });
    g.fillStyle = 'rgba(128,128,128,0.8)';
    g.fillRect((t * 120) % canvas.width, 0, 16, canvas.height);
    g.fillStyle = '#000';
    g.fillRect(0, canvas.height - 48, canvas.width, 48);
    g.fillStyle = '#fff';
    g.font = '28px monospace';
    g.fillText(t.toFixed(2) + ' s', 16, canvas.height - 14);
  };
  draw();
  const timer = setInterval(draw, 1000 / 30);
  const stream = canvas.captureStream(30);
  return { stream, kind, stop: () => { clearInterval(timer); stream.getTracks().forEach(t => t.stop()); } };
}

function gathered(pc) {
  return new Promise(resolve => {
    if (pc.iceGatheringState === 'complete') {
      resolve();
      return;
    }
    const done = () => {
      if (pc.iceGatheringState === 'complete') {
        pc.removeEventListener('icegatheringstatechange', done);
        resolve();
      }
    };
    pc.addEventListener('icegatheringstatechange', done);
    setTimeout(resolve, GATHER_MS);
  });
}

/** One joined room: signalling, then the call, then joining again, until left. */
class Session {
  constructor(settings, source) {
    this.settings = settings;
    this.source = source;
    this.open = true;
    this.socket = null;
    this.pc = null;
    this.peer = null;
    this.phase = 'idle';
    this.timers = new Set();
    this.statsTimer = setInterval(() => this.readStats(), 1000);
  }

  after(ms, action) {
    const timer = setTimeout(() => { this.timers.delete(timer); action(); }, ms);
    this.timers.add(timer);
    return timer;
  }

  join() {
    if (!this.open) {
      return;
    }
    const { room, id, call } = this.settings;
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/';
    this.phase = 'joining';
    this.peer = null;
    show('joining', 'Joining room ' + room + ' as ' + id + '…');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'join', id, room }));
      this.phase = call ? 'waiting-callee' : 'waiting-call';
      show('waiting', call ? 'In room ' + room + ': waiting for ' + call + ' to join.'
        : 'In room ' + room + ' as ' + id + ': waiting for a call.');
    };
    socket.onmessage = event => {
      if (this.socket === socket) {
        this.receive(event.data).catch(e => this.retry('the exchange failed: ' + e, RETRY_MS));
      }
    };
    socket.onclose = event => {
      if (this.socket === socket) {
        this.socket = null;
        this.retry('the signalling server closed the connection' + (event.reason ? ' (' + event.reason + ')' : ''),
          RETRY_MS);
      }
    };
  }

  send(message) {
    this.socket.send(JSON.stringify(message));
  }

  async receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      this.retry('the server sent a message that is not JSON', RETRY_MS);
      return;
    }
    switch (message.type) {
      case 'error':
        this.retry('the server says: ' + message.error, RETRY_MS);
        break;
      case 'members':
        flitterCall.members = Array.isArray(message.members) ? message.members : [];
        if (this.phase === 'waiting-callee' && flitterCall.members.includes(this.settings.call)) {
          await this.offer(this.settings.call);
        } else if (this.peer && !flitterCall.members.includes(this.peer)) {
          this.retry(this.peer + ' left the room', RETRY_MS);
        }
        break;
      case 'call':
        if (this.phase === 'waiting-call' || this.phase === 'waiting-callee') {
          await this.answer(message.from, message.offer);
        }
        break;
      case 'answer':
        if (this.phase === 'offered' && message.from === this.peer) {
          await this.pc.setRemoteDescription({ type: 'answer', sdp: message.answer });
          this.send({ type: 'finished', to: this.peer });
          this.signalled();
        }
        break;
      case 'finished':
        if (this.phase === 'answered' && message.from === this.peer) {
          this.signalled();
        }
        break;
      default:
        break;
    }
  }

  connection() {
    const pc = new RTCPeerConnection();
    this.pc = pc;
    pc.ontrack = event => {
      page.remote.srcObject = event.streams[0] || new MediaStream([event.track]);
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) {
        return;
      }
      switch (pc.connectionState) {
        case 'connected':
          clearTimeout(this.disconnected);
          show('connected', 'In a call with ' + this.peer + '.');
          break;
        case 'disconnected':
          this.disconnected = this.after(DISCONNECT_MS, () => {
            if (this.pc === pc && pc.connectionState === 'disconnected') {
              this.retry('the call with ' + this.peer + ' was lost', REJOIN_MS);
            }
          });
          break;
        case 'failed':
          this.retry('the call with ' + this.peer + ' failed', RETRY_MS);
          break;
        default:
          break;
      }
    };
    return pc;
  }

  async offer(peer) {
    this.phase = 'offering';
    this.peer = peer;
    flitterCall.peer = peer;
    show('calling', 'Calling ' + peer + '…');
    const pc = this.connection();
    this.source.stream.getVideoTracks().forEach(track => pc.addTrack(track, this.source.stream));
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    if (this.pc !== pc) {
      return;
    }
    this.send({ type: 'call', to: peer, offer: pc.localDescription.sdp });
    this.phase = 'offered';
    this.exchangeTimer(peer);
  }

  async answer(peer, sdp) {
    this.phase = 'answering';
    this.peer = peer;
    flitterCall.peer = peer;
    show('answering', 'Answering ' + peer + '…');
    const pc = this.connection();
    await pc.setRemoteDescription({ type: 'offer', sdp });
    this.source.stream.getVideoTracks().forEach(track => pc.addTrack(track, this.source.stream));
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    if (this.pc !== pc) {
      return;
    }
    this.send({ type: 'answer', to: peer, answer: pc.localDescription.sdp });
    this.phase = 'answered';
    this.exchangeTimer(peer);
  }

  exchangeTimer(peer) {
    const pc = this.pc;
    this.after(EXCHANGE_MS, () => {
      if (this.pc === pc && (this.phase === 'offered' || this.phase === 'answered')) {
        this.retry('no reply from ' + peer + ' in ' + EXCHANGE_MS / 1000 + ' s', RETRY_MS);
      }
    });
  }

  /** Offer and answer are exchanged: leave the server (as the !websocket client does) and let the call run. */
  signalled() {
    this.phase = 'in-call';
    this.closeSocket();
    if (this.pc.connectionState !== 'connected') {
      show('connecting', 'Connecting to ' + this.peer + '…');
    }
  }

  closeSocket() {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.close(1000);
    }
  }

  hangUp() {
    this.closeSocket();
    if (this.pc) {
      this.pc.close();
      this.pc = null;
    }
    page.remote.srcObject = null;
    flitterCall.peer = null;
    flitterCall.incoming = null;
    flitterCall.outgoing = null;
    page.incoming.textContent = 'nothing yet';
    page.outgoing.textContent = 'nothing yet';
    // The next call's rates start from its own byte counts.
    this.lastIn = null;
    this.lastOut = null;
  }

  retry(reason, delay) {
    if (!this.open) {
      return;
    }
    this.hangUp();
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.phase = 'idle';
    show(reason.startsWith('the server says') ? 'error' : 'retrying',
      reason.charAt(0).toUpperCase() + reason.slice(1) + '; joining again in ' + delay / 1000 + ' s.');
    this.after(delay, () => this.join());
  }

  stop() {
    this.open = false;
    this.hangUp();
    this.timers.forEach(clearTimeout);
    clearInterval(this.statsTimer);
    this.source.stop();
    show('idle', 'Left.');
  }

  async readStats() {
    const pc = this.pc;
    if (!pc) {
      return;
    }
    const report = await pc.getStats();
    const now = performance.now();
    report.forEach(s => {
      if (s.kind !== 'video' || (s.type !== 'inbound-rtp' && s.type !== 'outbound-rtp')) {
        return;
      }
      const incoming = s.type === 'inbound-rtp';
      const bytes = incoming ? s.bytesReceived : s.bytesSent;
      const before = incoming ? this.lastIn : this.lastOut;
      const kbps = before ? Math.round((bytes - before.bytes) * 8 / (now - before.time)) : 0;
      const reading = {
        frames: (incoming ? s.framesDecoded : s.framesEncoded) || 0,
        width: s.frameWidth || 0, height: s.frameHeight || 0,
        fps: s.framesPerSecond || 0, kbps,
      };
      if (incoming) {
        this.lastIn = { bytes, time: now };
        flitterCall.incoming = reading;
      } else {
        this.lastOut = { bytes, time: now };
        flitterCall.outgoing = reading;
      }
      (incoming ? page.incoming : page.outgoing).textContent = reading.frames === 0 ? 'nothing yet'
        : reading.width + '×' + reading.height + ' at ' + Math.round(reading.fps) + ' fps, ' + kbps + ' kbit/s, '
          + reading.frames + ' frames';
    });
  }
}

let session = null;
// Counts starts, so that a Leave while a start waits for the camera cancels that start.
let starts = 0;

async function start(settings) {
  page.start.disabled = true;
  page.leave.disabled = false;
  const started = ++starts;
  const source = await openSource(settings.source);
  if (started !== starts) {
    source.stop();
    return;
  }
  flitterCall.source = source.kind;
  page.local.srcObject = source.stream;
  session = new Session(settings, source);
  session.join();
}

page.form.addEventListener('submit', event => {
  event.preventDefault();
  const data = new FormData(page.form);
  const text = name => (data.get(name) || '').trim();
  start({ room: text('room'), id: text('id'), call: text('call') || null, source: text('source') });
});

page.leave.addEventListener('click', () => {
  starts++;
  if (session) {
    session.stop();
    session = null;
  }
  page.start.disabled = false;
  page.leave.disabled = true;
});

// Fields can be given in the address (?room=R&id=ME&call=PEER&source=pattern); with a room and an ID the
// page joins at once, so a link can be shared.
const query = new URLSearchParams(location.search);
for (const name of ['room', 'id', 'call', 'source']) {
  if (query.has(name)) {
    page.form.elements[name].value = query.get(name);
  }
}
if (query.get('room') && query.get('id')) {
  page.form.requestSubmit();
}
