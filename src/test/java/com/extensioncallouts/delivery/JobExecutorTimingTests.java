package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.notify.NotificationLog;
import com.extensioncallouts.notify.NotificationRecord;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;

/**
 * With the job executor running as in production (application.yml's job-execution settings): the first
 * attempt leaves as soon as the ticket event commits, a retry leaves within seconds of its due time even
 * after the application sat idle, and a mail server that is down never holds up or fails a callout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "callouts.retry.interval=PT2S")
@ActiveProfiles("test")
class JobExecutorTimingTests {

    static final HttpReceiver RMM = new HttpReceiver();
    static final int MAIL_DOWN_PORT = CalloutEngineTest.freePort();

    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired CalloutService callouts;
    @Autowired NotificationLog notifications;

    @DynamicPropertySource
    static void mailServerThatIsDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL_DOWN_PORT);
    }

    @AfterAll
    static void closeReceiver() {
        RMM.close();
    }

    @Test
    void firstAttemptLeavesOnCommitAndTheRetryWithinSecondsOfItsDueTime() throws Exception {
        RMM.reset();
        RMM.thenAnswer(Answer.status(500));
        String name = callouts.create(CalloutEngineTest.draft(CalloutEngineTest.unique("Punctual"),
                RMM.url("/rmm/punctual"), "POST", "XML", "ON_ERROR", "p@msp.example")).name();
        Thread.sleep(3000); // idle: the job executor backs off to its longest wait between acquisitions

        long started = System.nanoTime();
        start(name, "T1");
        RMM.awaitRequests(1, Duration.ofSeconds(10));
        long first = System.nanoTime();
        List<HttpReceiver.Received> requests = RMM.awaitRequests(2, Duration.ofSeconds(15));
        long second = System.nanoTime();

        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(first - started)).as("no wait for an acquisition cycle")
                .isLessThan(Duration.ofMillis(1000));
        assertThat(Duration.ofNanos(second - first)).as("retry after PT2S, within a few seconds of its due time")
                .isBetween(Duration.ofMillis(1900), Duration.ofMillis(5500));
        assertThat(requests.get(1).header("X-Callout-Attempt")).isEqualTo("2");
    }

    @Test
    void aMailServerThatIsDownNeverFailsACallout() throws Exception {
        RMM.reset();
        String name = callouts.create(CalloutEngineTest.draft(CalloutEngineTest.unique("Mail down"),
                RMM.url("/rmm/maildown"), "POST", "XML", "ALWAYS", "down@msp.example")).name();

        String pid = start(name, "T2");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<NotificationRecord> recorded = notifications.notificationsOf(pid);
        while (recorded.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            recorded = notifications.notificationsOf(pid);
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_Delivered");
        assertThat(recorded).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(NotificationRecord.Status.FAILED);
            assertThat(n.error()).containsIgnoringCase("connect");
        });
    }

    private String start(String calloutName, String ticketNumber) {
        return runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", CalloutEngineTest.json(CalloutEngineTest.ticket(ticketNumber, "a-1")))
                .putValue("ticketEvent", "EDITED")).getId();
    }
}
