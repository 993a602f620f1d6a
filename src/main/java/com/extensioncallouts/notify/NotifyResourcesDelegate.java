package com.extensioncallouts.notify;

import static com.extensioncallouts.delivery.CalloutVariables.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;

/**
 * "Notify resources": the BPMN reaches it when the outcome is known (delivered with "always", or failed
 * for good), and once more when an operator's retry from Cockpit delivers a callout that failed for good.
 * That last task sets the local input {@value #AFTER_OPERATOR_RETRY} to {@code true}, so the e-mail says
 * so. The e-mail itself leaves after the transaction commits.
 */
@Component("notifyResources")
class NotifyResourcesDelegate implements JavaDelegate {

    /** Input parameter of the "Notify resources" task after "Failed: retry from Cockpit". */
    static final String AFTER_OPERATOR_RETRY = "afterOperatorRetry";

    private final CalloutService callouts;
    private final ResourceNotifier notifier;
    private final String publicUrl;

    NotifyResourcesDelegate(CalloutService callouts, ResourceNotifier notifier, CalloutsProperties properties) {
        this.callouts = callouts;
        this.notifier = notifier;
        this.publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(CALLOUT_NAME);
        String processInstanceId = execution.getProcessInstanceId();
        Optional<Callout> callout = callouts.findByName(name);
        if (callout.isEmpty()) {
            NotifyLog.calloutGone(name, processInstanceId);
            return;
        }
        // The ticket may be a map, JSON text or a Spin JSON value (a rule started through /engine-rest)
        notifier.notifyAfterCommit(new CalloutNotice(processInstanceId, callout.get().name(), ticketNumber(execution),
                Boolean.TRUE.equals(execution.getVariable(DELIVERED)),
                Boolean.TRUE.equals(execution.getVariableLocal(AFTER_OPERATOR_RETRY)),
                attempts(execution),
                (Integer) execution.getVariable(LAST_STATUS),
                (String) execution.getVariable(LAST_ERROR),
                cockpitLink(processInstanceId),
                callout.get().notification().recipients()));
    }

    String cockpitLink(String processInstanceId) {
        return publicUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
    }
}
