package com.extensioncallouts.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.extensioncallouts.bench.LoadDriver.Run;
import com.extensioncallouts.bench.Results.Step;

/**
 * Extension Callouts against bare Camunda doing the same job, each application in a JVM of its own, on the
 * embedded default (H2 file) and on PostgreSQL. For each: a warm-up, the open-loop ramp to saturation once
 * unmeasured (the rehearsal) and once measured, latency at half of saturation and at 20 events/s, heap after
 * a full GC and CPU per delivery. For Extension Callouts also: how punctually retries leave, new-delivery
 * latency with thousands of retries waiting, and how a callout's deliveries fare beside another callout
 * whose RMM hangs. Writes {@code report.md} to {@code bench.out}. Run it with {@code mvn -Pbench verify}.
 */
public final class Benchmark {

    static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC");
    private static final double FIRST_RATE = 20;
    private static final double RATE_FACTOR = 1.35;
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private final BenchSettings settings;
    private final Receiver receiver;
    private final LoadDriver driver;
    private final Databases databases;
    private int runs;

    private Benchmark(BenchSettings settings, Receiver receiver, Databases databases) {
        this.settings = settings;
        this.receiver = receiver;
        this.driver = new LoadDriver(receiver);
        this.databases = databases;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        deleteRecursively(settings.out()); // every run starts from empty databases
        Files.createDirectories(settings.out());
        Report report = new Report(settings);
        try (Receiver receiver = new Receiver(); Databases databases = new Databases(settings.pgStatements())) {
            Benchmark benchmark = new Benchmark(settings, receiver, databases);
            for (String database : settings.databases()) {
                for (String system : settings.systems()) {
                    report.add(benchmark.throughput(system, database));
                }
                if (settings.runs(BenchSettings.CALLOUTS) && settings.retries()) {
                    report.add(benchmark.retryPunctuality(database));
                    report.add(benchmark.waitingRetries(database));
                }
                if (settings.runs(BenchSettings.CALLOUTS) && settings.isolation()) {
                    report.add(benchmark.isolation(database));
                }
            }
        }
        Path written = report.write();
        System.out.println(Files.readString(written));
        System.out.println("Report written to " + written.toAbsolutePath());
    }

    private Results.Throughput throughput(String system, String database) throws Exception {
        log("%s on %s: starting", system, database);
        try (AppProcess app = start(system, database, List.of())) {
            EventTarget target = target(system, app);
            if (target instanceof EventTarget.Callouts callouts) {
                new CalloutsSetup(callouts).prepare(receiver.url("/ok"), receiver.url("/fail-first"));
            }
            warmUp(app, target);
            rehearse(app, target);
            List<Step> steps = ramp(app, target, true);
            double saturation = steps.stream().mapToDouble(Step::throughput).max().orElse(FIRST_RATE);
            double half = Math.max(1, saturation / 2);
            Run halfRun = driver.openLoop(target, "EDITED", half, (int) Math.max(300, half * 15), DRAIN);
            log("  at %.1f/s: %s", half, Latencies.ofNanos(halfRun.fromAccepted()).format());
            Run at20 = driver.openLoop(target, "EDITED", 20, settings.eventsAt20PerSecond(), DRAIN);
            log("  at 20/s: %s; end to end %s", Latencies.ofNanos(at20.fromAccepted()).format(),
                    Latencies.ofNanos(at20.fromSent()).format());
            logSlowest(at20);
            long heap = app.heapAfterFullGc();
            return new Results.Throughput(system, database, steps, Latencies.ofNanos(halfRun.fromAccepted()),
                    Latencies.ofNanos(halfRun.fromSent()), half, Latencies.ofNanos(at20.fromAccepted()),
                    Latencies.ofNanos(at20.fromSent()), heap);
        }
    }

