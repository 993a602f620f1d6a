package com.extensioncallouts.network;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callouts.network.*}: where callouts may be sent. Link-local and cloud metadata addresses are always
 * refused. {@code denyPrivate} also refuses loopback, private, shared (CGNAT) and unique-local addresses (off by
 * default: RMM servers often sit on the MSP's own network). {@code allow} lists CIDRs ({@code 10.20.0.0/16},
 * {@code 127.0.0.1}, {@code fd12::/16}) taken even with {@code denyPrivate}; they never open an always-refused
 * range, and an entry that lies wholly inside one stops the start-up.
 */
@ConfigurationProperties("callouts.network")
public record NetworkProperties(
        @DefaultValue("false") boolean denyPrivate,
        @DefaultValue List<String> allow) {

    public NetworkProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
        // Parsed here so that a wrong entry is a binding error that names the property, at start-up
        AddressPolicy.allowRanges(allow);
    }
}
