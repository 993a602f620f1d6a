package com.extensioncallouts.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps callouts away from addresses they must not reach ({@link AddressPolicy}). It resolves a host itself and
 * checks every address it gets: the HTTP client connects to exactly the addresses that passed, so a DNS answer
 * that changes between the check and the connection (DNS rebinding) cannot slip through. Asked when a callout is
 * saved, before each attempt and when a connection is opened.
 */
@Component
public class NetworkGuard {

    private final AddressPolicy policy;
    private final HostResolver resolver;

    /** The resolver is the JVM's unless the application context holds one (tests do). */
    @Autowired
    NetworkGuard(NetworkProperties properties, ObjectProvider<HostResolver> resolver) {
        this(properties, resolver.getIfAvailable(() -> HostResolver.SYSTEM));
        NetworkLog.policy(properties.denyPrivate(), properties.allow());
    }

    public NetworkGuard(NetworkProperties properties, HostResolver resolver) {
        this.policy = new AddressPolicy(properties);
        this.resolver = resolver;
    }

    /**
     * The addresses of {@code host} (a name or an address literal, IPv6 with or without brackets), every one
     * of them allowed.
     *
     * @throws RefusedAddressException when any address is refused, saying why
     * @throws UnknownHostException    when the host does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return check(host);
        } catch (RefusedAddressException e) {
            NetworkLog.refusedToSend(host, e.getMessage());
            throw e;
        }
    }

    /**
     * Why a callout may not be saved with this host, if it may not. A host that does not resolve now is let
     * through: it is checked again before every attempt.
     */
    public Optional<Refusal> refusalOf(String host) {
        try {
            check(host);
            return Optional.empty();
        } catch (RefusedAddressException e) {
            NetworkLog.refusedToSave(host, e.getMessage());
            return Optional.of(e.refusal());
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private InetAddress[] check(String host) throws UnknownHostException {
        String name = unbracketed(host);
        if (name == null || name.isBlank()) {
            // InetAddress would answer the loopback address for no name at all
            throw new UnknownHostException("no host");
        }
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        for (InetAddress address : addresses) {
            Optional<AddressPolicy.Verdict> verdict = policy.refusal(address);
            if (verdict.isPresent()) {
                throw new RefusedAddressException(new Refusal(why(name, address, verdict.get().kind()),
                        verdict.get().allowable()));
            }
        }
        return Arrays.copyOf(addresses, addresses.length);
    }

    /** "169.254.169.254 is a link-local/cloud metadata address", naming the host when it is a name. */
    private static String why(String host, InetAddress address, String kind) {
        String shown = address.getHostAddress();
        byte[] ipv4 = AddressPolicy.embeddedIpv4(address.getAddress());
        if (ipv4 != null) {
            shown += " (" + (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff)
                    + ")";
        }
        // "an unspecified", but "a unique-local"
        String article = "aeiou".indexOf(kind.charAt(0)) >= 0 && !kind.startsWith("uni") ? "an " : "a ";
        return AddressRange.isLiteral(host)
                ? shown + " is " + article + kind + " address"
                : host + " resolves to " + shown + ", " + article + kind + " address";
    }

    private static String unbracketed(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