    /**
     * Eight clients sending as fast as they are answered for at least the warm-up time, and then until the JIT
     * compiler has settled: its threads under a tenth of the application's CPU over the last 15 seconds (at
     * most twice the warm-up). A large application keeps compiling for minutes; measuring before it is
     * done would compare compilers, not applications.
     */
    private void warmUp(AppProcess app, EventTarget target) {
        long start = System.nanoTime();
        long minimum = start + settings.warmUp().toNanos();
        long maximum = start + settings.warmUp().multipliedBy(2).toNanos();
        int events = 0;
        double jitShare = 1;
        long windowStart = start;
        Duration cpuAtWindow = app.cpu();
        Duration jitAtWindow = jit(app);
        while (System.nanoTime() < maximum && (System.nanoTime() < minimum || jitShare >= 0.10)) {
            events += driver.closedLoop(target, "EDITED", 8, 200, DRAIN).events();
            if (System.nanoTime() - windowStart >= Duration.ofSeconds(15).toNanos()) {
                Duration cpu = app.cpu();
                Duration jit = jit(app);
                long spent = cpu.minus(cpuAtWindow).toNanos();
                jitShare = spent <= 0 ? 1 : Math.max(0, jit.minus(jitAtWindow).toNanos()) / (double) spent;
                windowStart = System.nanoTime();
                cpuAtWindow = cpu;
                jitAtWindow = jit;
            }
        }
        log("  warm-up: %d events in %d s; JIT compiler at the end: %.0f %% of the CPU", events,
                Duration.ofNanos(System.nanoTime() - start).toSeconds(), jitShare * 100);
    }

    /**
     * The ramp once, unmeasured. It ends above capacity, where paths run that the warm-up's clients, each
     * waiting for its answer, never reach: every job thread busy, jobs queued and refused, jobs found by the
     * acquisition. The first time there the JIT compiler took a tenth to a sixth of the CPU, and a ramp
     * measured then put the saturation wherever that compiling happened to fall; a node that has been up
     * for a while has it behind it. Not with {@code bench.rates}: those compare the first time too.
     */
    private void rehearse(AppProcess app, EventTarget target) throws IOException {
        if (!settings.rates().isEmpty()) {
            return;
        }
        List<Step> steps = ramp(app, target, false);
        Step last = steps.get(steps.size() - 1);
        log("  rehearsal (the ramp, not measured): stopped at %.1f/s offered, %.1f/s delivered, %.2f ms CPU per"
                + " delivery", last.offeredRate(), last.throughput(), last.cpuMsPerDelivery());
    }

    private static Duration jit(AppProcess app) {
        return app.cpuByThreadKind().getOrDefault("jit", Duration.ZERO);
    }

    /**
     * Steps the offered rate up until the application no longer keeps up; every step is one result. With
     * {@code bench.rates}, exactly those rates instead, in that order (comparing two builds at one load).
     */
    private List<Step> ramp(AppProcess app, EventTarget target, boolean logged) throws IOException {
        List<Step> steps = new ArrayList<>();
        if (!settings.rates().isEmpty()) {
            for (double rate : settings.rates()) {
                steps.add(step(app, target, rate, logged));
            }
            return steps;
        }
        for (double rate = FIRST_RATE; steps.size() < 14; rate *= RATE_FACTOR) {
            Step step = step(app, target, rate, logged);
            steps.add(step);
            if (step.throughput() < 0.9 * rate || step.lost() > 0) {
                break; // saturated: this step ran at capacity
            }
        }
        return steps;
    }

    private Step step(AppProcess app, EventTarget target, double rate, boolean logged) throws IOException {
        int events = (int) Math.round(rate * settings.stepSeconds());
        Duration cpuBefore = app.cpu();
        Duration dbBefore = databases.serverCpu();
        Map<String, Duration> kindsBefore = app.cpuByThreadKind();
        boolean statements = logged && databases.tracksStatements();
        if (statements) {
            resetStatements();
        }
        Run run = driver.openLoop(target, "EDITED", rate, events, DRAIN);
        int delivered = run.events() - run.lost();
        double cpuMs = delivered == 0 ? Double.NaN : (app.cpu().minus(cpuBefore)).toNanos() / 1e6 / delivered;
        double dbMs = delivered == 0 ? Double.NaN
                : databases.serverCpu().minus(dbBefore).toNanos() / 1e6 / delivered;
        String byThread = perDelivery(kindsBefore, app.cpuByThreadKind(), delivered);
        Step step = new Step(rate, run.throughput(), run.lost(), cpuMs, dbMs);
        if (logged) {
            log("  offered %.1f/s: delivered %.1f/s (%d lost), %.2f ms CPU per delivery", rate, step.throughput(),
                    run.lost(), cpuMs);
            log("    CPU by thread: %s; database server %.2f ms", byThread, dbMs); // this step's, under its line
            if (statements) {
                logStatements(delivered);
            }
        }
        return step;
    }

