package com.extensioncallouts.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.monitor.CalloutMetrics;
import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.Deployments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ticket events that wait for a turn together are sent in one engine transaction, each still answered with
 * the rule instances it started; one that fails there fails alone, and the others start their rules once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callouts.ticket-events.max-concurrent=1",
        "callouts.ticket-events.max-wait=PT30S" })
@ActiveProfiles("test")
class TicketEventBatchTests {

    /**
     * The rule's gate: holds the ticket {@code hold} until released, refuses tickets numbered {@code bad...},
     * makes the commit of {@code after-commit...} fail once committed, and counts the tickets it lets pass.
     * The rule then calls a callout that does not exist (a skipped delivery, counted in {@code callouts.skipped}).
     */
    public static class Gate {
        volatile CountDownLatch entered;
        volatile CountDownLatch release;
        final Map<String, Integer> passed = new ConcurrentHashMap<>();

        void arm() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
            passed.clear();
        }

        public boolean pass(String ticketNumber) throws InterruptedException {
            passed.merge(ticketNumber, 1, Integer::sum);
            if (ticketNumber.startsWith("bad")) {
                throw new IllegalStateException("this rule refuses ticket " + ticketNumber);
            }
            if (ticketNumber.startsWith("after-commit")) {
                Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        committed -> {
                            throw new IllegalStateException("something after the commit of " + ticketNumber);
                        });
            }
            if (ticketNumber.equals("hold")) {
                entered.countDown();
                return release.await(20, TimeUnit.SECONDS);
            }
            return true;
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        Gate batchGate() {
            return new Gate();
        }
    }

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired SignalBatches signals;
    @Autowired MeterRegistry meters;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Gate gate;
    final ObjectMapper json = new ObjectMapper();
    /** One thread per request: each waits for its answer while the others are sent. */
    final ExecutorService clients = Executors.newCachedThreadPool();
    Deployments rules;

    @BeforeEach
    void deployRule() {
        gate.arm();
        rules = new Deployments(repository);
        rules.deploy("batch.bpmn", rule());
    }

    @AfterEach
    void undeploy() {
        gate.release.countDown();
        rules.deleteAll();
        clients.shutdownNow();
    }

    @Test
    void eventsThatWaitedTogetherStartTheirRulesInOneTransactionEachAnsweredWithItsOwnInstance() throws Exception {
        DistributionSummary perTransaction = meters.get(SignalBatches.PER_TRANSACTION).summary();
        long transactionsBefore = perTransaction.count();
        double eventsBefore = perTransaction.totalAmount();

        CompletableFuture<ResponseEntity<String>> held = holdTheTurn();
        List<CompletableFuture<ResponseEntity<String>>> queued = queueInOrder("T-2", "T-3", "T-4");
        gate.release.countDown();

        assertStarted(held, "hold");
        assertStarted(queued.get(0), "T-2");
        assertStarted(queued.get(1), "T-3");
        assertStarted(queued.get(2), "T-4");
        assertThat(perTransaction.count() - transactionsBefore)
                .as("the held event alone, then the three that waited in one transaction").isEqualTo(2);
        assertThat(perTransaction.totalAmount() - eventsBefore).isEqualTo(4);
    }

    @Test
    void anEventThatFailsInASharedTransactionFailsAloneAndTheOthersStartTheirRules() throws Exception {
        DistributionSummary perTransaction = meters.get(SignalBatches.PER_TRANSACTION).summary();
        long transactionsBefore = perTransaction.count();
        double eventsBefore = perTransaction.totalAmount();
        double skippedBefore = skipped();

        CompletableFuture<ResponseEntity<String>> held = holdTheTurn();
        // T-5 runs before bad-6 in the shared transaction, T-7 after it
        List<CompletableFuture<ResponseEntity<String>>> queued = queueInOrder("T-5", "bad-6", "T-7");
        gate.release.countDown();

        assertStarted(held, "hold");
        assertStarted(queued.get(0), "T-5");
        assertStarted(queued.get(2), "T-7");
        ResponseEntity<String> refused = queued.get(1).get(20, TimeUnit.SECONDS);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("batch-rule").count())
                .as("hold, T-5 and T-7; nothing of bad-6, nor twice of the others").isEqualTo(3);
        assertThat(gate.passed).as("T-5 and bad-6 passed the gate in the shared transaction and again after it")
                .containsEntry("T-5", 2).containsEntry("bad-6", 2).containsEntry("T-7", 1);
        assertThat(perTransaction.count() - transactionsBefore)
                .as("hold alone, then T-5 and T-7 together again (bad-6 alone failed)").isEqualTo(2);
        assertThat(perTransaction.totalAmount() - eventsBefore).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM callout_delivery WHERE ticket_number = 'T-5'", Long.class))
                .as("the rolled-back transaction left no delivery of T-5 behind").isOne();
        assertThat(skipped() - skippedBefore)
                .as("T-5's skip in the rolled-back transaction is not counted, only the committed ones").isEqualTo(3);
    }

    @Test
    void eventsWhoseTransactionCommittedAreNotSentAgainWhenSomethingAfterTheCommitFails() throws Exception {
        CompletableFuture<ResponseEntity<String>> held = holdTheTurn();
        List<CompletableFuture<ResponseEntity<String>>> queued = queueInOrder("T-8", "after-commit-9", "T-10");
        gate.release.countDown();

        assertStarted(held, "hold");
        assertStarted(queued.get(0), "T-8");
        assertStarted(queued.get(1), "after-commit-9");
        assertStarted(queued.get(2), "T-10");
        assertThat(gate.passed).as("each started once").containsEntry("T-8", 1).containsEntry("after-commit-9", 1)
                .containsEntry("T-10", 1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("batch-rule").count())
                .isEqualTo(4);
    }

    @Test
    void anInstanceWaitingForTheSignalCatchesItOnceFromTwoEventsOfOneTransaction() throws Exception {
        DistributionSummary perTransaction = meters.get(SignalBatches.PER_TRANSACTION).summary();
        long transactionsBefore = perTransaction.count();
        rules.deploy("waiter.bpmn", waiter());
        CompletableFuture<ResponseEntity<String>> held = holdTheTurn();
        // starts waiting after the held event looked for waiting instances: the next events find it. After the
        // catch it waits again (a task), so the engine cannot tell by its end that it caught the signal already
        String waiter = runtime.startProcessInstanceByKey("waiter").getId();
        List<CompletableFuture<ResponseEntity<String>>> queued = queueInOrder("T-11", "T-12");
        gate.release.countDown();

        assertStarted(held, "hold");
        assertStarted(queued.get(0), "T-11");
        assertStarted(queued.get(1), "T-12");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(waiter).activityId("caught")
                .count()).as("the waiting instance caught the signal once").isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(waiter).count())
                .as("it waits once at the task after the catch event").isOne();
        assertThat(perTransaction.count() - transactionsBefore).as("hold, then T-11 and T-12 together").isEqualTo(2);
    }

    private double skipped() {
        Counter skipped = meters.find(CalloutMetrics.SKIPPED).tag("callout", "no-such-callout").counter();
        return skipped == null ? 0 : skipped.count();
    }

    /** Posts the ticket {@code hold}, whose rule holds the only turn until the gate is released. */
    private CompletableFuture<ResponseEntity<String>> holdTheTurn() throws InterruptedException {
        CompletableFuture<ResponseEntity<String>> held = postAsync("hold");
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).as("the first event holds the only turn").isTrue();
        return held;
    }

    /** Posts these tickets one after the other, each once the one before waits for the turn: in this order. */
    private List<CompletableFuture<ResponseEntity<String>>> queueInOrder(String... numbers)
            throws InterruptedException {
        List<CompletableFuture<ResponseEntity<String>>> answers = new ArrayList<>();
        for (String number : numbers) {
            answers.add(postAsync(number));
            int waiting = answers.size();
            Await.until(number + " waiting for the turn", Duration.ofSeconds(10), () -> signals.waiting() == waiting);
        }
        return answers;
    }

    /** Checks that the answer is a 202 naming one rule instance, the instance of this event's ticket. */
    private void assertStarted(CompletableFuture<ResponseEntity<String>> answer, String ticketNumber) throws Exception {
        ResponseEntity<String> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.getStatusCode()).as(ticketNumber).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode rules = json.readTree(response.getBody()).get("workflowRules");
        assertThat(rules).as(ticketNumber).hasSize(1);
        String instanceId = rules.get(0).get("processInstanceId").asText();
        HistoricVariableInstance ticket = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("ticket").singleResult();
        assertThat(((Map<?, ?>) ticket.getValue()).get("number")).as("the instance named in the answer to %s",
                ticketNumber).isEqualTo(ticketNumber);
    }

    private CompletableFuture<ResponseEntity<String>> postAsync(String number) {
        return CompletableFuture.supplyAsync(() -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return rest.withBasicAuth("demo", "demo").postForEntity("/api/ticket-events", new HttpEntity<>(
                    "{\"event\": \"CREATED\", \"ticket\": {\"id\": 1, \"number\": \"" + number + "\"}}", headers),
                    String.class);
        }, clients);
    }

    private static String waiter() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://extensioncallouts.com/test">
                  <signal id="created" name="ticket-created"/>
                  <process id="waiter" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>
                    <intermediateCatchEvent id="wait"><signalEventDefinition signalRef="created"/></intermediateCatchEvent>
                    <sequenceFlow id="toCaught" sourceRef="wait" targetRef="caught"/>
                    <serviceTask id="caught" camunda:expression="${true}"/>
                    <sequenceFlow id="toAfterwards" sourceRef="caught" targetRef="afterwards"/>
                    <userTask id="afterwards"/>
                    <sequenceFlow id="toEnd" sourceRef="afterwards" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """;
    }

    private static String rule() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://extensioncallouts.com/test">
                  <signal id="created" name="ticket-created"/>
                  <process id="batch-rule" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"><signalEventDefinition signalRef="created"/></startEvent>
                    <sequenceFlow id="toPass" sourceRef="start" targetRef="pass"/>
                    <serviceTask id="pass" camunda:expression="${batchGate.pass(ticket.number)}"/>
                    <sequenceFlow id="toCall" sourceRef="pass" targetRef="call"/>
                    <callActivity id="call" calledElement="extension-callout">
                      <extensionElements>
                        <camunda:in sourceExpression="no-such-callout" target="calloutName"/>
                        <camunda:in source="ticket" target="ticket"/>
                      </extensionElements>
                    </callActivity>
                    <sequenceFlow id="toEnd" sourceRef="call" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """;
    }
}
