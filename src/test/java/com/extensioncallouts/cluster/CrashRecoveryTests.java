package com.extensioncallouts.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.cluster.LoopbackRmm.Hit;
import com.extensioncallouts.cluster.LoopbackRmm.Reply;
import com.extensioncallouts.support.Await;

/**
 * Crash safety: the application in a JVM of its own is killed ({@code kill -9}) while attempts are in flight
 * and retries wait, then started again on the same database, once on the embedded default (an H2 file under
 * {@code ./data}) and once on PostgreSQL. Every delivery completes within 30 seconds of the restart, although
 * the jobs it held are locked for Camunda's default five minutes (set explicitly here: only taking them back
 * can make it). The one duplicate allowed is an attempt that was in flight at the kill, sent again with the
 * same {@code Idempotency-Key} and attempt number.
 */
class CrashRecoveryTests {

    static final int EVENTS = 24;
    static final String CALLOUT = "RMM ticket closure";
    static final String NODE = "crash-node";
    /** How long the RMM takes over an answer before the kill: the attempts it holds are in flight. */
    static final Duration SLOW = Duration.ofSeconds(3);

    @Test
    void everyDeliveryCompletesAfterAKillOnTheEmbeddedH2File() throws Exception {
        // The embedded default as it is: no datasource, no key (the key file is created under ./data)
        crashAndRestart("h2", new LinkedHashMap<>());
    }

    @Test
    void everyDeliveryCompletesAfterAKillOnPostgres() throws Exception {
        try (ClusterDatabase database = ClusterDatabase.start()) {
            Map<String, String> settings = new LinkedHashMap<>(database.datasource());
            settings.put("callouts.secrets.key", "c2FtZSBrZXkgb24gZXZlcnkgbm9kZSwgMzIgYnl0ZXM=");
            crashAndRestart("postgres", settings);
        }
    }

