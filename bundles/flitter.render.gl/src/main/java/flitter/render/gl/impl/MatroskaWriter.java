package flitter.render.gl.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A streaming Matroska/WebM writer for one VP8 video track. JCodec's own Matroska muxer keeps every
 * frame in memory until the end and fixes the time scale at 25 fps, so frames go to disk here as they
 * come: a cluster at the first key frame after each second of video, sizes patched in place when a cluster (and, at the end, the
 * segment) is complete. Times are in milliseconds (the Matroska default time-code scale).
 */
final class MatroskaWriter implements AutoCloseable {
    private static final int EBML = 0x1A45DFA3;
    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int TIMECODE_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;
    private static final int MUXING_APP = 0x4D80;
    private static final int WRITING_APP = 0x5741;
    private static final int TRACKS = 0x1654AE6B;
    private static final int TRACK_ENTRY = 0xAE;
    private static final int CLUSTER = 0x1F43B675;
    private static final int CLUSTER_TIMECODE = 0xE7;
    private static final int SIMPLE_BLOCK = 0xA3;
    private static final int SIZE_BYTES = 8;
    private static final long CLUSTER_SPAN_MS = 1000;
    /** A block's time is a signed 16-bit offset from its cluster's. */
    private static final long MAX_CLUSTER_SPAN_MS = Short.MAX_VALUE;

    private final FileChannel out;
    private final ByteBuffer header = ByteBuffer.allocate(64);
    private final long segmentSizeAt;
    private final long durationAt;
    private long clusterSizeAt = -1;
    private long clusterStart;
    private long lastTimeMs;
    private boolean closed;

    /** Starts the file: header, segment info and the one track. {@code docType} is "webm" or "matroska". */
    MatroskaWriter(FileChannel out, String docType, int width, int height, double fps) throws IOException {
        this.out = out;
        ByteBuffer head = ByteBuffer.allocate(512);
        long ebmlSize = open(head, EBML);
        uint(head, 0x4286, 1);             // EBMLVersion
        uint(head, 0x42F7, 1);             // EBMLReadVersion
        uint(head, 0x42F2, 4);             // EBMLMaxIDLength
        uint(head, 0x42F3, 8);             // EBMLMaxSizeLength
        string(head, 0x4282, docType);     // DocType
        uint(head, 0x4287, 2);             // DocTypeVersion
        uint(head, 0x4285, 2);             // DocTypeReadVersion
        close(head, ebmlSize);
        long segmentSize = open(head, SEGMENT);
        long infoSize = open(head, INFO);
        uint(head, TIMECODE_SCALE, 1_000_000);
        id(head, DURATION);
        size(head, 1, 8);
        long durationOffset = head.position();
        head.putDouble(0);
        string(head, MUXING_APP, "flitter");
        string(head, WRITING_APP, "flitter");
        close(head, infoSize);
        long tracksSize = open(head, TRACKS);
        long entrySize = open(head, TRACK_ENTRY);
        uint(head, 0xD7, 1);               // TrackNumber
        uint(head, 0x73C5, 1);             // TrackUID
        uint(head, 0x83, 1);               // TrackType: video
        uint(head, 0x9C, 0);               // FlagLacing
        string(head, 0x86, "V_VP8");       // CodecID
        uint(head, 0x23E383, Math.round(1e9 / fps)); // DefaultDuration (ns)
        long videoSize = open(head, 0xE0);
        uint(head, 0xB0, width);           // PixelWidth
        uint(head, 0xBA, height);          // PixelHeight
        long colourSize = open(head, 0x55B0);
        uint(head, 0x55B1, 6);             // MatrixCoefficients: BT.601
        uint(head, 0x55B9, 1);             // Range: limited
        uint(head, 0x55BA, 6);             // TransferCharacteristics: BT.601
        uint(head, 0x55BB, 6);             // Primaries: SMPTE 170M
        close(head, colourSize);
        close(head, videoSize);
        close(head, entrySize);
        close(head, tracksSize);
        head.flip();
        long start = out.position();
        segmentSizeAt = start + segmentSize;
        durationAt = start + durationOffset;
        while (head.hasRemaining()) {
            out.write(head);
        }
    }

    /** Appends one frame at {@code timeMs}, which never goes backwards. */
    void write(ByteBuffer frame, long timeMs, boolean keyFrame) throws IOException {
        long sinceCluster = timeMs - clusterStart;
        if (clusterSizeAt < 0 || (keyFrame && sinceCluster >= CLUSTER_SPAN_MS) || sinceCluster > MAX_CLUSTER_SPAN_MS) {
            finishCluster();
            header.clear();
            id(header, CLUSTER);
            clusterSizeAt = out.position() + header.position();
            size(header, SIZE_BYTES, 0);
            uint(header, CLUSTER_TIMECODE, timeMs);
            clusterStart = timeMs;
            writeHeader();
        }
        header.clear();
        id(header, SIMPLE_BLOCK);
        size(header, SIZE_BYTES, 4 + frame.remaining());
        header.put((byte) 0x81);           // track 1
        header.putShort((short) (timeMs - clusterStart));
        header.put((byte) (keyFrame ? 0x80 : 0x00));
        writeHeader();
        while (frame.hasRemaining()) {
            out.write(frame);
        }
        lastTimeMs = timeMs;
    }

    /** Ends the file: the last cluster's and the segment's sizes, and the duration. */
    void finish(long durationMs) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        finishCluster();
        long end = out.position();
        patchSize(segmentSizeAt, end - segmentSizeAt - SIZE_BYTES);
        header.clear();
        header.putDouble(Math.max(durationMs, lastTimeMs)).flip();
        out.write(header, durationAt);
        out.position(end);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void finishCluster() throws IOException {
        if (clusterSizeAt >= 0) {
            patchSize(clusterSizeAt, out.position() - clusterSizeAt - SIZE_BYTES);
            clusterSizeAt = -1;
        }
    }

    private void patchSize(long at, long value) throws IOException {
        header.clear();
        size(header, SIZE_BYTES, value);
        header.flip();
        out.write(header, at);
    }

    private void writeHeader() throws IOException {
        header.flip();
        while (header.hasRemaining()) {
            out.write(header);
        }
    }

    private static long open(ByteBuffer buffer, int id) {
        id(buffer, id);
        long at = buffer.position();
        size(buffer, SIZE_BYTES, 0);
        return at;
    }

    private static void close(ByteBuffer buffer, long sizeAt) {
        int end = buffer.position();
        buffer.position((int) sizeAt);
        size(buffer, SIZE_BYTES, end - sizeAt - SIZE_BYTES);
        buffer.position(end);
    }

    private static void id(ByteBuffer buffer, int id) {
        int bytes = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        for (int i = bytes - 1; i >= 0; i--) {
            buffer.put((byte) (id >>> (8 * i)));
        }
    }

    /** An EBML variable-length size in exactly {@code bytes} bytes. */
    private static void size(ByteBuffer buffer, int bytes, long value) {
        long coded = value | (1L << (7 * bytes));
        for (int i = bytes - 1; i >= 0; i--) {
            buffer.put((byte) (coded >>> (8 * i)));
        }
    }

    private static void uint(ByteBuffer buffer, int id, long value) {
        int bytes = 1;
        while (bytes < 8 && (value >>> (8 * bytes)) != 0) {
            bytes++;
        }
        id(buffer, id);
        size(buffer, 1, bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buffer.put((byte) (value >>> (8 * i)));
        }
    }

    private static void string(ByteBuffer buffer, int id, String value) {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        id(buffer, id);
        size(buffer, 1, bytes.length);
        buffer.put(bytes);
    }
}
