package com.extensioncallouts.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The job executor settings Extension Callouts ships ({@code camunda.bpm.job-execution.*} of its application.yml). */
final class JobExecutorSettings {

    private JobExecutorSettings() {
    }

    /** As command-line arguments for a Spring Boot application: {@code --camunda.bpm.job-execution.max-wait=2000}. */
    @SuppressWarnings("unchecked")
    static List<String> asArguments(Path applicationYml) throws IOException {
        Map<String, Object> yml;
        try (Reader in = Files.newBufferedReader(applicationYml)) {
            yml = new Yaml().load(in);
        }
        Map<String, Object> camunda = (Map<String, Object>) yml.getOrDefault("camunda", Map.of());
        Map<String, Object> bpm = (Map<String, Object>) camunda.getOrDefault("bpm", Map.of());
        Map<String, Object> jobExecution = (Map<String, Object>) bpm.getOrDefault("job-execution", Map.of());
        List<String> arguments = new ArrayList<>();
        jobExecution.forEach((key, value) -> arguments.add("--camunda.bpm.job-execution." + key + "=" + value));
        return arguments;
    }
}
