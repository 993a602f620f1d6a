package com.extensioncallouts.readme;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell snippet as a newcomer would paste it, split into commands (words, quotes removed) and comments: single
 * and double quotes (which may span lines), a backslash before a line break, {@code #} comments. Nothing else of
 * the shell: the walk-through uses nothing else, and a snippet that does fails this test rather than running in
 * a way the reader's shell would not.
 */
record ShellLines(List<List<String>> commands, List<String> comments) {

    static ShellLines parse(String snippet) {
        List<List<String>> commands = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < snippet.length()) {
            char c = snippet.charAt(i);
            if (c == '\'' || c == '"') {
                int end = snippet.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed quote " + c + " in: " + snippet);
                }
                String quoted = snippet.substring(i + 1, end);
                if (c == '"' && (quoted.contains("$") || quoted.contains("`") || quoted.contains("\\"))) {
                    throw new IllegalArgumentException("the test does not expand $, ` or \\ in double quotes: " + quoted);
                }
                word = (word == null ? new StringBuilder() : word).append(quoted);
                i = end + 1;
            } else if (c == '\\' && i + 1 < snippet.length() && snippet.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '#' && word == null) {
                int end = snippet.indexOf('\n', i);
                end = end < 0 ? snippet.length() : end;
                comments.add(snippet.substring(i + 1, end).strip());
                i = end;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c == '\n' && !words.isEmpty()) {
                    commands.add(List.copyOf(words));
                    words.clear();
                }
                i++;
            } else if ("|&;<>()$`*?".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the test runs no shell; '" + c + "' is not understood in: " + snippet);
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(List.copyOf(words));
        }
        return new ShellLines(commands, comments);
    }
}
