package com.extensioncallouts.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.http.AttemptOutcome;

/** The page's "Send test": a made-up ticket, sent once as attempt 1, recorded like any attempt. */
@Component
class SampleTicketTester implements CalloutTester {

    static final String SAMPLE_EVENT = "EDITED";

    private final CalloutAttempts attempts;
    private final AttemptRecorder recorder;

    SampleTicketTester(CalloutAttempts attempts, AttemptRecorder recorder) {
        this.attempts = attempts;
        this.recorder = recorder;
    }

    @Override
    public AttemptOutcome sendTest(Callout callout) {
        CalloutAttempts.Sent sent = attempts.send(callout, sampleTicket(callout), SAMPLE_EVENT, 1,
                UUID.randomUUID().toString());
        recorder.atOnce(sent, null);
        DeliveryLog.testSent(callout.name(), sent.outcome().summary());
        return sent.outcome();
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
