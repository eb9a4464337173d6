package nl.luisterloket.knowledge.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a normalized message and where each starts, found once and shared by the phrase lists: a list tries
 * only the phrases that begin with a word the message has, and only where that word stands. Texts blanked from the
 * message (a matched idiom replaced by spaces) keep every position, so the same words serve them.
 *
 * @param length length of the normalized message
 * @param starts per word, the positions it starts at
 */
record MessageWords(int length, Map<String, int[]> starts) {

    MessageWords {
        starts = Map.copyOf(starts);
    }

    static MessageWords of(String normalized) {
        Map<String, List<Integer>> found = new HashMap<>();
        int i = 0;
        while (i < normalized.length()) {
            if (normalized.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = normalized.indexOf(' ', i);
            if (end < 0) {
                end = normalized.length();
            }
            found.computeIfAbsent(normalized.substring(i, end), word -> new ArrayList<>()).add(i);
            i = end;
        }
        Map<String, int[]> starts = new HashMap<>();
        found.forEach((word, positions) -> starts.put(word, positions.stream().mapToInt(Integer::intValue).toArray()));
        return new MessageWords(normalized.length(), starts);
    }

    /** Whether these are the words of {@code text} or of the message it was blanked from. */
    boolean describe(String text) {
        return text.length() == length;
    }
}
