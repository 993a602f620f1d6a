package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.extensioncallouts.ExtensionCalloutsApplication;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.HttpReceiver.Received;

/**
 * A recovery asked for just before a stop is carried out by the next start, on the same H2 file: every
 * claimed delivery is sent once, and asking again sends nothing.
 */
class RecoveryRestartTests {

    @Test
    void aRecoveryInterruptedByARestartSendsEachDeliveryOnce(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("callouts").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (HttpReceiver rmm = new HttpReceiver().alwaysAnswer(Answer.status(500))) {
            long calloutId;
            Instant since = Instant.now().minusSeconds(1);
            try (ConfigurableApplicationContext app = start(db, false)) {
                CalloutService callouts = app.getBean(CalloutService.class);
                calloutId = callouts.create(CalloutEngineTest.draft("Recover after restart", rmm.url("/rmm/r"),
                        "POST", "JSON", "ON_ERROR", "restart@msp.example")).id();
                RuntimeService runtime = app.getBean(RuntimeService.class);
                ManagementService management = app.getBean(ManagementService.class);
                for (String number : List.of("T1", "T2", "T3")) {
                    String pid = runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                            .putValue("calloutName", "Recover after restart")
                            .putValueTyped("ticket", CalloutEngineTest.json(CalloutEngineTest.ticket(number, "a-1")))
                            .putValue("ticketEvent", "EDITED")).getId();
                    runJobs(management, pid);
                }
                assertThat(rmm.requests()).as("one failed attempt each (max-retries 0)").hasSize(3);
                rmm.alwaysAnswer(Answer.status(200));

                Recoveries.Recovery recovery = app.getBean(Recoveries.class).recover(calloutId, since,
                        Instant.now().plusMillis(1));
                assertThat(recovery.queued()).isEqualTo(3);
            }
            assertThat(rmm.requests()).as("stopped before the recovery ran").hasSize(3);

            try (ConfigurableApplicationContext app = start(db, true)) {
                List<Received> requests = rmm.awaitRequests(6, Duration.ofSeconds(30));
                assertThat(requests).hasSize(6);
                RuntimeService runtime = app.getBean(RuntimeService.class);
                Await.until("every recovery ended", Duration.ofSeconds(30),
                        () -> running(runtime, "callout-recovery") == 0);
                // the three failed originals stay, at their incidents
                Await.until("the recovered deliveries ended", Duration.ofSeconds(30),
                        () -> running(runtime, "extension-callout") == 3);
                assertThat(rmm.requests()).as("each once, none twice, with nothing left to run").hasSize(6);
                assertThat(requests.subList(3, 6)).extracting(r -> r.header("X-Callout-Attempt")).containsOnly("1");
                assertThat(requests.subList(3, 6)).extracting(r -> r.header("Idempotency-Key"))
                        .doesNotContainAnyElementsOf(requests.subList(0, 3).stream()
                                .map(r -> r.header("Idempotency-Key")).toList());
                assertThat(app.getBean(Recoveries.class).recover(calloutId, since, Instant.now()).queued()).isZero();
            }
        }
    }

    private static long running(RuntimeService runtime, String processKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count();
    }

    private static void runJobs(ManagementService management, String pid) {
        for (int i = 0; i < 10; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(pid).withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return;
            }
            try {
                management.executeJob(jobs.get(0).getId());
            } catch (RuntimeException expectedForTheCockpitStep) {
                // the engine has recorded the failure: the incident
            }
        }
    }

    private static ConfigurableApplicationContext start(String db, boolean jobExecutor) {
        return new SpringApplicationBuilder(ExtensionCalloutsApplication.class).profiles("test")
                .run("--spring.datasource.url=" + db, "--server.port=0", "--callouts.retry.max-retries=0",
                        "--camunda.bpm.job-execution.enabled=" + jobExecutor, "--spring.main.banner-mode=off");
    }
}
