package com.extensioncallouts.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 range in CIDR notation ({@code 10.0.0.0/8}, {@code fe80::/10}); a bare address is a range of
 * one. Parsed without any name lookup: only address literals are taken.
 */
record AddressRange(String text, byte[] network, int prefix) {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    static AddressRange parse(String cidr) {
        String text = cidr == null ? "" : cidr.trim();
        int slash = text.indexOf('/');
        byte[] network = literal(slash < 0 ? text : text.substring(0, slash), cidr);
        int max = network.length * 8;
        int prefix = slash < 0 ? max : prefixLength(text.substring(slash + 1), max, cidr);
        AddressRange range = new AddressRange(text, network, prefix);
        if (hostBitsSet(network, prefix)) {
            throw new IllegalArgumentException("'" + cidr + "' has address bits set beyond its prefix /" + prefix);
        }
        return range;
    }

    /** Whether {@code text} is an address literal rather than a name. */
    static boolean isLiteral(String text) {
        try {
            literal(text, text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            if (bit(address, bit) != bit(network, bit)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every address of this range lies in {@code other}. */
    boolean within(AddressRange other) {
        return prefix >= other.prefix && other.contains(network);
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] literal(String text, String cidr) {
        if (IPV4.matcher(text).matches() || IPV6.matcher(text).matches()) {
            try {
                // An address literal: InetAddress parses it and looks nothing up
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException | IllegalArgumentException e) {
                // not a valid literal after all
            }
        }
        throw new IllegalArgumentException("'" + cidr + "' is not an IP address or a CIDR range such as 10.0.0.0/8");
    }

    private static int prefixLength(String text, int max, String cidr) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= max) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + cidr + "' needs a prefix length between 0 and " + max);
    }

    private static boolean hostBitsSet(byte[] network, int prefix) {
        for (int bit = prefix; bit < network.length * 8; bit++) {
            if (bit(network, bit) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int bit(byte[] address, int index) {
        return (address[index / 8] >> (7 - index % 8)) & 1;
    }
}
