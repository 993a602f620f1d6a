package com.extensioncallouts.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.TestHostResolver;

/**
 * With {@code callouts.network.deny-private=true}, loopback, private, shared and unique-local addresses are refused
 * when a callout is saved and when it is sent, with a hint that {@code callouts.network.allow} can open them.
 */
@TestPropertySource(properties = "callouts.network.deny-private=true")
class DenyPrivateTests extends CalloutEngineTest {

    private static final String HINT = " An administrator can allow it with callouts.network.allow.";

    @Autowired TestHostResolver dns;
    @Autowired TestRestTemplate rest;

    @AfterEach
    void forgetNames() {
        dns.forget("rmm.test");
    }

    @Test
    void loopbackPrivateSharedAndUniqueLocalAddressesAreA400OnUrl() {
        Map<String, String> refused = Map.of(
                RMM.url("/rmm/private"), "127.0.0.1 is a loopback address",
                "http://localhost:8080/", "localhost resolves to 127.0.0.1, a loopback address",
                "http://[::1]/", "0:0:0:0:0:0:0:1 is a loopback address",
                "http://10.0.0.1/", "10.0.0.1 is a private address",
                "http://172.16.5.5/", "172.16.5.5 is a private address",
                "https://192.168.1.10/", "192.168.1.10 is a private address",
                "http://100.64.0.1/", "100.64.0.1 is a shared (carrier-grade NAT) address",
                "http://[fd12:3456::1]/", "fd12:3456:0:0:0:0:0:1 is a unique-local address",
                "http://[::ffff:10.0.0.1]/", "10.0.0.1 is a private address",
                "http://0.0.0.0:8080/", "0.0.0.0 is an unspecified ('this host') address");

        refused.forEach((url, why) -> new GuardApi(rest).assertRefused(url,
                "Callouts may not be sent there: " + why + "." + HINT));
        new GuardApi(rest).assertRefused("http://169.254.169.254/",
                "Callouts may not be sent there: 169.254.169.254 is a link-local/cloud metadata address.");
    }

    @Test
    void aNameThatTurnsToLoopbackFailsTheAttemptWithoutAConnection() {
        // A documentation address (TEST-NET-3) to save with; it is never sent to
        dns.answer("rmm.test", "203.0.113.10");
        Callout callout = create(draft(unique("Private"), RMM.url("/rmm/p").replace("127.0.0.1", "rmm.test"), "POST",
                "JSON", "ON_ERROR", "p@msp.example"));

        dns.answer("rmm.test", "127.0.0.1");
        String pid = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        drive(pid, 1);

        assertThat(runtime.getVariable(pid, "lastError"))
                .isEqualTo("refused: rmm.test resolves to 127.0.0.1, a loopback address");
        assertThat(runtime.getVariable(pid, "attempt")).isEqualTo(1);
        assertThat(RMM.requests()).isEmpty();
    }
}
