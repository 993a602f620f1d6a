package com.extensioncallouts.signing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.SigningStatus;
import com.extensioncallouts.secrets.SecretBox;

/**
 * Each callout's signing secret (table {@code callout_signing}), sealed at rest like every secret. Generating
 * one while another exists rotates: the old one keeps signing beside the new for
 * {@code callouts.signing.rotation-overlap}, so an RMM can switch without missing a request. The keys an
 * attempt signs with are cached for {@code callouts.cache.callouts}, cleared on every change made here.
 */
@Component
public class SigningSecrets implements SigningStatus {

    private record Keys(List<byte[]> keys, long readAtNanos) {
    }

    /** What may be shown of a callout's signing: since when it signs, and until when a rotated-out secret does. */
    public record State(Instant since, Instant previousUntil) {
    }

    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final Duration overlap;
    private final long ttlNanos;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Keys> cache = new ConcurrentHashMap<>();

    SigningSecrets(JdbcTemplate jdbc, SecretBox box, SigningProperties signing, CalloutsProperties properties) {
        this.jdbc = jdbc;
        this.box = box;
        this.overlap = signing.rotationOverlap();
        this.ttlNanos = properties.cache().callouts().toNanos();
    }

    /** A new secret for the callout (shown to the caller once); an existing one keeps signing for the overlap. */
    @Transactional
    public String generate(long calloutId) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        String secret = WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        Instant now = Instant.now();
        List<String> current = jdbc.queryForList("SELECT secret FROM callout_signing WHERE callout_id = ?",
                String.class, calloutId);
        if (current.isEmpty()) {
            jdbc.update("INSERT INTO callout_signing (callout_id, secret, created_at) VALUES (?, ?, ?)", calloutId,
                    box.seal(secret), Timestamp.from(now));
        } else {
            jdbc.update("""
                    UPDATE callout_signing SET previous_secret = secret, previous_until = ?, secret = ?, created_at = ?
                    WHERE callout_id = ?""", Timestamp.from(now.plus(overlap)), box.seal(secret),
                    Timestamp.from(now), calloutId);
        }
        cache.remove(calloutId);
        return secret;
    }

    /** Stops signing the callout's requests; true if it was signing. */
    @Transactional
    public boolean remove(long calloutId) {
        cache.remove(calloutId);
        return jdbc.update("DELETE FROM callout_signing WHERE callout_id = ?", calloutId) > 0;
    }

    /** The keys an attempt of this callout is signed with now: none, one, or two while a rotation overlaps. */
    public List<byte[]> keys(long calloutId) {
        Keys keys = cache.get(calloutId);
        if (keys == null || System.nanoTime() - keys.readAtNanos() >= ttlNanos) {
            keys = new Keys(read(calloutId), System.nanoTime());
            cache.put(calloutId, keys);
        }
        return keys.keys();
    }

    private List<byte[]> read(long calloutId) {
        List<byte[]> keys = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.query("SELECT secret, previous_secret, previous_until FROM callout_signing WHERE callout_id = ?", rs -> {
            keys.add(WebhookSignature.keyOf(box.open(rs.getString(1))));
            Timestamp until = rs.getTimestamp(3);
            if (rs.getString(2) != null && until != null && until.after(now)) {
                keys.add(WebhookSignature.keyOf(box.open(rs.getString(2))));
            }
        }, calloutId);
        return List.copyOf(keys);
    }

    /** The callout's signing, if it signs; {@code previousUntil} is null unless a rotated-out secret still signs. */
    public Optional<State> state(long calloutId) {
        Instant now = Instant.now();
        return jdbc.query("SELECT created_at, previous_until FROM callout_signing WHERE callout_id = ?", rs -> {
            if (!rs.next()) {
                return Optional.<State>empty();
            }
            Timestamp until = rs.getTimestamp(2);
            Instant previousUntil = until == null || !until.toInstant().isAfter(now) ? null : until.toInstant();
            return Optional.of(new State(rs.getTimestamp(1).toInstant(), previousUntil));
        }, calloutId);
    }

    @Override
    public Set<Long> signing(Collection<Long> calloutIds) {
        Set<Long> signing = new HashSet<>(jdbc.queryForList("SELECT callout_id FROM callout_signing", Long.class));
        signing.retainAll(calloutIds);
        return signing;
    }
}
