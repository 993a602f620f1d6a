package com.extensioncallouts.delivery;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the extension-callout process variables (what Cockpit shows). None holds a secret. */
public final class CalloutVariables {

    public static final String PROCESS_KEY = "extension-callout";

    /** In: the callout's name, the ticket (a Spin JSON map), CREATED or EDITED. */
    public static final String CALLOUT_NAME = "calloutName";
    public static final String TICKET = "ticket";
    public static final String TICKET_EVENT = "ticketEvent";

    /** Set by "Check callout". */
    public static final String CALLOUT_ID = "calloutId";
    public static final String NOTIFY_WHEN = "notifyWhen";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String SKIP_REASON = "skipReason";

    /** Updated by each attempt. */
    public static final String ATTEMPT = "attempt";
    public static final String LAST_STATUS = "lastStatus";
    public static final String LAST_ERROR = "lastError";
    public static final String DELIVERED = "delivered";

    private CalloutVariables() {
    }

    /** How many attempts were made so far (the variable {@code attempt}): 0 before the first. */
    public static int attempts(VariableScope scope) {
        return scope.getVariable(ATTEMPT) instanceof Number n ? n.intValue() : 0;
    }

    /** The ticket's number, read the way the delivery reads the ticket (a map, JSON text or a Spin JSON value). */
    public static String ticketNumber(VariableScope scope) {
        try {
            return TicketVariable.number(TicketVariable.read(scope));
        } catch (IllegalArgumentException notAJsonObject) {
            return TicketVariable.number(Map.of());
        }
    }
}
