package com.extensioncallouts.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.extensioncallouts.network.HostResolver;

/**
 * The tests' own DNS: address literals are parsed, {@code localhost} is 127.0.0.1, and a name resolves only to
 * what a test told it ({@link #answer}); any other name is unknown. No name is ever looked up in a real DNS, so
 * no test sends a packet anywhere but to loopback. A component, so every application context of the tests uses
 * it instead of the JVM's resolver.
 */
@Component
public class TestHostResolver implements HostResolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Map<String, InetAddress[]> answers = new ConcurrentHashMap<>();

    /** From now on, {@code host} resolves to these address literals. */
    public void answer(String host, String... addresses) {
        answers.put(host.toLowerCase(), Arrays.stream(addresses).map(TestHostResolver::literal)
                .toArray(InetAddress[]::new));
    }

    public void forget(String host) {
        answers.remove(host.toLowerCase());
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (isLiteral(host)) {
            return new InetAddress[] { literal(host) };
        }
        if (host.equalsIgnoreCase("localhost")) {
            return new InetAddress[] { literal("127.0.0.1") };
        }
        InetAddress[] known = answers.get(host.toLowerCase());
        if (known == null) {
            throw new UnknownHostException(host);
        }
        return known.clone();
    }

    private static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    /** Parses an address literal; InetAddress looks nothing up for one. */
    private static InetAddress literal(String address) {
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("not an address literal: " + address);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
