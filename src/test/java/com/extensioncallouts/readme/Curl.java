package com.extensioncallouts.readme;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A curl command line as an HTTP request, with curl's defaults: {@code -d} makes a POST, {@code Accept: * / *}
 * (without the spaces) unless given. Only the options the walk-through uses; any other fails the test, so that the
 * README cannot use an option this class would silently get wrong.
 */
record Curl(String method, String url, List<String[]> headers, String user, String data) {

    static Curl parse(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + words);
        }
        String method = null;
        String url = null;
        String user = null;
        String data = null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-u", "--user" -> user = words.get(++i);
                case "-X", "--request" -> method = words.get(++i);
                case "-d", "--data" -> data = words.get(++i);
                case "-H", "--header" -> {
                    String header = words.get(++i);
                    int colon = header.indexOf(':');
                    headers.add(new String[] { header.substring(0, colon).strip(), header.substring(colon + 1).strip() });
                }
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException("curl option " + word + " is not known to this test");
                    }
                    url = word;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl without a URL: " + words);
        }
        return new Curl(method != null ? method : data != null ? "POST" : "GET", url, headers, user, data);
    }

    /** The request, with {@code substitute} applied to the URL and the body (host and port of this run). */
    HttpRequest toRequest(UnaryOperator<String> substitute) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(substitute.apply(url)))
                .method(method, data == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(substitute.apply(data), StandardCharsets.UTF_8));
        boolean accept = false;
        boolean contentType = false;
        for (String[] header : headers) {
            request.header(header[0], header[1]);
            accept |= header[0].equalsIgnoreCase("Accept");
            contentType |= header[0].equalsIgnoreCase("Content-Type");
        }
        if (!accept) {
            request.header("Accept", "*/*");
        }
        if (data != null && !contentType) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    String describe() {
        return method.toUpperCase(Locale.ROOT) + " " + url;
    }
}
