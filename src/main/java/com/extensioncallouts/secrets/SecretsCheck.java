package com.extensioncallouts.secrets;

import java.util.List;

import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, once Flyway has run: refuses a key that is not the one the stored secrets were sealed with
 * (a sealed check value opens only with the right key; never a silent re-key), and seals any secret an
 * earlier version stored in clear text.
 */
@Component
@DependsOn("flywayInitializer")
class SecretsCheck {

    static final String CHECK = "secrets.check";
    private static final String CHECK_TEXT = "extension-callouts sealed secrets";

    SecretsCheck(SecretBox box, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            verifyKey(box, jdbc);
            sealClearSecrets(box, jdbc);
        });
    }

    private static void verifyKey(SecretBox box, JdbcTemplate jdbc) {
        List<String> stored = jdbc.queryForList("SELECT setting_value FROM callouts_setting WHERE setting_name = ?", String.class, CHECK);
        if (stored.isEmpty()) {
            try {
                jdbc.update("INSERT INTO callouts_setting (setting_name, setting_value) VALUES (?, ?)", CHECK, box.seal(CHECK_TEXT));
                return;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                stored = jdbc.queryForList("SELECT setting_value FROM callouts_setting WHERE setting_name = ?", String.class, CHECK);
            }
        }
        try {
            if (CHECK_TEXT.equals(box.open(stored.get(0)))) {
                return;
            }
        } catch (SecretBox.WrongKeyException wrong) {
            // reported below
        }
        throw new IllegalStateException("The stored secrets were sealed with another key than the one configured "
                + "(" + SecretsConfiguration.KEY_PROPERTY + ", or the key file on the embedded default). Start "
                + "with the key they were sealed with; nothing was changed.");
    }

    private static void sealClearSecrets(SecretBox box, JdbcTemplate jdbc) {
        List<Object[]> clear = jdbc.query("SELECT id, auth_secret FROM callout WHERE auth_secret IS NOT NULL",
                (rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) }).stream()
                .filter(r -> !SecretBox.isSealed((String) r[1])).toList();
        for (Object[] row : clear) {
            jdbc.update("UPDATE callout SET auth_secret = ? WHERE id = ?", box.seal((String) row[1]), row[0]);
        }
        if (!clear.isEmpty()) {
            SecretsLog.sealed(clear.size());
        }
    }
}
