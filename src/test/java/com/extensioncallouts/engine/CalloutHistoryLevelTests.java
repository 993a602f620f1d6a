package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.junit.jupiter.api.Test;

/**
 * The history level decides before the engine builds an event: for extension-callout's jobs only failures are
 * built, for everything else the configured level decides, and the engine still sees the level it was given.
 */
class CalloutHistoryLevelTests {

    private final CalloutHistoryLevel level = new CalloutHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);

    @Test
    void aCalloutJobThatRunsOrIsCreatedBuildsNoEventButOneThatFailsDoes() {
        MessageEntity job = job("extension-callout");

        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, job)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, job)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, job)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, job)).isTrue();
    }

    @Test
    void aWorkflowRulesJobKeepsTheConfiguredLevel() {
        MessageEntity job = job("ticket-completed-close-rmm-alert");

        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, job)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, job)).isTrue();
    }

    @Test
    void aLowerConfiguredLevelStillDecidesFirst() {
        CalloutHistoryLevel audit = new CalloutHistoryLevel(HistoryLevel.HISTORY_LEVEL_AUDIT);

        assertThat(audit.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, job("extension-callout"))).isFalse();
        assertThat(audit.isHistoryEventProduced(HistoryEventTypes.PROCESS_INSTANCE_START, null)).isTrue();
    }

    @Test
    void theEngineSeesTheConfiguredLevelsIdNameAndEquality() {
        assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        assertThat(level.getName()).isEqualTo("full");
        // Camunda's history managers ask historyLevel.equals(HISTORY_LEVEL_FULL) for "full enabled"
        assertThat(level.equals(HistoryLevel.HISTORY_LEVEL_FULL)).isTrue();
        assertThat(level.equals(HistoryLevel.HISTORY_LEVEL_AUDIT)).isFalse();
    }

    private static MessageEntity job(String processDefinitionKey) {
        MessageEntity job = new MessageEntity();
        job.setProcessDefinitionKey(processDefinitionKey);
        return job;
    }
}
