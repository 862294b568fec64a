#!/usr/bin/python3
"""Hostile input for a !broadcast answerer: sends COUNT datagrams that must all be ignored.

Mixes random bytes of random sizes (some 64 KiB), authentic tokens cut short, tokens under another
key, authentic tokens with their bytes re-ordered, expired authentic tokens, and one authentic token
without a message in it sent again and again (replays). Prints one JSON line with what it sent.
Run inside a test's network namespace only; it sends unicast to --target.
"""

import argparse
import base64
import hashlib
import json
import os
import random
import socket
import time
import zlib

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC


def fernet_for(secret, call_id):
    salt = hashlib.sha256(call_id.encode('utf8')).digest()[:16]
    kdf = PBKDF2HMAC(algorithm=SHA256(), length=32, salt=salt, iterations=480000)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(secret.encode('utf8'))))


def raw(token):
    return base64.urlsafe_b64decode(token)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--target', required=True, help='HOST:PORT of the answerer')
    parser.add_argument('--id', required=True)
    parser.add_argument('--secret', default='flitter_webrtc')
    parser.add_argument('--count', type=int, default=100000)
    args = parser.parse_args()
    host, port = args.target.rsplit(':', 1)
    target = (host, int(port))
    rng = random.Random(5111)
    ours = fernet_for(args.secret, args.id)
    theirs = fernet_for(args.secret + '-wrong', args.id)
    offer = zlib.compress(json.dumps({'offer': 'v=0\r\n' + 'a=x\r\n' * 50}).encode('utf8'), 9)
    authentic = [raw(ours.encrypt(offer)) for _ in range(16)]
    foreign = [raw(theirs.encrypt(offer)) for _ in range(16)]
    expired = [raw(ours.encrypt_at_time(offer, int(time.time()) - 60)) for _ in range(16)]
    no_message = raw(ours.encrypt(b'not zlib at all'))
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
    kinds = {}
    for i in range(args.count):
        kind = i % 7
        if kind == 0:
            data = os.urandom(rng.randrange(0, 1500))
        elif kind == 1:
            data = os.urandom(65507) if rng.random() < 0.01 else bytes([0x80]) + os.urandom(rng.randrange(0, 400))
        elif kind == 2:
            token = rng.choice(authentic)
            data = token[:rng.randrange(0, len(token))]
        elif kind == 3:
            data = rng.choice(foreign)
        elif kind == 4:
            token = bytearray(rng.choice(authentic))
            a, b = sorted(rng.sample(range(len(token)), 2))
            token[a], token[b] = token[b], token[a]
            data = bytes(token) if token[a] != token[b] else bytes(token[:-1])
        elif kind == 5:
            data = rng.choice(expired)
        else:
            data = no_message
        kinds[kind] = kinds.get(kind, 0) + 1
        while True:
            try:
                sock.sendto(data, target)
                break
            except (BlockingIOError, ConnectionRefusedError):
                time.sleep(0.001)
        if i % 2000 == 1999:
            time.sleep(0.01)
    print(json.dumps({'sent': args.count, 'kinds': kinds}), flush=True)


if __name__ == '__main__':
    main()
