package com.extensioncallouts.rule;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of the rule feature (CALLOUT-04xxx); operators search for the codes. */
final class RuleLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.rule");

    private RuleLog() {
    }

    static void definitionRecorded(String processDefinitionId, Map<String, List<String>> elementIdsByCalloutKey) {
        LOG.debug("CALLOUT-04001 Process definition '{}' calls callouts {}", processDefinitionId,
                elementIdsByCalloutKey);
    }

    static void deploymentRefused(String processKey, String activityId, List<String> missing) {
        LOG.warn("CALLOUT-04002 Refused process '{}': call activity '{}' calls {} without {}",
                processKey, activityId, CalloutCall.CALLED_ELEMENT, String.join(" and ", missing));
    }

    static void definitionScanned(String processDefinitionId, Map<String, List<String>> elementIdsByCalloutKey) {
        LOG.debug("CALLOUT-04003 Process definition '{}' was not parsed here; its model calls callouts {}",
                processDefinitionId, elementIdsByCalloutKey);
    }

    static void expressionManagerKept(String type) {
        LOG.warn("CALLOUT-04004 Expression manager {} is customised; Spin JSON variables keep needing "
                + "prop('...') in expressions", type);
    }

    static void unknownCallout(String processKey, String processName, String elementId, String calloutName) {
        String process = processName == null || processName.isBlank()
                ? "'" + processKey + "'" : "'" + processName + "' (" + processKey + ")";
        LOG.warn("CALLOUT-04005 Process {} is deployed, but its call activity '{}' executes callout '{}', which does "
                + "not exist: create a callout with that name or correct the name in the rule. Until then each of its "
                + "calls is recorded as skipped (UNKNOWN_CALLOUT).", process, elementId, calloutName);
    }

    static void calloutsNotChecked(String processKey, RuntimeException e) {
        LOG.info("CALLOUT-04006 Could not check whether the callouts process '{}' names exist: {}", processKey,
                e.toString());
    }
}
