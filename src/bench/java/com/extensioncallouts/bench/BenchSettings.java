package com.extensioncallouts.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to run, from system properties (the {@code bench} Maven profile sets the paths):
 * {@code bench.systems} (callouts, bare-stock, bare-ours), {@code bench.databases} (h2, postgres),
 * {@code bench.quick=true} for a short run while working (with {@code bench.warmup} seconds of warm-up), {@code bench.jfr=<system>} to record a
 * Java Flight Recorder profile of one system, {@code bench.calloutsArgs} for extra arguments to Extension
 * Callouts (experiments: {@code --camunda.bpm.history-level=none}), {@code bench.rates} for fixed offered rates
 * instead of the ramp and its rehearsal.
 */
record BenchSettings(Path appJar, Path bareJar, Path appConfig, Path out, List<String> systems,
        List<String> databases, boolean quick, String jfr, List<String> calloutsArguments, List<Double> rates) {

    static final String CALLOUTS = "callouts";
    static final String BARE_STOCK = "bare-stock";
    static final String BARE_OURS = "bare-ours";

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Path.of(required("bench.appJar")),
                Path.of(required("bench.bareJar")),
                Path.of(required("bench.appConfig")),
                Path.of(System.getProperty("bench.out", "target/benchmark")),
                list(System.getProperty("bench.systems", CALLOUTS + "," + BARE_STOCK + "," + BARE_OURS)),
                list(System.getProperty("bench.databases", "h2,postgres")),
                Boolean.getBoolean("bench.quick"),
                System.getProperty("bench.jfr", ""),
                Arrays.stream(System.getProperty("bench.calloutsArgs", "").split(" ")).filter(a -> !a.isBlank()).toList(),
                rates(System.getProperty("bench.rates", "")));
    }

    /** Whether to measure retries (punctuality, waiting retries) beside throughput: {@code bench.retries}. */
    boolean retries() {
        return !"false".equals(System.getProperty("bench.retries"));
    }

    /**
     * Whether PostgreSQL keeps statistics per statement ({@code pg_stat_statements}, nested statements such as
     * foreign-key checks included) and every measured step on PostgreSQL logs its totals and costliest statements:
     * {@code bench.pgStatements}. Keeping them costs the server time: compare such runs only with each other.
     */
    boolean pgStatements() {
        return Boolean.getBoolean("bench.pgStatements");
    }

    /** Whether to measure isolation from a hanging RMM beside throughput: {@code bench.isolation}. */
    boolean isolation() {
        return !"false".equals(System.getProperty("bench.isolation"));
    }

    /** Events each isolation measurement sends to the healthy callout as fast as it is answered. */
    int isolationEvents() {
        return quick ? 600 : 2000;
    }

    boolean runs(String system) {
        return systems.contains(system);
    }

    /**
     * Offered rates to run instead of the ramp, in order ({@code bench.rates=260,340,340}): the same load for
     * two builds, without the rehearsal (the first time above capacity is part of what they compare). Empty
     * for the ramp. Read before anything starts, so that a wrong value costs no warm-up.
     */
    private static List<Double> rates(String value) {
        List<Double> rates = new ArrayList<>();
        for (String rate : list(value)) {
            double parsed;
            try {
                parsed = Double.parseDouble(rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench.rates: '" + rate + "' is not a number of events per second");
            }
            if (!(parsed > 0)) {
                throw new IllegalArgumentException("bench.rates: " + rate + " is not a positive rate");
            }
            rates.add(parsed);
        }
        return List.copyOf(rates);
    }

    /** Seconds per step of the rate ramp. */
    int stepSeconds() {
        return quick ? 5 : 10;
    }

    /**
     * Busy time before measuring, so the JIT compiler has settled: early steps would pay for its work.
     * {@code bench.warmup} (seconds) overrides it, e.g. a quick run whose throughput still means something.
     */
    Duration warmUp() {
        return Duration.ofSeconds(Long.getLong("bench.warmup", quick ? 30 : 120));
    }

    /**
     * Events of a latency measurement at 20 events/s (each system's, each side of the waiting retries and of the
     * isolation): a minute of them, whose p99 (nearest rank) is the 13th slowest. Of 300 (15 seconds, every run
     * until 2026-11-29 08:36, and quick runs still) it was the 4th slowest, decided by whichever few events met a
     * collection pause or an H2 write, and bare Camunda's own moved from 8.5 to 33.5 ms between two runs.
     */
    int eventsAt20PerSecond() {
        return quick ? 300 : 1200;
    }

    /** Retries left waiting while new deliveries are measured. */
    int waitingRetries() {
        return quick ? 2000 : 10_000;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + name + " (the bench Maven profile does)");
        }
        return value;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
