package com.extensioncallouts.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.Await;

/**
 * Health for anyone (status only), details and Prometheus metrics for administrators; liveness and readiness
 * for Kubernetes; the job executor's own indicators, told the truth by stopping it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callouts.health.jobs-overdue-after=PT1S",
        "callouts.health.cache-for=PT0S" })
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@DirtiesContext
class HealthAndMetricsTests {

    static final HttpReceiver RMM = new HttpReceiver();
    /** A mail server that is down: notifications fail and are recorded, deliveries go on. */
    static final int MAIL_DOWN_PORT = CalloutEngineTest.freePort();
    static final String NOT_ADMIN = "operator" + System.nanoTime();
    static final String PASSWORD = "s3cret-operator";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired CalloutService callouts;
    @Autowired Deliveries deliveries;
    @Autowired ProcessEngineConfigurationImpl engine;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void mailServerThatIsDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL_DOWN_PORT);
    }

    @BeforeEach
    void createUserOutsideTheAdmins() {
        User user = identity.newUser(NOT_ADMIN);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
    }

    @AfterEach
    void deleteUser() {
        identity.deleteUser(NOT_ADMIN);
    }

    @AfterAll
    static void closeReceiver() {
        RMM.close();
    }

    @Test
    void prometheusMetricsAreForAdministratorsOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> notAdmin = get("/actuator/prometheus", NOT_ADMIN, PASSWORD);
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.body()).contains("camunda-admin");
        assertThat(get("/actuator/prometheus", "demo", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", NOT_ADMIN, PASSWORD).statusCode()).as("not exposed, and not for them")
                .isEqualTo(403);
    }

    @Test
    void aDeliveryIsCountedByCalloutAndOutcomeAndTimed() throws Exception {
        RMM.reset();
        RMM.thenAnswer(HttpReceiver.Answer.status(503));
        String name = callouts.create(CalloutEngineTest.draft(CalloutEngineTest.unique("Metered"),
                RMM.url("/rmm/metered"), "POST", "JSON", "ON_ERROR", "noc@msp.example")).name();
        String pid = start(name, "T-METRICS");
        Await.until("the first attempt failed and a retry waits", Duration.ofSeconds(20),
                () -> deliveries.forInstance(pid).map(d -> d.state() == DeliveryState.RETRYING).orElse(false));

        HttpResponse<String> answer = get("/actuator/prometheus", "demo", "demo");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        String callout = "callout=\"" + name + "\"";
        assertThat(answer.body()).containsPattern("(?m)^callouts_attempts_total\\{[^}]*" + callout
                + ",outcome=\"retrying\"} 1\\.0$");
        assertThat(answer.body()).doesNotContainPattern("callouts_attempts_total\\{[^}]*" + callout
                + ",outcome=\"delivered\"}");
        assertThat(answer.body()).containsPattern("(?m)^callouts_attempt_duration_seconds_count\\{[^}]*" + callout
                + "} 1$");
        assertThat(answer.body()).containsPattern("(?m)^callouts_attempt_duration_seconds_bucket\\{[^}]*" + callout
                + ",le=\"30\\.0\"} 1$");
        assertThat(answer.body()).containsPattern("(?m)^callouts_retries_waiting\\{[^}]*} [1-9]")
                .containsPattern("(?m)^callouts_incidents\\{[^}]*} 0\\.0$")
                .contains("application=\"extension-callouts\"");
    }

    @Test
    void requestsAreTimedAsAWholeAndSpringSecurityIsNotObservedFilterByFilter() throws Exception {
        get("/api/callouts", "demo", "demo");

        String metrics = get("/actuator/prometheus", "demo", "demo").body();

        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/callouts\"");
        assertThat(metrics).as("observing each filter of every request's chain costs more than it tells")
                .doesNotContain("spring_security_");
    }

    @Test
    void livenessAndReadinessAnswerAnyoneWithTheStatusOnlyAndAMailServerDownIsNoReasonToBeUnready()
            throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null, null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");

        HttpResponse<String> detailed = get("/actuator/health/readiness", "demo", "demo");
        assertThat(detailed.body()).contains("\"db\"", "\"jobExecutor\"", "\"readinessState\"", "\"lockOwner\"")
                .doesNotContain("\"mail\"", "\"jobBacklog\"");
        HttpResponse<String> overall = get("/actuator/health", "demo", "demo");
        assertThat(overall.statusCode()).as("the whole: an operator should start the mail server").isEqualTo(503);
        assertThat(overall.body()).contains("\"jobBacklog\"", "\"jobExecutor\"")
                .containsPattern("\"mail\":\\{\"status\":\"DOWN\"");
        assertThat(get("/actuator/health", null, null).body()).startsWith("{\"status\":\"DOWN\"")
                .doesNotContain("components", "details");
    }

    @Test
    void aStoppedJobExecutorIsNotReadyAndTheJobsItLeavesAreReportedOverdue() throws Exception {
        String name = callouts.create(CalloutEngineTest.draft(CalloutEngineTest.unique("Overdue"),
                RMM.url("/rmm/overdue"), "POST", "JSON", "ON_ERROR", "noc@msp.example")).name();
        JobExecutor jobExecutor = engine.getJobExecutor();
        jobExecutor.shutdown();
        String pid;
        try {
            pid = start(name, "T-OVERDUE");
            Await.until("the job is overdue and reported", Duration.ofSeconds(20),
                    () -> get("/actuator/health", "demo", "demo").body().matches(".*\"jobsOverdue\":[1-9].*"));

            HttpResponse<String> readiness = get("/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).as(get("/actuator/health/readiness", "demo", "demo").body())
                    .isEqualTo(503);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
            String details = get("/actuator/health", "demo", "demo").body();
            assertThat(details).containsPattern("\"jobExecutor\":\\{\"status\":\"DOWN\"[^}]*\"active\":false")
                    .containsPattern("\"jobBacklog\":\\{\"status\":\"DOWN\"[^}]*\"jobsOverdue\":[1-9]")
                    .contains("oldestDueSince");
            assertThat(RMM.requests()).as("nothing sent while no job executor runs")
                    .noneMatch(r -> r.path().equals("/rmm/overdue"));
            assertThat(get("/actuator/health/liveness", null, null).statusCode()).as("alive all the same")
                    .isEqualTo(200);
        } finally {
            jobExecutor.start();
        }

        Await.until("delivered once the job executor runs again", Duration.ofSeconds(30),
                () -> deliveries.forInstance(pid).map(d -> d.state() == DeliveryState.DELIVERED).orElse(false));
        Await.until("ready again", Duration.ofSeconds(10),
                () -> get("/actuator/health/readiness", null, null).statusCode() == 200);
        Await.until("no job overdue", Duration.ofSeconds(10), () -> get("/actuator/health", "demo", "demo").body()
                .matches(".*\"jobBacklog\":\\{\"status\":\"UP\"[^}]*\"jobsOverdue\":0.*"));
    }

    private String start(String calloutName, String ticketNumber) {
        return runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", CalloutEngineTest.json(CalloutEngineTest.ticket(ticketNumber, "a-1")))
                .putValue("ticketEvent", "EDITED")).getId();
    }

    private HttpResponse<String> get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
