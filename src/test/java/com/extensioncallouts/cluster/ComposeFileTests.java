package com.extensioncallouts.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs what {@link TwoNodeClusterTests} runs. There is no Docker engine here, so the file
 * is read and its settings compared with the cluster test's: two nodes on one PostgreSQL database given the
 * same way, node ids of their own, one secrets key for both, both job executors on, Mailpit as the mail server.
 * A node's environment is read as Spring Boot reads it ({@link #property}), so a misspelt variable counts as
 * missing.
 */
class ComposeFileTests {

    static Map<String, Map<String, Object>> services;
    /** The application nodes: the services that carry a node id. */
    static Map<String, Map<String, String>> nodes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheComposeFile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        nodes = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
            if (environment.containsKey("CALLOUTS_NODE_ID")) {
                Map<String, String> values = new LinkedHashMap<>();
                environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
                nodes.put(name, values);
            }
        });
    }

    @Test
    void twoNodesWithTheNodeIdsTheClusterTestGivesThem() {
        assertThat(nodes).hasSize(2);
        assertThat(nodes.values().stream().map(env -> property(env, "callouts.node.id")))
                .containsExactlyInAnyOrder(TwoNodeClusterTests.nodeSettings("node-a").get("callouts.node.id"),
                        TwoNodeClusterTests.nodeSettings("node-b").get("callouts.node.id"));
        assertThat(nodes.keySet().stream().map(ComposeFileTests::hostPort).collect(Collectors.toSet()))
                .as("each node behind a host port of its own").hasSize(2);
    }

    @Test
    void bothNodesUseOnePostgresDatabaseGivenAsTheClusterTestGivesIt() {
        Map<String, Object> postgres = services.get("postgres");
        assertThat((String) postgres.get("image")).startsWith("postgres:");
        @SuppressWarnings("unchecked")
        Map<String, String> server = (Map<String, String>) postgres.get("environment");
        Map<String, String> tested = TwoNodeClusterTests.nodeSettingsWithDatasource("jdbc:postgresql://localhost:5432/callouts");

        for (Map<String, String> node : nodes.values()) {
            assertThat(tested.keySet().stream().filter(key -> key.startsWith("spring.datasource.")))
                    .as("the same datasource properties as the test").allMatch(key -> property(node, key) != null);
            URI url = URI.create(property(node, "spring.datasource.url").substring("jdbc:".length()));
            URI testedUrl = URI.create(tested.get("spring.datasource.url").substring("jdbc:".length()));
            assertThat(url.getScheme()).isEqualTo(testedUrl.getScheme());
            assertThat(url.getHost()).as("the postgres service").isEqualTo("postgres");
            assertThat(url.getPath()).isEqualTo(testedUrl.getPath()).isEqualTo("/" + server.get("POSTGRES_DB"));
            assertThat(property(node, "spring.datasource.username")).isEqualTo(tested.get("spring.datasource.username"))
                    .isEqualTo(server.get("POSTGRES_USER"));
            assertThat(property(node, "spring.datasource.password")).isEqualTo(server.get("POSTGRES_PASSWORD"));
            assertThat(dependsOn(node)).contains("postgres");
        }
    }

    @Test
    void oneSecretsKeyForBothNodesFromTheEnvironmentAndRequired() {
        assertThat(TwoNodeClusterTests.nodeSettings("node-a").get("callouts.secrets.key"))
                .isEqualTo(TwoNodeClusterTests.nodeSettings("node-b").get("callouts.secrets.key"));
        Set<String> keys = nodes.values().stream().map(env -> property(env, "callouts.secrets.key"))
                .collect(Collectors.toSet());
        assertThat(keys).singleElement().asString().startsWith("${CALLOUTS_SECRETS_KEY:?");
    }

    @Test
    void bothJobExecutorsOnAsInTheClusterTest() {
        assertThat(TwoNodeClusterTests.nodeSettings("node-a")).containsEntry("camunda.bpm.job-execution.enabled", "true");
        assertThat(nodes.values()).allSatisfy(env ->
                assertThat(property(env, "camunda.bpm.job-execution.enabled")).isEqualTo("true"));
    }

    @Test
    void mailGoesToMailpitWhoseInboxIsOnItsOwnPort() {
        assertThat((String) services.get("mailpit").get("image")).startsWith("axllent/mailpit");
        assertThat(services.get("mailpit").get("ports").toString()).contains("8025:8025");
        assertThat(nodes.values()).allSatisfy(env -> {
            assertThat(property(env, "spring.mail.host")).isEqualTo("mailpit");
            assertThat(property(env, "spring.mail.port")).isEqualTo("1025");
        });
    }

    /** As in the test, the second node starts once the first is up: Camunda's schema is created once. */
    @Test
    void oneNodeStartsAfterTheOtherIsUp() {
        List<String> names = List.copyOf(nodes.keySet());
        Map<String, Object> first = services.get(names.get(0));
        assertThat(first).containsKey("healthcheck");
        assertThat(dependsOnMap(names.get(1))).containsEntry(names.get(0), Map.of("condition", "service_healthy"));
    }

    /**
     * The value a node's environment gives {@code name}, bound as Spring Boot binds environment variables
     * (placeholders left as they are: {@code ${...}} is compose's to fill in).
     */
    static String property(Map<String, String> environment, String name) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", Map.copyOf(environment)));
        ConfigurationPropertySources.attach(spring);
        return new Binder(ConfigurationPropertySources.get(spring)).bind(name, String.class).orElse(null);
    }

    private static String hostPort(String service) {
        String mapping = services.get(service).get("ports").toString();
        return mapping.substring(1, mapping.indexOf(':'));
    }

    private static Set<String> dependsOn(Map<String, String> node) {
        String name = nodes.entrySet().stream().filter(e -> e.getValue() == node).findFirst().orElseThrow().getKey();
        return dependsOnMap(name).keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dependsOnMap(String service) {
        return (Map<String, Object>) services.get(service).getOrDefault("depends_on", Map.of());
    }
}
