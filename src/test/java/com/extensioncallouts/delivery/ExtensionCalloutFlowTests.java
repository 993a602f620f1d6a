package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.journal.AttemptLog;
import com.extensioncallouts.journal.AttemptRecord;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.HttpReceiver.Received;

import jakarta.mail.internet.MimeMessage;

/** The extension-callout process end to end: real engine, real H2, real loopback HTTP, GreenMail. */
@ExtendWith(OutputCaptureExtension.class)
class ExtensionCalloutFlowTests extends CalloutEngineTest {

    @Autowired AttemptLog attempts;
    @Autowired RepositoryService repository;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private CalloutDraft withAuth(String name, String url, String method, String format, String type, String user,
            String secret, String header) {
        return new CalloutDraft(name, url, method, format, type, user,
                "BASIC".equals(type) ? secret : null, "BEARER".equals(type) ? secret : null, header,
                "HEADER".equals(type) ? secret : null, "RMM Alert ID", List.of("noc@msp.example"), "ON_ERROR", true);
    }

    @Test
    void xmlPostWithBasicAuthIsSentOnceExactlyAsApiMdSays(CapturedOutput output) {
        Callout callout = create(withAuth(unique("Datto XML"), RMM.url("/rmm/xml"), "POST", "XML", "BASIC", "psa",
                "s3cret-basic", null));

        String pid = start(callout.name(), ticket("T20261127.0042", "a-123"), "EDITED");
        assertThat(RMM.requests()).as("nothing is sent inside the ticket event's transaction").isEmpty();
        drive(pid);

        Received request = single(RMM.requests());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/rmm/xml");
        assertThat(request.header("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
        assertThat(request.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ticket><id>4711</id>"
                + "<number>T20261127.0042</number><title>Disk space low on SRV-01</title><status>Complete</status>"
                + "<priority>High</priority><queue>Monitoring Alert</queue>"
                + "<udf name=\"RMM Alert ID\">a-123</udf></ticket>");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("psa:s3cret-basic".getBytes(StandardCharsets.UTF_8)));
        assertCommonHeaders(request, pid, 1);
        assertThat(endEvents(pid)).containsExactly("EndEvent_Delivered");
        assertThat(delivery(pid).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery(pid).lastStatus()).isEqualTo(200);
        assertNoSecretAnywhere(pid, output, "s3cret-basic", request.header("Authorization").substring(6));
        assertThat(output).contains("CALLOUT-02001 Callout '" + callout.name() + "' attempt 1");
    }

    @Test
    void nameValuePostWithBearerTokenIsAFormWithEventAndUdfPairs(CapturedOutput output) {
        Callout callout = create(withAuth(unique("NV"), RMM.url("/rmm/nv"), "POST", "NAME_VALUE", "BEARER", null,
                "tok-s3cret", null));

        String pid = start(callout.name(), ticket("T1", "a-1"), "CREATED");
        drive(pid);

        Received request = single(RMM.requests());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("event=CREATED&id=4711&number=T1&title=Disk+space+low+on+SRV-01"
                + "&status=Complete&priority=High&queue=Monitoring+Alert&udf%3ARMM+Alert+ID=a-1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer tok-s3cret");
        assertCommonHeaders(request, pid, 1);
        assertNoSecretAnywhere(pid, output, "tok-s3cret");
    }

    @Test
    void jsonPostWithCustomHeaderCarriesEventAndTicketAsReceived(CapturedOutput output) {
        Callout callout = create(withAuth(unique("JSON"), RMM.url("/rmm/json"), "POST", "JSON", "HEADER", null,
                "hdr-s3cret", "X-Api-Key"));

        String pid = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        drive(pid);

        Received request = single(RMM.requests());
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"event\":\"EDITED\",\"ticket\":{\"id\":4711,\"number\":\"T2\","
                + "\"title\":\"Disk space low on SRV-01\",\"status\":\"Complete\",\"priority\":\"High\","
                + "\"queue\":\"Monitoring Alert\",\"udfs\":{\"RMM Alert ID\":\"a-2\"}}}");
        assertThat(request.header("X-Api-Key")).isEqualTo("hdr-s3cret");
        assertThat(request.header("Authorization")).isNull();
        assertCommonHeaders(request, pid, 1);
        assertNoSecretAnywhere(pid, output, "hdr-s3cret");
    }

