package com.extensioncallouts.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.Deployments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ticket events that wait for a turn together are sent in one engine transaction, each still answered with
 * the rule instances it started; one that fails there fails alone, and the others start their rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callouts.ticket-events.max-concurrent=1",
        "callouts.ticket-events.max-wait=PT30S" })
@ActiveProfiles("test")
class TicketEventBatchTests {

    /** Holds the ticket {@code hold} until released; refuses tickets numbered {@code bad...}. */
    public static class Gate {
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        void arm() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        public boolean pass(String ticketNumber) throws InterruptedException {
            if (ticketNumber.startsWith("bad")) {
                throw new IllegalStateException("this rule refuses ticket " + ticketNumber);
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

        CompletableFuture<ResponseEntity<String>> held = postAsync("hold");
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).as("the first event holds the only turn").isTrue();
        List<CompletableFuture<ResponseEntity<String>>> queued = List.of(postAsync("T-2"), postAsync("T-3"),
                postAsync("T-4"));
        Await.until("three events waiting for the turn", Duration.ofSeconds(10), () -> signals.waiting() == 3);
        gate.release.countDown();

        assertThat(startedInstance(held.get(20, TimeUnit.SECONDS), "hold")).isNotNull();
        for (int i = 0; i < queued.size(); i++) {
            assertThat(startedInstance(queued.get(i).get(20, TimeUnit.SECONDS), "T-" + (i + 2))).isNotNull();
        }
        assertThat(perTransaction.count() - transactionsBefore)
                .as("the held event alone, then the three that waited in one transaction").isEqualTo(2);
        assertThat(perTransaction.totalAmount() - eventsBefore).isEqualTo(4);
    }

    @Test
    void anEventThatFailsInASharedTransactionFailsAloneAndTheOthersStartTheirRules() throws Exception {
        DistributionSummary perTransaction = meters.get(SignalBatches.PER_TRANSACTION).summary();
        long transactionsBefore = perTransaction.count();

        CompletableFuture<ResponseEntity<String>> held = postAsync("hold");
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ResponseEntity<String>> first = postAsync("T-5");
        CompletableFuture<ResponseEntity<String>> bad = postAsync("bad-6");
        CompletableFuture<ResponseEntity<String>> last = postAsync("T-7");
        Await.until("three events waiting for the turn", Duration.ofSeconds(10), () -> signals.waiting() == 3);
        gate.release.countDown();

        assertThat(startedInstance(held.get(20, TimeUnit.SECONDS), "hold")).isNotNull();
        assertThat(startedInstance(first.get(20, TimeUnit.SECONDS), "T-5")).isNotNull();
        assertThat(startedInstance(last.get(20, TimeUnit.SECONDS), "T-7")).isNotNull();
        ResponseEntity<String> refused = bad.get(20, TimeUnit.SECONDS);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("batch-rule").count())
                .as("hold, T-5 and T-7; nothing of bad-6, nor twice of the others").isEqualTo(3);
        assertThat(perTransaction.count() - transactionsBefore)
                .as("the shared transaction was rolled back; each of its events was sent again alone").isEqualTo(3);
    }

    /** The one rule instance a 202 names, after checking that it is the instance of this event's ticket. */
    private String startedInstance(ResponseEntity<String> answer, String ticketNumber) throws Exception {
        assertThat(answer.getStatusCode()).as(ticketNumber).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode rules = json.readTree(answer.getBody()).get("workflowRules");
        assertThat(rules).as(ticketNumber).hasSize(1);
        String instanceId = rules.get(0).get("processInstanceId").asText();
        HistoricVariableInstance ticket = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("ticket").singleResult();
        assertThat(((Map<?, ?>) ticket.getValue()).get("number")).as("the instance named in the answer to %s",
                ticketNumber).isEqualTo(ticketNumber);
        return instanceId;
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
                    <sequenceFlow id="toEnd" sourceRef="pass" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """;
    }
}
