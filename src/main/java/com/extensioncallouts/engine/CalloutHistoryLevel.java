package com.extensioncallouts.engine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

import com.extensioncallouts.delivery.CalloutVariables;

/**
 * The configured history level, narrowed for {@code extension-callout} instances to what
 * {@link CalloutHistoryFilter} keeps of them: the engine asks the level before it builds a history event, so
 * the events the filter would drop are never built, nor the queries they need (each job log event looks up
 * its root instance's removal time and its batch: four statements a delivery for events nobody keeps).
 * Every other process gets the configured level, less one duplicate: the detail row ({@code ACT_HI_DETAIL})
 * of the {@code ticket} and {@code ticketEvent} a rule instance starts with, a value its variable history
 * ({@code ACT_HI_VARINST}) already holds; every later change of them keeps its detail row. Same id and name
 * as the configured level, so the database's history level and every check against it stay as they were;
 * the filter still stands behind it for events the engine builds without asking about an entity.
 */
final class CalloutHistoryLevel implements HistoryLevel {

    /** What is kept of a callout's instance: the instance, its incidents, and jobs that failed. */
    private static final Set<HistoryEventTypes> KEPT = EnumSet.of(HistoryEventTypes.PROCESS_INSTANCE_START,
            HistoryEventTypes.PROCESS_INSTANCE_UPDATE, HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
            HistoryEventTypes.PROCESS_INSTANCE_END, HistoryEventTypes.INCIDENT_CREATE,
            HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE, HistoryEventTypes.INCIDENT_RESOLVE,
            HistoryEventTypes.INCIDENT_UPDATE, HistoryEventTypes.JOB_FAIL, HistoryEventTypes.USER_OPERATION_LOG);

    /** What a ticket event starts each workflow rule with (api.md). */
    private static final Set<String> STARTED_WITH = Set.of(CalloutVariables.TICKET, CalloutVariables.TICKET_EVENT);

    private final HistoryLevel configured;
    /** Whether a process definition (by id) is extension-callout; a definition's key never changes. */
    private final Map<String, Boolean> callout = new ConcurrentHashMap<>();

    CalloutHistoryLevel(HistoryLevel configured) {
        this.configured = configured;
    }

    @Override
    public int getId() {
        return configured.getId();
    }

    @Override
    public String getName() {
        return configured.getName();
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return configured.isHistoryEventProduced(eventType, entity)
                && !startValueDetail(eventType, entity)
                && (entity == null || (eventType instanceof HistoryEventTypes type && KEPT.contains(type))
                        || !ofCallout(entity));
    }

    /**
     * The detail of a ticket event's variable as the instance is created with it (at the instance's own scope,
     * before its first activity): the same value as its variable history, written once per ticket event. It
     * also matches such a variable created on the instance from outside while the instance waits inside a
     * scope (its activity instance is then the instance's own too); the README says so.
     */
    private static boolean startValueDetail(HistoryEventType eventType, Object entity) {
        return eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && entity instanceof HistoricVariableUpdateEventEntity update
                && update.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                && STARTED_WITH.contains(update.getVariableName())
                && update.getProcessInstanceId() != null
                && update.getProcessInstanceId().equals(update.getActivityInstanceId());
    }

    private boolean ofCallout(Object entity) {
        if (entity instanceof JobEntity job) {
            return CalloutHistoryFilter.CALLOUT_PROCESS.equals(job.getProcessDefinitionKey());
        }
        String definitionId = entity instanceof ExecutionEntity execution ? execution.getProcessDefinitionId()
                : entity instanceof VariableInstanceEntity variable ? variable.getProcessDefinitionId() : null;
        if (definitionId == null) {
            return false;
        }
        Boolean known = callout.get(definitionId);
        if (known == null) {
            // only from the cache: asking the database here would cost what this class saves
            ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findProcessDefinitionFromCache(definitionId);
            if (definition == null) {
                return false; // built, and then dropped by the filter
            }
            known = CalloutHistoryFilter.CALLOUT_PROCESS.equals(definition.getKey());
            callout.put(definitionId, known);
        }
        return known;
    }

    /** Equal to the configured level, so that the engine's checks ("is history full?") still hold. */
    @Override
    public boolean equals(Object other) {
        return other == this || configured.equals(other);
    }

    @Override
    public int hashCode() {
        return configured.hashCode();
    }

    @Override
    public String toString() {
        return configured + " (extension-callout: instances, incidents and failed jobs)";
    }
}
