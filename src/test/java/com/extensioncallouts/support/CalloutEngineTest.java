package com.extensioncallouts.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * One shared context for the engine-driven callout tests: the job executor is off, so tests drive
 * every job themselves ({@link #drive}); GreenMail takes the e-mail, {@link #RMM} stands in for the RMM.
 * Every test class that extends this reuses the same cached Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "callouts.http.timeout=PT2S",
        "callouts.public-url=http://callouts.example:8080/",
        "callouts.mail.from=callouts@msp.example" })
@ActiveProfiles("test")
public abstract class CalloutEngineTest {

    public static final GreenMail MAIL = startMail();
    public static final HttpReceiver RMM = new HttpReceiver();

    @Autowired protected RuntimeService runtime;
    @Autowired protected ManagementService management;
    @Autowired protected HistoryService history;
    @Autowired protected CalloutService callouts;
    @Autowired protected Deliveries deliveries;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @BeforeEach
    void resetReceiver() {
        RMM.reset();
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** A port nothing listens on: connecting to it is refused. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CalloutDraft draft(String name, String url, String method, String format, String notifyWhen,
            String... recipients) {
        return new CalloutDraft(name, url, method, format, "NONE", null, null, null, null, null, null,
                Arrays.asList(recipients), notifyWhen, true);
    }

    protected Callout create(CalloutDraft draft) {
        return callouts.create(draft);
    }

    public static Map<String, Object> ticket(String number, String alertId) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", 4711);
        ticket.put("number", number);
        ticket.put("title", "Disk space low on SRV-01");
        ticket.put("status", "Complete");
        ticket.put("priority", "High");
        ticket.put("queue", "Monitoring Alert");
        Map<String, Object> udfs = new LinkedHashMap<>();
        if (alertId != null) {
            udfs.put("RMM Alert ID", alertId);
        }
        ticket.put("udfs", udfs);
        return ticket;
    }

    public static ObjectValue json(Map<String, Object> ticket) {
        return Variables.objectValue(ticket).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    /** Starts extension-callout directly, as a rule's call activity would. */
    protected String start(String calloutName, Map<String, Object> ticket, String event) {
        return runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", json(ticket))
                .putValue("ticketEvent", event)).getId();
    }

    /**
     * Runs the instance's jobs, timers included whatever their due date, one at a time, until none with
     * retries is left or {@code maxJobs} ran. A job that fails is left failed. Returns how many ran.
     */
    protected int drive(String processInstanceId, int maxJobs) {
        int ran = 0;
        while (ran < maxJobs) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return ran;
            }
            ran++;
            try {
                management.executeJob(jobs.get(0).getId());
            } catch (RuntimeException expectedForFailingJobs) {
                // the engine has recorded the failure on the job
            }
        }
        return ran;
    }

    protected int drive(String processInstanceId) {
        return drive(processInstanceId, 200);
    }

    protected Object historicVariable(String processInstanceId, String name) {
        HistoricVariableInstance v = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    protected boolean ended(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1;
    }

    /** The end event an instance ended at, as history keeps it (for extension-callout too). */
    protected List<String> endEvents(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null || instance.getEndActivityId() == null ? List.of()
                : List.of(instance.getEndActivityId());
    }

    /** The delivery record of an extension-callout instance. */
    protected Delivery delivery(String processInstanceId) {
        return deliveries.forInstance(processInstanceId)
                .orElseThrow(() -> new AssertionError("no delivery for process instance " + processInstanceId));
    }

    /** Waits until {@code count} e-mails to this recipient arrived (or the timeout passed), and returns them. */
    public static List<MimeMessage> mailsTo(String recipient, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // GreenMail stores one copy per recipient: count distinct messages
            List<MimeMessage> found = List.copyOf(Arrays.stream(MAIL.getReceivedMessages())
                    .filter(m -> hasRecipient(m, recipient))
                    .collect(java.util.stream.Collectors.toMap(CalloutEngineTest::messageId, m -> m, (a, b) -> a,
                            java.util.LinkedHashMap::new)).values());
            if (found.size() >= count || System.nanoTime() >= deadline) {
                return found;
            }
            Thread.sleep(50);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            return String.valueOf(System.identityHashCode(message));
        }
    }

    private static boolean hasRecipient(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (Exception e) {
            return false;
        }
    }
}
