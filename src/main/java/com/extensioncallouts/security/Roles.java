package com.extensioncallouts.security;

/** Camunda groups that decide what a user may do. */
public final class Roles {

    /** May do everything: the API, the management page, Cockpit. */
    public static final String ADMINS = "camunda-admin";
    /** May post ticket events (and signals through /engine-rest/signal), nothing else. */
    public static final String TICKET_SYSTEMS = "ticket-systems";

    static final String ADMIN_AUTHORITY = "GROUP_" + ADMINS;
    static final String TICKET_SYSTEM_AUTHORITY = "GROUP_" + TICKET_SYSTEMS;

    private Roles() {
    }
}
