package com.extensioncallouts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.extensioncallouts.support.Deployments;
import com.extensioncallouts.support.EngineRest;
import com.extensioncallouts.support.TestBpmn;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeployedWorkflowRulesTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;

    @Autowired
    WorkflowRules workflowRules;

    @Autowired
    CalloutCallIndex index;

    @Autowired
    TestRestTemplate rest;

    Deployments deployments;
    String key;
    String calloutA;
    String calloutB;

    @BeforeEach
    void setUp() {
        EngineRest.useEngineOf(processEngine);
        deployments = new Deployments(repositoryService);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        key = "rule-" + unique;
        calloutA = "Callout A " + unique;
        calloutB = "Callout B " + unique;
    }

    @AfterEach
    void tearDown() {
        deployments.deleteAll();
    }

    @Test
    void countsOnlyTheLatestVersionOfEachProcessDefinition() {
        deployments.deploy("v1.bpmn", TestBpmn.caller(key, "Close alerts", "call", named(calloutA)));
        deployments.deploy("v2.bpmn", TestBpmn.caller(key, "Close alerts", "call", named(calloutB)));

        assertThat(workflowRules.countCallersOf(calloutA)).isZero();
        assertThat(workflowRules.callersOf(calloutB)).singleElement().satisfies(rule -> {
            assertThat(rule.processDefinitionKey()).isEqualTo(key);
            assertThat(rule.name()).isEqualTo("Close alerts");
            assertThat(rule.version()).isEqualTo(2);
            assertThat(rule.elementIds()).containsExactly("call");
            assertThat(rule.deployedAt()).isEqualTo(deployedAt(key));
        });
    }

    @Test
    void matchesCalloutNamesIgnoringCaseAndSurroundingBlanks() {
        deployments.deploy("rule.bpmn", TestBpmn.caller(key, null, "call", named(calloutA)));

        assertThat(workflowRules.callersOf("  " + calloutA.toUpperCase() + " "))
                .extracting(WorkflowRule::processDefinitionKey).containsExactly(key);
    }

    @Test
    void namesARuleByItsProcessNameOrElseItsKey() {
        deployments.deploy("named.bpmn", TestBpmn.caller(key + "-named", "Ticket closed", "call", named(calloutA)));
        deployments.deploy("unnamed.bpmn", TestBpmn.caller(key + "-unnamed", null, "call", named(calloutA)));

        assertThat(workflowRules.callersOf(calloutA)).extracting(WorkflowRule::displayName)
                .containsExactlyInAnyOrder("Ticket closed", key + "-unnamed");
    }

    @Test
    void doesNotCountCalloutNamesDecidedAtRunTime() {
        deployments.deploy("expression.bpmn", TestBpmn.caller(key + "-expr", null, "call",
                "<camunda:in sourceExpression=\"${'" + calloutA + "'}\" target=\"calloutName\"/>" + TICKET));
        deployments.deploy("variable.bpmn", TestBpmn.caller(key + "-var", null, "call",
                "<camunda:in source=\"chosenCallout\" target=\"calloutName\"/>" + TICKET));
        deployments.deploy("all.bpmn", TestBpmn.caller(key + "-all", null, "call", "<camunda:in variables=\"all\"/>"));

        assertThat(workflowRules.countCallersOf(calloutA)).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike(key + "-%").count())
                .as("all three are valid deployments").isEqualTo(3);
    }

    @Test
    void countsEachProcessOfAFileForItsOwnCallActivitiesOnly() {
        deployments.deploy("two.bpmn", TestBpmn.callers(key + "-a", named(calloutA), key + "-b", named(calloutB)));

        assertThat(workflowRules.callersOf(calloutA)).extracting(WorkflowRule::processDefinitionKey)
                .containsExactly(key + "-a");
        DeployedWorkflowRules afterRestart = new DeployedWorkflowRules(repositoryService, new CalloutCallIndex());
        assertThat(afterRestart.callersOf(calloutB)).extracting(WorkflowRule::processDefinitionKey)
                .containsExactly(key + "-b");
    }

    @Test
    void theExtensionCalloutProcessItselfIsNoWorkflowRule() {
        deployments.deploy("extension-callout.bpmn",
                TestBpmn.caller("extension-callout", null, "call", named(calloutA)));

        assertThat(workflowRules.countCallersOf(calloutA)).isZero();
    }

    @Test
    void recordsWhatADeploymentCallsWhenTheEngineParsesIt() {
        deployments.deploy("rule.bpmn", TestBpmn.caller(key, null, "call", named(calloutA)));

        assertThat(index.contains(latest(key).getId())).isTrue();
    }

    @Test
    void readsTheModelOfADefinitionThatWasParsedElsewhere() {
        deployments.deploy("rule.bpmn", TestBpmn.caller(key, null, "call", named(calloutA)));
        CalloutCallIndex emptyIndex = new CalloutCallIndex(); // as after a restart, or deployed by another node
        DeployedWorkflowRules rules = new DeployedWorkflowRules(repositoryService, emptyIndex);

        assertThat(rules.callersOf(calloutA)).extracting(WorkflowRule::processDefinitionKey).containsExactly(key);
        assertThat(rules.callersOf(calloutA)).singleElement()
                .satisfies(rule -> assertThat(rule.elementIds()).containsExactly("call"))
                .satisfies(rule -> assertThat(rule.deployedAt()).isEqualTo(deployedAt(key)));
        assertThat(emptyIndex.contains(latest(key).getId())).as("filled for the next request").isTrue();
        assertThat(rules.callersOf(calloutA.toLowerCase())).hasSize(1);
    }

    @Test
    void fillsTheSharedIndexAgainAfterItWasCleared() {
        deployments.deploy("rule.bpmn", TestBpmn.caller(key, null, "call", named(calloutA)));
        index.clear();

        assertThat(workflowRules.countCallersOf(calloutA)).isEqualTo(1);
        assertThat(index.contains(latest(key).getId())).isTrue();
    }

    @Test
    void refusesACallToExtensionCalloutThatNamesNoCallout() {
        String xml = TestBpmn.caller(key, "Forgetful rule", "CallWithoutName",
                "<camunda:in source=\"ticket\" target=\"ticket\"/>");

        assertThatThrownBy(() -> deployments.deploy("forgetful.bpmn", xml))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Forgetful rule").hasMessageContaining(key)
                .hasMessageContaining("call activity 'CallWithoutName' \"Execute Extension Callout\"")
                .hasMessageContaining("target=\"calloutName\"");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void engineRestRefusesTheSameDeploymentWith400() {
        byte[] xml = TestBpmn.caller(key, null, "CallWithoutName", "").getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> answer = deployThroughEngineRest("forgetful.bpmn", xml);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("CallWithoutName").contains("calloutName");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void engineRestDeploymentsCountLikeAnyOther() {
        byte[] xml = TestBpmn.caller(key, null, "call", named(calloutA)).getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> answer = deployThroughEngineRest("rule.bpmn", xml);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        deployments.track(latest(key).getDeploymentId());
        assertThat(workflowRules.countCallersOf(calloutA)).isEqualTo(1);
    }

    private ResponseEntity<String> deployThroughEngineRest(String fileName, byte[] xml) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "through engine-rest");
        form.add("data", new ByteArrayResource(xml) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("demo", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    }

    private java.time.Instant deployedAt(String processKey) {
        return repositoryService.createDeploymentQuery().deploymentId(latest(processKey).getDeploymentId())
                .singleResult().getDeploymentTime().toInstant();
    }

    private ProcessDefinition latest(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    private static final String TICKET = "<camunda:in source=\"ticket\" target=\"ticket\"/>";

    private static String named(String calloutName) {
        return "<camunda:in sourceExpression=\"" + calloutName + "\" target=\"calloutName\"/>"
                + "<camunda:in source=\"ticket\" target=\"ticket\"/>";
    }
}
