#!/usr/bin/python3
"""
Stand-alone WebRTC peer speaking the UDP broadcast signalling of the Python
flitter-webrtc plugin, used as the remote end in network-namespace tests.

Run with Debian's interpreter (/usr/bin/python3), which has aiortc, av, numpy
and cryptography installed.

Usage:
    broadcast_peer.py (--call ID | --answer ID) [--secret S] [--port P]
                      [--host H] [--size WxH] [--seconds N]

stdout carries one JSON object per line and nothing else; logs go to stderr:
    {"event":"listening","address":"HOST:PORT"}   each time a signalling socket is bound
    {"event":"sent","kind":"offer"|"answer","bytes":N}
    {"event":"received","kind":"offer"|"answer","bytes":N}   a datagram that was used (description applied)
    {"event":"ignored","reason":"..."}             a datagram that was not used (unusable SDP also restarts)
    {"event":"state","state":"<connectionState>"}  every RTCPeerConnection state change
    {"event":"frame","count":N,"width":W,"height":H,"quadrants":[[r,g,b]x4]}
        first and every 10th received frame; quadrants are the mean RGB of the
        central half of the top-left, top-right, bottom-left, bottom-right quadrants

Exits 0 after --seconds, or on SIGTERM / SIGINT.
"""

import argparse
import asyncio
import base64
import hashlib
import json
import logging
import signal
import socket
import sys
import zlib

import av
import numpy
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription, VideoStreamTrack
from aiortc.mediastreams import MediaStreamError
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

log = logging.getLogger('broadcast_peer')

RESEND_INTERVAL = 5.0     # seconds between (re)transmissions of an offer/answer
MAX_SENDS = 5             # transmissions before giving up and starting over
TOKEN_TTL = 10            # seconds a received token stays valid
RECV_BUFFER = 65536
KDF_ITERATIONS = 480000


def emit(event, **fields):
    """Write one JSON event line to stdout and flush it."""
    record = {'event': event}
    record.update(fields)
    sys.stdout.write(json.dumps(record, separators=(',', ':')) + '\n')
    sys.stdout.flush()


class MessageCodec:
    """JSON -> zlib(9) -> Fernet; the datagram is the decoded Fernet token."""

    def __init__(self, secret, ident):
        salt = hashlib.sha256(ident.encode('utf-8')).digest()[:16]
        kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=KDF_ITERATIONS)
        key = kdf.derive(secret.encode('utf-8'))
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def encode(self, message):
        packed = zlib.compress(json.dumps(message).encode('utf-8'), 9)
        return base64.urlsafe_b64decode(self._fernet.encrypt(packed))

    def decode(self, datagram):
        """Return the message dict, or raise ValueError with a short reason."""
        try:
            packed = self._fernet.decrypt(base64.urlsafe_b64encode(datagram), ttl=TOKEN_TTL)
        except InvalidToken:
            raise ValueError("cannot decrypt (wrong secret/id, expired or not ours)")
        try:
            message = json.loads(zlib.decompress(packed).decode('utf-8'))
        except (zlib.error, UnicodeDecodeError, ValueError) as exc:
            raise ValueError(f"badly encoded message ({type(exc).__module__}.{type(exc).__name__})")
        if not isinstance(message, dict):
            raise ValueError("message is not a JSON object")
        return message


class QuadrantTrack(VideoStreamTrack):
    """30 fps track: red | green over blue | white."""

    def __init__(self, width, height):
        super().__init__()
        image = numpy.zeros((height, width, 3), dtype=numpy.uint8)
        half_h, half_w = height // 2, width // 2
        image[:half_h, :half_w] = (255, 0, 0)
        image[:half_h, half_w:] = (0, 255, 0)
        image[half_h:, :half_w] = (0, 0, 255)
        image[half_h:, half_w:] = (255, 255, 255)
        self._image = image

    async def recv(self):
        pts, time_base = await self.next_timestamp()
        frame = av.VideoFrame.from_ndarray(self._image, format='rgb24')
        frame.pts = pts
        frame.time_base = time_base
        return frame


