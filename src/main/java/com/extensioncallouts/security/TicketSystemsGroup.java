package com.extensioncallouts.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Makes sure the group {@value Roles#TICKET_SYSTEMS} exists, so that administrators only have to add users to it. */
@Component
class TicketSystemsGroup {

    private final IdentityService identity;

    TicketSystemsGroup(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        if (identity.isReadOnly() || identity.createGroupQuery().groupId(Roles.TICKET_SYSTEMS).count() > 0) {
            return;
        }
        Group group = identity.newGroup(Roles.TICKET_SYSTEMS);
        group.setName("Ticket systems");
        group.setType("SYSTEM");
        try {
            identity.saveGroup(group);
            SecurityLog.groupCreated(Roles.TICKET_SYSTEMS);
        } catch (RuntimeException e) {
            if (identity.createGroupQuery().groupId(Roles.TICKET_SYSTEMS).count() == 0) {
                SecurityLog.groupNotCreated(Roles.TICKET_SYSTEMS, e);
            } // else another node created it first
        }
    }
}
