package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Answer;

import jakarta.mail.internet.MimeMessage;

/**
 * A callout whose deliveries keep failing for good is deactivated after callouts.auto-deactivate-after in a
 * row (here 2, each delivery one attempt), its resources are told how to recover, and nothing is lost:
 * triggers while inactive are recorded as skipped. A delivered one resets the count.
 */
@TestPropertySource(properties = { "callouts.auto-deactivate-after=2", "callouts.retry.max-retries=0" })
class AutoDeactivationTests extends CalloutEngineTest {

    @Test
    void twoDeliveriesInARowFailedForGoodDeactivateTheCalloutAndTellItsResources() throws Exception {
        RMM.alwaysAnswer(Answer.status(502));
        String recipient = "deactivated-" + System.nanoTime() + "@msp.example";
        Callout callout = create(draft(unique("Flapping RMM"), RMM.url("/rmm/down"), "POST", "JSON", "ON_ERROR",
                recipient));

        drive(start(callout.name(), ticket("T1", "a-1"), "EDITED"));
        assertThat(callouts.get(callout.id()).active()).as("one failure is not a streak yet").isTrue();
        drive(start(callout.name(), ticket("T2", "a-2"), "EDITED"));

        assertThat(callouts.get(callout.id()).active()).isFalse();
        List<MimeMessage> mails = mailsTo(recipient, 3, Duration.ofSeconds(10));
        MimeMessage deactivated = mails.stream().filter(m -> subject(m).contains("DEACTIVATED")).findFirst()
                .orElseThrow(() -> new AssertionError("no deactivation e-mail among " + mails.size()));
        assertThat(subject(deactivated)).contains(callout.name(), "2 deliveries in a row failed for good");
        assertThat(deactivated.getContent().toString()).contains("Activate the callout", "Recover",
                "/callouts/" + callout.id() + "/deliveries");

        String whileInactive = start(callout.name(), ticket("T3", "a-3"), "EDITED");
        assertThat(delivery(whileInactive).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(delivery(whileInactive).skipReason()).startsWith("INACTIVE: ");
        assertThat(RMM.requests()).as("nothing sent while inactive").hasSize(2);
    }

    @Test
    void aDeliveredOneResetsTheCount() {
        Callout callout = create(draft(unique("Recovers"), RMM.url("/rmm/flaky"), "POST", "JSON", "ON_ERROR",
                "flaky@msp.example"));

        RMM.alwaysAnswer(Answer.status(500));
        drive(start(callout.name(), ticket("T1", "a-1"), "EDITED"));
        RMM.alwaysAnswer(Answer.status(200));
        drive(start(callout.name(), ticket("T2", "a-2"), "EDITED"));
        RMM.alwaysAnswer(Answer.status(500));
        drive(start(callout.name(), ticket("T3", "a-3"), "EDITED"));

        assertThat(callouts.get(callout.id()).active()).as("failed, delivered, failed: no two in a row").isTrue();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
