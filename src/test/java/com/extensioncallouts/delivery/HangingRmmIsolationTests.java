package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.monitor.CalloutMetrics;
import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HangingReceiver;
import com.extensioncallouts.support.HttpReceiver;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One RMM accepts connections and never answers; another is healthy. With the job executor running as in
 * production, the hanging RMM gets its callout's share of requests open at once (4) and no more, the healthy
 * RMM's deliveries arrive while the hanging one's still queue, a delivery that waits for a turn spends no
 * attempt and no job retry, and the hanging RMM's own deliveries fail at the timeout and are retried as usual.
 */
@SpringBootTest(properties = {
        "callouts.http.timeout=PT3S",
        "callouts.http.max-concurrent-per-callout=4",
        "callouts.retry.interval=PT1S",
        "callouts.retry.max-retries=1" })
@ActiveProfiles("test")
@DirtiesContext
class HangingRmmIsolationTests {

    static final int HANGING_DELIVERIES = 24;
    static final int HEALTHY_DELIVERIES = 20;
    /** Generous for a loaded machine; the hanging RMM's deliveries need 36 s at the very least. */
    static final Duration ALL_WITHIN = Duration.ofSeconds(20);
    static final HangingReceiver HANGING = new HangingReceiver();
    static final HttpReceiver HEALTHY = new HttpReceiver();

    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired CalloutService callouts;
    @Autowired Deliveries deliveries;
    @Autowired MeterRegistry meters;

    @AfterAll
    static void closeReceivers() {
        HANGING.close();
        HEALTHY.close();
    }

    @Test
    void aHangingRmmHoldsOnlyItsCalloutsShareAndDeliveriesToOtherRmmsArriveMeanwhile() throws Exception {
        String hanging = callout("Hanging RMM", HANGING.url("/never-answers"));
        String healthy = callout("Healthy RMM", HEALTHY.url("/ok"));

        List<String> hangingInstances = new ArrayList<>();
        for (int i = 0; i < HANGING_DELIVERIES; i++) {
            hangingInstances.add(start(hanging, "A-" + i));
        }
        Await.until("the hanging RMM holds a full share", Duration.ofSeconds(20), () -> HANGING.open() == 4);

        long healthyStarted = System.nanoTime();
        for (int i = 0; i < HEALTHY_DELIVERIES; i++) {
            start(healthy, "B-" + i);
        }
        List<HttpReceiver.Received> arrived = HEALTHY.awaitRequests(HEALTHY_DELIVERIES, Duration.ofSeconds(30));
        Duration healthyTook = Duration.ofNanos(System.nanoTime() - healthyStarted);
        List<Delivery> hangingThen = deliveriesOf(hangingInstances);

        assertThat(arrived).as("every delivery to the healthy RMM arrived").hasSize(HEALTHY_DELIVERIES);
        // 24 hanging deliveries, 4 at a time, 2 attempts of 3 s each: at least 36 s to work through them
        assertThat(healthyTook).as("not queued behind the hanging RMM").isLessThan(ALL_WITHIN);
        assertThat(hangingThen).as("the hanging RMM's deliveries were still under way meanwhile")
                .anyMatch(d -> !d.state().finished());
        assertThat(sendJobsOf(hangingInstances)).as("waiting for a turn fails no job and spends no job retry")
                .isNotEmpty().allSatisfy(job -> {
                    assertThat(job.getExceptionMessage()).isNull();
                    assertThat(job.getRetries()).isEqualTo(3);
                });

        Await.until("every hanging delivery failed for good", Duration.ofSeconds(120),
                () -> deliveriesOf(hangingInstances).stream().allMatch(d -> d.state() == DeliveryState.FAILED));

        assertThat(HANGING.maxOpen()).as("requests open at once to the hanging RMM").isEqualTo(4);
        Map<String, List<Integer>> attemptsByDelivery = HANGING.requests().stream().collect(Collectors.groupingBy(
                HangingReceiver.Request::idempotencyKey, Collectors.mapping(HangingReceiver.Request::attempt,
                        Collectors.toList())));
        assertThat(deliveriesOf(hangingInstances)).allSatisfy(d -> {
            assertThat(attemptsByDelivery.get(d.idempotencyKey()))
                    .as("attempt numbers the RMM saw for ticket %s: waits for a turn count none", d.ticketNumber())
                    .containsExactly(1, 2);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).isEqualTo("no answer within 3 s (timeout)");
        });
        assertThat(history.createHistoricJobLogQuery().failureLog().activityIdIn("Task_SendCallout")
                .processDefinitionKey(CalloutVariables.PROCESS_KEY).count())
                .as("no send job ever failed").isZero();
        assertThat(counter(CalloutMetrics.TURN_WAITS, hanging)).as("deliveries did wait for a turn").isPositive();
        assertThat(counter(CalloutMetrics.TURN_WAITS, healthy)).isZero();
        assertThat(meters.find(CalloutMetrics.ATTEMPTS).tags("callout", hanging, "outcome", "retrying").counter()
                .count()).isEqualTo(HANGING_DELIVERIES);
        assertThat(meters.find(CalloutMetrics.ATTEMPTS).tags("callout", hanging, "outcome", "failed").counter()
                .count()).isEqualTo(HANGING_DELIVERIES);
    }

    private String callout(String name, String url) {
        return callouts.create(CalloutEngineTest.draft(CalloutEngineTest.unique(name), url, "POST", "JSON",
                "ON_ERROR", "noc@msp.example")).name();
    }

    private String start(String calloutName, String ticketNumber) {
        return runtime.startProcessInstanceByKey(CalloutVariables.PROCESS_KEY, Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", CalloutEngineTest.json(CalloutEngineTest.ticket(ticketNumber, "a-1")))
                .putValue("ticketEvent", "EDITED")).getId();
    }

    private List<Delivery> deliveriesOf(List<String> instances) {
        return instances.stream().map(pid -> deliveries.forInstance(pid).orElseThrow()).toList();
    }

    /** The jobs of the send step and of its wait for a turn (not the incident a delivery that failed for good leaves). */
    private List<Job> sendJobsOf(List<String> instances) {
        return instances.stream()
                .flatMap(pid -> java.util.stream.Stream.of("Task_SendCallout", "Timer_WaitForTurn").flatMap(activity ->
                        management.createJobQuery().processInstanceId(pid).activityId(activity).list().stream()))
                .toList();
    }

    private double counter(String name, String callout) {
        var counter = meters.find(name).tag("callout", callout).counter();
        return counter == null ? 0 : counter.count();
    }
}
