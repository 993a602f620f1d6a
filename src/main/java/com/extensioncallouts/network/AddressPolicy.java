package com.extensioncallouts.network;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a callout may be sent to. Always refused, whatever {@code allow} says: link-local addresses and
 * the cloud metadata endpoints (they hand out the credentials of the machine this runs on). With
 * {@code denyPrivate}, also loopback, private, shared (CGNAT), unique-local and site-local addresses, unless an
 * {@code allow} range holds them. An IPv6 address that carries an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}) is judged as that IPv4 address too.
 */
final class AddressPolicy {

    record Rule(AddressRange range, String kind) {
    }

    static final List<Rule> ALWAYS_REFUSED = List.of(
            rule("169.254.0.0/16", "link-local/cloud metadata"),
            rule("fe80::/10", "link-local"),
            rule("fd00:ec2::254", "cloud metadata (AWS)"),
            rule("100.100.100.200", "cloud metadata (Alibaba Cloud)"),
            rule("168.63.129.16", "cloud platform (Azure WireServer)"));

    static final List<Rule> PRIVATE = List.of(
            rule("127.0.0.0/8", "loopback"),
            rule("::1", "loopback"),
            // Connecting to 0.0.0.0 or :: reaches this very host
            rule("0.0.0.0/8", "unspecified ('this host')"),
            rule("::", "unspecified ('this host')"),
            rule("10.0.0.0/8", "private"),
            rule("172.16.0.0/12", "private"),
            rule("192.168.0.0/16", "private"),
            rule("100.64.0.0/10", "shared (carrier-grade NAT)"),
            rule("fc00::/7", "unique-local"),
            rule("fec0::/10", "site-local"));

    private final boolean denyPrivate;
    private final List<AddressRange> allow;

    AddressPolicy(NetworkProperties properties) {
        this.denyPrivate = properties.denyPrivate();
        this.allow = allowRanges(properties.allow());
    }

    /** Why this address is refused, naming its kind ("link-local/cloud metadata", "loopback"), or empty. */
    Optional<Verdict> refusal(InetAddress address) {
        byte[] given = address.getAddress();
        byte[] ipv4 = embeddedIpv4(given);
        Optional<String> always = match(ALWAYS_REFUSED, given, ipv4);
        if (always.isPresent()) {
            return always.map(kind -> new Verdict(kind, false));
        }
        if (!denyPrivate || allowed(given, ipv4)) {
            return Optional.empty();
        }
        return match(PRIVATE, given, ipv4).map(kind -> new Verdict(kind, true));
    }

    /** The kind of a refused address; {@code allowable}: an {@code allow} range could open it. */
    record Verdict(String kind, boolean allowable) {
    }

    /** The IPv4 address an IPv6 address carries, or {@code null}. */
    static byte[] embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return null;
        }
        boolean zeroTo80 = zero(address, 0, 10);
        boolean mapped = zeroTo80 && address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        // ::a.b.c.d, but not :: and ::1, which are IPv6's own
        boolean compatible = zeroTo80 && zero(address, 10, 12) && !(zero(address, 12, 15) && (address[15] & 0xff) <= 1);
        boolean nat64 = address[0] == 0 && address[1] == 0x64 && address[2] == (byte) 0xff && address[3] == (byte) 0x9b
                && zero(address, 4, 12);
        return mapped || compatible || nat64 ? Arrays.copyOfRange(address, 12, 16) : null;
    }

    /** The {@code allow} entries as ranges; none may lie wholly in an always-refused range. */
    static List<AddressRange> allowRanges(List<String> entries) {
        return entries.stream().map(entry -> {
            AddressRange range = AddressRange.parse(entry);
            for (Rule rule : ALWAYS_REFUSED) {
                if (range.within(rule.range())) {
                    throw new IllegalArgumentException("'" + entry + "' lies inside " + rule.range() + " ("
                            + rule.kind() + "), which is always refused and cannot be allowed");
                }
            }
            return range;
        }).toList();
    }

    private boolean allowed(byte[] given, byte[] ipv4) {
        return allow.stream().anyMatch(range -> range.contains(given) || (ipv4 != null && range.contains(ipv4)));
    }

    private static Optional<String> match(List<Rule> rules, byte[] given, byte[] ipv4) {
        return rules.stream()
                .filter(rule -> rule.range().contains(given) || (ipv4 != null && rule.range().contains(ipv4)))
                .map(Rule::kind)
                .findFirst();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Rule rule(String cidr, String kind) {
        return new Rule(AddressRange.parse(cidr), kind);
    }
}
