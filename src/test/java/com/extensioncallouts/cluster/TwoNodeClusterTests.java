package com.extensioncallouts.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.extensioncallouts.cluster.LoopbackRmm.Hit;
import com.extensioncallouts.cluster.LoopbackRmm.Reply;
import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.TestBpmn;

/**
 * Two nodes of a Camunda cluster: two JVMs of the application on one PostgreSQL, both with their job
 * executor on, each with a node id of its own (its Camunda hostname, so the job log shows who ran what), the
 * same secrets key, retries every {@link #RETRY}. Ticket events are spread over both; the RMM refuses every
 * fifth first attempt. Every trigger must be delivered, none twice, both nodes must run jobs, and a change
 * made on one node must be seen by the other within one retry interval. The counts are printed.
 *
 * <p>docker-compose.yml runs the same shape ({@link ComposeFileTests} compares them).
 */
class TwoNodeClusterTests {

    /**
     * Ticket events posted, as the issue asks. On the shared 2-core machine the whole class took 110 s at a load
     * average of 10 to 17 (36 events/s over both nodes), but 7 min 20 s at a load average of 30 (7 events/s);
     * {@code -Dcluster.events=400} keeps it near one minute.
     */
    static final int EVENTS = Integer.getInteger("cluster.events", 2000);
    static final Duration RETRY = Duration.ofSeconds(2);
    /** How late a request may arrive after the change that stops it, on a loaded machine: read, then sent. */
    static final Duration SLACK = Duration.ofSeconds(3);
    static final String CLUSTER_CALLOUT = "Cluster RMM";
    static final String PROBE_CALLOUT = "Cache probe";

    static ClusterDatabase database;
    static LoopbackRmm rmm;
    static NodeProcess nodeA;
    static NodeProcess nodeB;
    static NodeApi a;
    static NodeApi b;
    static final AtomicInteger firstAttempts = new AtomicInteger();

