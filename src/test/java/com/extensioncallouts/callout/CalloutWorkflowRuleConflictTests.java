package com.extensioncallouts.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A callout that deployed workflow rules still call can be neither deleted nor renamed: the rules
 * call it by name. The test deploys a real rule, which the rule index reads as it is parsed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalloutWorkflowRuleConflictTests {

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private RepositoryService repositoryService;

    private final List<String> deploymentIds = new ArrayList<>();

    private CalloutApi api;

    @BeforeEach
    void setUp() {
        api = new CalloutApi(rest, json);
    }

    @AfterEach
    void undeployRules() {
        // Only this test's own: the application's rules (bpmn/) must stay for other tests in a shared context
        deploymentIds.forEach(id -> repositoryService.deleteDeployment(id, true));
        deploymentIds.clear();
    }

    @Test
    void aCalledCalloutCannotBeDeletedAndTheProblemNamesTheRules() {
        String name = CalloutApi.unique("Datto RMM ticket closure");
        long id = api.create(api.valid(name));
        deployRuleCalling("close-rmm-alert", "Close RMM alert", name);

        assertThat(api.read(api.call(GET, "/api/callouts/" + id, null)).get("workflowRuleCount").asInt())
                .isEqualTo(1);
        ResponseEntity<String> refused = api.call(DELETE, "/api/callouts/" + id, null);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        JsonNode problem = api.read(refused);
        assertThat(problem.get("workflowRules").toString()).isEqualTo("[\"Close RMM alert\"]");
        assertThat(problem.get("detail").asText()).contains(name, "Close RMM alert");
        assertThat(api.call(GET, "/api/callouts/" + id, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aCalledCalloutCannotBeRenamedButMayChangeTheCaseOfItsName() {
        String name = CalloutApi.unique("Datto RMM ticket closure");
        long id = api.create(api.valid(name));
        deployRuleCalling("close-rmm-alert", "Close RMM alert", name);

        ResponseEntity<String> renamed = api.call(PUT, "/api/callouts/" + id, api.valid(name + " v2"));
        assertThat(renamed.getStatusCode().value()).isEqualTo(409);
        assertThat(api.read(renamed).get("workflowRules").toString()).isEqualTo("[\"Close RMM alert\"]");
        assertThat(api.read(api.call(GET, "/api/callouts/" + id, null)).get("name").asText()).isEqualTo(name);

        ResponseEntity<String> recased = api.call(PUT, "/api/callouts/" + id, api.valid(name.toUpperCase()));
        assertThat(recased.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aCalloutNoRuleCallsCanBeDeleted() {
        String name = CalloutApi.unique("Unused");
        long id = api.create(api.valid(name));
        deployRuleCalling("close-other-alert", "Close another alert", CalloutApi.unique("Another callout"));

        assertThat(api.call(DELETE, "/api/callouts/" + id, null).getStatusCode().value()).isEqualTo(204);
    }

    /** Deploys a workflow rule as api.md describes it. */
    private void deployRuleCalling(String key, String ruleName, String calloutName) {
        Deployment deployment = repositoryService.createDeployment().name(key)
                .addString(key + ".bpmn", ruleBpmn(key, ruleName, calloutName)).deploy();
        deploymentIds.add(deployment.getId());
    }

    private static String ruleBpmn(String key, String ruleName, String calloutName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="rule-%1$s"
                    targetNamespace="https://extension-callouts.dev/test">
                  <bpmn:signal id="ticketEdited" name="ticket-edited"/>
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="edited">
                      <bpmn:signalEventDefinition signalRef="ticketEdited"/>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="toCallout" sourceRef="edited" targetRef="callout"/>
                    <bpmn:callActivity id="callout" name="Execute Extension Callout" calledElement="extension-callout">
                      <bpmn:extensionElements>
                        <camunda:in source="ticket" target="ticket"/>
                        <camunda:in sourceExpression="%3$s" target="calloutName"/>
                      </bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:sequenceFlow id="toDone" sourceRef="callout" targetRef="done"/>
                    <bpmn:endEvent id="done"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, HtmlUtils.htmlEscape(ruleName), HtmlUtils.htmlEscape(calloutName));
    }
}
