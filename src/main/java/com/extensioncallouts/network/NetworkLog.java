package com.extensioncallouts.network;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of the network guard (CALLOUT-16xxx). */
final class NetworkLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.network");

    private NetworkLog() {
    }

    static void refusedToSend(String host, String reason) {
        LOG.warn("CALLOUT-16001 Did not connect to {}: {}", host, reason);
    }

    static void refusedToSave(String host, String reason) {
        LOG.info("CALLOUT-16002 Refused a callout URL with host {}: {}", host, reason);
    }

    static void policy(boolean denyPrivate, List<String> allow) {
        LOG.info("CALLOUT-16003 Network guard: link-local and cloud metadata addresses refused; loopback, private "
                + "and unique-local addresses {}; allowed ranges: {}", denyPrivate ? "refused" : "allowed",
                allow.isEmpty() ? "none" : String.join(", ", allow));
    }
}
