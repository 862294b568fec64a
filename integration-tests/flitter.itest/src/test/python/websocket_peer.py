#!/usr/bin/python3
"""
Stand-alone WebRTC peer speaking the !websocket room signalling of the Python flitter-webrtc plugin
(as its client does), used as the remote end in this project's interop tests. Written for the tests;
run with Debian's interpreter (/usr/bin/python3), which has aiortc, aiohttp, av and numpy.

Usage:
    websocket_peer.py --url URL --room ROOM --id ID [--call ID] [--size WxH] [--seconds N]

stdout carries one JSON object per line (see peer_common.emit), logs go to stderr:
    {"event":"joined","room":R,"id":ID}          each time it joins the room
    {"event":"sent","type":"call"|"answer"|"finished"}
    {"event":"received","type":...}              a message it used
    {"event":"state","state":"<connectionState>"}
    {"event":"frame",...}                        as broadcast_peer.py
    {"event":"error","error":"..."}              a server error or a lost connection (it retries in 5 s)
"""

import argparse
import asyncio
import json
import logging
import sys

import aiohttp
from aiortc import RTCSessionDescription

from peer_common import Peer, emit, parse_size, serve, setup_logging

log = logging.getLogger('websocket_peer')

RETRY = 5.0


class WebSocketPeer(Peer):
    def __init__(self, args, width, height):
        super().__init__(width, height)
        self.url = args.url
        self.room = args.room
        self.ident = args.id
        self.callee = args.call

    async def send(self, ws, message):
        await ws.send_str(json.dumps(message))
        emit('sent', type=message['type'])

    async def exchange(self, ws, pc):
        """The original client's exchange: returns once offer and answer have crossed."""
        step = 'make_call' if self.callee else 'wait_call'
        peer = None
        async for frame in ws:
            if frame.type != aiohttp.WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            kind = message['type']
            if kind == 'error':
                raise ConnectionError(message['error'])
            if kind == 'members' and step == 'make_call' and self.callee in message['members']:
                peer = self.callee
                await pc.setLocalDescription(await pc.createOffer())
                await self.send(ws, {'type': 'call', 'to': peer, 'offer': pc.localDescription.sdp})
                step = 'wait_answer'
            elif kind == 'members' and peer is not None and peer not in message['members']:
                raise ConnectionError(f"peer '{peer}' left the room")
            elif kind == 'call' and step in ('make_call', 'wait_call'):
                peer = message['from']
                emit('received', type='call')
                await pc.setRemoteDescription(RTCSessionDescription(sdp=message['offer'], type='offer'))
                await pc.setLocalDescription(await pc.createAnswer())
                await self.send(ws, {'type': 'answer', 'to': peer, 'answer': pc.localDescription.sdp})
                step = 'wait_finished'
            elif kind == 'answer' and step == 'wait_answer' and message['from'] == peer:
                emit('received', type='answer')
                await pc.setRemoteDescription(RTCSessionDescription(sdp=message['answer'], type='answer'))
                await self.send(ws, {'type': 'finished', 'to': peer})
                return
            elif kind == 'finished' and step == 'wait_finished' and message['from'] == peer:
                emit('received', type='finished')
                return
        raise ConnectionError("the server closed the socket")

    async def run(self):
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    async with session.ws_connect(self.url) as ws:
                        await ws.send_str(json.dumps({'type': 'join', 'id': self.ident, 'room': self.room}))
                        emit('joined', room=self.room, id=self.ident)
                        pc = await self.new_connection()
                        await self.exchange(ws, pc)
                    await self.ended.wait()
                    log.info("connection %s; joining again", pc.connectionState)
                    await self.close_connection()
                except (ConnectionError, aiohttp.ClientError, KeyError, ValueError) as exc:
                    emit('error', error=str(exc))
                    await self.close_connection()
                    await asyncio.sleep(RETRY)


def main():
    parser = argparse.ArgumentParser(description="flitter-webrtc websocket signalling test peer")
    parser.add_argument('--url', required=True)
    parser.add_argument('--room', required=True)
    parser.add_argument('--id', required=True)
    parser.add_argument('--call', metavar='ID')
    parser.add_argument('--size', type=parse_size, default=(320, 240), metavar='WxH')
    parser.add_argument('--seconds', type=float, default=None)
    parser.add_argument('--verbose', '-v', action='store_true', help="debug logging on stderr")
    args = parser.parse_args()
    setup_logging(args.verbose)
    width, height = args.size
    asyncio.run(serve(WebSocketPeer(args, width, height), args.seconds))
    return 0


if __name__ == '__main__':
    sys.exit(main())
