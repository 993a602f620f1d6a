package com.extensioncallouts.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One application under test in a JVM of its own, started from its Spring Boot jar in a directory of its own. */
final class AppProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final String name;
    private final Process process;
    private final URI base;
    private final Path log;

    private AppProcess(String name, Process process, URI base, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts {@code java -jar jar} in {@code workDir} and waits until {@code readinessPath} answers 200
     * (with {@code authorization}, if any).
     */
    static AppProcess start(String name, Path jar, Path workDir, List<String> jvmOptions, List<String> arguments,
            int port, String readinessPath, String authorization) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Path log = workDir.resolve("app.log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(name, process, URI.create("http://127.0.0.1:" + port), log);
        app.awaitReady(readinessPath, authorization);
        return app;
    }

    URI base() {
        return base;
    }

    String name() {
        return name;
    }

    /** CPU time the JVM has used so far, all threads. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time by kind of thread (JIT compiler, garbage collector, request threads, job threads, database,
     * other), read from {@code /proc} on Linux; empty elsewhere. Tells what a step's CPU went into.
     */
    Map<String, Duration> cpuByThreadKind() {
        Map<String, Duration> byKind = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return byKind;
        }
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    byKind.merge(kind(name), Duration.ofMillis(ticks * 10), Duration::plus);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return byKind;
        }
        return byKind;
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1")) {
            return "gc";
        }
        // a ticket event's work: Tomcat's threads, and the threads that send its signal (ticket/SignalBatches)
        if (threadName.startsWith("http-nio") || threadName.startsWith("ticket-events")) {
            return "requests";
        }
        if (threadName.startsWith("camundaTask")) {
            return "jobs";
        }
        if (threadName.startsWith("H2") || threadName.startsWith("MVStore")) {
            return "h2";
        }
        return "other";
    }

    /** Live heap: bytes in use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    long heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private void awaitReady(String path, String authorization) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log);
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not start within 3 minutes; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
