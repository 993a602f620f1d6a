package com.extensioncallouts.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.readme.ReadmeWalkThrough.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's "Walk-through with curl", read from README.md and run against the started application: the
 * stand-in RMM as written, each curl command as an HTTP request (host and ports of this run put in), the answers
 * checked against what the prose after each command says ({@code (`201`)}, {@code `"workflowRuleCount": 1`}), and
 * the requests the stand-in logs against the log lines the README shows. Change the README or the product, and
 * this test fails where they disagree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A database of its own, as after cloning: the walk-through's callout is the first one (id 1)
        properties = "spring.datasource.url=jdbc:h2:mem:readme-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ReadmeWalkThroughTests {

    /** "The answer (`201`)": the status of the command before. */
    private static final Pattern ANSWER_STATUS = Pattern.compile("\\(`(\\d{3})`\\)");
    /** "`\"workflowRuleCount\": 1`": a field the answer holds. */
    private static final Pattern ANSWER_FIELD = Pattern.compile("`(\"[^\"`]+\": [^`]+)`");
    /** "The stand-in answers `404`": what the RMM answered to the request the command caused. */
    private static final Pattern STAND_IN_ANSWERS = Pattern.compile("stand-in answers `(\\d{3})`");
    /** "# then repeat the ticket event of step 2". */
    private static final Pattern REPEAT = Pattern.compile("repeat the ticket event of step (\\d+)");
    private static final Pattern STEP = Pattern.compile("\\*\\*(\\d+)\\. ");
    private static final List<String> SECRETS = List.of("token", "password", "headerValue");
    private static final Duration RMM_WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;

    @Autowired
    private ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, List<Curl>> commandsOfStep = new HashMap<>();
    private final List<String> secretsSent = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private String lastCalloutUrl;

    @Test
    void theWalkThroughWorksAsTheReadmeShowsIt() throws Exception {
        List<Block> blocks = ReadmeWalkThrough.read(Path.of("README.md")).blocks();
        assertThat(blocks).as("code blocks of the walk-through").hasSizeGreaterThanOrEqualTo(4);

        String standInCommand = blocks.get(0).text().strip();
        try (StandInRmm rmm = StandInRmm.start(standInCommand)) {
            int readmeRmmPort = StandInRmm.portIn(standInCommand);
            UnaryOperator<String> thisRun = text -> text.replace("localhost:8080", "localhost:" + port)
                    .replace("localhost:" + readmeRmmPort + "/", "localhost:" + rmm.port + "/");
            int step = 0;
            int rmmLinesBefore = 0;
            for (int i = 1; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                Matcher steps = STEP.matcher(blocks.get(i - 1).proseAfter());
                while (steps.find()) {
                    step = Integer.parseInt(steps.group(1));
                }
                if (block.language().equals("bash")) {
                    rmmLinesBefore = rmm.lines().size();
                    run(step, block, thisRun);
                    checkTheStandInsAnswer(block, rmm, rmmLinesBefore);
                } else if (StandInRmm.LOG_LINE.matcher(block.text().strip()).matches()) {
                    List<String> shown = block.text().strip().lines().map(String::strip).toList();
                    List<String> logged = rmm.awaitLines(rmmLinesBefore + shown.size(), RMM_WAIT);
                    assertThat(logged.subList(Math.min(rmmLinesBefore, logged.size()), logged.size()))
                            .as("what the stand-in RMM logs after step " + step).isEqualTo(shown);
                }
            }
            assertThat(commandsOfStep).as("steps with curl commands").hasSizeGreaterThanOrEqualTo(3);
        }
        for (String secret : secretsSent) {
            assertThat(answers).as("no answer shows a secret").noneMatch(answer -> answer.contains(secret));
        }
    }

    private void run(int step, Block block, UnaryOperator<String> thisRun) throws Exception {
        ShellLines shell = ShellLines.parse(block.text());
        for (List<String> command : shell.commands()) {
            if (!command.get(0).equals("curl")) {
                fail("step " + step + " runs " + command + ": this test knows curl only");
            }
            Curl curl = Curl.parse(command);
            commandsOfStep.computeIfAbsent(step, s -> new ArrayList<>()).add(curl);
            HttpResponse<String> answer = send(curl, thisRun);
            String prose = block.proseAfter();
            Matcher status = ANSWER_STATUS.matcher(prose);
            if (status.find()) {
                assertThat(answer.statusCode()).as(curl.describe() + " answers " + answer.body())
                        .isEqualTo(Integer.parseInt(status.group(1)));
            } else {
                assertThat(answer.statusCode()).as(curl.describe() + " answers " + answer.body()).isBetween(200, 299);
            }
            Matcher field = ANSWER_FIELD.matcher(prose);
            while (field.find()) {
                JsonNode body = json.readTree(answer.body());
                JsonNode expected = json.readTree("{" + field.group(1) + "}");
                expected.fields().forEachRemaining(entry -> assertThat(body.findValues(entry.getKey()))
                        .as(curl.describe() + " answers " + field.group(1) + ": " + answer.body())
                        .contains(entry.getValue()));
            }
        }
        for (String comment : shell.comments()) {
            Matcher repeat = REPEAT.matcher(comment);
            if (repeat.find()) {
                List<Curl> earlier = commandsOfStep.get(Integer.parseInt(repeat.group(1)));
                assertThat(earlier).as("the commands of step " + repeat.group(1)).isNotEmpty();
                for (Curl curl : earlier) {
                    assertThat(send(curl, thisRun).statusCode()).as(curl.describe() + " again").isBetween(200, 299);
                }
            }
        }
    }

    private HttpResponse<String> send(Curl curl, UnaryOperator<String> thisRun) throws Exception {
        if (curl.data() != null && curl.data().strip().startsWith("{")) {
            JsonNode sent = json.readTree(curl.data());
            SECRETS.forEach(name -> sent.findValues(name).forEach(value -> secretsSent.add(value.asText())));
            if (sent.has("url") && curl.url().contains("/api/callouts")) {
                lastCalloutUrl = sent.get("url").asText();
            }
        }
        HttpResponse<String> answer = http.send(curl.toRequest(thisRun), HttpResponse.BodyHandlers.ofString());
        answers.add(answer.body());
        return answer;
    }

    /** "The stand-in answers `404`": the request the step caused reached the callout's URL and got that. */
    private void checkTheStandInsAnswer(Block block, StandInRmm rmm, int linesBefore) throws InterruptedException {
        Matcher answers = STAND_IN_ANSWERS.matcher(block.proseAfter());
        if (!answers.find()) {
            return;
        }
        List<String> logged = rmm.awaitLines(linesBefore + 1, RMM_WAIT);
        assertThat(logged).as("the stand-in RMM got a request").hasSizeGreaterThan(linesBefore);
        Matcher line = StandInRmm.LOG_LINE.matcher(logged.get(linesBefore));
        assertThat(line.matches()).isTrue();
        assertThat(line.group("status")).as(logged.get(linesBefore)).isEqualTo(answers.group(1));
        assertThat(URI.create(line.group("target")).getPath()).as("the callout's URL, as changed")
                .isEqualTo(URI.create(lastCalloutUrl).getPath());
    }
}
