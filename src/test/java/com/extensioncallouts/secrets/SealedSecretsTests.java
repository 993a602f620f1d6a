package com.extensioncallouts.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.extensioncallouts.ExtensionCalloutsApplication;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.delivery.CalloutTester;
import com.extensioncallouts.signing.SigningSecrets;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;

/**
 * Secrets are sealed at rest: a dump of every table, the H2 file itself and the log hold none of them in
 * clear; clear-text secrets of an earlier version are sealed at start-up; a wrong key stops the start and
 * changes nothing; the embedded default keeps its key in a file only its owner can read.
 */
@ExtendWith(OutputCaptureExtension.class)
class SealedSecretsTests {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_KEY = "HxwdGhsYGRYXFBUSExAREA8ODA0KCwgJBgcEBQIDAAE=";

    @Test
    void noTableTheDatabaseFileOrTheLogHoldsASecretInClear(@TempDir Path dir, CapturedOutput output) throws Exception {
        String password = "pw-s3cret-" + System.nanoTime();
        String token = "tok-s3cret-" + System.nanoTime();
        String headerValue = "hdr-s3cret-" + System.nanoTime();
        String signingSecret;
        try (HttpReceiver rmm = new HttpReceiver().thenAnswer(Answer.status(401),
                new Answer(401, "{\"echo\":\"Bearer " + token + "\"}", false),
                new Answer(401, "{\"echo\":\"" + headerValue + "\"}", false));
                ConfigurableApplicationContext app = start(dir, KEY)) {
            CalloutService callouts = app.getBean(CalloutService.class);
            Callout basic = callouts.create(draft("Basic", rmm.url("/b"), "BASIC", "psa", password, null));
            Callout bearer = callouts.create(draft("Bearer", rmm.url("/t"), "BEARER", null, token, null));
            Callout header = callouts.create(draft("Header", rmm.url("/h"), "HEADER", null, headerValue, "X-Api-Key"));
            signingSecret = app.getBean(SigningSecrets.class).generate(bearer.id());
            CalloutTester tester = app.getBean(CalloutTester.class);
            for (Callout callout : List.of(basic, bearer, header)) {
                tester.sendTest(callout);
            }
            assertThat(rmm.requests()).extracting(r -> r.header("Authorization") + " " + r.header("X-Api-Key"))
                    .as("the RMM still gets them in clear").anyMatch(h -> h.contains(token))
                    .anyMatch(h -> h.contains(headerValue));
            String dump = dumpEveryTable(app.getBean(javax.sql.DataSource.class).getConnection());
            assertThat(dump).contains("{sealed:v1}");
            for (String secret : List.of(password, token, headerValue, signingSecret, signingSecret.substring(6))) {
                assertThat(dump).as("every table").doesNotContain(secret);
            }
        }
        byte[] file = Files.readAllBytes(dir.resolve("callouts.mv.db"));
        for (String secret : List.of(password, token, headerValue, signingSecret.substring(6))) {
            assertThat(indexOf(file, secret.getBytes(StandardCharsets.UTF_8))).as("the H2 file").isEqualTo(-1);
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
        }
    }

    @Test
    void clearTextSecretsOfAnEarlierVersionAreSealedAtStartUp(@TempDir Path dir) throws Exception {
        String token = "tok-old-" + System.nanoTime();
        try (ConfigurableApplicationContext app = start(dir, KEY)) {
            app.getBean(CalloutService.class).create(draft("Old", "http://127.0.0.1:9/", "BEARER", null, token, null));
        }
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "")) {
            db.createStatement().executeUpdate("UPDATE callout SET auth_secret = '" + token + "'");
        }

        try (HttpReceiver rmm = new HttpReceiver(); ConfigurableApplicationContext app = start(dir, KEY)) {
            String stored = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT auth_secret FROM callout", String.class);
            assertThat(stored).startsWith("{sealed:v1}").doesNotContain(token);
            CalloutService callouts = app.getBean(CalloutService.class);
            Callout old = callouts.findByName("Old").orElseThrow();
            callouts.update(old.id(), draft("Old", rmm.url("/old"), "BEARER", null, null, null));
            app.getBean(CalloutTester.class).sendTest(callouts.get(old.id()));
            assertThat(rmm.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
        }
    }

    @Test
    void aWrongKeyStopsTheStartAndChangesNothing(@TempDir Path dir) throws Exception {
        try (ConfigurableApplicationContext app = start(dir, KEY)) {
            app.getBean(CalloutService.class).create(draft("Kept", "http://127.0.0.1:9/", "BEARER", null, "t0k", null));
        }
        String before = storedSecret(dir);

        assertThatThrownBy(() -> start(dir, OTHER_KEY).close())
                .hasStackTraceContaining("sealed with another key than the one configured")
                .hasStackTraceContaining("callouts.secrets.key");

        assertThat(storedSecret(dir)).isEqualTo(before);
    }

    @Test
    void theEmbeddedDefaultKeepsItsKeyInAFileOnlyItsOwnerCanRead(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("secrets.key");
        try (ConfigurableApplicationContext app = start(dir, "", "--callouts.secrets.key-file=" + keyFile)) {
            app.getBean(CalloutService.class).create(draft("Filed", "http://127.0.0.1:9/", "BEARER", null, "t0k", null));
        }
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        try (ConfigurableApplicationContext app = start(dir, "", "--callouts.secrets.key-file=" + keyFile)) {
            assertThat(app.getBean(CalloutService.class).findByName("Filed").orElseThrow().authentication().secret())
                    .as("the same key opens what it sealed").isEqualTo("t0k");
        }
    }

    private static CalloutDraft draft(String name, String url, String type, String user, String secret, String header) {
        return new CalloutDraft(name, url, "POST", "JSON", type, user, "BASIC".equals(type) ? secret : null,
                "BEARER".equals(type) ? secret : null, header, "HEADER".equals(type) ? secret : null, null,
                List.of("s@msp.example"), "ON_ERROR", true);
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("callouts").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static ConfigurableApplicationContext start(Path dir, String key, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url(dir), "--server.port=0",
                "--callouts.secrets.key=" + key, "--camunda.bpm.job-execution.enabled=false",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ExtensionCalloutsApplication.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static String storedSecret(Path dir) throws Exception {
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "");
                ResultSet rs = db.createStatement().executeQuery("SELECT auth_secret FROM callout")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String dumpEveryTable(Connection connection) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (connection; Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            dump.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                    : String.valueOf(value)).append('|');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
