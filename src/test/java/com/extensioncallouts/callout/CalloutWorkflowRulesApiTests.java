package com.extensioncallouts.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

import com.extensioncallouts.support.Deployments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/callouts/{id}/workflow-rules}: the rules listed are the rules counted in
 * {@code workflowRuleCount} and named by a refused rename or delete, before and after a redeployment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalloutWorkflowRulesApiTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repositoryService;

    CalloutApi api;
    Deployments deployments;
    final List<String> keys = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new CalloutApi(rest, json);
        deployments = new Deployments(repositoryService);
    }

    @AfterEach
    void undeploy() {
        deployments.deleteAll();
    }

    @Test
    void listsEachRuleThatCallsTheCalloutWithItsCallingElements() {
        String name = CalloutApi.unique("Datto RMM ticket closure");
        long id = api.create(api.valid(name));
        String first = key("close-alerts");
        String second = key("reopen-check");
        Instant before = Instant.now().minusSeconds(1);
        deploy(first, "Close RMM alerts", call("CloseAlert", name), call("CloseAgain", name.toUpperCase()));
        deploy(second, "Another rule", call("Close", name), call("Unrelated", CalloutApi.unique("Other callout")));

        JsonNode rules = workflowRules(id);

        assertThat(rules).hasSize(2);
        JsonNode another = rules.get(0);
        assertThat(another.get("key").asText()).isEqualTo(second);
        assertThat(another.get("name").asText()).isEqualTo("Another rule");
        assertThat(another.get("version").asInt()).isEqualTo(1);
        assertThat(texts(another.get("elementIds"))).as("only the element that calls this callout")
                .containsExactly("Close");
        JsonNode close = rules.get(1);
        assertThat(close.get("key").asText()).isEqualTo(first);
        assertThat(texts(close.get("elementIds"))).as("both elements, the name matched ignoring case")
                .containsExactly("CloseAgain", "CloseAlert");
        Instant deployedAt = Instant.parse(close.get("deployedAt").asText());
        assertThat(deployedAt).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(count(id)).isEqualTo(2);
    }

    @Test
    void aRedeploymentThatStopsCallingTheCalloutEmptiesTheListTheCountAndTheConflict() {
        String name = CalloutApi.unique("Kaseya closure");
        long id = api.create(api.valid(name));
        String key = key("close-kaseya");
        deploy(key, "Close Kaseya alerts", call("Call", name));

        assertThat(workflowRules(id)).extracting(rule -> rule.get("key").asText()).containsExactly(key);
        assertThat(count(id)).isEqualTo(1);
        ResponseEntity<String> renamed = api.call(PUT, "/api/callouts/" + id, api.valid(name + " v2"));
        assertThat(renamed.getStatusCode().value()).isEqualTo(409);
        assertThat(api.read(renamed).get("workflowRules").toString()).isEqualTo("[\"Close Kaseya alerts\"]");

        deploy(key, "Close Kaseya alerts", call("Call", CalloutApi.unique("Another callout")));

        assertThat(workflowRules(id)).as("version 2 calls another callout").isEmpty();
        assertThat(count(id)).isZero();
        assertThat(api.call(PUT, "/api/callouts/" + id, api.valid(name + " v2")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.call(DELETE, "/api/callouts/" + id, null).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void listsTheLatestVersionOnly() {
        String name = CalloutApi.unique("NinjaOne closure");
        long id = api.create(api.valid(name));
        String key = key("ninja");
        deploy(key, "Ninja v1", call("Old", name));
        deploy(key, "Ninja v2", call("New", name));

        JsonNode rules = workflowRules(id);

        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(rules.get(0).get("name").asText()).isEqualTo("Ninja v2");
        assertThat(texts(rules.get(0).get("elementIds"))).containsExactly("New");
    }

    @Test
    void aRuleWithoutANameIsListedByItsKeyWithNameNull() {
        String name = CalloutApi.unique("Unnamed rules' callout");
        long id = api.create(api.valid(name));
        String key = key("unnamed");
        deploy(key, null, call("Call", name));

        JsonNode rule = workflowRules(id).get(0);

        assertThat(rule.get("key").asText()).isEqualTo(key);
        assertThat(rule.has("name")).isTrue();
        assertThat(rule.get("name").isNull()).isTrue();
    }

    @Test
    void aCalloutNoRuleCallsHasAnEmptyList() {
        long id = api.create(api.valid(CalloutApi.unique("Unused")));

        ResponseEntity<String> answer = api.call(GET, "/api/callouts/" + id + "/workflow-rules", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(api.read(answer)).isEmpty();
    }

    @Test
    void anUnknownCalloutIs404Problem() {
        ResponseEntity<String> answer = api.call(GET, "/api/callouts/987654321/workflow-rules", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.read(answer).get("detail").asText()).contains("987654321");
    }

    @Test
    void needsAuthentication() {
        long id = api.create(api.valid(CalloutApi.unique("Private")));

        assertThat(rest.getForEntity("/api/callouts/" + id + "/workflow-rules", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    private JsonNode workflowRules(long calloutId) {
        ResponseEntity<String> answer = api.call(GET, "/api/callouts/" + calloutId + "/workflow-rules", null);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return api.read(answer);
    }

    private int count(long calloutId) {
        return api.read(api.call(GET, "/api/callouts/" + calloutId, null)).get("workflowRuleCount").asInt();
    }

    private String key(String prefix) {
        String key = prefix + "-" + keys.size() + "-" + System.nanoTime();
        keys.add(key);
        return key;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String call(String elementId, String calloutName) {
        return """
                <callActivity id="%s" name="Execute Extension Callout" calledElement="extension-callout">
                  <extensionElements>
                    <camunda:in sourceExpression="%s" target="calloutName"/>
                    <camunda:in source="ticket" target="ticket"/>
                  </extensionElements>
                </callActivity>
                """.formatted(elementId, HtmlUtils.htmlEscape(calloutName));
    }

    /** A workflow rule whose call activities run one after the other. */
    private void deploy(String key, String ruleName, String... callActivities) {
        StringBuilder flow = new StringBuilder();
        String previous = "start";
        for (String activity : callActivities) {
            String id = activity.replaceAll("(?s).*?id=\"([^\"]+)\".*", "$1");
            flow.append(activity).append("<sequenceFlow id=\"to").append(id).append("\" sourceRef=\"")
                    .append(previous).append("\" targetRef=\"").append(id).append("\"/>");
            previous = id;
        }
        deployments.deploy(key + ".bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="https://extension-callouts.dev/test">
                  <signal id="ticketEdited" name="ticket-edited"/>
                  <process id="%s" %s isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"><signalEventDefinition signalRef="ticketEdited"/></startEvent>
                    %s
                    <sequenceFlow id="toEnd" sourceRef="%s" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key, ruleName == null ? "" : "name=\"" + HtmlUtils.htmlEscape(ruleName) + "\"", flow,
                previous));
    }
}
