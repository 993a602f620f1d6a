package com.extensioncallouts.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.support.Deployments;
import com.extensioncallouts.support.EngineRest;
import com.extensioncallouts.support.TestBpmn;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ticket systems that speak Camunda's own REST API start workflow rules the same way. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestSignalTests {

    static final String TICKET = """
            {"id": 4711, "number": "T20261127.0042", "status": "Complete", "udfs": {"RMM Alert ID": "a-123"}}""";
    static final String CONDITION = "${ticket.status == 'Complete' && ticket.udfs['RMM Alert ID'] == 'a-123'}";

    @Autowired
    ProcessEngine processEngine;
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
        EngineRest.useEngineOf(processEngine);
        deployments = new Deployments(repositoryService);
        deployments.deploy("extension-callout.bpmn", TestBpmn.extensionCalloutStandIn());
        key = "rule-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.deploy("rule.bpmn", TestBpmn.rule(key, "ticket-edited", CONDITION, null));
    }

    @AfterEach
    void tearDown() {
        deployments.deleteAll();
    }

    @Test
    void aSignalWithTheTicketAsASerializedMapStartsTheRules() {
        ObjectNode ticket = variable("Object", TICKET);
        ObjectNode valueInfo = ticket.putObject("valueInfo");
        valueInfo.put("objectTypeName", "java.util.LinkedHashMap");
        valueInfo.put("serializationDataFormat", "application/json");

        var answer = signal(ticket);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(onlyInstanceEndedAt()).isEqualTo("Matched");
    }

    @Test
    void aSignalWithTheTicketAsAJsonVariableStartsTheRules() {
        assertThat(signal(variable("Json", TICKET)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(onlyInstanceEndedAt()).isEqualTo("Matched");
    }

    @Test
    void rulesReadAJsonTicketLikeAMapWhenItDoesNotMatch() {
        signal(variable("Json", TICKET.replace("Complete", "New")));

        assertThat(onlyInstanceEndedAt()).isEqualTo("NotMatched");
    }

    private ObjectNode variable(String type, String value) {
        ObjectNode variable = objectMapper.createObjectNode();
        variable.put("type", type);
        variable.put("value", value);
        return variable;
    }

    private org.springframework.http.ResponseEntity<String> signal(ObjectNode ticket) {
        ObjectNode body = objectMapper.createObjectNode();
        body.put("name", "ticket-edited");
        ObjectNode variables = body.putObject("variables");
        variables.set("ticket", ticket);
        variables.putObject("ticketEvent").put("type", "String").put("value", "EDITED");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("demo", "demo")
                .postForEntity("/engine-rest/signal", new HttpEntity<>(body.toString(), headers), String.class);
    }

    private String onlyInstanceEndedAt() {
        String instanceId = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .singleResult().getId();
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityType("noneEndEvent").singleResult().getActivityId();
    }
}
