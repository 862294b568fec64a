#!/usr/bin/python3
"""A room server for tests that speaks flitter-webrtc's !websocket protocol, as its Python server does.

A client joins a room under an ID ({"type": "join", "id": ..., "room": ...}); every member then gets
the member list; a taken ID gets an error and is disconnected; a message with "to" goes to that member
with "from" added; leaving sends the others a new list and an empty room goes. Written for this
project's tests on Debian's python3-aiohttp. Prints one JSON line per event on stdout.
"""

import argparse
import json

from aiohttp import web, WSMsgType

rooms = {}


def say(**event):
    print(json.dumps(event), flush=True)


async def tell_members(room):
    text = json.dumps({'type': 'members', 'members': list(room)})
    for member in list(room.values()):
        try:
            await member.send_str(text)
        except ConnectionError:
            pass


async def client(request):
    ws = web.WebSocketResponse(max_msg_size=1 << 20)
    await ws.prepare(request)
    room_name = member = None
    try:
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            if member is None:
                if message['type'] != 'join':
                    continue
                room = rooms.setdefault(message['room'], {})
                if message['id'] in room:
                    await ws.send_str(json.dumps({'type': 'error', 'error': 'User ID already taken'}))
                    break
                room_name, member = message['room'], message['id']
                room[member] = ws
                say(event='joined', room=room_name, id=member)
                await tell_members(room)
            elif message.get('to') is not None:
                message['from'] = member
                target = rooms[room_name].get(message['to'])
                say(event='relayed', type=message.get('type'), to=message['to'], delivered=target is not None)
                if target is not None:
                    await target.send_str(json.dumps(message))
    except (ValueError, KeyError) as exc:
        say(event='protocol-error', error=str(exc))
    finally:
        if member is not None:
            room = rooms[room_name]
            del room[member]
            say(event='left', room=room_name, id=member)
            if room:
                await tell_members(room)
            else:
                del rooms[room_name]
    return ws


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, required=True)
    args = parser.parse_args()
    app = web.Application()
    app.add_routes([web.get('/', client)])

    async def started(app):
        say(event='listening', port=args.port)

    app.on_startup.append(started)
    web.run_app(app, host=args.host, port=args.port, print=None, handle_signals=True)


if __name__ == '__main__':
    main()
