package com.extensioncallouts.readme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * The walk-through's stand-in RMM, {@code python3 -m http.server PORT}: run as written (on a free loopback port,
 * in an empty directory) where {@code python3} is installed; elsewhere a JDK server that answers as it does (200
 * for {@code /}, its directory, 404 for any other path) and logs the same line. What the test compares is the
 * line the README shows: {@code "GET /?event=... HTTP/1.1" 200 -}.
 */
abstract class StandInRmm implements AutoCloseable {

    /** The part of a log line of Python's http.server that the README shows: request line, status, size. */
    static final Pattern LOG_LINE = Pattern.compile("\"(?<method>[A-Z]+) (?<target>\\S+) HTTP/1\\.[01]\" (?<status>\\d{3}) .*");

    static final Pattern COMMAND = Pattern.compile("python3 -m http\\.server (\\d+)");

    protected final List<String> lines = new CopyOnWriteArrayList<>();
    final int port;

    StandInRmm(int port) {
        this.port = port;
    }

    /** The stand-in the README's command describes, on a free port. */
    static StandInRmm start(String command) throws IOException, InterruptedException {
        portIn(command);
        int port = freePort();
        StandInRmm rmm = python3Installed() ? new Python(port) : new Jdk(port);
        System.out.println("The stand-in RMM on port " + port + ": " + rmm.getClass().getSimpleName());
        return rmm;
    }

    /** The port the README's command names. */
    static int portIn(String command) {
        Matcher matcher = COMMAND.matcher(command);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the stand-in RMM is not `python3 -m http.server PORT`: " + command);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Log lines so far, from the first {@code "}: {@code "GET / HTTP/1.1" 200 -}. */
    List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** Waits until there are at least {@code count} lines, or the timeout passes. */
    List<String> awaitLines(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return lines();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean python3Installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return true;
            }
        }
        return false;
    }

    /** The README's own command, bound to loopback, serving an empty directory. */
    static final class Python extends StandInRmm {

        private final Process process;
        private final Path directory;

        Python(int port) throws IOException, InterruptedException {
            super(port);
            directory = Files.createTempDirectory("stand-in-rmm-");
            ProcessBuilder builder = new ProcessBuilder("python3", "-m", "http.server", Integer.toString(port),
                    "--bind", "127.0.0.1").directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().put("PYTHONUNBUFFERED", "1");
            process = builder.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        int quote = line.indexOf('"');
                        if (quote >= 0 && LOG_LINE.matcher(line.substring(quote)).matches()) {
                            lines.add(line.substring(quote));
                        }
                    }
                } catch (IOException ended) {
                    // the process ended
                }
            }, "stand-in-rmm-log");
            reader.setDaemon(true);
            reader.start();
            awaitListening(port);
        }

        private void awaitListening(int port) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IOException("python3 -m http.server ended with " + process.exitValue());
                    }
                    Thread.sleep(100);
                }
            }
            throw new IOException("python3 -m http.server did not listen on " + port + " within 30 s");
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            Files.deleteIfExists(directory);
        }
    }

    /** Where there is no python3: the same answers and log lines from the JDK's HTTP server. */
    static final class Jdk extends StandInRmm {

        private final HttpServer server;

        Jdk(int port) throws IOException {
            super(port);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                int status = exchange.getRequestURI().getPath().equals("/") ? 200 : 404;
                lines.add("\"" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                        + " " + exchange.getProtocol() + "\" " + status + " -");
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