    private void crashAndRestart(String label, Map<String, String> settings) throws Exception {
        settings.put("callouts.node.id", NODE);
        settings.put("callouts.retry.interval", "PT10S");
        settings.put("callouts.http.timeout", "PT5S");
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "300000");
        settings.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        Path work = Path.of("target", "cluster", "crash-" + label + "-" + UUID.randomUUID());
        AtomicBoolean killed = new AtomicBoolean();
        try (LoopbackRmm rmm = new LoopbackRmm(hit -> killed.get() ? Reply.status(200)
                // before the kill: every third first attempt is refused (its retry waits), the others are slow
                : hit.attempt() == 1 && number(hit) % 3 == 0 ? Reply.status(500) : new Reply(200, SLOW))) {
            NodeProcess node = NodeProcess.start(NODE, work, settings);
            long killedAt;
            try {
                NodeApi api = NodeApi.asDemo(node);
                assertThat(api.post("/api/callouts", """
                        {"name": "%s", "url": "%s", "method": "GET", "authentication": {"type": "NONE"},
                         "udfName": "RMM Alert ID", "notification": {"recipients": ["noc@msp.example"], "when": "ON_ERROR"}}"""
                        .formatted(CALLOUT, rmm.url("/rmm/crash"))).status()).isEqualTo(201);
                postCompletedTickets(api);

                Await.until("attempts refused and in flight", Duration.ofSeconds(90),
                        () -> refused(rmm) >= 2 && inFlight(rmm) >= 2);
            } finally {
                node.kill();
            }
            killedAt = System.nanoTime();
            killed.set(true);
            List<Hit> beforeKill = rmm.hits();
            long inFlightAtKill = beforeKill.stream().filter(hit -> hit.delivered()
                    && killedAt - hit.arrivedAtNanos() < SLOW.toNanos()).count();
            long retriesWaiting = beforeKill.stream().filter(hit -> !hit.delivered()).map(Hit::idempotencyKey)
                    .filter(key -> beforeKill.stream()
                            .noneMatch(h -> h.idempotencyKey().equals(key) && h.attempt() > 1))
                    .count();

            long restartedAt = System.nanoTime();
            try (NodeProcess again = NodeProcess.start(NODE, work, settings)) {
                long readyAt = System.nanoTime();
                NodeApi api = NodeApi.asDemo(again);
                Await.until("every ticket delivered", Duration.ofSeconds(30),
                        () -> deliveredTickets(rmm).size() == EVENTS && delivered(api) == EVENTS);
                long doneAt = System.nanoTime();
                int tookBack = tookBack(again.log());
                List<Hit> hits = rmm.hits();
                Map<String, List<Hit>> byAttempt = hits.stream()
                        .collect(Collectors.groupingBy(hit -> hit.idempotencyKey() + "#" + hit.attempt()));
                List<List<Hit>> duplicates = byAttempt.values().stream().filter(same -> same.size() > 1).toList();
                System.out.printf("""
                        crash (%s): %d deliveries; at the kill %d attempts in flight, %d retries waiting, %d job(s) \
                        locked by the node; restart took %d ms; all delivered %d ms after it was up; %d attempts sent \
                        twice (in flight at the kill), %d requests in all%n""", label, EVENTS, inFlightAtKill,
                        retriesWaiting, tookBack, millis(restartedAt, readyAt), millis(readyAt, doneAt),
                        duplicates.size(), hits.size());

                assertThat(tookBack).as("the restarted node took back the jobs it held").isPositive();
                assertThat(hits.stream().map(Hit::ticketNumber).distinct()).hasSize(EVENTS);
                assertThat(duplicates).as("a duplicate is an attempt in flight at the kill, sent again after it")
                        .allSatisfy(same -> {
                            assertThat(same).hasSize(2);
                            assertThat(same.get(0).arrivedAtNanos()).isLessThan(killedAt);
                            assertThat(killedAt - same.get(0).arrivedAtNanos())
                                    .isLessThan(SLOW.plusSeconds(1).toNanos());
                            assertThat(same.get(1).arrivedAtNanos()).isGreaterThan(killedAt);
                        });
                Map<String, List<Hit>> byKey = hits.stream().collect(Collectors.groupingBy(Hit::idempotencyKey));
                assertThat(byKey).as("one key per delivery").hasSize(EVENTS);
                assertThat(byKey.values()).allSatisfy(attempts -> {
                    assertThat(attempts.stream().map(Hit::ticketNumber).distinct()).as("one ticket per key").hasSize(1);
                    assertThat(attempts.stream().filter(Hit::delivered).map(Hit::attempt).distinct())
                            .as("delivered by one attempt (perhaps sent twice), never by two").hasSize(1);
                    int last = attempts.stream().mapToInt(Hit::attempt).max().orElseThrow();
                    assertThat(attempts.stream().map(Hit::attempt).collect(Collectors.toSet()))
                            .as("attempts numbered without a gap").isEqualTo(
                                    IntStream.rangeClosed(1, last).boxed().collect(Collectors.toSet()));
                });
            }
        }
    }

    private static void postCompletedTickets(NodeApi api) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> posted = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String body = """
                        {"event": "EDITED", "ticket": {"id": %d, "number": "K-%d", "title": "Crash", "status": "Complete",
                         "udfs": {"RMM Alert ID": "a-%d"}}}""".formatted(i, i, i);
                posted.add(clients.submit(() -> api.post("/api/ticket-events", body).status()));
            }
            for (Future<Integer> status : posted) {
                assertThat(status.get()).isEqualTo(202);
            }
        } finally {
            clients.shutdown();
        }
    }

    private static int number(Hit hit) {
        return Integer.parseInt(hit.ticketNumber().substring("K-".length()));
    }

    private static long refused(LoopbackRmm rmm) {
        return rmm.hits(hit -> !hit.delivered()).size();
    }

    /** Requests the RMM is still holding: arrived within the slow answer's time. */
    private static long inFlight(LoopbackRmm rmm) {
        long now = System.nanoTime();
        return rmm.hits(hit -> hit.delivered() && now - hit.arrivedAtNanos() < SLOW.toNanos() - 500_000_000L).size();
    }

    private static Set<String> deliveredTickets(LoopbackRmm rmm) {
        return rmm.hits(Hit::delivered).stream().map(Hit::ticketNumber).collect(Collectors.toSet());
    }

    /** Deliveries the node has recorded as delivered. */
    private static int delivered(NodeApi api) {
        NodeApi.Answer callouts = api.get("/api/callouts");
        long id = callouts.json().get(0).get("id").asLong();
        return api.get("/api/callouts/" + id + "/deliveries?state=DELIVERED&size=1").json()
                .get("totalElements").asInt();
    }

    /** How many jobs a start took back, from its log line CALLOUT-15002. */
    private static int tookBack(String log) {
        Matcher m = Pattern.compile("CALLOUT-15002 Took back (\\d+) job").matcher(log);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
