package com.extensioncallouts.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;

/** The benchmark's findings as Markdown, with the targets of the throughput work checked against them. */
final class Report {

    private static final double MIB = 1024 * 1024;

    private final BenchSettings settings;
    private final List<Results.Throughput> throughputs = new ArrayList<>();
    private final List<Results.RetryPunctuality> retries = new ArrayList<>();
    private final List<Results.WaitingRetries> waiting = new ArrayList<>();
    private final List<Results.Isolation> isolations = new ArrayList<>();

    Report(BenchSettings settings) {
        this.settings = settings;
    }

    void add(Results.Throughput result) {
        throughputs.add(result);
    }

    void add(Results.RetryPunctuality result) {
        retries.add(result);
    }

    void add(Results.WaitingRetries result) {
        waiting.add(result);
    }

    void add(Results.Isolation result) {
        isolations.add(result);
    }

    Path write() throws IOException {
        Path file = settings.out().resolve("report.md");
        Files.writeString(file, markdown());
        return file;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        md.append("## Run of ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n")
                .append(String.format("Machine: %d cores, %.0f GiB, %s %s; Java %s. Applications: %s each.%s%n%n",
                        os.getAvailableProcessors(), os.getTotalMemorySize() / MIB / 1024, System.getProperty("os.name"),
                        System.getProperty("os.arch"), System.getProperty("java.version"),
                        String.join(" ", Benchmark.JVM_OPTIONS), settings.quick() ? " Quick run (-Dbench.quick)." : ""));
        if (!settings.rates().isEmpty()) {
            md.append(String.format("Fixed offered rates %s (-Dbench.rates), no ramp and no rehearsal: \"at saturation\" "
                    + "is the best of them.%n%n", settings.rates()));
        }
        md.append("| application | database | deliveries/s at saturation | CPU per delivery (application + "
                + "PostgreSQL server) | p50 / p95 / p99 at half of saturation | p50 / p95 / p99 at 20 events/s "
                + "| end to end at 20 events/s | heap after full GC |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Results.Throughput t : throughputs) {
            md.append(String.format("| %s | %s | %.1f | %.2f + %.2f ms | %s (%.0f/s) | %s | %s | %.0f MiB |%n",
                    t.system(), t.database(), t.saturation(), t.saturated().cpuMsPerDelivery(),
                    t.saturated().dbCpuMsPerDelivery(), t.halfFromAccepted().format(), t.halfRate(),
                    t.at20FromAccepted().format(), t.at20FromSent().format(), t.heapBytes() / MIB));
        }
        md.append(String.format("%nLatency is from the accepted POST to the RMM receiving the request (0 when it arrived "
                + "before the answer was read); end to end is from sending the POST. %d events at 20 events/s.%n%n",
                settings.eventsAt20PerSecond()));
        targets(md);
        retriesAndWaiting(md);
        isolation(md);
        ramps(md);
        return md.toString();
    }

    private void targets(StringBuilder md) {
        md.append("### Targets\n\n| database | target | measured | met |\n|---|---|---|---|\n");
        for (String db : settings.databases()) {
            Optional<Results.Throughput> ours = find(BenchSettings.CALLOUTS, db);
            Optional<Results.Throughput> stock = find(BenchSettings.BARE_STOCK, db);
            Optional<Results.Throughput> same = find(BenchSettings.BARE_OURS, db);
            if (ours.isPresent() && stock.isPresent()) {
                double ratio = ours.get().saturation() / stock.get().saturation();
                row(md, db, "≥ 1.5 × stock bare Camunda's deliveries/s", String.format("%.2f ×", ratio), ratio >= 1.5);
                double p99 = ours.get().at20FromSent().p99();
                double bareP99 = stock.get().at20FromSent().p99();
                row(md, db, "p99 at 20 events/s ≤ stock bare Camunda's (end to end)",
                        String.format("%.1f ms vs %.1f ms", p99, bareP99), p99 <= bareP99);
            }
            if (ours.isPresent() && same.isPresent()) {
                double ratio = ours.get().saturation() / same.get().saturation();
                row(md, db, "≥ 0.7 × bare Camunda with our job-executor settings", String.format("%.2f ×", ratio),
                        ratio >= 0.7);
            }
            ours.ifPresent(o -> row(md, db, "heap after full GC < 512 MiB", String.format("%.0f MiB", o.heapBytes() / MIB),
                    o.heapBytes() < 512 * MIB));
            retries.stream().filter(r -> r.database().equals(db)).forEach(r -> row(md, db,
                    "retries leave ≤ 1 s late (p99)", String.format("%.0f ms", r.lateness().p99()),
                    r.lateness().p99() <= 1000 && r.missing() == 0));
            isolations.stream().filter(i -> i.database().equals(db)).forEach(i -> {
                row(md, db, "beside a hanging RMM: ≥ 0.8 × the deliveries/s of all healthy",
                        String.format("%.2f ×", i.throughputRatio()), i.throughputRatio() >= 0.8);
                row(md, db, "beside a hanging RMM: p99 at 20 events/s ≤ all healthy's / 0.8",
                        String.format("%.1f ms vs %.1f ms", i.besideHanging().at20EndToEnd().p99(),
                                i.allHealthy().at20EndToEnd().p99()), i.latencyRatio() >= 0.8);
            });
            waiting.stream().filter(w -> w.database().equals(db)).forEach(w -> {
                double more = w.with().p99() / w.without().p99() - 1;
                row(md, db, String.format("%d waiting retries cost ≤ 10 %% more latency (p99, end to end)", w.waiting()),
                        String.format("%+.0f %%", more * 100), more <= 0.10);
            });
        }
        md.append('\n');
    }

