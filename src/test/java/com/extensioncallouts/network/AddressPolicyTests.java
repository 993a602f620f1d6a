package com.extensioncallouts.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Which addresses the network guard refuses: every always-refused range (and its edges), the IPv6 forms that
 * carry an IPv4 address, the private ranges with deny-private off and on, and the allow list.
 */
class AddressPolicyTests {

    private static final AddressPolicy OPEN = policy(false);
    private static final AddressPolicy DENY_PRIVATE = policy(true);

    @Test
    void linkLocalAndCloudMetadataAddressesAreAlwaysRefused() {
        for (AddressPolicy policy : List.of(OPEN, DENY_PRIVATE)) {
            assertThat(kind(policy, "169.254.169.254")).isEqualTo("link-local/cloud metadata");
            assertThat(kind(policy, "169.254.0.0")).isEqualTo("link-local/cloud metadata");
            assertThat(kind(policy, "169.254.170.2")).as("ECS task metadata").isEqualTo("link-local/cloud metadata");
            assertThat(kind(policy, "169.254.255.255")).isEqualTo("link-local/cloud metadata");
            assertThat(kind(policy, "fe80::1")).isEqualTo("link-local");
            assertThat(kind(policy, "febf:ffff::1")).as("the top of fe80::/10").isEqualTo("link-local");
            assertThat(kind(policy, "fd00:ec2::254")).isEqualTo("cloud metadata (AWS)");
            assertThat(kind(policy, "100.100.100.200")).isEqualTo("cloud metadata (Alibaba Cloud)");
            assertThat(kind(policy, "168.63.129.16")).isEqualTo("cloud platform (Azure WireServer)");
        }
    }

    @Test
    void theNeighboursOfTheAlwaysRefusedRangesAreNotRefusedForThat() {
        for (String address : List.of("169.253.255.255", "169.255.0.0", "fec0::1", "fe7f::1", "fd00:ec2::253",
                "100.100.100.199", "100.100.100.201", "168.63.129.15", "168.63.129.17")) {
            assertThat(OPEN.refusal(address(address))).as(address).isEmpty();
        }
    }

    @Test
    void ipv6FormsThatCarryAnIpv4AddressAreJudgedAsThatAddress() {
        assertThat(kind(OPEN, mapped("169.254.169.254"))).isEqualTo("link-local/cloud metadata");
        assertThat(kind(OPEN, mapped("100.100.100.200"))).isEqualTo("cloud metadata (Alibaba Cloud)");
        assertThat(kind(OPEN, mapped("168.63.129.16"))).isEqualTo("cloud platform (Azure WireServer)");
        assertThat(kind(OPEN, compatible("169.254.169.254"))).as("IPv4-compatible")
                .isEqualTo("link-local/cloud metadata");
        assertThat(kind(OPEN, nat64("169.254.169.254"))).as("NAT64").isEqualTo("link-local/cloud metadata");
        assertThat(kind(OPEN, address("::ffff:169.254.169.254"))).isEqualTo("link-local/cloud metadata");

        assertThat(kind(DENY_PRIVATE, mapped("127.0.0.1"))).isEqualTo("loopback");
        assertThat(kind(DENY_PRIVATE, mapped("10.1.2.3"))).isEqualTo("private");
        assertThat(kind(DENY_PRIVATE, nat64("192.168.1.1"))).isEqualTo("private");
        assertThat(OPEN.refusal(mapped("10.1.2.3"))).isEmpty();
        assertThat(DENY_PRIVATE.refusal(mapped("93.184.216.34"))).isEmpty();
    }

