package com.extensioncallouts.delivery;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.template.SampleTicket;

/** The page's "Send test": a made-up ticket, sent once as attempt 1, recorded like any attempt. */
@Component
class SampleTicketTester implements CalloutTester {

    static final String SAMPLE_EVENT = SampleTicket.EVENT;

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
        return SampleTicket.of(callout.restrictedToUdf() ? callout.udfName() : null);
    }
}
