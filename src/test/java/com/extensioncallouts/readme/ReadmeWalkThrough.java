package com.extensioncallouts.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's walk-through, read from README.md: its code blocks in order, each with the prose that follows it
 * (which says what the reader should see).
 */
record ReadmeWalkThrough(List<Block> blocks) {

    static final String SECTION = "## Walk-through with curl";
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```\\n", Pattern.DOTALL);

    /** A fenced code block: its language ({@code bash}, or empty) and text, then the prose up to the next block. */
    record Block(String language, String text, String proseAfter) {
    }

    static ReadmeWalkThrough read(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException("README.md has no section '" + SECTION + "'");
        }
        int end = text.indexOf("\n## ", start + SECTION.length());
        String section = text.substring(start, end < 0 ? text.length() : end + 1);
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(section);
        List<int[]> spans = new ArrayList<>();
        List<String[]> found = new ArrayList<>();
        while (fence.find()) {
            spans.add(new int[] { fence.start(), fence.end() });
            found.add(new String[] { fence.group(1), fence.group(2) });
        }
        for (int i = 0; i < found.size(); i++) {
            int proseEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : section.length();
            blocks.add(new Block(found.get(i)[0], found.get(i)[1], section.substring(spans.get(i)[1], proseEnd)));
        }
        return new ReadmeWalkThrough(blocks);
    }
}
