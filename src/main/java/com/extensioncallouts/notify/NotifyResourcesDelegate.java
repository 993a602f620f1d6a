package com.extensioncallouts.notify;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.delivery.CalloutVariables;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;

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
    private final Deliveries deliveries;
    private final ResourceNotifier notifier;
    private final String publicUrl;

    NotifyResourcesDelegate(CalloutService callouts, Deliveries deliveries, ResourceNotifier notifier,
            CalloutsProperties properties) {
        this.callouts = callouts;
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(CalloutVariables.CALLOUT_NAME);
        String processInstanceId = execution.getProcessInstanceId();
        Optional<Callout> callout = callouts.findByName(name);
        Optional<Delivery> delivery = deliveries.forInstance(processInstanceId);
        if (callout.isEmpty() || delivery.isEmpty()) {
            NotifyLog.calloutGone(name, processInstanceId);
            return;
        }
        Delivery d = delivery.get();
        notifier.notifyAfterCommit(new CalloutNotice(processInstanceId, callout.get().name(), d.ticketNumber(),
                d.delivered(), Boolean.TRUE.equals(execution.getVariableLocal(AFTER_OPERATOR_RETRY)),
                d.attempts(), d.lastStatus(), d.lastError(), cockpitLink(processInstanceId),
                callout.get().notification().recipients()));
    }

    String cockpitLink(String processInstanceId) {
        return publicUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
    }
}
