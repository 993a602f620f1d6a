package com.extensioncallouts.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name (or an address literal) into its addresses. The network guard asks this, checks every
 * address, and the HTTP client connects to exactly those. Tests supply their own, so that no name is ever
 * looked up in a real DNS.
 */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver (hosts file, DNS), with its usual caching. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
