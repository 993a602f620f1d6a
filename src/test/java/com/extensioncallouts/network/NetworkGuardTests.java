package com.extensioncallouts.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.support.TestHostResolver;

/**
 * The guard resolves a host through its resolver and checks every address it gets, saying why it refuses; a host
 * that does not resolve is refused at send time but let through at save time (it is checked before every attempt).
 */
class NetworkGuardTests {

    private final TestHostResolver dns = new TestHostResolver();
    private final NetworkGuard guard = new NetworkGuard(new NetworkProperties(false, List.of()), dns);

    @Test
    void aLiteralAddressIsRefusedSayingWhy() {
        assertThatThrownBy(() -> guard.resolve("169.254.169.254")).isInstanceOf(RefusedAddressException.class)
                .hasMessage("refused: 169.254.169.254 is a link-local/cloud metadata address");
        assertThatThrownBy(() -> guard.resolve("[fe80::1]"))
                .hasMessage("refused: fe80:0:0:0:0:0:0:1 is a link-local address");
        assertThatThrownBy(() -> guard.resolve("[::ffff:100.100.100.200]"))
                .hasMessage("refused: 100.100.100.200 is a cloud metadata (Alibaba Cloud) address");
        assertThat(guard.refusalOf("169.254.169.254")).contains(
                new Refusal("169.254.169.254 is a link-local/cloud metadata address", false));
    }

    @Test
    void everyAddressOfANameIsCheckedAndTheNameIsNamed() {
        dns.answer("rmm.test", "127.0.0.1", "169.254.169.254");

        assertThatThrownBy(() -> guard.resolve("rmm.test")).isInstanceOf(RefusedAddressException.class)
                .hasMessage("refused: rmm.test resolves to 169.254.169.254, a link-local/cloud metadata address");
        assertThat(guard.refusalOf("rmm.test").map(Refusal::why))
                .contains("rmm.test resolves to 169.254.169.254, a link-local/cloud metadata address");
    }

    @Test
    void anAllowedNameAnswersExactlyTheAddressesThatWereChecked() throws Exception {
        dns.answer("rmm.test", "127.0.0.1", "10.1.2.3");

        assertThat(guard.resolve("rmm.test")).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1", "10.1.2.3");
        assertThat(guard.refusalOf("rmm.test")).isEmpty();
    }

    @Test
    void denyPrivateRefusalsSayTheyCanBeAllowed() {
        NetworkGuard strict = new NetworkGuard(new NetworkProperties(true, List.of()), dns);
        dns.answer("rmm.test", "192.168.7.7");

        assertThat(strict.refusalOf("rmm.test"))
                .contains(new Refusal("rmm.test resolves to 192.168.7.7, a private address", true));
        assertThat(strict.refusalOf("[::1]"))
                .contains(new Refusal("0:0:0:0:0:0:0:1 is a loopback address", true));
        assertThat(strict.refusalOf("0.0.0.0").map(Refusal::why))
                .contains("0.0.0.0 is an unspecified ('this host') address");
    }

    @Test
    void aHostThatDoesNotResolveIsUnknownAtSendTimeButNotRefusedAtSaveTime() {
        assertThatThrownBy(() -> guard.resolve("nowhere.test")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(RefusedAddressException.class);
        assertThat(guard.refusalOf("nowhere.test")).isEmpty();
    }

    @Test
    void noHostIsNeverTakenForTheLoopbackAddress() {
        // InetAddress.getAllByName(null) would answer 127.0.0.1
        NetworkGuard system = new NetworkGuard(new NetworkProperties(false, List.of()), HostResolver.SYSTEM);
        assertThatThrownBy(() -> system.resolve(null)).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> system.resolve("")).isInstanceOf(UnknownHostException.class);
    }
}
