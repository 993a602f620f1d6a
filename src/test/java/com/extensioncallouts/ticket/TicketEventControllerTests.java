package com.extensioncallouts.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.support.Deployments;
import com.extensioncallouts.support.TestBpmn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketEventControllerTests {

    static final String EXAMPLE_RULE = "ticket-completed-close-rmm-alert";
    static final String COMPLETE_TICKET = """
            {"id": 4711, "number": "T20261127.0042", "title": "Disk space low on SRV-01", "status": "Complete",
             "priority": "High", "udfs": {"RMM Alert ID": "a-123"}}""";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ObjectMapper objectMapper;

    Deployments deployments;
    String key;

    @BeforeEach
    void setUp() {
        deployments = new Deployments(repositoryService);
        // bpmn/ rules call extension-callout; this stand-in takes the call (and is removed again after each test)
        deployments.deploy("extension-callout.bpmn", TestBpmn.extensionCalloutStandIn());
        key = "rule-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        deployments.deleteAll();
    }

    @Test
    void anEditedTicketStartsTheRulesListeningToTicketEditedAndAnswersWithThem() throws Exception {
        deployments.deploy("edited.bpmn", TestBpmn.rule(key + "-edited", "ticket-edited",
                "${ticket.status == 'Complete'}", null));
        deployments.deploy("created.bpmn", TestBpmn.rule(key + "-created", "ticket-created", "${true}", null));

        ResponseEntity<String> answer = post(event("EDITED", COMPLETE_TICKET));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode body = objectMapper.readTree(answer.getBody());
        String eventId = body.get("eventId").asText();
        assertThat(UUID.fromString(eventId)).isNotNull();
        String instanceId = onlyInstanceOf(key + "-edited").getId();
        assertThat(started(body)).contains(Map.of("processDefinitionKey", key + "-edited",
                "processInstanceId", instanceId));
        assertThat(started(body)).extracting(rule -> rule.get("processDefinitionKey"))
                .doesNotContain(key + "-created");
        assertThat(endedAt(instanceId, "Matched")).isTrue();
        assertThat(variable(instanceId, "ticketEvent")).isEqualTo("EDITED");
    }

    @Test
    void aCreatedTicketStartsOnlyTheRulesListeningToTicketCreated() throws Exception {
        deployments.deploy("edited.bpmn", TestBpmn.rule(key + "-edited", "ticket-edited", "${true}", null));
        deployments.deploy("created.bpmn", TestBpmn.rule(key + "-created", "ticket-created", "${true}", null));

        ResponseEntity<String> answer = post(event("CREATED", COMPLETE_TICKET));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode body = objectMapper.readTree(answer.getBody());

        String instanceId = onlyInstanceOf(key + "-created").getId();
        assertThat(started(body)).contains(Map.of("processDefinitionKey", key + "-created",
                "processInstanceId", instanceId));
        assertThat(started(body)).extracting(rule -> rule.get("processDefinitionKey"))
                .doesNotContain(key + "-edited", EXAMPLE_RULE);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key + "-edited").count())
                .isZero();
        assertThat(variable(instanceId, "ticketEvent")).isEqualTo("CREATED");
    }

    @Test
    void ruleConditionsReadTheTicketStatusAndItsUdfs() {
        deployments.deploy("udf.bpmn", TestBpmn.rule(key, "ticket-edited",
                "${ticket.status == 'Complete' && ticket.udfs['RMM Alert ID'] == 'a-123'}", null));

        String matching = startedInstanceOf(key, post(event("EDITED", COMPLETE_TICKET)));
        String otherStatus = startedInstanceOf(key, post(event("EDITED", COMPLETE_TICKET.replace("Complete", "New"))));
        String otherAlert = startedInstanceOf(key, post(event("EDITED", COMPLETE_TICKET.replace("a-123", "a-9"))));
        String noUdfs = startedInstanceOf(key, post(event("EDITED", """
                {"id": 1, "number": "T1", "status": "Complete"}""")));

        assertThat(endedAt(matching, "Matched")).isTrue();
        assertThat(List.of(otherStatus, otherAlert, noUdfs)).allSatisfy(id -> assertThat(endedAt(id, "NotMatched")).isTrue());
    }

    @Test
    void forwardsEveryTicketFieldAsSentAndInOrder() {
        deployments.deploy("rule.bpmn", TestBpmn.rule(key, "ticket-edited", "${true}", null));

        String instanceId = startedInstanceOf(key, post(event("EDITED", """
                {"number": "T7", "zeta": "last letter", "id": "4711", "alpha": 1.5,
                 "contact": {"name": "Ana", "phones": ["1", "2"]}, "udfs": {"RMM Alert ID": "a-1", "Site": ""}}""")));

        @SuppressWarnings("unchecked")
        Map<String, Object> ticket = (Map<String, Object>) variable(instanceId, "ticket");
        assertThat(ticket.keySet()).containsExactly("number", "zeta", "id", "alpha", "contact", "udfs");
        assertThat(ticket).containsEntry("id", "4711").containsEntry("alpha", 1.5)
                .containsEntry("contact", Map.of("name", "Ana", "phones", List.of("1", "2")))
                .containsEntry("udfs", Map.of("RMM Alert ID", "a-1", "Site", ""));
    }

    @Test
    void theExampleRuleExecutesTheRmmClosureCalloutForACompletedTicket() {
        deployments.deploy("extension-callout.bpmn", TestBpmn.waitingExtensionCalloutStandIn());
        String ruleInstance = startedInstanceOf(EXAMPLE_RULE, post(event("EDITED", COMPLETE_TICKET)));

        ProcessInstance callout = runtimeService.createProcessInstanceQuery().superProcessInstanceId(ruleInstance)
                .singleResult();
        assertThat(callout.getProcessDefinitionId()).startsWith("extension-callout:");
        assertThat(runtimeService.getVariable(callout.getId(), "calloutName")).isEqualTo("RMM ticket closure");
        assertThat(runtimeService.getVariable(callout.getId(), "ticketEvent")).isEqualTo("EDITED");
        assertThat(runtimeService.getVariable(callout.getId(), "ticket")).isInstanceOf(Map.class)
                .extracting(ticket -> ((Map<?, ?>) ticket).get("number")).isEqualTo("T20261127.0042");

        runtimeService.signal(runtimeService.createExecutionQuery().processInstanceId(callout.getId())
                .activityId("received").singleResult().getId());
        assertThat(endedAt(ruleInstance, "RmmAlertClosed")).isTrue();
    }

    @Test
    void theExampleRuleLeavesATicketThatIsNotCompleteAlone() {
        String ruleInstance = startedInstanceOf(EXAMPLE_RULE,
                post(event("EDITED", COMPLETE_TICKET.replace("Complete", "In Progress"))));

        assertThat(endedAt(ruleInstance, "NotComplete")).isTrue();
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(ruleInstance).count())
                .isZero();
    }

    static Stream<Arguments> invalidEvents() {
        String ticket = "{\"id\": 1, \"number\": \"T1\"}";
        return Stream.of(
                Arguments.of("{\"ticket\": " + ticket + "}", "event"),
                Arguments.of("{\"event\": \"DELETED\", \"ticket\": " + ticket + "}", "event"),
                Arguments.of("{\"event\": \"edited\", \"ticket\": " + ticket + "}", "event"),
                Arguments.of("{\"event\": 7, \"ticket\": " + ticket + "}", "event"),
                Arguments.of("{\"event\": \"EDITED\"}", "ticket"),
                Arguments.of("{\"event\": \"EDITED\", \"ticket\": null}", "ticket"),
                Arguments.of("{\"event\": \"EDITED\", \"ticket\": \"T1\"}", "ticket"),
                Arguments.of(event("EDITED", "{\"number\": \"T1\"}"), "ticket.id"),
                Arguments.of(event("EDITED", "{\"id\": \" \", \"number\": \"T1\"}"), "ticket.id"),
                Arguments.of(event("EDITED", "{\"id\": true, \"number\": \"T1\"}"), "ticket.id"),
                Arguments.of(event("EDITED", "{\"id\": {}, \"number\": \"T1\"}"), "ticket.id"),
                Arguments.of(event("EDITED", "{\"id\": 1}"), "ticket.number"),
                Arguments.of(event("EDITED", "{\"id\": 1, \"number\": \"\"}"), "ticket.number"),
                Arguments.of(event("EDITED", "{\"id\": 1, \"number\": 42}"), "ticket.number"),
                Arguments.of(event("EDITED", "{\"id\": 1, \"number\": \"T1\", \"udfs\": \"a-1\"}"), "ticket.udfs"),
                Arguments.of(event("EDITED", "{\"id\": 1, \"number\": \"T1\", \"udfs\": null}"), "ticket.udfs"),
                Arguments.of(event("EDITED", "{\"id\": 1, \"number\": \"T1\", \"udfs\": {\"RMM Alert ID\": 5}}"),
                        "ticket.udfs.RMM Alert ID"),
                Arguments.of("[]", "body"),
                Arguments.of("{\"event\": \"EDITED\", \"ticket\": {\"id\": 1,", "body"),
                Arguments.of("", "body"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidEvents")
    void refusesAnInvalidEventWith400NamingTheFieldAndStartsNothing(String body, String field) throws Exception {
        long instancesBefore = historyService.createHistoricProcessInstanceQuery().count();

        ResponseEntity<String> answer = post(body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(objectMapper.readTree(answer.getBody()).get("errors"))
                .extracting(error -> error.get("field").asText()).contains(field);
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() throws Exception {
        ResponseEntity<String> answer = post("{\"event\": \"CLOSED\", \"ticket\": {\"id\": false}}");

        assertThat(objectMapper.readTree(answer.getBody()).get("errors"))
                .extracting(error -> error.get("field").asText())
                .containsExactly("event", "ticket.id", "ticket.number");
    }

    @Test
    void aClientThatAcceptsNoJsonGets406AndNoRuleStarts() {
        deployments.deploy("edited.bpmn", TestBpmn.rule(key + "-edited", "ticket-edited", "${true}", null));
        HttpHeaders headers = jsonHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_XML));

        ResponseEntity<String> answer = rest.withBasicAuth("demo", "demo").postForEntity("/api/ticket-events",
                new HttpEntity<>(event("EDITED", COMPLETE_TICKET), headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(onlyInstanceOf(key + "-edited")).isNull();
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<String> answer = rest.withBasicAuth("demo", "demo").postForEntity("/api/ticket-events",
                new HttpEntity<>("EDITED 4711", headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answers401WithoutValidCredentials() {
        HttpEntity<String> request = new HttpEntity<>(event("EDITED", COMPLETE_TICKET), jsonHeaders());

        assertThat(rest.postForEntity("/api/ticket-events", request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // an unknown user: a wrong password for demo would lock demo out for seconds (Camunda's login throttling)
        assertThat(rest.withBasicAuth("nobody", "wrong").postForEntity("/api/ticket-events", request, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> post(String body) {
        return rest.withBasicAuth("demo", "demo")
                .postForEntity("/api/ticket-events", new HttpEntity<>(body, jsonHeaders()), String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    static String event(String type, String ticketJson) {
        return "{\"event\": \"" + type + "\", \"ticket\": " + ticketJson + "}";
    }

    private List<Map<String, String>> started(JsonNode answer) {
        return objectMapper.convertValue(answer.get("workflowRules"),
                objectMapper.getTypeFactory().constructCollectionType(List.class,
                        objectMapper.getTypeFactory().constructMapType(Map.class, String.class, String.class)));
    }

    /** The one instance of {@code processKey} that the answered event started. */
    private String startedInstanceOf(String processKey, ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        try {
            List<String> ids = started(objectMapper.readTree(answer.getBody())).stream()
                    .filter(rule -> processKey.equals(rule.get("processDefinitionKey")))
                    .map(rule -> rule.get("processInstanceId")).toList();
            assertThat(ids).hasSize(1);
            return ids.get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HistoricProcessInstance onlyInstanceOf(String processKey) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).singleResult();
    }

    private boolean endedAt(String processInstanceId, String endEventId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(endEventId).finished().count() == 1;
    }

    private Object variable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }
}