def quadrant_means(image):
    height, width = image.shape[:2]
    half_h, half_w = height // 2, width // 2
    means = []
    for top, bottom in ((0, half_h), (half_h, height)):
        for left, right in ((0, half_w), (half_w, width)):
            qh, qw = bottom - top, right - left
            region = image[top + qh // 4:top + (3 * qh) // 4, left + qw // 4:left + (3 * qw) // 4]
            if region.size == 0:
                region = image[top:bottom, left:right]
            means.append([int(round(float(v))) for v in region.reshape(-1, 3).mean(axis=0)])
    return means


class BroadcastPeer:
    def __init__(self, args, width, height):
        self.calling = args.call is not None
        self.ident = args.call if self.calling else args.answer
        self.port = args.port
        self.host = args.host
        self.width = width
        self.height = height
        self.codec = MessageCodec(args.secret, self.ident)
        self.pc = None
        self.ended = None
        self.changed = None
        self.track_tasks = set()

    # --- peer connection -------------------------------------------------

    async def new_connection(self):
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        ended = asyncio.Event()
        changed = asyncio.Event()

        @pc.on('connectionstatechange')
        def on_state():
            state = pc.connectionState
            emit('state', state=state)
            changed.set()
            if state in ('failed', 'closed'):
                ended.set()

        @pc.on('track')
        def on_track(track):
            log.info("remote %s track %s", track.kind, track.id)
            if track.kind == 'video':
                task = asyncio.ensure_future(self.consume(track))
                self.track_tasks.add(task)
                task.add_done_callback(self.track_tasks.discard)

        pc.addTrack(QuadrantTrack(self.width, self.height))
        self.pc = pc
        self.ended = ended
        self.changed = changed
        return pc

    async def close_connection(self):
        for task in list(self.track_tasks):
            task.cancel()
        for task in list(self.track_tasks):
            try:
                await task
            except (asyncio.CancelledError, Exception):
                pass
        if self.pc is not None:
            pc, self.pc = self.pc, None
            await pc.close()

    async def consume(self, track):
        count = 0
        try:
            while True:
                frame = await track.recv()
                count += 1
                if count == 1 or count % 10 == 0:
                    image = frame.to_ndarray(format='rgb24')
                    emit('frame', count=count, width=frame.width, height=frame.height,
                         quadrants=quadrant_means(image))
        except MediaStreamError:
            log.info("remote track ended after %d frames", count)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("error while receiving video")

    # --- signalling ------------------------------------------------------

    def open_socket(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.calling:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
            sock.bind((self.host, 0))
        else:
            sock.bind((self.host, self.port))
        sock.setblocking(False)
        host, port = sock.getsockname()[:2]
        emit('listening', address=f"{host}:{port}")
        return sock

    async def send(self, sock, kind, sdp, address):
        data = self.codec.encode({kind: sdp})
        await asyncio.get_running_loop().sock_sendto(sock, data, address)
        emit('sent', kind=kind, bytes=len(data))
        log.debug("sent %s (%d bytes) to %s", kind, len(data), address)

    async def receive(self, sock, timeout):
        """Wait for a datagram, the timeout, or a connection state change (-> (None, None))."""
        self.changed.clear()
        receiving = asyncio.ensure_future(asyncio.get_running_loop().sock_recvfrom(sock, RECV_BUFFER))
        watching = asyncio.ensure_future(self.changed.wait())
        try:
            await asyncio.wait({receiving, watching}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            watching.cancel()
            if not receiving.done():
                receiving.cancel()
        if receiving.done() and not receiving.cancelled():
            try:
                return receiving.result()
            except OSError as exc:
                log.warning("receive failed: %s", exc)
                await asyncio.sleep(0.1)
        return None, None

    async def negotiate(self, sock, pc):
        """Exchange offer/answer; return once connected or when it is time to start over."""
        loop = asyncio.get_running_loop()
        if self.calling:
            await pc.setLocalDescription(await pc.createOffer())
            phase = 'offer'
            peer_address = ('<broadcast>', self.port)
        else:
            phase = 'wait'
            peer_address = None
        sends_left = MAX_SENDS
        while pc.connectionState in ('new', 'connecting'):
            if phase in ('offer', 'answer'):
                if sends_left == 0:
                    log.info("no progress after %d sends; starting over", MAX_SENDS)
                    return
                await self.send(sock, phase, pc.localDescription.sdp, peer_address)
                sends_left -= 1
            deadline = loop.time() + RESEND_INTERVAL
            while True:
                remaining = deadline - loop.time()
                if remaining <= 0 or pc.connectionState not in ('new', 'connecting'):
                    break
                data, address = await self.receive(sock, remaining)
                if data is None:
                    continue
                try:
                    message = self.codec.decode(data)
                except ValueError as exc:
                    log.warning("ignoring %d-byte datagram from %s: %s", len(data), address, exc)
                    emit('ignored', reason=str(exc))
                    continue
                offer, answer = message.get('offer'), message.get('answer')
                if phase == 'wait' and isinstance(offer, str):
                    log.info("offer from %s", address)
                    try:
                        await pc.setRemoteDescription(RTCSessionDescription(sdp=offer, type='offer'))
                        await pc.setLocalDescription(await pc.createAnswer())
                    except Exception as exc:
                        log.warning("unusable offer (%r); starting over", exc)
                        emit('ignored', reason=f"unusable offer: {type(exc).__name__}: {exc}")
                        return
                    emit('received', kind='offer', bytes=len(data))
                    phase = 'answer'
                    peer_address = address
                    sends_left = MAX_SENDS
                    break
                if phase == 'offer' and isinstance(answer, str):
                    log.info("answer from %s", address)
                    try:
                        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type='answer'))
                    except Exception as exc:
                        log.warning("unusable answer (%r); starting over", exc)
                        emit('ignored', reason=f"unusable answer: {type(exc).__name__}: {exc}")
                        return
                    emit('received', kind='answer', bytes=len(data))
                    phase = 'done'
                    break
                kinds = ','.join(sorted(k for k in message if k in ('offer', 'answer'))) or 'unknown'
                reason = f"unexpected {kinds} message while in phase {phase}"
                log.info("ignoring %s from %s", reason, address)
                emit('ignored', reason=reason)

    async def run(self):
        while True:
            pc = await self.new_connection()
            sock = self.open_socket()
            try:
                await self.negotiate(sock, pc)
            finally:
                sock.close()
            if pc.connectionState == 'connected':
                log.info("connected; waiting for the connection to end")
                await self.ended.wait()
                log.info("connection %s; starting over", pc.connectionState)
            await self.close_connection()


def parse_size(text):
    try:
        width, height = (int(part) for part in text.lower().split('x'))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WxH, not {text!r}")
    if width < 2 or height < 2:
        raise argparse.ArgumentTypeError("size too small")
    return width, height


def main():
    parser = argparse.ArgumentParser(description="flitter-webrtc broadcast signalling test peer")
    role = parser.add_mutually_exclusive_group(required=True)
    role.add_argument('--call', metavar='ID')
    role.add_argument('--answer', metavar='ID')
    parser.add_argument('--secret', default='flitter_webrtc')
    parser.add_argument('--port', type=int, default=5111)
    parser.add_argument('--host', default='')
    parser.add_argument('--size', type=parse_size, default=(320, 240), metavar='WxH')
    parser.add_argument('--seconds', type=float, default=None)
    parser.add_argument('--verbose', '-v', action='store_true', help="debug logging on stderr")
    args = parser.parse_args()

    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if args.verbose else logging.INFO,
                        format='%(asctime)s %(name)s %(levelname)s %(message)s')
    if not args.verbose:
        for noisy in ('aioice', 'aiortc'):
            logging.getLogger(noisy).setLevel(logging.WARNING)

    width, height = args.size
    asyncio.run(amain(args, width, height))
    return 0


async def amain(args, width, height):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    peer = BroadcastPeer(args, width, height)
    runner = asyncio.ensure_future(peer.run())
    stopper = asyncio.ensure_future(stop.wait())
    try:
        done, _ = await asyncio.wait({runner, stopper}, timeout=args.seconds,
                                     return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            runner.result()  # surface an unexpected crash
    finally:
        for task in (runner, stopper):
            task.cancel()
        for task in (runner, stopper):
            try:
                await task
            except asyncio.CancelledError:
                pass
        await peer.close_connection()


if __name__ == '__main__':
    sys.exit(main())
