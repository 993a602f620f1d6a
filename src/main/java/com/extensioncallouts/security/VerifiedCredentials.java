package com.extensioncallouts.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;

/**
 * Remembers for a short while that a user's password was right, so that a ticket system's every request
 * does not cost a full round of Camunda's password check (two database reads and a salted hash, in
 * transactions of their own). What is kept is an HMAC of user and password under a key that exists only in
 * this process's memory: never the password, and nothing a database dump or a heap dump could be
 * brute-forced against without that key. An entry is forgotten when the user, the password or the user's
 * groups change on this node ({@link ForgettingIdentityProvider}), and after
 * {@code callouts.cache.verified-credentials} in any case: how long a change made on another node may take
 * to be seen here.
 */
@Component
class VerifiedCredentials {

    private record Entry(byte[] mac, List<GrantedAuthority> authorities, long verifiedAtNanos) {
    }

    private static final String HMAC = "HmacSHA256";

    private final Map<String, Entry> byUser = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlNanos;

    VerifiedCredentials(CalloutsProperties properties) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.ttlNanos = properties.cache().verifiedCredentials().toNanos();
    }

    /** The user's authorities if this very password was verified recently, else empty. */
    Optional<List<GrantedAuthority>> authoritiesIfVerified(String userId, String password) {
        Entry entry = byUser.get(userId);
        if (entry == null || System.nanoTime() - entry.verifiedAtNanos() >= ttlNanos) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac(), mac(userId, password))
                ? Optional.of(entry.authorities()) : Optional.empty();
    }

    void remember(String userId, String password, List<GrantedAuthority> authorities) {
        if (ttlNanos > 0) {
            byUser.put(userId, new Entry(mac(userId, password), List.copyOf(authorities), System.nanoTime()));
        }
    }

    void forget(String userId) {
        byUser.remove(userId);
    }

    void forgetAll() {
        byUser.clear();
    }

    private byte[] mac(String userId, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
