package com.extensioncallouts.ticket;

/** What happened to a ticket; each kind is sent to the workflow rules as its own BPMN signal. */
enum TicketEventType {

    CREATED("ticket-created"),
    EDITED("ticket-edited");

    private final String signalName;

    TicketEventType(String signalName) {
        this.signalName = signalName;
    }

    String signalName() {
        return signalName;
    }
}