    /** What every node is given besides the datasource; docker-compose.yml must match it where it matters. */
    static Map<String, String> nodeSettings(String nodeId) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("callouts.node.id", nodeId);
        // one key for all nodes: a secret sealed on one is opened on the other
        settings.put("callouts.secrets.key", "c2FtZSBrZXkgb24gZXZlcnkgbm9kZSwgMzIgYnl0ZXM=");
        settings.put("camunda.bpm.job-execution.enabled", "true");
        settings.put("callouts.retry.interval", RETRY.toString());
        // longer than the retry interval on purpose: the node must cut it to one interval
        settings.put("callouts.cache.callouts", "PT30S");
        settings.put("callouts.http.timeout", "PT5S");
        settings.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        return settings;
    }

    @BeforeAll
    static void startPostgresTheRmmAndTwoNodes() throws Exception {
        database = ClusterDatabase.start();
        rmm = new LoopbackRmm(hit -> {
            if (hit.path().equals("/rmm/probe")) {
                return Reply.status(500);
            }
            // every fifth first attempt is refused: about 20 % of the triggers need a retry
            boolean refused = hit.attempt() == 1 && firstAttempts.incrementAndGet() % 5 == 0;
            return Reply.status(refused ? 503 : 200);
        });
        Path work = Path.of("target", "cluster", "two-nodes");
        // The second starts once the first has built its engine: Camunda's schema must not be created twice at once
        nodeA = NodeProcess.launch("node-a", work, node("node-a")).awaitLog("CALLOUT-15002", Duration.ofMinutes(3));
        nodeB = NodeProcess.launch("node-b", work, node("node-b"));
        nodeA.awaitReady(Duration.ofMinutes(3));
        nodeB.awaitReady(Duration.ofMinutes(3));
        a = NodeApi.asDemo(nodeA);
        b = NodeApi.asDemo(nodeB);

        assertThat(a.post("/api/callouts", callout(CLUSTER_CALLOUT, rmm.url("/rmm/cluster"))).status()).isEqualTo(201);
        // A workflow rule whose call waits for the job executor (asyncBefore): its job log keeps who ran it
        String rule = TestBpmn.rule("cluster-rule", "ticket-edited", "${ticket.queue == 'cluster'}", CLUSTER_CALLOUT)
                .replace("<callActivity id=\"ExecuteCallout\"",
                        "<callActivity id=\"ExecuteCallout\" camunda:asyncBefore=\"true\"");
        assertThat(a.deploy("cluster-rule", "cluster-rule.bpmn", rule).status()).isEqualTo(200);
    }

    /** A node's whole settings: the datasource as {@link ClusterDatabase} gives it, then {@link #nodeSettings}. */
    static Map<String, String> nodeSettingsWithDatasource(String url) {
        Map<String, String> settings = new LinkedHashMap<>(ClusterDatabase.datasource(url));
        settings.putAll(nodeSettings("node-a"));
        return settings;
    }

    private static Map<String, String> node(String id) {
        Map<String, String> settings = new LinkedHashMap<>(database.datasource());
        settings.putAll(nodeSettings(id));
        return settings;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] { nodeA, nodeB, rmm, database }) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void ticketEventsSpreadOverTwoNodesAreEachDeliveredOnceAndBothNodesRunJobs() throws Exception {
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> posted = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            NodeApi node = i % 2 == 0 ? a : b;
            String number = "C-" + i;
            String event = ticketEvent("EDITED", number, "cluster");
            posted.add(clients.submit(() -> node.post("/api/ticket-events", event).status()));
        }
        for (Future<Integer> status : posted) {
            assertThat(status.get()).isEqualTo(202);
        }
        clients.shutdown();
        long allPosted = System.nanoTime();

        Await.until("every event delivered", Duration.ofMinutes(3), () -> deliveredKeys().size() >= EVENTS);
        long allDelivered = System.nanoTime();
        Await.until("every delivery recorded as DELIVERED", Duration.ofSeconds(30),
                () -> deliveryStates().getOrDefault("DELIVERED", 0) == EVENTS);

        List<Hit> hits = rmm.hits(hit -> hit.path().equals("/rmm/cluster") && hit.ticketNumber().startsWith("C-"));
        Map<String, Long> deliveredPerKey = hits.stream().filter(Hit::delivered)
                .collect(Collectors.groupingBy(Hit::idempotencyKey, Collectors.counting()));
        Map<String, Set<String>> ticketsPerKey = hits.stream().collect(Collectors.groupingBy(Hit::idempotencyKey,
                Collectors.mapping(Hit::ticketNumber, Collectors.toSet())));
        Map<String, Integer> jobsByHost = jobsRunByHost();
        long refusedFirst = hits.stream().filter(hit -> hit.attempt() == 1 && !hit.delivered()).count();
        System.out.printf("""
                cluster: %d ticket events (half on each node) posted in %d ms, all delivered after %d ms;
                  requests to the RMM %d, first attempts refused %d, retries %d;
                  distinct idempotency keys delivered %d, keys delivered more than once %d;
                  deliveries by state %s; rule jobs run per node (job log) %s%n""",
                EVENTS, millis(started, allPosted), millis(started, allDelivered), hits.size(), refusedFirst,
                hits.stream().filter(hit -> hit.attempt() > 1).count(), deliveredPerKey.size(),
                deliveredPerKey.values().stream().filter(n -> n > 1).count(), deliveryStates(), jobsByHost);

        assertThat(deliveredPerKey).as("one key per trigger, every trigger delivered").hasSize(EVENTS);
        assertThat(deliveredPerKey.values()).as("no trigger delivered successfully twice").containsOnly(1L);
        assertThat(ticketsPerKey.values()).as("a key belongs to one ticket").allMatch(tickets -> tickets.size() == 1);
        assertThat(refusedFirst).as("the RMM refused a fifth of the first attempts").isGreaterThanOrEqualTo(EVENTS / 5);
        assertThat(deliveryStates()).containsExactly(Map.entry("DELIVERED", EVENTS));
        assertThat(jobsByHost).as("both nodes' job executors ran jobs, under their own hostnames")
                .containsOnlyKeys("node-a", "node-b").allSatisfy((host, jobs) -> assertThat(jobs).isPositive());
        assertThat(jobsByHost.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(EVENTS);
    }

    @Test
    void eachNodeSeesAChangeMadeOnTheOtherWithinOneRetryInterval() throws Exception {
        // The rule index: a rule deployed on A is counted and run by B at once
        long probe = a.post("/api/callouts", callout(PROBE_CALLOUT, rmm.url("/rmm/probe"))).json().get("id").asLong();
        assertThat(b.get("/api/callouts/" + probe).json().get("workflowRuleCount").asInt()).isZero();
        String rule = TestBpmn.rule("probe-rule", "ticket-created", "${ticket.queue == 'probe'}", PROBE_CALLOUT);
        assertThat(a.deploy("probe-rule", "probe-rule.bpmn", rule).status()).isEqualTo(200);
        assertThat(b.get("/api/callouts/" + probe).json().get("workflowRuleCount").asInt())
                .as("B counts the rule A deployed").isEqualTo(1);

        // B sends the probe (and the RMM refuses it, so retries keep going on both nodes) ...
        for (int i = 0; i < 4; i++) {
            assertThat(b.post("/api/ticket-events", ticketEvent("CREATED", "P-" + i, "probe")).status()).isEqualTo(202);
        }
        Await.until("four probes retried", Duration.ofSeconds(60),
                () -> probeHits().stream().filter(hit -> hit.attempt() >= 2).count() >= 4);

        // ... until A deactivates it: after one retry interval no node sends it any more
        assertThat(a.post("/api/callouts/" + probe + "/deactivate", "").status()).isEqualTo(200);
        long deactivated = System.nanoTime();
        long watched = RETRY.multipliedBy(3).plus(SLACK).toNanos();
        Await.until("three retry intervals watched", Duration.ofSeconds(30),
                () -> System.nanoTime() - deactivated > watched);
        List<Long> lateMillis = probeHits().stream().map(hit -> (hit.arrivedAtNanos() - deactivated) / 1_000_000)
                .filter(late -> late > 0).toList();
        System.out.printf("cluster: probe requests after the deactivation on A (ms later) %s%n", lateMillis);
        assertThat(lateMillis).as("no probe sent later than one retry interval after the deactivation")
                .allMatch(late -> late <= RETRY.plus(SLACK).toMillis());
        Await.until("the four probes skipped", Duration.ofSeconds(30), () -> database.jdbc().queryForObject("""
                SELECT COUNT(*) FROM callout_delivery WHERE ticket_number LIKE 'P-_' AND state = 'SKIPPED'""",
                Integer.class) == 4);
        assertThat(b.post("/api/ticket-events", ticketEvent("CREATED", "P-late", "probe")).status()).isEqualTo(202);
        Await.until("the late probe skipped", Duration.ofSeconds(30), () -> database.jdbc().queryForObject("""
                SELECT COUNT(*) FROM callout_delivery WHERE ticket_number = 'P-late' AND state = 'SKIPPED'""",
                Integer.class) == 1);
        assertThat(probeHits()).noneMatch(hit -> "P-late".equals(hit.ticketNumber()));

        // Verified credentials: a password changed on A is refused by B within one retry interval
        createAdmin("clusteradmin", "first-Pass-1");
        NodeApi adminOnB = b.as("clusteradmin", "first-Pass-1");
        assertThat(adminOnB.get("/api/callouts").status()).as("remembered on B").isEqualTo(200);
        assertThat(a.put("/engine-rest/user/clusteradmin/credentials",
                "{\"password\": \"second-Pass-2\", \"authenticatedUserPassword\": \"demo\"}").status()).isEqualTo(204);
        long changed = System.nanoTime();
        Await.until("the old password refused on B", RETRY.plus(SLACK),
                () -> adminOnB.get("/api/callouts").status() == 401);
        System.out.printf("cluster: old password refused on B %d ms after the change on A%n",
                millis(changed, System.nanoTime()));

        // API keys: one revoked on A is refused by B within one retry interval
        NodeApi.Answer created = a.post("/api/api-keys", "{\"name\": \"cluster ticket system\"}");
        assertThat(created.status()).isEqualTo(201);
        NodeApi keyOnB = b.withApiKey(created.json().get("key").asText());
        assertThat(keyOnB.get("/api/api-keys").status()).as("a valid key, but not an administrator").isEqualTo(403);
        assertThat(a.delete("/api/api-keys/" + created.json().get("id").asText()).status()).isEqualTo(204);
        long revoked = System.nanoTime();
        Await.until("the revoked key refused on B", RETRY.plus(SLACK),
                () -> keyOnB.get("/api/api-keys").status() == 401);
        System.out.printf("cluster: revoked key refused on B %d ms after the revocation on A%n",
                millis(revoked, System.nanoTime()));
    }

    private static void createAdmin(String id, String password) {
        assertThat(a.post("/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "Cluster", "lastName": "Admin", "email": "%s@msp.example"},
                 "credentials": {"password": "%s"}}""".formatted(id, id, password)).status()).isEqualTo(204);
        assertThat(a.put("/engine-rest/group/camunda-admin/members/" + id, "").status()).isEqualTo(204);
    }

    private static List<Hit> probeHits() {
        return rmm.hits(hit -> hit.path().equals("/rmm/probe"));
    }

    private static Set<String> deliveredKeys() {
        return rmm.hits(hit -> hit.delivered() && hit.path().equals("/rmm/cluster")).stream()
                .map(Hit::idempotencyKey).collect(Collectors.toSet());
    }

    private static Map<String, Integer> deliveryStates() {
        Map<String, Integer> states = new HashMap<>();
        database.jdbc().query("SELECT state, COUNT(*) FROM callout_delivery WHERE callout_name = ? GROUP BY state",
                rs -> {
                    states.put(rs.getString(1), rs.getInt(2));
                }, CLUSTER_CALLOUT);
        return states;
    }

    /** Successful jobs of the cluster rule in Camunda's job log, by the hostname that ran them. */
    private static Map<String, Integer> jobsRunByHost() {
        Map<String, Integer> byHost = new HashMap<>();
        database.jdbc().query("""
                SELECT hostname_, COUNT(*) FROM act_hi_job_log
                WHERE process_def_key_ = 'cluster-rule' AND job_state_ = 2 GROUP BY hostname_""",
                rs -> {
                    byHost.put(rs.getString(1), rs.getInt(2));
                });
        return byHost;
    }

    static String callout(String name, String url) {
        return """
                {"name": "%s", "url": "%s", "method": "GET", "authentication": {"type": "NONE"},
                 "notification": {"recipients": ["noc@msp.example"], "when": "ON_ERROR"}}""".formatted(name, url);
    }

    static String ticketEvent(String event, String number, String queue) {
        return """
                {"event": "%s", "ticket": {"id": 1, "number": "%s", "title": "Cluster", "status": "Resolved",
                 "queue": "%s"}}""".formatted(event, number, queue);
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
