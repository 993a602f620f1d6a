package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.extensioncallouts.ExtensionCalloutsApplication;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.notify.NotificationLog;
import com.extensioncallouts.notify.NotificationRecord;
import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.HttpReceiver.Received;

/**
 * A retry waiting at its timer survives a restart: the application is stopped and started again on
 * the same H2 file, and the retry goes out from the new one. No mail server is configured here, so
 * the notification is logged and recorded instead.
 */
class RestartTests {

    @Test
    void aPendingRetryIsSentAfterARestart(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("callouts").toAbsolutePath() + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE";
        try (HttpReceiver rmm = new HttpReceiver().thenAnswer(Answer.status(500))) {
            String pid;
            try (ConfigurableApplicationContext app = start(db)) {
                String name = app.getBean(CalloutService.class).create(CalloutEngineTest.draft(
                        "Restart", rmm.url("/rmm/restart"), "POST", "XML", "ALWAYS", "restart@msp.example")).name();
                pid = app.getBean(RuntimeService.class).startProcessInstanceByKey("extension-callout",
                        Variables.createVariables().putValue("calloutName", name)
                                .putValueTyped("ticket", CalloutEngineTest.json(CalloutEngineTest.ticket("T1", "a-1")))
                                .putValue("ticketEvent", "EDITED")).getId();
                assertThat(rmm.awaitRequests(1, Duration.ofSeconds(10))).hasSize(1);
                ManagementService management = app.getBean(ManagementService.class);
                Await.until("the retry waiting at its timer", Duration.ofSeconds(15),
                        () -> management.createJobQuery().processInstanceId(pid).timers().count() == 1);
            }
            assertThat(rmm.requests()).as("the retry is not due before the stop").hasSize(1);

            try (ConfigurableApplicationContext app = start(db)) {
                List<Received> requests = rmm.awaitRequests(2, Duration.ofSeconds(30));
                assertThat(requests).hasSize(2);
                assertThat(requests.get(1).header("X-Callout-Attempt")).isEqualTo("2");
                assertThat(requests.get(1).header("Idempotency-Key")).isEqualTo(requests.get(0).header("Idempotency-Key"));

                HistoryService history = app.getBean(HistoryService.class);
                Await.until("the instance ended", Duration.ofSeconds(15),
                        () -> history.createHistoricProcessInstanceQuery().processInstanceId(pid).finished()
                                .count() == 1);
                NotificationLog notifications = app.getBean(NotificationLog.class);
                Await.until("the notification recorded", Duration.ofSeconds(15),
                        () -> !notifications.notificationsOf(pid).isEmpty());
                assertThat(notifications.notificationsOf(pid)).singleElement()
                        .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationRecord.Status.LOGGED));
            }
        }
    }

    private static ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(ExtensionCalloutsApplication.class).profiles("test")
                .run("--spring.datasource.url=" + db, "--server.port=0", "--callouts.retry.interval=PT6S",
                        "--spring.main.banner-mode=off");
    }
}
