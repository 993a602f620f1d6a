package com.extensioncallouts.rule;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.extensioncallouts.rule.CalloutCall.LiteralCall;

/**
 * Warns when a newly deployed rule names a callout that does not exist. The deployment stands: the
 * callout may well be created afterwards (until then its calls are recorded as skipped). Looked up
 * lazily, since rules are deployed while the engine, which the callouts' service needs, is being built.
 */
@Component
class UnknownCallouts {

    private final ObjectProvider<CalloutNames> calloutNames;

    UnknownCallouts(ObjectProvider<CalloutNames> calloutNames) {
        this.calloutNames = calloutNames;
    }

    void warnAbout(String processKey, String processName, List<LiteralCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        try {
            CalloutNames names = calloutNames.getIfAvailable();
            if (names == null) {
                return;
            }
            for (LiteralCall call : calls) {
                if (!names.exists(call.calloutName())) {
                    RuleLog.unknownCallout(processKey, processName, call.elementId(), call.calloutName());
                }
            }
        } catch (RuntimeException e) {
            // A warning is a courtesy: never let it disturb a deployment that has committed
            RuleLog.calloutsNotChecked(processKey, e);
        }
    }
}