    private void retriesAndWaiting(StringBuilder md) {
        for (Results.RetryPunctuality r : retries) {
            md.append(String.format("Retry punctuality on %s (interval %.0f s, the RMM fails each first attempt): "
                    + "retries leave late by %s (max %.0f ms); %d of %d retries missing.%n%n", r.database(),
                    r.intervalSeconds(), r.lateness().format(), r.lateness().max(), r.missing(),
                    r.lateness().count() + r.missing()));
        }
        for (Results.WaitingRetries w : waiting) {
            md.append(String.format("New deliveries at 20 events/s on %s (end to end): %s with no retry waiting, %s with %d "
                    + "waiting; heap after full GC with them waiting: %.0f MiB.%n%n", w.database(), w.without().format(),
                    w.with().format(), w.waiting(), w.heapBytes() / MIB));
        }
    }

    private void isolation(StringBuilder md) {
        if (isolations.isEmpty()) {
            return;
        }
        md.append("### Isolation from a hanging RMM\n\nOne callout's deliveries (8 clients as fast as answered, then "
                + settings.eventsAt20PerSecond() + " events at 20 events/s) while another callout gets 10 events/s "
                + "throughout, its RMM healthy or accepting connections and never answering (callouts.http.timeout 3 s, "
                + "4 requests per callout at once).\n\n"
                + "| database | other RMM | deliveries/s | end to end at 20 events/s (p50 / p95 / p99) | lost |\n|---|---|---|---|---|\n");
        for (Results.Isolation i : isolations) {
            for (var side : List.of(Map.entry("healthy", i.allHealthy()), Map.entry("hangs", i.besideHanging()))) {
                md.append(String.format("| %s | %s | %.1f | %s | %d |%n", i.database(), side.getKey(),
                        side.getValue().throughput(), side.getValue().at20EndToEnd().format(),
                        side.getValue().lost()));
            }
        }
        md.append('\n');
    }

    private void ramps(StringBuilder md) {
        md.append("<details><summary>Every step of the ramps</summary>\n\n"
                + "| application | database | offered/s | delivered/s | lost | CPU per delivery (application + "
                + "PostgreSQL) |\n|---|---|---|---|---|---|\n");
        for (Results.Throughput t : throughputs) {
            for (Results.Step s : t.steps()) {
                md.append(String.format("| %s | %s | %.1f | %.1f | %d | %.2f + %.2f ms |%n", t.system(),
                        t.database(), s.offeredRate(), s.throughput(), s.lost(), s.cpuMsPerDelivery(),
                        s.dbCpuMsPerDelivery()));
            }
        }
        md.append("\n</details>\n");
    }

    private Optional<Results.Throughput> find(String system, String database) {
        return throughputs.stream().filter(t -> t.system().equals(system) && t.database().equals(database)).findFirst();
    }

    private static void row(StringBuilder md, String db, String target, String measured, boolean met) {
        md.append("| ").append(db).append(" | ").append(target).append(" | ").append(measured).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
    }
}
