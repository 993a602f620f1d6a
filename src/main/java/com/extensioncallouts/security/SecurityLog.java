package com.extensioncallouts.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of the security feature (CALLOUT-13xxx). Never a password or key. */
final class SecurityLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.security");

    private SecurityLog() {
    }

    static void denied(String user, String method, String path) {
        LOG.info("CALLOUT-13001 Refused {} {} to {}: not a member of the group allowed to", method, path, user);
    }

    static void groupNotCreated(String group, RuntimeException e) {
        LOG.warn("CALLOUT-13003 Could not create the Camunda group '{}' ({}); create it in Camunda Admin", group,
                e.getMessage());
    }

    static void groupCreated(String group) {
        LOG.info("CALLOUT-13002 Created the Camunda group '{}'; add ticket systems' users to it in Camunda Admin", group);
    }
}
