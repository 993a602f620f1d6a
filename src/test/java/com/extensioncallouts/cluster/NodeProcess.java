package com.extensioncallouts.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.extensioncallouts.ExtensionCalloutsApplication;

/**
 * The application in a JVM of its own, started from this test run's classpath with {@code --name=value}
 * arguments, on a loopback port of its own, its output in a log file. {@link #kill()} ends it as
 * {@code kill -9} does (no shutdown hook, no unlocking, nothing flushed); {@link #close()} stops it as an
 * operator would.
 */
final class NodeProcess implements AutoCloseable {

    static final String DEMO = "Basic "
            + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

    private final String name;
    private final Process process;
    private final URI base;
    private final Path log;
    /** Where this run's output starts in the log file: a node started again in a directory appends to it. */
    private final long logStart;

    private NodeProcess(String name, Process process, URI base, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.log = log;
        this.logStart = logStart;
    }

    /** Starts the application in {@code workDir} (its {@code ./data} lands there) and returns at once. */
    static NodeProcess launch(String name, Path workDir, Map<String, String> properties) throws IOException {
        Files.createDirectories(workDir);
        int port = freeLoopbackPort();
        Map<String, String> arguments = new LinkedHashMap<>(properties);
        arguments.put("server.port", Integer.toString(port));
        arguments.put("server.address", "127.0.0.1");
        arguments.putIfAbsent("spring.main.banner-mode", "off");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // two cores shared by everything: one GC thread, a bounded heap, no C2 compiler threads (quicker start)
                "-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(), ExtensionCalloutsApplication.class.getName()));
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = workDir.resolve(name + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new NodeProcess(name, process, URI.create("http://127.0.0.1:" + port), log, logStart);
    }

    /** Starts it and waits until its API answers. */
    static NodeProcess start(String name, Path workDir, Map<String, String> properties)
            throws IOException, InterruptedException {
        return launch(name, workDir, properties).awaitReady(Duration.ofMinutes(3));
    }

    /** Waits until {@code GET /api/callouts} answers 200 to demo/demo. */
    NodeProcess awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up:\n" + logTail());
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/callouts"))
                        .header("Authorization", DEMO).timeout(Duration.ofSeconds(10)).build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + logTail());
    }

    /** Waits until the node has logged {@code text} (a numbered message, say). */
    NodeProcess awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        name + " did not log '" + text + "' within " + timeout + ":\n" + logTail());
            }
            Thread.sleep(100);
        }
        return this;
    }

    String name() {
        return name;
    }

    URI base() {
        return base;
    }

    /** What this run of the node has logged so far. */
    String log() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logStart, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** SIGKILL on Linux: the JVM ends at once, without shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private String logTail() {
        try {
            String all = log();
            return all.substring(Math.max(0, all.length() - 6000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Surefire runs tests from a manifest-only jar; the real classpath is in its own property. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
