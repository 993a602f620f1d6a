package com.extensioncallouts.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;

/**
 * {@code callouts.network.allow} opens what {@code deny-private} refuses, and nothing else: 127.0.0.0/8 allowed,
 * a callout to 127.0.0.1 is saved and delivered, while other private and the metadata addresses stay refused.
 */
@TestPropertySource(properties = { "callouts.network.deny-private=true", "callouts.network.allow=127.0.0.0/8" })
class AllowListTests extends CalloutEngineTest {

    @Autowired TestRestTemplate rest;

    @Test
    void anAllowedRangeIsSavedAndDeliveredOthersStayRefused() {
        GuardApi api = new GuardApi(rest);
        long id = api.assertSaved(RMM.url("/rmm/allowed"));
        Callout callout = callouts.get(id);
        String pid = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        drive(pid);

        assertThat(delivery(pid).delivered()).isTrue();
        assertThat(RMM.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/rmm/allowed"));
        api.assertRefused("http://10.0.0.1/", "Callouts may not be sent there: 10.0.0.1 is a private address."
                + " An administrator can allow it with callouts.network.allow.");
        api.assertRefused("http://169.254.169.254/",
                "Callouts may not be sent there: 169.254.169.254 is a link-local/cloud metadata address.");
    }
}
