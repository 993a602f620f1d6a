package com.extensioncallouts.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;

/** The page's "Send test": a made-up ticket, sent once as attempt 1, recorded like any attempt. */
@Component
class SampleTicketTester implements CalloutTester {

    static final String SAMPLE_EVENT = "EDITED";

    private final CalloutDelivery delivery;

    SampleTicketTester(CalloutDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public AttemptOutcome sendTest(Callout callout) {
        AttemptOutcome outcome = delivery.attempt(callout, sampleTicket(callout), SAMPLE_EVENT, 1,
                UUID.randomUUID().toString(), null);
        DeliveryLog.testSent(callout.name(), outcome.summary());
        return outcome;
    }

    static Map<String, Object> sampleTicket(Callout callout) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", 0);
        ticket.put("number", "T00000000.0000");
        ticket.put("title", "Extension callout test");
        ticket.put("status", "Complete");
        ticket.put("priority", "Medium");
        ticket.put("queue", "Test");
        ticket.put("udfs", Map.of(callout.restrictedToUdf() ? callout.udfName() : "RMM Alert ID", "test"));
        return ticket;
    }
}