    @Test
    void withoutDenyPrivateLoopbackPrivateAndUniqueLocalAddressesAreAllowed() {
        for (String address : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
                "fd12:3456::1", "0.0.0.0", "93.184.216.34", "2606:2800:220:1::1")) {
            assertThat(OPEN.refusal(address(address))).as(address).isEmpty();
        }
    }

    @Test
    void denyPrivateRefusesLoopbackPrivateSharedAndUniqueLocalAddresses() {
        assertThat(kind(DENY_PRIVATE, "127.0.0.1")).isEqualTo("loopback");
        assertThat(kind(DENY_PRIVATE, "127.255.255.254")).isEqualTo("loopback");
        assertThat(kind(DENY_PRIVATE, "::1")).isEqualTo("loopback");
        assertThat(kind(DENY_PRIVATE, "0.0.0.0")).isEqualTo("unspecified ('this host')");
        assertThat(kind(DENY_PRIVATE, "::")).isEqualTo("unspecified ('this host')");
        assertThat(kind(DENY_PRIVATE, "10.0.0.1")).isEqualTo("private");
        assertThat(kind(DENY_PRIVATE, "172.16.0.1")).isEqualTo("private");
        assertThat(kind(DENY_PRIVATE, "172.31.255.255")).isEqualTo("private");
        assertThat(kind(DENY_PRIVATE, "192.168.0.1")).isEqualTo("private");
        assertThat(kind(DENY_PRIVATE, "100.64.0.1")).isEqualTo("shared (carrier-grade NAT)");
        assertThat(kind(DENY_PRIVATE, "100.127.255.255")).isEqualTo("shared (carrier-grade NAT)");
        assertThat(kind(DENY_PRIVATE, "fc00::1")).isEqualTo("unique-local");
        assertThat(kind(DENY_PRIVATE, "fdff:ffff::1")).isEqualTo("unique-local");
        assertThat(kind(DENY_PRIVATE, "fec0::1")).isEqualTo("site-local");

        for (String address : List.of("172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0",
                "192.169.0.1", "11.0.0.1", "128.0.0.1", "93.184.216.34", "2606:2800:220:1::1", "fe00::1")) {
            assertThat(DENY_PRIVATE.refusal(address(address))).as(address).isEmpty();
        }
    }

    @Test
    void denyPrivateRefusalsCanBeAllowedTheAlwaysRefusedOnesCannot() {
        assertThat(DENY_PRIVATE.refusal(address("127.0.0.1")).orElseThrow().allowable()).isTrue();
        assertThat(DENY_PRIVATE.refusal(address("169.254.169.254")).orElseThrow().allowable()).isFalse();
    }

    @Test
    void theAllowListOpensPrivateRangesOnly() {
        AddressPolicy allowLoopback = policy(true, "127.0.0.0/8", "fd12::/16", "10.20.30.40");
        assertThat(allowLoopback.refusal(address("127.0.0.1"))).isEmpty();
        assertThat(allowLoopback.refusal(address("127.1.2.3"))).isEmpty();
        assertThat(allowLoopback.refusal(mapped("127.0.0.1"))).isEmpty();
        assertThat(allowLoopback.refusal(address("fd12:3456::1"))).isEmpty();
        assertThat(allowLoopback.refusal(address("10.20.30.40"))).isEmpty();
        assertThat(kind(allowLoopback, "10.20.30.41")).isEqualTo("private");
        assertThat(kind(allowLoopback, "::1")).isEqualTo("loopback");
        assertThat(kind(allowLoopback, "fd13::1")).isEqualTo("unique-local");

        AddressPolicy allowEverything = policy(true, "0.0.0.0/0", "::/0");
        assertThat(allowEverything.refusal(address("10.0.0.1"))).isEmpty();
        assertThat(kind(allowEverything, "169.254.169.254")).isEqualTo("link-local/cloud metadata");
        assertThat(kind(allowEverything, "fe80::1")).isEqualTo("link-local");
        assertThat(kind(allowEverything, "fd00:ec2::254")).isEqualTo("cloud metadata (AWS)");
        assertThat(kind(allowEverything, "100.100.100.200")).isEqualTo("cloud metadata (Alibaba Cloud)");
        assertThat(kind(allowEverything, mapped("169.254.169.254"))).isEqualTo("link-local/cloud metadata");
    }

    @Test
    void anAllowEntryInsideAnAlwaysRefusedRangeOrNotAnAddressStopsTheStartUp() {
        assertThatThrownBy(() -> new NetworkProperties(true, List.of("169.254.169.254")))
                .hasMessage("'169.254.169.254' lies inside 169.254.0.0/16 (link-local/cloud metadata), which is always"
                        + " refused and cannot be allowed");
        assertThatThrownBy(() -> new NetworkProperties(true, List.of("fe80::/64")))
                .hasMessageContaining("lies inside fe80::/10");
        assertThatThrownBy(() -> new NetworkProperties(true, List.of("rmm.example.com")))
                .hasMessage("'rmm.example.com' is not an IP address or a CIDR range such as 10.0.0.0/8");
        assertThatThrownBy(() -> new NetworkProperties(true, List.of("10.0.0.0/33")))
                .hasMessage("'10.0.0.0/33' needs a prefix length between 0 and 32");
        assertThatThrownBy(() -> new NetworkProperties(true, List.of("10.1.0.0/8")))
                .hasMessage("'10.1.0.0/8' has address bits set beyond its prefix /8");
        assertThat(new NetworkProperties(true, null).allow()).isEmpty();
    }

    private static AddressPolicy policy(boolean denyPrivate, String... allow) {
        return new AddressPolicy(new NetworkProperties(denyPrivate, List.of(allow)));
    }

    private static String kind(AddressPolicy policy, String address) {
        return kind(policy, address(address));
    }

    private static String kind(AddressPolicy policy, InetAddress address) {
        Optional<AddressPolicy.Verdict> verdict = policy.refusal(address);
        assertThat(verdict).as(address + " refused").isPresent();
        return verdict.get().kind();
    }

    /** A literal: InetAddress looks nothing up. */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** ::ffff:a.b.c.d kept as IPv6, as a resolver may answer it (InetAddress.getByName would make it IPv4). */
    private static InetAddress mapped(String ipv4) {
        return ipv6(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff }, ipv4);
    }

    private static InetAddress compatible(String ipv4) {
        return ipv6(new byte[12], ipv4);
    }

    private static InetAddress nat64(String ipv4) {
        return ipv6(new byte[] { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 }, ipv4);
    }

    private static InetAddress ipv6(byte[] prefix, String ipv4) {
        byte[] bytes = Arrays.copyOf(prefix, 16);
        System.arraycopy(address(ipv4).getAddress(), 0, bytes, 12, 4);
        try {
            InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
            assertThat(address).isInstanceOf(Inet6Address.class);
            return address;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
