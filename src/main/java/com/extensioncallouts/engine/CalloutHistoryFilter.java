package com.extensioncallouts.engine;

import java.util.List;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * What Camunda's history keeps of {@code extension-callout} instances: the instance itself (started, ended,
 * at which end event, called by which rule), its incidents, its failed jobs and what operators did to it.
 * The ticket, every attempt and the outcome are in the delivery record already; activity instances,
 * variable updates and job logs of jobs that went well would store each delivery twice more, for nobody
 * (Cockpit shows running instances from the runtime tables). Every other process, the workflow rules
 * among them, keeps the configured history level.
 */
class CalloutHistoryFilter implements HistoryEventHandler {

    static final String CALLOUT_PROCESS = "extension-callout";

    private final HistoryEventHandler next;

    CalloutHistoryFilter(HistoryEventHandler next) {
        this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (kept(event)) {
            next.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        next.handleEvents(events.stream().filter(CalloutHistoryFilter::kept).toList());
    }

    static boolean kept(HistoryEvent event) {
        if (!CALLOUT_PROCESS.equals(event.getProcessDefinitionKey())) {
            return true;
        }
        return event instanceof HistoricProcessInstanceEventEntity
                || event instanceof HistoricIncidentEventEntity
                || event instanceof UserOperationLogEntryEventEntity
                || event instanceof HistoricJobLogEvent job && job.getState() == JobState.FAILED.getStateCode();
    }
}
