package com.extensioncallouts.rule;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of the rule feature (CALLOUT-04xxx); operators search for the codes. */
final class RuleLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.rule");

    private RuleLog() {
    }

    static void definitionRecorded(String processDefinitionId, Set<String> calloutKeys) {
        LOG.debug("CALLOUT-04001 Process definition '{}' calls callouts {}", processDefinitionId, calloutKeys);
    }

    static void deploymentRefused(String processKey, String activityId) {
        LOG.warn("CALLOUT-04002 Refused process '{}': call activity '{}' calls {} without a calloutName",
                processKey, activityId, CalloutCall.CALLED_ELEMENT);
    }

    static void definitionScanned(String processDefinitionId, Set<String> calloutKeys) {
        LOG.debug("CALLOUT-04003 Process definition '{}' was not parsed here; its model calls callouts {}",
                processDefinitionId, calloutKeys);
    }

    static void expressionManagerKept(String type) {
        LOG.warn("CALLOUT-04004 Expression manager {} is customised; Spin JSON variables keep needing "
                + "prop('...') in expressions", type);
    }
}