    @Test
    void getSendsThePairsInTheQueryStringAfterAnExistingQuery() {
        for (String format : List.of("XML", "NAME_VALUE", "JSON")) {
            RMM.reset();
            Callout callout = create(withAuth(unique("GET " + format), RMM.url("/rmm/get?tenant=7"), "GET", format,
                    "NONE", null, null, null));

            String pid = start(callout.name(), ticket("T3", "a-3"), "EDITED");
            drive(pid);

            Received request = single(RMM.requests());
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/rmm/get");
            assertThat(request.query()).isEqualTo("tenant=7&event=EDITED&id=4711&number=T3"
                    + "&title=Disk+space+low+on+SRV-01&status=Complete&priority=High&queue=Monitoring+Alert"
                    + "&udf%3ARMM+Alert+ID=a-3");
            assertThat(request.body()).isEmpty();
            assertThat(request.header("Content-Type")).isNull();
            assertCommonHeaders(request, pid, 1);
        }
    }

    @Test
    void failuresAreRetriedWithTheSameKeyUntilDelivered() {
        RMM.thenAnswer(Answer.status(500), Answer.status(404));
        Callout callout = create(draft(unique("Flaky"), RMM.url("/rmm/flaky"), "POST", "XML", "ON_ERROR",
                "flaky@msp.example"));
        String pid = start(callout.name(), ticket("T4", "a-4"), "EDITED");

        drive(pid, 3); // attempt 1 (500), timer, attempt 2 (404)
        assertThat(runtime.getVariable(pid, "lastStatus")).isEqualTo(404);
        assertThat(runtime.getVariable(pid, "lastError")).isEqualTo("HTTP 404");
        assertThat(management.createJobQuery().processInstanceId(pid).timers().count())
                .as("waiting at 'Wait before retry', visible in Cockpit").isEqualTo(1);

        // Attempt 3 finds nobody listening
        callouts.update(callout.id(), draft(callout.name(), "http://127.0.0.1:" + freePort() + "/rmm", "POST", "XML",
                "ON_ERROR", "flaky@msp.example"));
        drive(pid, 2);
        assertThat(runtime.getVariable(pid, "lastStatus")).isNull();
        assertThat(runtime.getVariable(pid, "lastError")).isEqualTo("connection refused");

        callouts.update(callout.id(), draft(callout.name(), RMM.url("/rmm/flaky"), "POST", "XML", "ON_ERROR",
                "flaky@msp.example"));
        drive(pid);

        List<Received> received = RMM.requests();
        assertThat(received).extracting(r -> r.header("X-Callout-Attempt")).containsExactly("1", "2", "4");
        String key = delivery(pid).idempotencyKey();
        assertThat(received).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(key));
        assertThat(attempts.attemptsOf(pid))
                .extracting(AttemptRecord::attempt, AttemptRecord::status, AttemptRecord::error, AttemptRecord::outcome)
                .containsExactly(
                        tuple(1, 500, "HTTP 500", AttemptRecord.Outcome.REJECTED),
                        tuple(2, 404, "HTTP 404", AttemptRecord.Outcome.REJECTED),
                        tuple(3, null, "connection refused",
                                AttemptRecord.Outcome.UNREACHABLE),
                        tuple(4, 200, null, AttemptRecord.Outcome.DELIVERED));
        assertThat(attempts.attemptsOf(pid)).allSatisfy(a -> {
            assertThat(a.idempotencyKey()).isEqualTo(key);
            assertThat(a.ticketNumber()).isEqualTo("T4");
            assertThat(a.calloutId()).isEqualTo(callout.id());
        });
        assertThat(endEvents(pid)).containsExactly("EndEvent_Delivered");
        assertThat(delivery(pid).attempts()).isEqualTo(4);
    }

    @Test
    void aCalloutThatAlwaysFailsIsSentElevenTimesMailedAndLeftForCockpitWhoseDeliveringRetryIsMailedToo() throws Exception {
        RMM.alwaysAnswer(Answer.status(500));
        String recipient = "always-fails-" + System.nanoTime() + "@msp.example";
        Callout callout = create(draft(unique("Down"), RMM.url("/rmm/down"), "POST", "JSON", "ON_ERROR", recipient));
        String pid = start(callout.name(), ticket("T5", "a-5"), "EDITED");

        drive(pid);

        List<Received> received = RMM.requests();
        assertThat(received).hasSize(11);
        assertThat(received).extracting(r -> r.header("X-Callout-Attempt"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 11).mapToObj(Integer::toString).toList());
        assertThat(received).extracting(r -> r.header("Idempotency-Key")).containsOnly(
                delivery(pid).idempotencyKey());

        Incident incident = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_RetryFromCockpit");
        assertThat(incident.getIncidentMessage()).as("which callout, ticket, last answer, and the delivery to look up")
                .isEqualTo("Callout '" + callout.name() + "' failed for ticket T5 after 11 attempts: HTTP 500 (delivery "
                        + delivery(pid).id() + ")");
        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        assertThat(job.getRetries()).as("R1/PT0S: one execution in all, then the incident").isZero();
        assertThat(runtime.getVariable(pid, "attempt")).isEqualTo(11);
        assertThat(runtime.getVariable(pid, "lastStatus")).isEqualTo(500);
        assertThat(runtime.getVariable(pid, "lastError")).isEqualTo("HTTP 500");
        assertThat(delivery(pid).state()).isEqualTo(DeliveryState.FAILED);

        List<MimeMessage> mails = mailsTo(recipient, 1, Duration.ofSeconds(10));
        Thread.sleep(300);
        assertThat(mailsTo(recipient, 2, Duration.ZERO)).as("exactly one e-mail").hasSize(1);
        assertThat(mails.get(0).getSubject()).contains(callout.name(), "T5", "FAILED", "11 attempts", "HTTP 500");

        // Cockpit's "Retry": the job gets a retry and runs; it sends once more, fails, and the incident is back
        management.setJobRetries(job.getId(), 1);
        drive(pid);
        assertThat(RMM.requests()).hasSize(12);
        assertThat(RMM.requests().get(11).header("X-Callout-Attempt")).isEqualTo("12");
        assertThat(RMM.requests().get(11).header("Idempotency-Key")).isEqualTo(received.get(0).header("Idempotency-Key"));
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).singleResult().getIncidentMessage())
                .isEqualTo("Callout '" + callout.name() + "' failed for ticket T5 after 12 attempts: HTTP 500 (delivery "
                        + delivery(pid).id() + ")");
        assertThat(mailsTo(recipient, 2, Duration.ofMillis(300))).as("a failed retry sends no e-mail").hasSize(1);

        // The RMM is back: the next retry from Cockpit delivers and ends the instance
        RMM.alwaysAnswer(Answer.status(200));
        management.setJobRetries(job.getId(), 1);
        drive(pid);
        assertThat(RMM.requests()).hasSize(13);
        assertThat(RMM.requests().get(12).header("X-Callout-Attempt")).isEqualTo("13");
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).isZero();
        assertThat(endEvents(pid)).containsExactly("EndEvent_DeliveredAfterRetry");
        assertThat(delivery(pid).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery(pid).attempts()).isEqualTo(13);
        assertThat(attempts.attemptsOf(pid)).hasSize(13);
        // Those told it failed for good hear that it recovered, once
        mails = mailsTo(recipient, 2, Duration.ofSeconds(10));
        assertThat(mails).as("the recovery e-mail").hasSize(2);
        MimeMessage recovered = mails.get(1);
        assertThat(recovered.getSubject()).isEqualTo("[Extension callout] '" + callout.name()
                + "' delivered after an operator's retry for ticket T5 (13 attempts, HTTP 200)");
        assertThat(recovered.getContent().toString()).contains("Ticket: T5",
                "Outcome: delivered after an operator's retry in Cockpit", "Attempts: 13", "Last result: HTTP 200",
                "/camunda/app/cockpit/default/#/process-instance/" + pid);
        Thread.sleep(300);
        assertThat(mailsTo(recipient, 3, Duration.ZERO)).as("no third e-mail").hasSize(2);
    }

    @Test
    void anRmmThatNeverAnswersIsAFailedAttemptWithinTheTimeout() {
        try (HttpReceiver silent = new HttpReceiver().alwaysAnswer(Answer.hanging())) {
            Callout callout = create(draft(unique("Silent"), silent.url("/rmm"), "POST", "XML", "ON_ERROR",
                    "silent@msp.example"));
            String pid = start(callout.name(), ticket("T6", "a-6"), "EDITED");

            long started = System.nanoTime();
            drive(pid, 1);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(2).plusMillis(1500)); // callouts.http.timeout = PT2S
            assertThat(silent.requests()).hasSize(1);
            assertThat(runtime.getVariable(pid, "lastStatus")).isNull();
            assertThat((String) runtime.getVariable(pid, "lastError")).contains("timeout");
            assertThat(management.createJobQuery().processInstanceId(pid).timers().count()).isEqualTo(1);
            assertThat(attempts.attemptsOf(pid)).singleElement()
                    .satisfies(a -> assertThat(a.outcome()).isEqualTo(AttemptRecord.Outcome.UNREACHABLE));
        }
    }

    @Test
    void aTicketWithoutAValueInTheCalloutsUdfIsSkipped() {
        Callout callout = create(withAuth(unique("UDF"), RMM.url("/rmm/udf"), "POST", "XML", "NONE", null, null, null));

        String none = start(callout.name(), ticket("T7", null), "EDITED");
        String blank = start(callout.name(), ticket("T8", "  "), "EDITED");

        for (String pid : List.of(none, blank)) {
            assertThat(drive(pid)).as("no job: nothing to send").isZero();
            assertThat(ended(pid)).isTrue();
            assertThat(endEvents(pid)).containsExactly("EndEvent_Skipped");
            assertThat(delivery(pid).state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(delivery(pid).skipReason()).startsWith("NO_UDF_VALUE: ")
                    .contains("RMM Alert ID");
        }
        assertThat(RMM.requests()).isEmpty();
    }

    @Test
    void inactiveAndUnknownCalloutsAreSkipped() {
        Callout callout = create(draft(unique("Off"), RMM.url("/rmm/off"), "POST", "XML", "ON_ERROR", "o@msp.example"));
        callouts.setActive(callout.id(), false);

        String inactive = start(callout.name(), ticket("T9", "a-9"), "EDITED");
        String unknown = start("No such callout", ticket("T10", "a-10"), "EDITED");

        drive(inactive);
        drive(unknown);
        assertThat(delivery(inactive).skipReason()).startsWith("INACTIVE: ");
        assertThat(delivery(inactive).ticket()).as("kept, so that it can be sent later").contains("T9");
        assertThat(delivery(unknown).skipReason()).startsWith("UNKNOWN_CALLOUT: ")
                .contains("No such callout");
        assertThat(endEvents(inactive)).containsExactly("EndEvent_Skipped");
        assertThat(endEvents(unknown)).containsExactly("EndEvent_Skipped");
        assertThat(RMM.requests()).isEmpty();
    }

    @Test
    void aCalloutDeactivatedWhileARetryIsPendingIsNotSentAgain() {
        RMM.alwaysAnswer(Answer.status(503));
        Callout callout = create(draft(unique("Withdrawn"), RMM.url("/rmm/w"), "POST", "XML", "ON_ERROR",
                "w@msp.example"));
        String pid = start(callout.name(), ticket("T11", "a-11"), "EDITED");
        drive(pid, 1);

        callouts.setActive(callout.id(), false);
        drive(pid);

        assertThat(RMM.requests()).hasSize(1);
        assertThat(endEvents(pid)).containsExactly("EndEvent_Withdrawn");
        assertThat(delivery(pid).state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(delivery(pid).skipReason()).startsWith("INACTIVE: ");
    }

    @Test
    void theEventIsTakenFromTheCallingRuleWhenOnlyTicketAndCalloutNameArePassed() {
        Callout callout = create(draft(unique("Called"), RMM.url("/rmm/called"), "POST", "JSON", "ON_ERROR",
                "c@msp.example"));
        String ruleKey = "test-rule-" + System.nanoTime();
        BpmnModelInstance rule = Bpmn.createExecutableProcess(ruleKey).camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("call").calledElement("extension-callout")
                .camundaIn("ticket", "ticket")
                .camundaIn("calloutName", "calloutName")
                .endEvent().done();
        repository.createDeployment().addModelInstance(ruleKey + ".bpmn", rule).deploy();

        String rulePid = runtime.startProcessInstanceByKey(ruleKey, Variables.createVariables()
                .putValueTyped("ticket", json(ticket("T12", "a-12")))
                .putValue("ticketEvent", "CREATED")
                .putValue("calloutName", callout.name())).getId();
        String pid = runtime.createProcessInstanceQuery().superProcessInstanceId(rulePid).singleResult().getId();
        drive(pid);

        assertThat(single(RMM.requests()).body()).startsWith("{\"event\":\"CREATED\",");
        assertThat(ended(rulePid)).isTrue();
    }

    @Test
    void aTicketThatIsMissingOrNotAJsonObjectIsSkippedWithAReasonInsteadOfFailingTheRule() {
        Callout callout = create(draft(unique("Odd ticket"), RMM.url("/rmm/odd"), "POST", "XML", "ON_ERROR",
                "odd@msp.example"));

        for (Object odd : new Object[] { "not json", "[1, 2]", 42, "null" }) {
            String pid = runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                    .putValue("calloutName", callout.name()).putValue("ticket", odd)
                    .putValue("ticketEvent", "EDITED")).getId();
            assertThat(drive(pid)).as("nothing to send for ticket %s", odd).isZero();
            assertThat(endEvents(pid)).containsExactly("EndEvent_Skipped");
            assertThat(delivery(pid).skipReason()).startsWith("INVALID_TICKET: ");
        }
        String missing = runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", callout.name()).putValue("ticketEvent", "EDITED")).getId();
        assertThat(drive(missing)).isZero();
        assertThat(endEvents(missing)).containsExactly("EndEvent_Skipped");
        assertThat(delivery(missing).skipReason()).startsWith("NO_TICKET: ");
        assertThat(RMM.requests()).isEmpty();
    }

    @Test
    void anAttemptThatCannotBeRecordedIsNotSentAgainAndStillCounts(CapturedOutput output) {
        RMM.alwaysAnswer(Answer.status(500));
        Callout callout = create(draft(unique("Unrecorded"), RMM.url("/rmm/unrecorded"), "POST", "XML", "ON_ERROR",
                "u@msp.example"));
        String pid = start(callout.name(), ticket("T13", "a-13"), "EDITED");

        jdbc.execute("ALTER TABLE callout_attempt RENAME TO callout_attempt_away");
        try {
            drive(pid, 3); // attempt 1, timer, attempt 2: neither can be recorded
        } finally {
            jdbc.execute("ALTER TABLE callout_attempt_away RENAME TO callout_attempt");
        }

        assertThat(RMM.requests()).as("each attempt sent once, counted; the job is not rolled back and re-run")
                .extracting(r -> r.header("X-Callout-Attempt")).containsExactly("1", "2");
        assertThat(runtime.getVariable(pid, "attempt")).isEqualTo(2);
        assertThat(management.createJobQuery().processInstanceId(pid).timers().count()).isEqualTo(1);
        assertThat(output).contains("CALLOUT-02009 Callout '" + callout.name() + "' attempt 2 for ticket T13 "
                + "was sent but could not be recorded");

        drive(pid, 2);
        assertThat(RMM.requests()).extracting(r -> r.header("X-Callout-Attempt")).containsExactly("1", "2", "3");
        assertThat(attempts.attemptsOf(pid)).extracting(AttemptRecord::attempt).containsExactly(3);
    }

    @Test
    void anUnexpectedFailureOfSendCalloutIsRunAgainAMinuteLaterNotAtOnce() {
        Callout callout = create(draft(unique("Db away"), RMM.url("/rmm/db"), "POST", "XML", "ON_ERROR",
                "d@msp.example"));
        String pid = start(callout.name(), ticket("T14", "a-14"), "EDITED");
        Job send = management.createJobQuery().processInstanceId(pid).singleResult();

        jdbc.execute("ALTER TABLE callout_delivery RENAME TO callout_delivery_away"); // the delivery cannot be read
        try {
            assertThatThrownBy(() -> management.executeJob(send.getId())).isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.execute("ALTER TABLE callout_delivery_away RENAME TO callout_delivery");
        }

        Job failed = management.createJobQuery().jobId(send.getId()).singleResult();
        assertThat(failed.getRetries()).as("R3/PT60S: three runs in all").isEqualTo(2);
        assertThat(failed.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 50_000));
        assertThat(RMM.requests()).isEmpty();

        drive(pid);
        assertThat(RMM.requests()).extracting(r -> r.header("X-Callout-Attempt")).containsExactly("1");
        assertThat(endEvents(pid)).containsExactly("EndEvent_Delivered");
    }

    @Test
    void aGarbledAnswerIsOneFailedAttemptWithAShortReason() throws Exception {
        try (java.net.ServerSocket garbler = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            List<Integer> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread server = new Thread(() -> {
                while (!garbler.isClosed()) {
                    try (java.net.Socket s = garbler.accept()) {
                        s.getInputStream().read(new byte[8192]);
                        s.getOutputStream().write(("HTTP/1.1 200 OK\r\n" + "X".repeat(6000) + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        answered.add(1);
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            Callout callout = create(draft(unique("Garbled"), "http://127.0.0.1:" + garbler.getLocalPort() + "/rmm",
                    "POST", "XML", "ON_ERROR", "g@msp.example"));
            String pid = start(callout.name(), ticket("T15", "a-15"), "EDITED");

            drive(pid, 1);

            assertThat(answered).as("sent once, not re-run because the reason did not fit").hasSize(1);
            assertThat(runtime.getVariable(pid, "attempt")).isEqualTo(1);
            assertThat((String) runtime.getVariable(pid, "lastError")).startsWith("ClientProtocolException")
                    .hasSizeLessThanOrEqualTo(500);
            assertThat(attempts.attemptsOf(pid)).singleElement()
                    .satisfies(a -> assertThat(a.outcome()).isEqualTo(AttemptRecord.Outcome.UNREACHABLE));
        }
    }

    @Test
    void aWaitingRetryBeyondALoweredMaxRetriesIsNotSentButFailsForGood() throws Exception {
        RMM.alwaysAnswer(Answer.status(500));
        String recipient = "lowered-" + System.nanoTime() + "@msp.example";
        Callout callout = create(draft(unique("Lowered"), RMM.url("/rmm/lowered"), "POST", "XML", "ON_ERROR",
                recipient));
        String pid = start(callout.name(), ticket("T16", "a-16"), "EDITED");
        drive(pid, 1);
        // As if 11 attempts had failed under max-retries=20 and the app then restarted with max-retries=10
        jdbc.update("UPDATE callout_delivery SET attempts = 11 WHERE process_instance_id = ?", pid);

        drive(pid);

        assertThat(RMM.requests()).as("no attempt beyond the limit in force").hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).singleResult().getIncidentMessage())
                .isEqualTo("Callout '" + callout.name() + "' failed for ticket T16 after 11 attempts: HTTP 500 (delivery "
                        + delivery(pid).id() + ")");
        assertThat(mailsTo(recipient, 1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void historyIsCleanedUpAfterItsTimeToLiveWithoutAnOperatorStartingIt() {
        // historyTimeToLive only sets a removal time; the engine removes history only in a cleanup window
        assertThat(history.findHistoryCleanupJobs()).as("history clean-up scheduled at start-up").isNotEmpty();
    }

    private void assertCommonHeaders(Received request, String pid, int attempt) {
        assertThat(request.header("Idempotency-Key")).isEqualTo(delivery(pid).idempotencyKey()).isNotBlank();
        assertThat(request.header("X-Callout-Attempt")).isEqualTo(Integer.toString(attempt));
        assertThat(request.header("User-Agent")).startsWith("ExtensionCallouts/");
    }

    private void assertNoSecretAnywhere(String pid, CapturedOutput output, String... secrets) {
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(pid).list();
        List<java.util.Map<String, Object>> stored = jdbc.queryForList(
                "SELECT * FROM callout_delivery WHERE process_instance_id = ?", pid);
        stored.addAll(jdbc.queryForList("SELECT * FROM callout_attempt WHERE process_instance_id = ?", pid));
        assertThat(stored).as("the delivery and its attempts").hasSizeGreaterThanOrEqualTo(2);
        for (String secret : secrets) {
            assertThat(variables).allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(secret));
            assertThat(stored).allSatisfy(row -> assertThat(row.toString()).doesNotContain(secret));
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    private static Received single(List<Received> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
