package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.Deployments;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.TestBpmn;

/**
 * Camunda's history keeps an extension-callout instance, where it ended, its incidents and failed jobs, but
 * not each activity and variable (the delivery record has those); workflow rules keep the configured level.
 */
class CalloutHistoryTests extends CalloutEngineTest {

    @Autowired RepositoryService repository;
    @Autowired ProcessEngine engine;

    private Deployments deployments;

    @AfterEach
    void removeRules() {
        if (deployments != null) {
            deployments.deleteAll();
        }
    }

    @Test
    void theEngineDecidesWithTheNarrowedLevelAndStillRecordsFullHistoryInTheDatabase() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryLevel()).isInstanceOf(CalloutHistoryLevel.class);
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full");
        assertThat(management.getProperties()).containsEntry("historyLevel", "3");
    }

    @Test
    void aDeliveredCalloutKeepsItsInstanceButNotItsActivitiesOrVariables() {
        Callout callout = create(draft(unique("History"), RMM.url("/rmm/history"), "POST", "JSON", "ON_ERROR",
                "h@msp.example"));
        String pid = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        drive(pid);

        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(pid)
                .singleResult();
        assertThat(instance.getProcessDefinitionKey()).isEqualTo("extension-callout");
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_Delivered");
        assertThat(instance.getRemovalTime()).as("set when written: nothing to update at the end").isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pid).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(pid).count()).isZero();
        assertThat(delivery(pid).attempts()).isEqualTo(1);
    }

    @Test
    void aCalloutThatFailedForGoodKeepsItsIncidentAndFailedJob() {
        RMM.alwaysAnswer(Answer.status(500));
        Callout callout = create(draft(unique("History failed"), RMM.url("/rmm/history-failed"), "POST", "JSON",
                "ON_ERROR", "h@msp.example"));
        String pid = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        drive(pid);

        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(pid).singleResult().getIncidentMessage())
                .isEqualTo("Callout '" + callout.name() + "' failed for ticket T2 after 11 attempts: HTTP 500 (delivery "
                        + delivery(pid).id() + ")");
        assertThat(history.createHistoricJobLogQuery().jobId(job.getId()).failureLog().count()).isEqualTo(1);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(pid).successLog().count()).isZero();
    }

    @Test
    void aWorkflowRuleKeepsItsFullHistory() {
        String key = "history-rule-" + System.nanoTime();
        deployments = new Deployments(repository);
        deployments.deploy(key + ".bpmn", TestBpmn.rule(key, "history-signal-" + key, "${true}", null));
        runtime.createSignalEvent("history-signal-" + key).setVariables(Variables.createVariables()
                .putValueTyped("ticket", json(ticket("T3", "a-3"))).putValue("ticketEvent", "EDITED")).send();
        String rule = history.createHistoricProcessInstanceQuery().processDefinitionKey(key).singleResult().getId();

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(rule).count()).isEqualTo(3);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(rule).count()).isEqualTo(2);
    }

    @Test
    void aRuleKeepsWhatItStartedWithOnceAndEveryLaterChangeAsADetail() {
        String key = "history-detail-" + System.nanoTime();
        deployments = new Deployments(repository);
        deployments.deploy(key + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent().signal("history-signal-" + key)
                .serviceTask("close").camundaExpression("${execution.setVariable('ticketEvent', 'CLOSED')}")
                .endEvent().done()));
        runtime.createSignalEvent("history-signal-" + key).setVariables(Variables.createVariables()
                .putValueTyped("ticket", json(ticket("T4", "a-4"))).putValue("ticketEvent", "EDITED")
                .putValue("note", "kept as a detail too")).send();
        String rule = history.createHistoricProcessInstanceQuery().processDefinitionKey(key).singleResult().getId();

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(rule).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrder("ticket", "ticketEvent", "note");
        assertThat(variables).extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .contains(tuple("ticketEvent", "CLOSED"), tuple("note", "kept as a detail too"));
        assertThat(history.createHistoricDetailQuery().processInstanceId(rule).variableUpdates().list())
                .as("the start values of ticket and ticketEvent are their variable history; the change is a detail")
                .extracting(d -> ((HistoricVariableUpdate) d).getVariableName(),
                        d -> ((HistoricVariableUpdate) d).getValue())
                .containsExactlyInAnyOrder(tuple("note", "kept as a detail too"), tuple("ticketEvent", "CLOSED"));
    }
}
