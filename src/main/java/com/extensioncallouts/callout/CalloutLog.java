package com.extensioncallouts.callout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callout feature's log lines, with stable codes operators can search for. Never a secret:
 * only whether one changed, and URLs without their query (API keys travel there).
 */
final class CalloutLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.callout");

    private CalloutLog() {
    }

    static void created(Callout c) {
        LOG.info("CALLOUT-01001 Callout '{}' (id {}) created: {} {} to {}, authentication {}, {}", c.name(), c.id(),
                c.method(), c.format(), target(c.url()), c.authentication().type(), c.active() ? "active" : "inactive");
    }

    static void updated(Callout before, Callout after) {
        LOG.info("CALLOUT-01002 Callout '{}' (id {}) updated; changed: {}", after.name(), after.id(),
                String.join(", ", changes(before, after)));
    }

    static void deleted(Callout c) {
        LOG.info("CALLOUT-01003 Callout '{}' (id {}) deleted", c.name(), c.id());
    }

    static void activated(Callout c) {
        LOG.info("CALLOUT-01004 Callout '{}' (id {}) activated", c.name(), c.id());
    }

    static void deactivated(Callout c) {
        LOG.info("CALLOUT-01005 Callout '{}' (id {}) deactivated: it is not sent until activated again", c.name(),
                c.id());
    }

    static void stillCalled(Callout c, String change, List<String> rules) {
        LOG.info("CALLOUT-01006 Callout '{}' (id {}) not {}: workflow rules still call it: {}", c.name(), c.id(),
                change, rules);
    }

    /** The names of the fields that differ; the secret only as "authentication.secret". */
    static List<String> changes(Callout before, Callout after) {
        List<String> changes = new ArrayList<>();
        change(changes, "name", before.name(), after.name());
        change(changes, "url", before.url(), after.url());
        change(changes, "method", before.method(), after.method());
        change(changes, "format", before.format(), after.format());
        change(changes, "template", before.template(), after.template());
        change(changes, "contentType", before.contentType(), after.contentType());
        change(changes, "authentication.type", before.authentication().type(), after.authentication().type());
        change(changes, "authentication.username", before.authentication().username(),
                after.authentication().username());
        change(changes, "authentication.headerName", before.authentication().headerName(),
                after.authentication().headerName());
        change(changes, "authentication.secret", before.authentication().secret(), after.authentication().secret());
        change(changes, "udfName", before.udfName(), after.udfName());
        change(changes, "notification.recipients", before.notification().recipients(),
                after.notification().recipients());
        change(changes, "notification.when", before.notification().when(), after.notification().when());
        change(changes, "active", before.active(), after.active());
        if (changes.isEmpty()) {
            changes.add("nothing");
        }
        return changes;
    }

    private static void change(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field);
        }
    }

    /** Scheme, host, port and path: the query and user info may carry credentials. */
    private static String target(String url) {
        try {
            URI uri = URI.create(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(unparsable URL)";
        }
    }
}
