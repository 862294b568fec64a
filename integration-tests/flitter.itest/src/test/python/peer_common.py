"""What the test peers share: the JSON event lines on stdout, the video they send (four coloured
quadrants at 30 fps) and how they report what they receive, and the life of one RTCPeerConnection.
Written for this project's tests; run with Debian's /usr/bin/python3 (python3-aiortc, -av, -numpy).
"""

import argparse
import asyncio
import json
import logging
import signal
import sys

import av
import numpy
from aiortc import RTCConfiguration, RTCPeerConnection, VideoStreamTrack
from aiortc.mediastreams import MediaStreamError

log = logging.getLogger('peer')


def emit(event, **fields):
    """Write one JSON event line to stdout and flush it."""
    record = {'event': event}
    record.update(fields)
    sys.stdout.write(json.dumps(record, separators=(',', ':')) + '\n')
    sys.stdout.flush()


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


class Peer:
    """One side of a call: makes RTCPeerConnections that send the quadrants and report what arrives."""

    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pc = None
        self.ended = None
        self.changed = None
        self.track_tasks = set()

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


def parse_size(text):
    try:
        width, height = (int(part) for part in text.lower().split('x'))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WxH, not {text!r}")
    if width < 2 or height < 2:
        raise argparse.ArgumentTypeError("size too small")
    return width, height


def setup_logging(verbose):
    """Logs on stderr; aiortc's and aioice's only from warnings up unless verbose."""
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if verbose else logging.INFO,
                        format='%(asctime)s %(name)s %(levelname)s %(message)s')
    if not verbose:
        for noisy in ('aioice', 'aiortc'):
            logging.getLogger(noisy).setLevel(logging.WARNING)


async def serve(peer, seconds):
    """Runs peer.run() until it ends, SIGTERM/SIGINT, or after seconds (None: no limit); then closes."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    runner = asyncio.ensure_future(peer.run())
    stopper = asyncio.ensure_future(stop.wait())
    try:
        done, _ = await asyncio.wait({runner, stopper}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
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
