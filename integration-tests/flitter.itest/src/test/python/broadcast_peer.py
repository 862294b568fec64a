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
import socket
import sys
import zlib

from aiortc import RTCSessionDescription
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from peer_common import Peer, emit, parse_size, serve, setup_logging

log = logging.getLogger('broadcast_peer')

RESEND_INTERVAL = 5.0     # seconds between (re)transmissions of an offer/answer
MAX_SENDS = 5             # transmissions before giving up and starting over
TOKEN_TTL = 10            # seconds a received token stays valid
RECV_BUFFER = 65536
KDF_ITERATIONS = 480000


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


class BroadcastPeer(Peer):
    def __init__(self, args, width, height):
        super().__init__(width, height)
        self.calling = args.call is not None
        self.ident = args.call if self.calling else args.answer
        self.port = args.port
        self.host = args.host
        self.codec = MessageCodec(args.secret, self.ident)

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

    setup_logging(args.verbose)

    width, height = args.size
    asyncio.run(serve(BroadcastPeer(args, width, height), args.seconds))
    return 0


if __name__ == '__main__':
    sys.exit(main())
