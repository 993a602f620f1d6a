package com.extensioncallouts.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Where python3 is missing, the stand-in RMM the walk-through test uses instead answers and logs as
 * {@code python3 -m http.server} does: 200 for its directory, 404 for any other path, one line per request.
 */
class StandInRmmTests {

    @Test
    void theJdkStandInAnswersAndLogsLikePythonsHttpServer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (StandInRmm rmm = new StandInRmm.Jdk(freePort())) {
            String base = "http://127.0.0.1:" + rmm.port;
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/?event=EDITED&udf%3AX=a+b")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/no-such-alert?id=1")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

            assertThat(rmm.awaitLines(2, Duration.ofSeconds(10))).containsExactly(
                    "\"GET /?event=EDITED&udf%3AX=a+b HTTP/1.1\" 200 -",
                    "\"GET /no-such-alert?id=1 HTTP/1.1\" 404 -");
            assertThat(rmm.lines()).allMatch(line -> StandInRmm.LOG_LINE.matcher(line).matches());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
