package flitter.itest.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Two network namespaces joined by a veth pair, made for one test class and removed after it: side
 * {@code a} is 10.99.0.1 and side {@code b} 10.99.0.2, each with loopback up and a route for the limited
 * broadcast address 255.255.255.255 onto the pair. Broadcasts sent in them never reach the host's own
 * network. Needs root and iproute2; a test class without them is skipped.
 */
final class Namespaces implements AutoCloseable {
    final String a;
    final String b;
    static final String ADDRESS_A = "10.99.0.1";
    static final String ADDRESS_B = "10.99.0.2";

    private Namespaces(String prefix) {
        this.a = prefix + "a";
        this.b = prefix + "b";
    }

    /** Makes the pair, or skips the calling test when this machine cannot. */
    static Namespaces create() throws Exception {
        Assumptions.assumeTrue(run("id", "-u").trim().equals("0"), "network namespaces need root");
        Assumptions.assumeTrue(exitsZero("ip", "netns", "list"), "network namespaces need iproute2 (ip)");
        Namespaces namespaces = new Namespaces("flt" + ProcessHandle.current().pid() % 100_000);
        try {
            namespaces.make();
        } catch (Exception | AssertionError e) {
            namespaces.close();
            throw e;
        }
        return namespaces;
    }

    private void make() throws Exception {
        String vethA = a.replace("flt", "fv");
        String vethB = b.replace("flt", "fv");
        run("ip", "netns", "add", a);
        run("ip", "netns", "add", b);
        run("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        run("ip", "link", "set", vethA, "netns", a);
        run("ip", "link", "set", vethB, "netns", b);
        run("ip", "-n", a, "addr", "add", ADDRESS_A + "/24", "dev", vethA);
        run("ip", "-n", b, "addr", "add", ADDRESS_B + "/24", "dev", vethB);
        for (String[] side : new String[][] {{a, vethA}, {b, vethB}}) {
            run("ip", "-n", side[0], "link", "set", "lo", "up");
            run("ip", "-n", side[0], "link", "set", side[1], "up");
            run("ip", "-n", side[0], "route", "add", "255.255.255.255/32", "dev", side[1]);
        }
    }

    /** The command prefix that runs a program inside {@code namespace}. */
    static List<String> in(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** Process ids running in {@code namespace}. */
    static List<Long> pids(String namespace) throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String line : run("ip", "netns", "pids", namespace).split("\\s+")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    /** Kills every process in {@code namespace} at once (SIGKILL: a crash, not a shutdown). */
    static void killAll(String namespace) throws Exception {
        for (long pid : pids(namespace)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills what still runs in the namespaces and deletes them (the veth pair goes with them). */
    @Override
    public void close() throws Exception {
        for (String namespace : List.of(a, b)) {
            if (exitsZero("ip", "netns", "pids", namespace)) {
                killAll(namespace);
                exitsZero("ip", "netns", "del", namespace);
            }
        }
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static boolean exitsZero(String... command) {
        try {
            run(command);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
