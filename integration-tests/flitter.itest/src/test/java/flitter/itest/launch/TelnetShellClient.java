package flitter.itest.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An operator at Gogo's telnet shell: sends a command line, reads what comes back up to the prompt. */
final class TelnetShellClient implements AutoCloseable {
    private static final String PROMPT = "g! ";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TelnetShellClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        socket.setSoTimeout(10_000);
        readUntilPrompt();
    }

    /** Connects to 127.0.0.1:port, retrying while the host starts. */
    static TelnetShellClient connect(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return new TelnetShellClient(new Socket(InetAddress.getLoopbackAddress(), port));
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no shell on 127.0.0.1:" + port + " after " + timeout.toSeconds() + " s", e);
                }
                Thread.sleep(100);
            }
        }
    }

    String execute(String commandLine) throws IOException {
        out.write((commandLine + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readUntilPrompt();
    }

    private String readUntilPrompt() throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            while (!text.toString().endsWith(PROMPT)) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no prompt from the shell; got: " + text, e);
        }
        String all = text.toString();
        return all.endsWith(PROMPT) ? all.substring(0, all.length() - PROMPT.length()) : all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
