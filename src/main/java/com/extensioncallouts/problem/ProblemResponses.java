package com.extensioncallouts.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Writes an RFC 9457 problem where no controller advice reaches: in a servlet filter. */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://extension-callouts.dev/problems/";

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, type, title, detail));
    }

    /** The problem as JSON text. */
    static String body(int status, String type, String title, String detail) {
        return "{\"type\":\"" + TYPE_BASE + type + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}";
    }

    /**
     * Whether a request's raw URI (as sent, not decoded or normalised) is under {@code /api}: {@code /api}
     * itself, or followed by {@code /}, {@code ;}, {@code \} or an escape. The application runs at the root.
     */
    static boolean isApi(String rawUri) {
        if (rawUri == null) {
            return false;
        }
        String path = rawUri.replaceFirst("^/+", "/");
        if (!path.startsWith("/api")) {
            return false;
        }
        return path.length() == 4 || "/;\\%?".indexOf(path.charAt(4)) >= 0;
    }

    private static String json(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
