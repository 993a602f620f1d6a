package com.extensioncallouts.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.problem.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * API keys for ticket systems (table {@code api_key}). A key is 32 random bytes, shown once; only its SHA-256
 * is stored, which is all a check needs: a key is random, not a password, so a fast hash is as strong as a
 * slow one and a check costs microseconds. Keys this node checked are remembered for
 * {@code callouts.cache.callouts}; a revocation here forgets at once. The last use is written at most once a
 * minute per key.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "xck_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A key as it is listed: never the key itself. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApiKey(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** A key just created: the only time the key is known. */
    public record NewApiKey(long id, String name, String key, Instant createdAt) {
    }

    private record Known(ApiKey key, long readAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Known> byHash = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final long ttlNanos;

    ApiKeys(JdbcTemplate jdbc, CalloutsProperties properties) {
        this.jdbc = jdbc;
        this.ttlNanos = properties.cache().callouts().toNanos();
    }

    public NewApiKey create(String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "INSERT INTO api_key (name, key_hash, created_at) VALUES (?, ?, ?)", new String[] { "id" });
            statement.setString(1, name);
            statement.setString(2, hash(key));
            statement.setTimestamp(3, Timestamp.from(now));
            return statement;
        }, id);
        return new NewApiKey(id.getKey().longValue(), name, key, now);
    }

    public List<ApiKey> list() {
        return jdbc.query("SELECT id, name, created_at, last_used_at FROM api_key WHERE revoked_at IS NULL ORDER BY id",
                (rs, row) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
    }

    /** Revokes a key; {@code NotFoundException} if there is no such key. */
    public void revoke(long id) {
        if (jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(Instant.now()), id) == 0) {
            throw new NotFoundException("No API key with id " + id + ".");
        }
        byHash.values().removeIf(known -> known.key().id() == id);
    }

    /** The key's record if the key is valid (known and not revoked); notes its use. */
    Optional<ApiKey> check(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(key);
        Known known = byHash.get(hash);
        if (known == null || System.nanoTime() - known.readAtNanos() >= ttlNanos) {
            Optional<ApiKey> stored = jdbc.query("""
                    SELECT id, name, created_at, last_used_at FROM api_key WHERE key_hash = ? AND revoked_at IS NULL""",
                    (rs, row) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), hash)
                    .stream().findFirst();
            if (stored.isEmpty()) {
                byHash.remove(hash);
                return Optional.empty();
            }
            known = new Known(stored.get(), System.nanoTime());
            byHash.put(hash, known);
        }
        noteUse(known.key().id());
        return Optional.of(known.key());
    }

    private void noteUse(long id) {
        Instant now = Instant.now();
        Instant written = lastUseWritten.get(id);
        if (written == null || written.plus(LAST_USED_PRECISION).isBefore(now)) {
            lastUseWritten.put(id, now);
            jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ?", Timestamp.from(now), id);
        }
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