    private void resetStatements() {
        try {
            databases.resetStatements();
        } catch (SQLException e) {
            log("    (statistics per statement not reset: %s)", e.getMessage());
        }
    }

    /** The step's costliest statements on the PostgreSQL server, per delivery. */
    private void logStatements(int delivered) {
        try {
            for (String line : databases.costliestStatements(delivered, 15)) {
                log("    %s", line);
            }
        } catch (SQLException e) {
            log("    (statistics per statement not read: %s)", e.getMessage());
        }
    }

    /** The five events slowest end to end, and where their time went. */
    private void logSlowest(Run run) {
        for (String line : driver.slowest(run, 5)) {
            log("    slowest: %s", line);
        }
    }

    private static String perDelivery(Map<String, Duration> before, Map<String, Duration> after, int delivered) {
        StringBuilder text = new StringBuilder();
        after.forEach((kind, cpu) -> text.append(String.format("%s %.2f ms, ", kind,
                cpu.minus(before.getOrDefault(kind, Duration.ZERO)).toNanos() / 1e6 / Math.max(1, delivered))));
        return text.length() == 0 ? "n/a" : text.substring(0, text.length() - 2) + " per delivery";
    }

    /** Extension Callouts with a 5-second retry interval; the RMM fails every first attempt. */
    private Results.RetryPunctuality retryPunctuality(String database) throws Exception {
        Duration interval = Duration.ofSeconds(5);
        log("retry punctuality on %s", database);
        try (AppProcess app = start(BenchSettings.CALLOUTS, database, List.of("--callouts.retry.interval=" + interval))) {
            EventTarget.Callouts target = (EventTarget.Callouts) target(BenchSettings.CALLOUTS, app);
            new CalloutsSetup(target).prepare(receiver.url("/ok"), receiver.url("/fail-first"));
            warmUp(app, target);
            Run run = driver.openLoop(target, "CREATED", 10, settings.quick() ? 100 : 300, DRAIN);
            long deadline = System.nanoTime() + interval.multipliedBy(6).toNanos();
            List<Long> lateness = new ArrayList<>();
            int missing = 0;
            for (LoadDriver.Sent sent : run.sent()) {
                long second;
                while ((second = receiver.secondArrival(sent.ticketId())) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (second == 0) {
                    missing++;
                } else {
                    long first = receiver.firstArrival(sent.ticketId());
                    lateness.add(Math.max(0, second - first - interval.toNanos()));
                }
            }
            Latencies late = Latencies.ofNanos(lateness.stream().mapToLong(Long::longValue).toArray());
            log("  retries late by %s, %d missing", late.format(), missing);
            return new Results.RetryPunctuality(database, interval.toSeconds(), late, missing);
        }
    }

    /** New deliveries at 20 events/s with no retry waiting, then with thousands waiting at their timers. */
    private Results.WaitingRetries waitingRetries(String database) throws Exception {
        log("waiting retries on %s", database);
        try (AppProcess app = start(BenchSettings.CALLOUTS, database, List.of("--callouts.retry.interval=PT1H"))) {
            EventTarget.Callouts target = (EventTarget.Callouts) target(BenchSettings.CALLOUTS, app);
            new CalloutsSetup(target).prepare(receiver.url("/ok"), receiver.url("/fail"));
            warmUp(app, target);
            Run without = driver.openLoop(target, "EDITED", 20, settings.eventsAt20PerSecond(), DRAIN);
            log("  none waiting: %s end to end", Latencies.ofNanos(without.fromSent()).format());
            Run failing = driver.closedLoop(target, "CREATED", 8, settings.waitingRetries(), Duration.ofMinutes(10));
            long waiting = failing.events() - failing.lost();
            log("  %d retries waiting (%.1f/s while failing)", waiting, failing.throughput());
            Run with = driver.openLoop(target, "EDITED", 20, settings.eventsAt20PerSecond(), DRAIN);
            log("  %d waiting: %s end to end", waiting, Latencies.ofNanos(with.fromSent()).format());
            return new Results.WaitingRetries(database, Latencies.ofNanos(without.fromSent()),
                    Latencies.ofNanos(with.fromSent()), waiting, app.heapAfterFullGc());
        }
    }

    /**
     * One callout's deliveries (ticket-edited, to a healthy RMM) while another callout (ticket-created, 10
     * events/s throughout) goes to an RMM that is healthy too, then to one that accepts connections and never
     * answers. Each side: a fresh application, a warm-up, then throughput with 8 clients sending as fast as
     * they are answered, and latency at 20 events/s.
     */
    private Results.Isolation isolation(String database) throws Exception {
        Duration timeout = Duration.ofSeconds(3);
        log("isolation from a hanging RMM on %s (timeout %d s)", database, timeout.toSeconds());
        Results.IsolationSide healthy = isolationSide(database, timeout, receiver.url("/ok"), "all healthy");
        Results.IsolationSide beside;
        try (HangingRmm hanging = new HangingRmm()) {
            beside = isolationSide(database, timeout, hanging.url("/never-answers"), "beside a hanging RMM");
        }
        return new Results.Isolation(database, timeout.toSeconds(), healthy, beside);
    }

    private Results.IsolationSide isolationSide(String database, Duration timeout, String otherUrl, String label)
            throws Exception {
        try (AppProcess app = start(BenchSettings.CALLOUTS, database, List.of("--callouts.http.timeout=" + timeout))) {
            EventTarget.Callouts target = (EventTarget.Callouts) target(BenchSettings.CALLOUTS, app);
            new CalloutsSetup(target).prepare(receiver.url("/ok"), otherUrl);
            warmUp(app, target);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread other = new Thread(() -> {
                while (!stop.get()) {
                    driver.openLoop(target, "CREATED", 10, 10, Duration.ZERO); // one second of the other callout
                }
            }, "other-callout-load");
            other.start();
            try {
                Thread.sleep(timeout.multipliedBy(2).toMillis()); // the hanging RMM's share fills up first
                Run fast = driver.closedLoop(target, "EDITED", 8, settings.isolationEvents(), DRAIN);
                Run at20 = driver.openLoop(target, "EDITED", 20, settings.eventsAt20PerSecond(), DRAIN);
                log("  %s: %.1f deliveries/s (%d lost); at 20/s %s end to end", label, fast.throughput(), fast.lost(),
                        Latencies.ofNanos(at20.fromSent()).format());
                logSlowest(at20);
                return new Results.IsolationSide(fast.throughput(), Latencies.ofNanos(at20.fromSent()),
                        fast.lost() + at20.lost());
            } finally {
                stop.set(true);
                other.join();
            }
        }
    }

    private AppProcess start(String system, String database, List<String> extraArguments) throws Exception {
        Path workDir = settings.out().resolve("run-" + (++runs) + "-" + system + "-" + database);
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        if (system.equals(settings.jfr())) {
            jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
            jvm.add("-XX:StartFlightRecording=filename=" + workDir.toAbsolutePath().resolve("app.jfr")
                    + ",settings=profile");
        }
        List<String> arguments = new ArrayList<>(databases.fresh(database));
        arguments.addAll(extraArguments);
        int port = freePort();
        if (system.equals(BenchSettings.CALLOUTS)) {
            arguments.addAll(settings.calloutsArguments());
            arguments.add("--callouts.secrets.key=" + freshSecretsKey()); // required off the embedded H2 default
            EventTarget.Callouts probe = new EventTarget.Callouts(null, "demo", "demo");
            return AppProcess.start(system, settings.appJar(), workDir, jvm, arguments, port, "/api/callouts",
                    probe.authorization());
        }
        arguments.add("--bench.rmm-url=" + receiver.url("/ok"));
        if (system.equals(BenchSettings.BARE_OURS)) {
            arguments.addAll(JobExecutorSettings.asArguments(settings.appConfig()));
        }
        return AppProcess.start(system, settings.bareJar(), workDir, jvm, arguments, port, "/engine-rest/engine", null);
    }

    private static EventTarget target(String system, AppProcess app) {
        return system.equals(BenchSettings.CALLOUTS)
                ? new EventTarget.Callouts(app.base(), "demo", "demo")
                : new EventTarget.Bare(app.base());
    }

    /** A new sealing key for a new database: 32 random bytes, base64, as callouts.secrets.key expects. */
    private static String freshSecretsKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
