package com.extensioncallouts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.notify.NotificationRecord.Status;
import com.extensioncallouts.support.CalloutEngineTest;

import jakarta.mail.internet.MimeMessage;

/** Who hears about a callout, and what they read (GreenMail as the mail server). */
class ResourceNotificationTests extends CalloutEngineTest {

    @Autowired NotificationLog notifications;

    @Test
    void alwaysMeansOneEmailOnceTheCalloutIsDelivered() throws Exception {
        String recipient = "always-" + System.nanoTime() + "@msp.example";
        Callout callout = create(draft(unique("Always"), RMM.url("/rmm/always"), "POST", "XML", "ALWAYS", recipient,
                "second-" + recipient));
        String pid = start(callout.name(), ticket("T20261127.0042", "a-1"), "EDITED");

        drive(pid);

        List<MimeMessage> mails = mailsTo(recipient, 1, Duration.ofSeconds(10));
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("callouts@msp.example");
        assertThat(mail.getAllRecipients()).hasSize(2);
        assertThat(mail.getSubject()).contains(callout.name(), "T20261127.0042", "delivered", "1 attempt", "HTTP 200");
        String body = mail.getContent().toString();
        assertThat(body).contains("Extension callout: " + callout.name(), "Ticket: T20261127.0042",
                "Outcome: delivered", "Attempts: 1", "Last result: HTTP 200",
                "http://callouts.example:8080/camunda/app/cockpit/default/#/process-instance/" + pid);
        assertThat(awaitNotifications(pid, 1)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(Status.SENT);
            assertThat(n.calloutName()).isEqualTo(callout.name());
            assertThat(n.recipients()).contains(recipient);
            assertThat(n.subject()).isEqualTo(mail.getSubject());
        });
        Thread.sleep(300);
        assertThat(mailsTo(recipient, 2, Duration.ZERO)).as("only one e-mail").hasSize(1);
    }

    @Test
    void onErrorSendsNothingWhenTheCalloutIsDelivered() throws Exception {
        String recipient = "quiet-" + System.nanoTime() + "@msp.example";
        Callout callout = create(draft(unique("Quiet"), RMM.url("/rmm/quiet"), "POST", "XML", "ON_ERROR", recipient));
        String pid = start(callout.name(), ticket("T1", "a-1"), "EDITED");

        drive(pid);

        assertThat(ended(pid)).isTrue();
        assertThat(mailsTo(recipient, 1, Duration.ofMillis(500))).isEmpty();
        assertThat(notifications.notificationsOf(pid)).isEmpty();
    }

    @Test
    void theTicketNumberIsNamedAlsoWhenTheRulePassedTheTicketAsJson() throws Exception {
        String recipient = "json-" + System.nanoTime() + "@msp.example";
        Callout callout = create(draft(unique("Json ticket"), RMM.url("/rmm/json"), "POST", "JSON", "ALWAYS",
                recipient));
        // A rule started through /engine-rest/signal with "type": "Json" passes a Spin JSON value on
        String pid = runtime.startProcessInstanceByKey("extension-callout", org.camunda.bpm.engine.variable.Variables
                .createVariables().putValue("calloutName", callout.name())
                .putValueTyped("ticket", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                        "{\"id\": 1, \"number\": \"T20261128.0001\", \"udfs\": {\"RMM Alert ID\": \"a-1\"}}")
                        .create())
                .putValue("ticketEvent", "EDITED")).getId();

        drive(pid);

        assertThat(RMM.requests()).singleElement().satisfies(r -> assertThat(r.body()).contains("T20261128.0001"));
        List<MimeMessage> mails = mailsTo(recipient, 1, Duration.ofSeconds(10));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("ticket T20261128.0001");
        assertThat(mails.get(0).getContent().toString()).contains("Ticket: T20261128.0001");
    }

    @Test
    void aCalloutThatFailedForGoodIsMailedOnceWithTheLastErrorWhetherAlwaysOrOnError() throws Exception {
        for (String when : List.of("ALWAYS", "ON_ERROR")) {
            String recipient = "failed-" + when + "-" + System.nanoTime() + "@msp.example";
            Callout callout = create(draft(unique("Refused " + when), "http://127.0.0.1:" + freePort() + "/rmm",
                    "POST", "XML", when, recipient));
            String pid = start(callout.name(), ticket("T20261127.0099", "a-1"), "EDITED");

            drive(pid);

            List<MimeMessage> mails = mailsTo(recipient, 1, Duration.ofSeconds(10));
            assertThat(mails).as(when).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("[Extension callout] '" + callout.name()
                    + "' FAILED for ticket T20261127.0099 after 11 attempts: connection refused");
            assertThat(mails.get(0).getContent().toString()).contains("Extension callout: " + callout.name(),
                    "Ticket: T20261127.0099", "Outcome: failed for good; left as an incident in Cockpit",
                    "Attempts: 11", "Last result: connection refused",
                    "http://callouts.example:8080/camunda/app/cockpit/default/#/process-instance/" + pid);
            assertThat(awaitNotifications(pid, 1)).singleElement()
                    .satisfies(n -> assertThat(n.status()).isEqualTo(Status.SENT));
        }
    }

    private List<NotificationRecord> awaitNotifications(String pid, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<NotificationRecord> found = notifications.notificationsOf(pid);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = notifications.notificationsOf(pid);
        }
        return found;
    }
}
