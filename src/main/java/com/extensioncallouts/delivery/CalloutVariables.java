package com.extensioncallouts.delivery;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.extensioncallouts.callout.NotifyWhen;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.journal.Delivery;

/**
 * Names of the extension-callout process variables. None holds a secret. The delivery record keeps the
 * ticket and every attempt; as variables an instance keeps what Cockpit shows: {@code calloutName}, and
 * once an attempt failed, {@code attempt}, {@code lastStatus} and {@code lastError}. What only the gateways
 * read ({@code delivered}, {@code notifyWhen}) is transient: never stored.
 */
public final class CalloutVariables {

    public static final String PROCESS_KEY = "extension-callout";

    /** In: the callout's name, the ticket (a Spin JSON map), CREATED or EDITED. */
    public static final String CALLOUT_NAME = "calloutName";
    public static final String TICKET = "ticket";
    public static final String TICKET_EVENT = "ticketEvent";

    /** In, when an operator resends a delivery: the id of the delivery this one sends again. */
    public static final String RESEND_OF = "resendOf";

    /** Set by "Check callout" when the trigger sends nothing (the instance ends at once). */
    public static final String SKIP_REASON = "skipReason";

    /** Set by an attempt that failed, for Cockpit and the retry loop. */
    public static final String ATTEMPT = "attempt";
    public static final String LAST_STATUS = "lastStatus";
    public static final String LAST_ERROR = "lastError";

    /** Transient, for the timer "Wait for a turn": how long (ISO-8601) before asking for a turn again. */
    public static final String TURN_WAIT = "turnWait";

    /** Transient, for the gateways after an attempt. */
    public static final String DELIVERED = "delivered";
    public static final String NOTIFY_WHEN = "notifyWhen";

    /** Instances started before deliveries were recorded carried these; read only to adopt them. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private CalloutVariables() {
    }

    /** How many attempts were made so far (the variable {@code attempt}): 0 before the first. */
    public static int attempts(VariableScope scope) {
        return scope.getVariable(ATTEMPT) instanceof Number n ? n.intValue() : 0;
    }

    /**
     * Attempts made so far: counted in the delivery, and for Cockpit in the instance. Should one of the two
     * writes have failed after an attempt, the other still counts it.
     */
    static int attemptsSoFar(VariableScope scope, Delivery delivery) {
        return Math.max(delivery.attempts(), attempts(scope));
    }

    /** The ticket's number, read the way the delivery reads the ticket (a map, JSON text or a Spin JSON value). */
    public static String ticketNumber(VariableScope scope) {
        try {
            return TicketVariable.number(TicketVariable.read(scope));
        } catch (IllegalArgumentException notAJsonObject) {
            return TicketVariable.number(Map.of());
        }
    }

    /** After an attempt: the gateways' inputs, and for a failed one what Cockpit shows while it waits. */
    static void afterAttempt(DelegateExecution execution, int attempt, AttemptOutcome outcome, NotifyWhen when) {
        if (outcome.delivered()) {
            setTransient(execution, DELIVERED, Variables.booleanValue(true, true));
            setTransient(execution, NOTIFY_WHEN, Variables.stringValue(when.name(), true));
        } else {
            notDelivered(execution, attempt, outcome.status(), outcome.summary());
        }
    }

    static void notDelivered(DelegateExecution execution, int attempts, Integer lastStatus, String lastError) {
        execution.setVariable(ATTEMPT, attempts);
        execution.setVariable(LAST_STATUS, Variables.integerValue(lastStatus));
        execution.setVariable(LAST_ERROR, Variables.stringValue(lastError));
        setTransient(execution, DELIVERED, Variables.booleanValue(false, true));
    }

    /** The callout's share was taken: how long the timer "Wait for a turn" waits. Nothing is stored. */
    static void waitForTurn(DelegateExecution execution, java.time.Duration wait) {
        setTransient(execution, TURN_WAIT, Variables.stringValue(wait.toString(), true));
    }

    /** An instance from before this version stored these; a transient value cannot replace a stored one. */
    private static void setTransient(DelegateExecution execution, String name, TypedValue value) {
        TypedValue stored = execution.getVariableTyped(name, false);
        if (stored != null && !stored.isTransient()) {
            execution.removeVariable(name);
        }
        execution.setVariable(name, value);
    }
}
