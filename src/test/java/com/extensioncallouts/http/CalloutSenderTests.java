package com.extensioncallouts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.CalloutMethod;
import com.extensioncallouts.network.HostResolver;
import com.extensioncallouts.network.NetworkGuard;
import com.extensioncallouts.network.NetworkProperties;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.TestHostResolver;

/**
 * The sender connects only to addresses the network guard checked: a name goes through the guard's resolver (the
 * JVM's DNS never hears of it), keeps its Host header, and an answer that changes between the check before the
 * attempt and the connection (DNS rebinding) is refused before any connection is opened.
 */
class CalloutSenderTests {

    private static final CalloutsProperties PROPERTIES = new CalloutsProperties(
            new CalloutsProperties.Retry(Duration.ofSeconds(60), 10),
            new CalloutsProperties.Http(Duration.ofSeconds(5)),
            new CalloutsProperties.Mail("callouts@localhost"),
            new CalloutsProperties.Cache(Duration.ofSeconds(5), Duration.ofSeconds(30)),
            new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ofMillis(10), 16),
            25, Duration.ofDays(30),
            URI.create("http://localhost:8080"));

    private final HttpReceiver rmm = new HttpReceiver();
    private CalloutSender sender;

    @AfterEach
    void close() throws Exception {
        rmm.close();
        if (sender != null) {
            sender.destroy();
        }
    }

    @Test
    void aNameIsResolvedByTheGuardAndKeepsItsHostHeader() throws Exception {
        TestHostResolver dns = new TestHostResolver();
        dns.answer("rmm.test", "127.0.0.1");
        sender = new CalloutSender(PROPERTIES, new NetworkGuard(new NetworkProperties(false, List.of()), dns));

        AttemptOutcome outcome = sender.send(get(rmm.url("/close").replace("127.0.0.1", "rmm.test")));

        assertThat(outcome.delivered()).as(outcome.summary()).isTrue();
        assertThat(rmm.requests()).singleElement().satisfies(r -> assertThat(r.header("Host")).startsWith("rmm.test:"));
    }

    @Test
    void anAnswerThatChangesBetweenTheCheckAndTheConnectionIsRefusedWithoutConnecting() {
        AtomicInteger lookups = new AtomicInteger();
        // First the check before the attempt, then the connection's own lookup: by then the answer has changed
        HostResolver rebinding = host -> new InetAddress[] {
                literal(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "169.254.169.254") };
        sender = new CalloutSender(PROPERTIES, new NetworkGuard(new NetworkProperties(false, List.of()), rebinding));

        AttemptOutcome outcome = sender.send(get(rmm.url("/close").replace("127.0.0.1", "rmm.test")));

        assertThat(outcome).isInstanceOf(AttemptOutcome.Unreachable.class);
        assertThat(outcome.summary())
                .isEqualTo("refused: rmm.test resolves to 169.254.169.254, a link-local/cloud metadata address");
        assertThat(lookups).hasValue(2);
        assertThat(rmm.requests()).isEmpty();
    }

    @Test
    void aRefusedLiteralIsAFailedAttemptBeforeAnyLookupOrConnection() {
        AtomicInteger lookups = new AtomicInteger();
        TestHostResolver dns = new TestHostResolver();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            return dns.resolve(host);
        };
        sender = new CalloutSender(PROPERTIES, new NetworkGuard(new NetworkProperties(true, List.of()), counting));

        AttemptOutcome outcome = sender.send(get(rmm.url("/close")));

        assertThat(outcome.summary()).isEqualTo("refused: 127.0.0.1 is a loopback address");
        assertThat(outcome.status()).isNull();
        assertThat(lookups).as("only the check before the attempt").hasValue(1);
        assertThat(rmm.requests()).isEmpty();
    }

    private static CalloutRequest get(String url) {
        return new CalloutRequest(CalloutMethod.GET, url, Map.of(), null, null, null);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
